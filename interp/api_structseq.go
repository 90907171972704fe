package interp

import (
	"strings"
	"unsafe"
)

// Struct sequences for the modules: tuples whose items also have names,
// like time.struct_time and os.stat_result, where the last fields may be
// attributes only (time.struct_time's tm_zone and tm_gmtoff are not
// items: len() is 9 and the repr shows 9 fields).

// structSeq is an instance of an exported struct sequence type. Its
// Tuple comes first, so the tuple slots work on it unchanged; hidden
// holds the attribute-only fields. It owns references to both.
type structSeq struct {
	Tuple
	hidden []Value
}

// structSeqMeta describes an exported struct sequence type.
type structSeqMeta struct {
	qualified string
	fields    []string
	visible   int
}

// structSeqMetas is written at package initialization only.
var structSeqMetas = map[*Type]*structSeqMeta{}

const structSeqSize = unsafe.Sizeof(structSeq{})

// NewStructSeqType makes a struct sequence type named "module.Name" with
// the given fields, of which the first visible are tuple items and the
// rest attributes only. Call it at package initialization.
func NewStructSeqType(qualified string, fields []string, visible int) *Type {
	mod, name := "builtins", qualified
	if i := strings.LastIndexByte(qualified, '.'); i >= 0 {
		mod, name = qualified[:i], qualified[i+1:]
	}
	t := newBuiltinType(name, tupleType, 0)
	t.Module = mod
	t.layout = tupleType
	meta := &structSeqMeta{qualified: qualified, fields: fields, visible: visible}
	structSeqMetas[t] = meta
	t.dealloc = func(in *Interp, v Value) {
		o := asObject[structSeq](v)
		for _, x := range o.items {
			in.decRef(x)
		}
		for _, x := range o.hidden {
			in.decRef(x)
		}
		n := uintptr(len(o.items) + len(o.hidden))
		*o = structSeq{Tuple: Tuple{Header: o.Header}}
		in.heap.Free(&o.Header, structSeqSize+n*unsafe.Sizeof(Value{}))
	}
	// Tuples cannot be cleared (they are immutable): the cycle finder
	// breaks cycles through them at their other members.
	t.traverse = func(v Value, visit func(Value)) {
		o := asObject[structSeq](v)
		for _, x := range o.items {
			visit(x)
		}
		for _, x := range o.hidden {
			visit(x)
		}
	}
	t.length = func(in *Interp, v Value) (int, error) { return tupleType.length(in, v) }
	t.getitem = func(in *Interp, v, key Value) (Value, error) { return tupleType.getitem(in, v, key) }
	t.contains = func(in *Interp, v, key Value) (bool, error) { return tupleType.contains(in, v, key) }
	t.iter = func(in *Interp, v Value) (Value, error) { return tupleType.iter(in, v) }
	t.boolean = func(in *Interp, v Value) (bool, error) { return tupleType.boolean(in, v) }
	// tuple's hash and comparison may not exist yet: look them up at
	// call time rather than copying a nil slot.
	t.hash = func(in *Interp, v Value) (int64, error) {
		if tupleType.hash == nil {
			return 0, in.raise(typeErrorType, "unhashable type: '%s'", v.Type().Name)
		}
		return tupleType.hash(in, v)
	}
	t.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if tupleType.compare == nil {
			return NotImplemented, nil
		}
		return tupleType.compare(in, a, b, op)
	}
	t.repr = func(in *Interp, v Value) (Value, error) {
		var b strings.Builder
		b.WriteString(qualified + "(")
		for i, item := range asObject[Tuple](v).items {
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := in.Repr(item)
			if err != nil {
				return Value{}, err
			}
			b.WriteString(fields[i] + "=" + r.GoString())
			in.decRef(r)
		}
		b.WriteString(")")
		return in.NewStr(b.String())
	}
	t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		var seq, dict Value
		if err := in.parseArgs(name, args, kwnames, []string{"sequence", "dict"}, 1, &seq, &dict); err != nil {
			return Value{}, err
		}
		if !dict.IsNil() && !dict.IsNone() {
			return Value{}, in.raise(notImplementedErrorType, "the dict argument of %s() is not implemented yet", qualified)
		}
		items, err := in.iterateAll(seq)
		if err != nil {
			return Value{}, err
		}
		defer func() {
			for _, x := range items {
				in.decRef(x)
			}
		}()
		switch {
		case len(items) < visible && visible == len(fields):
			return Value{}, in.raise(typeErrorType, "%s() takes a %d-sequence (%d-sequence given)", qualified, visible, len(items))
		case len(items) < visible:
			return Value{}, in.raise(typeErrorType, "%s() takes an at least %d-sequence (%d-sequence given)", qualified, visible, len(items))
		case len(items) > len(fields) && visible == len(fields):
			return Value{}, in.raise(typeErrorType, "%s() takes a %d-sequence (%d-sequence given)", qualified, visible, len(items))
		case len(items) > len(fields):
			return Value{}, in.raise(typeErrorType, "%s() takes an at most %d-sequence (%d-sequence given)", qualified, len(fields), len(items))
		}
		all := make([]Value, len(fields))
		copy(all, items)
		for i := len(items); i < len(all); i++ {
			all[i] = None
		}
		return in.NewStructSeq(t, all...)
	}
	for i, f := range fields {
		i := i
		defGetSet(t, f, func(in *Interp, v Value) (Value, error) {
			o := asObject[structSeq](v)
			var x Value
			if i < len(o.items) {
				x = o.items[i]
			} else {
				x = o.hidden[i-len(o.items)]
			}
			incRef(x)
			return x, nil
		}, nil)
	}
	return t
}

// NewStructSeq makes an instance of a type from NewStructSeqType with
// every field's value in order (new references are taken).
func (in *Interp) NewStructSeq(t *Type, items ...Value) (Value, error) {
	meta := structSeqMetas[t]
	if meta == nil || len(items) != len(meta.fields) {
		return Value{}, in.raise(systemErrorType, "bad struct sequence construction for %s", t.Name)
	}
	o := &structSeq{}
	if err := in.account(&o.Header, t, structSeqSize+uintptr(len(items))*unsafe.Sizeof(Value{})); err != nil {
		return Value{}, err
	}
	all := make([]Value, len(items))
	for i, v := range items {
		incRef(v)
		all[i] = v
	}
	o.items, o.hidden = all[:meta.visible:meta.visible], all[meta.visible:]
	return valueOf(o), nil
}

// StructSeqFields returns every field of an instance of a type from
// NewStructSeqType, the attribute-only ones included, borrowed; nil when
// v is not one.
func StructSeqFields(v Value) []Value {
	if structSeqMetas[v.Type()] == nil {
		return nil
	}
	o := asObject[structSeq](v)
	return append(append(make([]Value, 0, len(o.items)+len(o.hidden)), o.items...), o.hidden...)
}
