package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Frame objects: the view of a frame that Python code holds
// (sys._getframe, f_back, gi_frame, tb_frame). A running frame lives in
// the frame arena and is reused once it returns, so its object points at
// it only while it runs; when the frame is released the object is
// detached and keeps what it showed (code, last instruction, globals,
// locals, the caller's frame object), as CPython's frame objects take
// ownership of a finished frame's data.

// frameObject is a frame as Python code sees it.
type frameObject struct {
	alloc.Header
	alloc.GCLink
	live *frame // the frame while it is live, or nil

	// Once detached, or for a traceback entry's frame: its code, the
	// instruction it was at, and what it held (all owned).
	code    *Code
	pc      int
	globals Value
	names   Value   // the local namespace of module and class code
	locals  []Value // the values of tmpl.LocalsPlusNames
	back    Value   // the caller's frame object
	// noBack marks a traceback entry's frame, whose caller was not kept.
	noBack bool
}

var frameObjectType = newBuiltinType("frame", objectType, 0)

const frameObjectSize = unsafe.Sizeof(frameObject{})

// frameObjectFor returns the frame object of a live frame, making it on
// first use so that every request gets the same object.
func (in *Interp) frameObjectFor(f *frame) (Value, error) {
	if f.obj != nil {
		v := valueOf(f.obj)
		incRef(v)
		return v, nil
	}
	// Frame objects are recycled (in.free.frameObjects, recycle.go):
	// code walking the stack (logging asks for four per record) makes
	// and drops them at a high rate.
	o := in.free.frameObjects.get()
	o.live = f
	if err := in.account(&o.Header, frameObjectType, frameObjectSize); err != nil {
		return Value{}, err
	}
	f.obj, f.special = o, true
	return valueOf(o), nil
}

// newTracebackFrame makes the frame object a traceback entry shows
// (tb_frame): its code, line and globals; it no longer runs.
func (in *Interp) newTracebackFrame(c *Code, pc int, globals Value) (Value, error) {
	o := in.free.frameObjects.get()
	o.code, o.pc, o.noBack = c, pc, true
	if err := in.account(&o.Header, frameObjectType, frameObjectSize); err != nil {
		return Value{}, err
	}
	if !globals.IsNil() {
		incRef(globals)
		o.globals = globals
	}
	return valueOf(o), nil
}

// frameCaller is the frame that called f while f runs: the previous
// frame of its loop, or for a loop's entry frame the frame that was
// running when the loop began. A suspended generator's frame has none.
func frameCaller(f *frame) *frame {
	if f.back != nil {
		return f.back
	}
	if f.entry && (f.gen == nil || f.gen.running) {
		return f.outer
	}
	return nil
}

// detachFrameObject gives f's frame object a copy of what f holds, just
// before f is released.
func (in *Interp) detachFrameObject(f *frame) {
	o := f.obj
	f.obj = nil
	o.live = nil
	o.code, o.pc = f.code, max(f.pc-1, 0)
	if f.globals != nil {
		o.globals = valueOf(f.globals)
		incRef(o.globals)
	}
	if f.names != nil { // module code's names are its globals
		o.names = valueOf(f.names)
		incRef(o.names)
	}
	o.locals = make([]Value, f.nlocal)
	for i, v := range f.slots[:f.nlocal] {
		if !v.IsNil() {
			incRef(v)
		}
		o.locals[i] = v
	}
	if caller := frameCaller(f); caller != nil {
		if b, err := in.frameObjectFor(caller); err == nil {
			o.back = b
		} else {
			in.decRef(valueOf(err.(*Exception)))
		}
	}
}

// clearFrameObject drops a detached frame object's references (and
// unlinks a live one from its frame).
func (in *Interp) clearFrameObject(o *frameObject) {
	if o.live != nil {
		o.live.obj = nil
		o.live = nil
	}
	locals := o.locals
	o.locals = nil
	for _, v := range locals {
		in.xdecRef(v)
	}
	in.clearField(&o.globals)
	in.clearField(&o.names)
	in.clearField(&o.back)
}

// view is the frame o shows: the live frame, or one rebuilt from the
// detached state (pc one past the instruction, as a running frame's).
func (o *frameObject) view() *frame {
	if o.live != nil {
		return o.live
	}
	f := &frame{code: o.code, tmpl: o.code.tmpl, pc: o.pc + 1}
	if !o.globals.IsNil() {
		f.globals = asObject[Dict](o.globals)
	}
	if !o.names.IsNil() {
		f.names = asObject[Dict](o.names)
	}
	f.slots, f.nlocal, f.sp = o.locals, len(o.locals), len(o.locals)
	return f
}

func init() {
	frameObjectType.dealloc = func(in *Interp, v Value) {
		o := asObject[frameObject](v)
		in.clearFrameObject(o)
		*o = frameObject{Header: o.Header}
		in.heap.Free(&o.Header, frameObjectSize)
		in.free.frameObjects.put(o)
	}
	frameObjectType.repr = func(in *Interp, v Value) (Value, error) {
		f := asObject[frameObject](v).view()
		return in.NewStr(sprintf("<frame at 0x%s, file '%s', line %d, code %s>", hexAddr(v), f.tmpl.Filename, frameLine(f), f.tmpl.Name))
	}
	defGetSet(frameObjectType, "f_lineno", func(in *Interp, v Value) (Value, error) {
		return Int(int64(frameLine(asObject[frameObject](v).view()))), nil
	}, nil)
	defGetSet(frameObjectType, "f_lasti", func(in *Interp, v Value) (Value, error) {
		o := asObject[frameObject](v)
		f := o.view()
		pc := max(f.pc-1, 0)
		if o.live != nil && in.callsInLoop(o.live) {
			return Int(int64(codeLastiInCall(f.code, pc))), nil
		}
		return Int(int64(codeLasti(f.code, pc))), nil
	}, nil)
	defGetSet(frameObjectType, "f_code", func(in *Interp, v Value) (Value, error) {
		return valueOf(asObject[frameObject](v).view().code), nil
	}, nil)
	defGetSet(frameObjectType, "f_globals", func(in *Interp, v Value) (Value, error) {
		f := asObject[frameObject](v).view()
		if f.globals == nil {
			return Value{}, in.raise(notImplementedErrorType, "f_globals of this frame is not implemented yet")
		}
		incRef(valueOf(f.globals))
		return valueOf(f.globals), nil
	}, nil)
	defGetSet(frameObjectType, "f_builtins", func(in *Interp, v Value) (Value, error) {
		b := in.builtinsModule.dict
		incRef(b)
		return b, nil
	}, nil)
	defGetSet(frameObjectType, "f_locals", func(in *Interp, v Value) (Value, error) {
		o := asObject[frameObject](v)
		if o.live == nil && o.noBack {
			return Value{}, in.raise(notImplementedErrorType, "f_locals of a traceback's frame is not implemented yet")
		}
		return in.frameLocals(o.view())
	}, nil)
	defGetSet(frameObjectType, "f_back", func(in *Interp, v Value) (Value, error) {
		o := asObject[frameObject](v)
		if o.live != nil {
			if c := frameCaller(o.live); c != nil {
				return in.frameObjectFor(c)
			}
			return None, nil
		}
		if o.noBack {
			return Value{}, in.raise(notImplementedErrorType, "f_back of a traceback's frame is not implemented yet")
		}
		if o.back.IsNil() {
			return None, nil
		}
		incRef(o.back)
		return o.back, nil
	}, nil)
	defGetSet(frameObjectType, "f_trace", func(in *Interp, v Value) (Value, error) {
		return None, nil
	}, func(in *Interp, v, value Value) error {
		if value.IsNil() || value.IsNone() {
			return nil
		}
		return in.raise(notImplementedErrorType, "tracing frames (f_trace) is not implemented yet")
	})
	for _, name := range []string{"f_trace_lines", "f_trace_opcodes"} {
		defGetSet(frameObjectType, name, func(in *Interp, v Value) (Value, error) {
			return Bool(name == "f_trace_lines"), nil
		}, nil)
	}
	defMethod(frameObjectType, "clear", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("clear", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		o := asObject[frameObject](args[0])
		if o.live != nil {
			if o.live.gen != nil && !o.live.gen.running {
				return Value{}, in.raise(notImplementedErrorType, "clearing a suspended generator's frame is not implemented yet")
			}
			return Value{}, in.raise(runtimeErrorType, "cannot clear an executing frame")
		}
		locals := o.locals
		o.locals = nil
		for _, x := range locals {
			in.xdecRef(x)
		}
		return None, nil
	})
}
