package interp

import "github.com/parallel-py/parallel/interp/bytecode"

// The introspection attributes of generators (gi_frame, gi_suspended,
// gi_code, gi_yieldfrom), shared with coroutines and async generators
// (coroutine.go's defGenAttrs); gi_frame is the frame object of the
// generator's frame (frame_object.go).

func init() {
	defGenAttrs(generatorType, "gi_", "yieldfrom")
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
