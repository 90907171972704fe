package interp

import (
	"io"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
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
	t := &traceback.Exception{TypeName: typ.qualname(), Module: typ.Module, SuppressContext: e.suppressContext}
	seen[e] = t
	if s, err := in.Str(valueOf(e)); err == nil {
		t.Message = s.GoString()
		in.decRef(s)
	} else {
		t.Message = "<exception str() failed>"
		in.decRef(valueOf(err.(*Exception)))
	}
	t.Suggestion = in.suggestion(e)
	t.Notes, t.NotesRepr, t.NoteFailed = in.notesOf(e)
	if typ.IsSubtype(syntaxErrorType) {
		t.Syntax = syntaxDetails(e)
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
	if isGroup(e) {
		in.groupTracebackOf(e, t, seen)
	}
	return t
}

// ExitStatus recognizes SystemExit, the exception sys.exit() raises, and
// does what CPython does with it at the top level: no code or None exits
// with 0, an int with that status, anything else is printed to stderr and
// exits with 1. ok is false for any other exception.
func (in *Interp) ExitStatus(err error, stderr io.Writer) (status int, ok bool) {
	e, isExc := err.(*Exception)
	if !isExc || !valueOf(e).Type().IsSubtype(systemExitType) {
		return 0, false
	}
	code := e.value
	switch {
	case code.IsNil() || code.IsNone():
		return 0, true
	case code.IsSmallInt() || code.IsBool():
		return int(code.SmallInt()) & 0xff, true
	case isInt(code):
		return 255, true
	}
	s, serr := in.Str(code)
	if serr != nil {
		in.decRef(valueOf(serr.(*Exception)))
		return 1, true
	}
	io.WriteString(stderr, s.GoString()+"\n")
	in.decRef(s)
	return 1, true
}

// notesOf is what the printer shows of __notes__: str() of each entry of
// a sequence (failed marks those whose str() raised), or the repr of
// anything else (isRepr).
func (in *Interp) notesOf(e *Exception) (out []string, isRepr bool, failed []bool) {
	if e.dict.IsNil() {
		return nil, false, nil
	}
	notes, ok, err := in.DictGet(asObject[Dict](e.dict), internName("__notes__"))
	if err != nil || !ok {
		return nil, false, nil
	}
	if t := notes.Type(); t == listType || t == tupleType {
		items, err := in.iterateAll(notes)
		if err != nil {
			in.decRef(valueOf(err.(*Exception)))
			return nil, false, nil
		}
		for _, n := range items {
			if s, err := in.Str(n); err == nil {
				out = append(out, s.GoString())
				failed = append(failed, false)
				in.decRef(s)
			} else {
				in.decRef(valueOf(err.(*Exception)))
				out = append(out, "<note str() failed>")
				failed = append(failed, true)
			}
			in.decRef(n)
		}
		return out, false, failed
	}
	if r, err := in.Repr(notes); err == nil {
		out = append(out, r.GoString())
		in.decRef(r)
	} else {
		in.decRef(valueOf(err.(*Exception)))
		out = append(out, "<__notes__ repr() failed>")
	}
	return out, true, nil
}

// syntaxDetails reads a SyntaxError's location for the printer.
func syntaxDetails(e *Exception) *syntax.Error {
	args := asObject[Tuple](e.args).items
	se := &syntax.Error{}
	if len(args) > 0 && args[0].Type() == strType {
		se.Msg = args[0].GoString()
	}
	if len(args) != 2 || args[1].Type() != tupleType {
		return se
	}
	d := asObject[Tuple](args[1]).items
	intAt := func(i int) int {
		if i < len(d) && d[i].IsSmallInt() {
			return int(d[i].SmallInt())
		}
		return 0
	}
	if len(d) > 0 && d[0].Type() == strType {
		se.Filename = d[0].GoString()
	}
	se.Line, se.Offset = intAt(1), intAt(2)
	if len(d) > 3 && d[3].Type() == strType {
		se.Text = d[3].GoString()
	}
	se.EndLine, se.EndOffset = intAt(4), intAt(5)
	return se
}

// IsKeyboardInterrupt reports whether err is an uncaught
// KeyboardInterrupt (the program was interrupted with SIGINT).
func (in *Interp) IsKeyboardInterrupt(err error) bool {
	e, ok := err.(*Exception)
	return ok && valueOf(e).Type().IsSubtype(exceptionTypes["KeyboardInterrupt"])
}
