package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/bytecode"
)

// Traceback objects: the view of an exception's traceback that Python
// code sees (__traceback__, sys.exc_info()[2], with_traceback). The
// exception itself keeps its traceback as a plain list of (code,
// instruction) entries; these objects are built from it on demand and
// can be turned back into entries.

// TracebackObject is one traceback entry, linked outermost to innermost.
type TracebackObject struct {
	alloc.Header
	alloc.GCLink
	code    *Code
	pc      int
	next    Value // the next (inner) traceback object, or nil
	globals Value // the frame's globals, or nil
	frame   Value // tb_frame once made, or nil
}

var tracebackType = newBuiltinType("traceback", objectType, 0)

const tracebackSize = unsafe.Sizeof(TracebackObject{})

// tracebackValue returns the traceback object chain of e (None when e
// has no traceback), outermost frame first. The chain is kept on the
// exception, so __traceback__ is the same object each time, and when
// the exception has passed through more frames since, the new entries
// are put in front of the old chain, as CPython's PyTraceBack_Here does.
func (in *Interp) tracebackValue(e *Exception) (Value, error) {
	if len(e.traceback) == 0 {
		return None, nil
	}
	if e.tbObj.IsNil() || e.tbLen > len(e.traceback) {
		in.xdecRef(e.tbObj)
		e.tbObj, e.tbLen = Value{}, 0
	}
	for _, entry := range e.traceback[e.tbLen:] { // innermost first
		tb := &TracebackObject{code: entry.code, pc: entry.pc}
		if err := in.account(&tb.Header, tracebackType, tracebackSize); err != nil {
			return Value{}, err
		}
		if !entry.globals.IsNil() {
			incRef(entry.globals)
			tb.globals = entry.globals
		}
		if !entry.frame.IsNil() {
			incRef(entry.frame)
			tb.frame = entry.frame
		}
		tb.next = e.tbObj // the reference moves to the new head
		e.tbObj = valueOf(tb)
		e.tbLen++
	}
	incRef(e.tbObj)
	return e.tbObj, nil
}

// setTraceback replaces e's traceback with the entries of a traceback
// object chain (or none, for None).
func (in *Interp) setTraceback(e *Exception, tb Value) error {
	if !tb.IsNone() && tb.Type() != tracebackType {
		return in.raise(typeErrorType, "__traceback__ must be a traceback or None")
	}
	var entries []tracebackEntry
	for v := tb; !v.IsNil() && !v.IsNone(); v = asObject[TracebackObject](v).next {
		t := asObject[TracebackObject](v)
		g, fo := t.globals, t.frame
		for _, x := range []Value{g, fo} {
			if !x.IsNil() {
				incRef(x)
			}
		}
		entries = append(entries, tracebackEntry{t.code, t.pc, g, fo})
	}
	// Stored innermost first.
	for i, j := 0, len(entries)-1; i < j; i, j = i+1, j-1 {
		entries[i], entries[j] = entries[j], entries[i]
	}
	in.dropTraceback(e)
	e.traceback = entries
	old := e.tbObj
	e.tbObj, e.tbLen = Value{}, 0
	if len(entries) > 0 {
		incRef(tb)
		e.tbObj, e.tbLen = tb, len(entries)
	}
	in.xdecRef(old)
	return nil
}

func init() {
	tracebackType.dealloc = func(in *Interp, v Value) {
		t := asObject[TracebackObject](v)
		in.xdecRef(t.next)
		in.xdecRef(t.globals)
		in.xdecRef(t.frame)
		*t = TracebackObject{Header: t.Header}
		in.heap.Free(&t.Header, tracebackSize)
	}
	defGetSet(tracebackType, "tb_next", func(in *Interp, v Value) (Value, error) {
		n := asObject[TracebackObject](v).next
		if n.IsNil() {
			return None, nil
		}
		incRef(n)
		return n, nil
	}, func(in *Interp, v, value Value) error {
		if value.IsNil() {
			return in.raise(typeErrorType, "can't delete tb_next attribute")
		}
		if !value.IsNone() && value.Type() != tracebackType {
			return in.raise(typeErrorType, "expected traceback object or None, got '%s'", value.Type().Name)
		}
		for c := value; !c.IsNone() && !c.IsNil(); c = asObject[TracebackObject](c).next {
			if c.p == v.p {
				return in.raise(valueErrorType, "traceback loop detected")
			}
		}
		t := asObject[TracebackObject](v)
		old := t.next
		if value.IsNone() {
			t.next = Value{}
		} else {
			incRef(value)
			t.next = value
		}
		in.xdecRef(old)
		return nil
	})
	defGetSet(tracebackType, "tb_lineno", func(in *Interp, v Value) (Value, error) {
		t := asObject[TracebackObject](v)
		pos, err := bytecode.PositionAt(t.code.tmpl.Positions, t.pc)
		if err != nil || pos.Line < 0 {
			return None, nil
		}
		return Int(int64(pos.Line)), nil
	}, nil)
	defGetSet(tracebackType, "tb_lasti", func(in *Interp, v Value) (Value, error) {
		t := asObject[TracebackObject](v)
		return Int(int64(codeLasti(t.code, t.pc))), nil
	}, nil)
	defGetSet(tracebackType, "tb_frame", func(in *Interp, v Value) (Value, error) {
		t := asObject[TracebackObject](v)
		if t.frame.IsNil() {
			f, err := in.newTracebackFrame(t.code, t.pc, t.globals)
			if err != nil {
				return Value{}, err
			}
			t.frame = f
		}
		incRef(t.frame)
		return t.frame, nil
	}, nil)
}
