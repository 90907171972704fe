package interp

// The code object's source-position methods, by CPython code unit of the
// CPython layout (code_layout.go): co_positions() gives one (line,
// end_line, column, end_column) per code unit, EXTENDED_ARG prefixes and
// inline caches sharing their instruction's, and co_lines() the byte
// ranges of co_code on each line. Both are read back from co_linetable,
// so they say exactly what CPython would derive from the same table, and
// traceback's co_positions()[tb_lasti // 2] is the raising instruction.

// optInt is an int, or None for a missing (negative) position.
func optInt(n int) Value {
	if n < 0 {
		return None
	}
	return Int(int64(n))
}

// codeViewDrop drops the references of items.
func (in *Interp) codeViewDrop(items []Value) {
	for _, v := range items {
		in.decRef(v)
	}
}

// codeViewIter returns an iterator over items, taking their references.
func (in *Interp) codeViewIter(items []Value) (Value, error) {
	l, err := in.NewList(items...)
	in.codeViewDrop(items)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(l)
	return in.getIter(l)
}

func init() {
	defMethod(codeType, "co_positions", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("co_positions", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		v, err := in.cpyView(asObject[Code](args[0]))
		if err != nil {
			return Value{}, err
		}
		items := make([]Value, 0, v.layout.Units())
		for _, e := range v.lines {
			p := e.Pos
			t, err := in.NewTuple(optInt(p.Line), optInt(p.EndLine), optInt(p.Col), optInt(p.EndCol))
			if err != nil {
				in.codeViewDrop(items)
				return Value{}, err
			}
			for range e.End - e.Start {
				incRef(t)
				items = append(items, t)
			}
			in.decRef(t)
		}
		return in.codeViewIter(items)
	})
	defMethod(codeType, "co_lines", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("co_lines", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		v, err := in.cpyView(asObject[Code](args[0]))
		if err != nil {
			return Value{}, err
		}
		var items []Value
		es := v.lines
		for i := 0; i < len(es); {
			// Consecutive entries on one line make one range.
			j := i + 1
			for j < len(es) && es[j].Pos.Line == es[i].Pos.Line {
				j++
			}
			t, err := in.NewTuple(Int(int64(2*es[i].Start)), Int(int64(2*es[j-1].End)), optInt(es[i].Pos.Line))
			if err != nil {
				in.codeViewDrop(items)
				return Value{}, err
			}
			items = append(items, t)
			i = j
		}
		return in.codeViewIter(items)
	})
}
