package interp

import "github.com/parallel-py/parallel/interp/bytecode"

// The introspection attributes of generators (gi_frame, gi_suspended,
// gi_code); gi_frame is the frame object of the generator's frame
// (frame_object.go).

func init() {
	defGetSet(generatorType, "gi_frame", func(in *Interp, v Value) (Value, error) {
		g := asObject[Generator](v)
		if g.frame == nil {
			return None, nil
		}
		return in.frameObjectFor(g.frame)
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
