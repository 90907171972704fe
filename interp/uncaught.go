package interp

import (
	"io"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/traceback"
)

// PrintException writes what CPython prints to stderr for an uncaught
// exception: the tracebacks and messages of its whole chain. src reads the
// source lines the traceback shows. err must be an *Exception returned by
// this interpreter.
func (in *Interp) PrintException(w io.Writer, err error, src traceback.SourceFunc) error {
	e, ok := err.(*Exception)
	if !ok {
		_, werr := io.WriteString(w, err.Error()+"\n")
		return werr
	}
	seen := map[*Exception]*traceback.Exception{}
	return traceback.FormatException(w, in.tracebackOf(e, seen), src)
}

// tracebackOf converts an exception and its chain for the printer.
func (in *Interp) tracebackOf(e *Exception, seen map[*Exception]*traceback.Exception) *traceback.Exception {
	if t, ok := seen[e]; ok {
		return t
	}
	typ := valueOf(e).Type()
	t := &traceback.Exception{TypeName: typ.Name, Module: typ.Module, SuppressContext: e.suppressContext}
	seen[e] = t
	if s, err := in.Str(valueOf(e)); err == nil {
		t.Message = s.GoString()
		in.decRef(s)
	} else {
		t.Message = "<exception str() failed>"
		in.decRef(valueOf(err.(*Exception)))
	}
	// The traceback was recorded innermost first; the printer wants the
	// outermost first.
	for i := len(e.traceback) - 1; i >= 0; i-- {
		entry := e.traceback[i]
		tmpl := entry.code.tmpl
		pos, err := bytecode.PositionAt(tmpl.Positions, entry.pc)
		if err != nil {
			pos = bytecode.NoPos
		}
		t.Frames = append(t.Frames, traceback.FrameAt(tmpl.Filename, tmpl.Name, pos))
	}
	if !e.cause.IsNil() {
		t.Cause = in.tracebackOf(asObject[Exception](e.cause), seen)
	}
	if !e.context.IsNil() {
		t.Context = in.tracebackOf(asObject[Exception](e.context), seen)
	}
	return t
}
