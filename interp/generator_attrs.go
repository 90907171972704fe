package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/bytecode"
)

// The introspection attributes of generators (gi_frame, gi_suspended,
// gi_code) and the small frame object gi_frame returns: a view of the
// suspended frame that a generator owns.

// frameObject is a frame as Python code sees it; only generators' frames
// are exposed so far, and it holds its generator alive.
type frameObject struct {
	alloc.Header
	alloc.GCLink
	gen Value // the generator whose frame this is, or nil

	// Without a generator, a finished frame as a traceback saw it: its
	// code and the instruction it was at.
	code *Code
	pc   int
}

// newTracebackFrame makes the frame object a traceback entry shows
// (tb_frame): its code and line; it no longer runs.
func (in *Interp) newTracebackFrame(c *Code, pc int) (Value, error) {
	f := &frameObject{code: c, pc: pc}
	if err := in.account(&f.Header, frameObjectType, frameObjectSize); err != nil {
		return Value{}, err
	}
	return valueOf(f), nil
}

var frameObjectType = newBuiltinType("frame", objectType, 0)

const frameObjectSize = unsafe.Sizeof(frameObject{})

func init() {
	frameObjectType.dealloc = func(in *Interp, v Value) {
		f := asObject[frameObject](v)
		in.xdecRef(f.gen)
		*f = frameObject{Header: f.Header}
		in.heap.Free(&f.Header, frameObjectSize)
	}
	genFrame := func(in *Interp, v Value) (*frame, error) {
		fo := asObject[frameObject](v)
		if fo.gen.IsNil() {
			return &frame{code: fo.code, tmpl: fo.code.tmpl, pc: fo.pc + 1}, nil
		}
		g := asObject[Generator](fo.gen)
		if g.frame == nil {
			return nil, in.raise(notImplementedErrorType, "frames of finished generators are not implemented yet")
		}
		return g.frame, nil
	}
	frameObjectType.repr = func(in *Interp, v Value) (Value, error) {
		f, err := genFrame(in, v)
		if err != nil {
			return Value{}, err
		}
		line := frameLine(f)
		return in.NewStr(sprintf("<frame at 0x%s, file '%s', line %d, code %s>", hexAddr(v), f.tmpl.Filename, line, f.tmpl.Name))
	}
	defGetSet(frameObjectType, "f_lineno", func(in *Interp, v Value) (Value, error) {
		f, err := genFrame(in, v)
		if err != nil {
			return Value{}, err
		}
		return Int(int64(frameLine(f))), nil
	}, nil)
	defGetSet(frameObjectType, "f_code", func(in *Interp, v Value) (Value, error) {
		f, err := genFrame(in, v)
		if err != nil {
			return Value{}, err
		}
		return valueOf(f.code), nil
	}, nil)
	defGetSet(frameObjectType, "f_globals", func(in *Interp, v Value) (Value, error) {
		f, err := genFrame(in, v)
		if err != nil {
			return Value{}, err
		}
		if f.globals == nil {
			return Value{}, in.raise(notImplementedErrorType, "f_globals of a traceback's frame is not implemented yet")
		}
		incRef(valueOf(f.globals))
		return valueOf(f.globals), nil
	}, nil)
	defGetSet(frameObjectType, "f_back", func(in *Interp, v Value) (Value, error) {
		// A suspended generator's frame has no caller; a traceback's
		// frame had one, which is not kept.
		if asObject[frameObject](v).gen.IsNil() {
			return Value{}, in.raise(notImplementedErrorType, "f_back of a traceback's frame is not implemented yet")
		}
		return None, nil
	}, nil)

	defGetSet(generatorType, "gi_frame", func(in *Interp, v Value) (Value, error) {
		g := asObject[Generator](v)
		if g.frame == nil {
			return None, nil
		}
		f := &frameObject{}
		if err := in.account(&f.Header, frameObjectType, frameObjectSize); err != nil {
			return Value{}, err
		}
		f.Header.SetFlags(alloc.FlagContainer)
		incRef(v)
		f.gen = v
		return valueOf(f), nil
	}, nil)
	defGetSet(generatorType, "gi_suspended", func(in *Interp, v Value) (Value, error) {
		g := asObject[Generator](v)
		return Bool(g.frame != nil && g.started && !g.running), nil
	}, nil)
	defGetSet(generatorType, "gi_code", func(in *Interp, v Value) (Value, error) {
		return valueOf(asObject[Generator](v).code), nil
	}, nil)
}

// frameLine is the line a suspended frame is at: its last instruction's.
func frameLine(f *frame) int {
	pc := max(f.pc-1, 0)
	pos, err := bytecode.PositionAt(f.tmpl.Positions, pc)
	if err != nil || pos.Line < 0 {
		return f.tmpl.FirstLine
	}
	return pos.Line
}
