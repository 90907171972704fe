package interp

import "github.com/parallel-py/parallel/interp/bytecode"

// The code object's source-position methods: co_positions() (one
// (line, end_line, column, end_column) per instruction) and co_lines()
// (the byte ranges of instructions on each line). An instruction counts
// two bytes, as a CPython code unit does, so that tb_lasti and f_lasti
// (instruction index times two) index them as traceback.py expects; our
// instructions have no inline cache entries.

// codePositions decodes a code object's positions, one per instruction.
func codePositions(c *Code) []bytecode.Pos {
	n := len(c.tmpl.Instructions)
	ps, err := bytecode.DecodePositions(c.tmpl.Positions)
	if err != nil || len(ps) < n {
		out := make([]bytecode.Pos, n)
		copy(out, ps)
		for i := len(ps); i < n; i++ {
			out[i] = bytecode.NoPos
		}
		ps = out
	}
	return ps[:n]
}

// optInt is an int, or None for a missing (negative) position.
func optInt(n int) Value {
	if n < 0 {
		return None
	}
	return Int(int64(n))
}

func init() {
	defMethod(codeType, "co_positions", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("co_positions", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		ps := codePositions(asObject[Code](args[0]))
		items := make([]Value, 0, len(ps))
		defer func() {
			for _, v := range items {
				in.decRef(v)
			}
		}()
		for _, p := range ps {
			t, err := in.NewTuple(optInt(p.Line), optInt(p.EndLine), optInt(p.Col), optInt(p.EndCol))
			if err != nil {
				return Value{}, err
			}
			items = append(items, t)
		}
		l, err := in.NewList(items...)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(l)
		return in.getIter(l)
	})
	defMethod(codeType, "co_lines", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("co_lines", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		ps := codePositions(asObject[Code](args[0]))
		var items []Value
		defer func() {
			for _, v := range items {
				in.decRef(v)
			}
		}()
		for i := 0; i < len(ps); {
			j := i + 1
			for j < len(ps) && ps[j].Line == ps[i].Line {
				j++
			}
			t, err := in.NewTuple(Int(int64(2*i)), Int(int64(2*j)), optInt(ps[i].Line))
			if err != nil {
				return Value{}, err
			}
			items = append(items, t)
			i = j
		}
		l, err := in.NewList(items...)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(l)
		return in.getIter(l)
	})
}
