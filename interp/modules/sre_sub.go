package modules

import (
	"strings"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// Pattern.sub, subn and split, and the replacement templates that
// re._compile_template makes with _sre.template.

// templateObject is a parsed replacement: literal, then for each item
// the group to insert and the literal after it (empty: nil).
type templateObject struct {
	alloc.Header
	alloc.GCLink
	literal Value
	indexes []int
	lits    []Value
}

var templateType = interp.NewType[templateObject](interp.TypeSpec{
	Name: "SRE_Template", Module: "_sre",
	Dealloc: func(in *interp.Interp, v Value) {
		t := interp.ObjectOf[templateObject](v)
		in.XDecRef(t.literal)
		releaseAll(in, t.lits)
	},
	Traverse: func(v Value, visit func(Value)) {
		t := interp.ObjectOf[templateObject](v)
		visit(t.literal)
		visitAll(t.lits, visit)
	},
})

// isEmptyLiteral reports an empty str or bytes.
func isEmptyLiteral(in *interp.Interp, v Value) bool {
	if interp.IsStr(v) {
		return v.GoString() == ""
	}
	if b, ok := interp.BufferBytes(v); ok && interp.IsBytes(v) {
		return len(b) == 0
	}
	return false
}

// sreTemplate is _sre.template(pattern, template): template is the list
// [literal, group, literal, group, ..., literal] of parse_template.
func sreTemplate(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := in.NoKeywords("template", kwnames); err != nil {
		return Value{}, err
	}
	if err := in.CheckArgCount("template", args, nil, 2, 2); err != nil {
		return Value{}, err
	}
	items, ok := interp.ListItems(args[1])
	if !ok {
		return Value{}, in.Raise(interp.TypeError, "template() argument 2 must be list, not %s", args[1].Type().Name)
	}
	if len(items)%2 == 0 {
		return Value{}, in.Raise(interp.TypeError, "invalid template")
	}
	n := len(items) / 2
	indexes := make([]int, n)
	for i := 0; i < n; i++ {
		idx, err := in.AsSsize(items[2*i+1])
		if err != nil {
			return Value{}, err
		}
		if idx < 0 {
			return Value{}, in.Raise(interp.TypeError, "invalid template")
		}
		indexes[i] = idx
	}
	t, err := interp.NewObject[templateObject](in, templateType)
	if err != nil {
		return Value{}, err
	}
	t.literal = items[0]
	interp.IncRef(t.literal)
	t.indexes = indexes
	t.lits = make([]Value, n)
	for i := 0; i < n; i++ {
		if lit := items[2*i+2]; !isEmptyLiteral(in, lit) {
			interp.IncRef(lit)
			t.lits[i] = lit
		}
	}
	return interp.ValueOf(t), nil
}

// compileTemplate calls re._compile_template(pattern, repl), retrying
// with an exact str or bytes when repl is not hashable.
func compileTemplate(in *interp.Interp, pattern, repl Value) (Value, error) {
	re, err := in.ImportModule("re")
	if err != nil {
		return Value{}, err
	}
	fn, err := in.GetAttrString(re, "_compile_template")
	in.DecRef(re)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(fn)
	r, err := in.Call(fn, []Value{pattern, repl}, nil)
	if err == nil || !interp.ErrorIs(err, interp.TypeError) {
		return r, err
	}
	var conv Value
	var cerr error
	switch {
	case interp.IsStr(repl) && repl.Type() != interp.StrType:
		conv, cerr = in.NewStr(repl.GoString())
	default:
		b, ok := interp.BufferBytes(repl)
		if !ok || repl.Type() == interp.BytesType {
			return Value{}, err
		}
		conv, cerr = in.NewBytes(b)
	}
	if cerr != nil {
		in.DiscardError(err)
		return Value{}, cerr
	}
	in.DiscardError(err)
	defer in.DecRef(conv)
	return in.Call(fn, []Value{pattern, conv}, nil)
}

// expandTemplate fills a template with the groups of a match.
func expandTemplate(in *interp.Interp, t *templateObject, m *matchObject) (Value, error) {
	var pieces []Value
	defer func() { releaseAll(in, pieces) }()
	interp.IncRef(t.literal)
	pieces = append(pieces, t.literal)
	for i, idx := range t.indexes {
		if idx >= len(m.marks)/2 {
			return Value{}, in.Raise(interp.IndexError, "no such group")
		}
		g, err := m.groupValue(in, idx, interp.None)
		if err != nil {
			return Value{}, err
		}
		if g.IsNone() {
			in.DecRef(g)
		} else {
			pieces = append(pieces, g)
		}
		if lit := t.lits[i]; !lit.IsNil() {
			interp.IncRef(lit)
			pieces = append(pieces, lit)
		}
	}
	return joinPieces(in, !interp.IsStr(t.literal), pieces)
}

// joinPieces is ”.join(pieces) or b”.join(pieces), with their
// messages for an item of the wrong type.
func joinPieces(in *interp.Interp, isBytes bool, pieces []Value) (Value, error) {
	if isBytes {
		var b []byte
		for i, p := range pieces {
			data, ok := interp.BufferBytes(p)
			if !ok {
				return Value{}, in.Raise(interp.TypeError, "sequence item %d: expected a bytes-like object, %s found", i, p.Type().Name)
			}
			b = append(b, data...)
		}
		return in.NewBytes(b)
	}
	if len(pieces) == 1 && pieces[0].Type() == interp.StrType {
		interp.IncRef(pieces[0])
		return pieces[0], nil
	}
	var sb strings.Builder
	for i, p := range pieces {
		if !interp.IsStr(p) {
			return Value{}, in.Raise(interp.TypeError, "sequence item %d: expected str instance, %s found", i, p.Type().Name)
		}
		sb.WriteString(p.GoString())
	}
	return in.NewStr(sb.String())
}

var (
	subParams   = map[string]*interp.Params{"sub": {Func: "sub", Names: []string{"repl", "string", "count"}, Required: 2}, "subn": {Func: "subn", Names: []string{"repl", "string", "count"}, Required: 2}}
	splitParams = interp.Params{Func: "split", Names: []string{"string", "maxsplit"}, Required: 1}
)

// hasBackslash reports whether a str or bytes-like template contains a
// backslash; ok is false for other types.
func hasBackslash(v Value) (has, ok bool) {
	if interp.IsStr(v) {
		return strings.IndexByte(v.GoString(), '\\') >= 0, true
	}
	if b, ok := interp.BufferBytes(v); ok {
		for _, c := range b {
			if c == '\\' {
				return true, true
			}
		}
		return false, true
	}
	return false, false
}

// patternSub is Pattern.sub and Pattern.subn.
func patternSub(in *interp.Interp, name string, args, kwnames []Value) (Value, error) {
	var repl, str, countV Value
	if err := in.Unpack(subParams[name], args[1:], kwnames, &repl, &str, &countV); err != nil {
		return Value{}, err
	}
	count := 0
	if !countV.IsNil() {
		var err error
		if count, err = in.AsSsize(countV); err != nil {
			return Value{}, err
		}
	}
	p := patternOf(args[0])
	var filter Value // a literal, a template or a callable
	var tmpl *templateObject
	callable := interp.IsCallable(repl)
	if callable {
		interp.IncRef(repl)
		filter = repl
	} else if has, ok := hasBackslash(repl); ok && !has {
		interp.IncRef(repl)
		filter = repl
	} else {
		f, err := compileTemplate(in, args[0], repl)
		if err != nil {
			return Value{}, err
		}
		if !interp.IsInstance(f, templateType) {
			in.DecRef(f)
			return Value{}, in.Raise(interp.TypeError, "invalid template")
		}
		t := interp.ObjectOf[templateObject](f)
		if len(t.indexes) == 0 {
			filter = t.literal
			interp.IncRef(filter)
			in.DecRef(f)
		} else {
			filter, tmpl = f, t
		}
	}
	defer in.DecRef(filter)

	sub, err := p.getSubject(in, str)
	if err != nil {
		return Value{}, err
	}
	st := p.newState(sub, 0, sub.n)
	var pieces []Value
	defer func() { releaseAll(in, pieces) }()
	n, i := 0, 0
	for count == 0 || n < count {
		ok, err := run(in, st.search)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			break
		}
		b, e := st.start, st.ptr
		if i < b {
			x, err := slice(in, sub, str, i, b)
			if err != nil {
				return Value{}, err
			}
			pieces = append(pieces, x)
		}
		switch {
		case callable || tmpl != nil:
			m, err := newMatch(in, args[0], str, sub, st)
			if err != nil {
				return Value{}, err
			}
			var item Value
			if callable {
				item, err = in.Call(filter, []Value{m}, nil)
			} else {
				item, err = expandTemplate(in, tmpl, matchOf(m))
			}
			in.DecRef(m)
			if err != nil {
				return Value{}, err
			}
			if item.IsNone() {
				in.DecRef(item)
			} else {
				pieces = append(pieces, item)
			}
		default:
			interp.IncRef(filter)
			pieces = append(pieces, filter)
		}
		i = e
		n++
		st.mustAdvance = st.ptr == st.start
		st.start = st.ptr
	}
	if i < st.end {
		x, err := slice(in, sub, str, i, st.end)
		if err != nil {
			return Value{}, err
		}
		pieces = append(pieces, x)
	}
	var result Value
	if len(pieces) == 0 {
		result, err = slice(in, sub, str, 0, 0)
	} else {
		result, err = joinPieces(in, sub.isBytes, pieces)
	}
	if err != nil || name == "sub" {
		return result, err
	}
	t, err := in.NewTuple(result, interp.Int(int64(n)))
	in.DecRef(result)
	return t, err
}

// patternSplit is Pattern.split(string, maxsplit=0).
func patternSplit(in *interp.Interp, args, kwnames []Value) (Value, error) {
	var str, maxV Value
	if err := in.Unpack(&splitParams, args[1:], kwnames, &str, &maxV); err != nil {
		return Value{}, err
	}
	maxsplit := 0
	if !maxV.IsNil() {
		var err error
		if maxsplit, err = in.AsSsize(maxV); err != nil {
			return Value{}, err
		}
	}
	p := patternOf(args[0])
	sub, err := p.getSubject(in, str)
	if err != nil {
		return Value{}, err
	}
	st := p.newState(sub, 0, sub.n)
	list, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	l := interp.AsList(list)
	add := func(x Value, err error) error {
		if err != nil {
			return err
		}
		err = in.Append(l, x)
		in.DecRef(x)
		return err
	}
	n, last := 0, 0
	for maxsplit == 0 || n < maxsplit {
		ok, err := run(in, st.search)
		if err == nil && ok {
			err = add(slice(in, sub, str, last, st.start))
			for g := 0; g < p.groups && err == nil; g++ {
				if s, e, ok := st.mark(g); ok {
					err = add(slice(in, sub, str, s, e))
				} else {
					err = add(interp.None, nil)
				}
			}
		}
		if err != nil {
			in.DecRef(list)
			return Value{}, err
		}
		if !ok {
			break
		}
		n++
		st.mustAdvance = st.ptr == st.start
		last, st.start = st.ptr, st.ptr
	}
	if err := add(slice(in, sub, str, last, sub.n)); err != nil {
		in.DecRef(list)
		return Value{}, err
	}
	return list, nil
}
