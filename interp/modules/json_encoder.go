package modules

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/syntax"
)

// _json.make_encoder, the type json.encoder takes as c_make_encoder:
// JSONEncoder.encode uses it when indent is None (CPython 3.12's C
// encoder ignores indent). Called as _iterencode(obj, level) it returns
// a 1-tuple holding the whole text. Containers are checked against the
// markers dict (keyed by id) for cycles, as Lib/json's encoder does.

type jsonEncoderObject struct {
	alloc.Header
	alloc.GCLink
	markers, defaultFn, encoder, indent Value
	keySep, itemSep                     Value
	sortKeys, skipKeys, allowNaN        bool
	sortKeysV, skipKeysV                Value // the flags as bools, for the attributes
	fast                                int   // encoder is one of ours: jsonFastASCII or jsonFastUnicode
}

const (
	jsonFastNone = iota
	jsonFastASCII
	jsonFastUnicode
)

var jsonEncoderParams = interp.Params{Func: "make_encoder", Names: []string{"markers", "default", "encoder", "indent",
	"key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"}, Required: 9}
var jsonIterencodeParams = interp.Params{Func: "_iterencode", Names: []string{"obj", "_current_indent_level"}, Required: 2}

var jsonEncoderType *interp.Type

func init() {
	jsonEncoderType = interp.NewType[jsonEncoderObject](interp.TypeSpec{
		Name: "Encoder", Module: "_json",
		Doc: "_iterencode(obj, _current_indent_level) -> iterable",
		New: jsonEncoderNew,
		Dealloc: func(in *interp.Interp, v Value) {
			e := interp.ObjectOf[jsonEncoderObject](v)
			releaseAll(in, e.fields())
		},
		Traverse: func(v Value, visit func(Value)) {
			visitAll(interp.ObjectOf[jsonEncoderObject](v).fields(), visit)
		},
		Clear: func(in *interp.Interp, v Value) {
			e := interp.ObjectOf[jsonEncoderObject](v)
			for _, p := range []*Value{&e.markers, &e.defaultFn, &e.encoder, &e.indent} {
				in.ClearRef(p)
			}
		},
		Call: jsonEncoderCall,
	})
	for _, m := range [][2]string{{"markers", "markers"}, {"default", "defaultFn"}, {"encoder", "encoder"}, {"indent", "indent"},
		{"key_separator", "keySep"}, {"item_separator", "itemSep"}} {
		jsonEncoderType.AddMember(m[0], m[1], true)
	}
	jsonEncoderType.AddMember("sort_keys", "sortKeysV", true)
	jsonEncoderType.AddMember("skipkeys", "skipKeysV", true)
	jsonTable.typ("make_encoder", jsonEncoderType)
}

func (e *jsonEncoderObject) fields() []Value {
	return []Value{e.markers, e.defaultFn, e.encoder, e.indent, e.keySep, e.itemSep}
}

// jsonEncoderNew checks the arguments as the C constructor's format
// "OOOOUUppp" does, then markers.
func jsonEncoderNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	var a [9]Value
	if err := in.Unpack(&jsonEncoderParams, args, kwnames, &a[0], &a[1], &a[2], &a[3], &a[4], &a[5], &a[6], &a[7], &a[8]); err != nil {
		return Value{}, err
	}
	for i := 4; i <= 5; i++ {
		if !interp.IsStr(a[i]) {
			return Value{}, in.Raise(interp.TypeError, "make_encoder() argument %d must be str, not %s", i+1, a[i].Type().Name)
		}
	}
	var flags [3]bool
	for i := range flags {
		var err error
		if flags[i], err = in.Truth(a[6+i]); err != nil {
			return Value{}, err
		}
	}
	if !a[0].IsNone() && interp.AsDict(a[0]) == nil {
		return Value{}, in.Raise(interp.TypeError, "make_encoder() argument 1 must be dict or None, not %s", a[0].Type().Name)
	}
	e, err := interp.NewObject[jsonEncoderObject](in, t)
	if err != nil {
		return Value{}, err
	}
	for _, v := range a[:6] {
		interp.IncRef(v)
	}
	e.markers, e.defaultFn, e.encoder, e.indent, e.keySep, e.itemSep = a[0], a[1], a[2], a[3], a[4], a[5]
	e.sortKeys, e.skipKeys, e.allowNaN = flags[0], flags[1], flags[2]
	e.sortKeysV, e.skipKeysV = interp.Bool(e.sortKeys), interp.Bool(e.skipKeys)
	switch {
	case e.encoder.Is(encodeASCIIFn):
		e.fast = jsonFastASCII
	case e.encoder.Is(encodeUnicodeFn):
		e.fast = jsonFastUnicode
	}
	return interp.ValueOf(e), nil
}

// jsonEncoding is one call of an encoder: its settings and the text so far
// (WTF-8).
type jsonEncoding struct {
	*jsonEncoderObject
	in    *interp.Interp
	buf   []byte
	pairs []Value // the dicts being encoded: their (key, value) pairs, owned
}

func jsonEncoderCall(in *interp.Interp, v Value, args, kwnames []Value) (Value, error) {
	var obj, level Value
	if err := in.Unpack(&jsonIterencodeParams, args, kwnames, &obj, &level); err != nil {
		return Value{}, err
	}
	if _, err := in.AsSsize(level); err != nil {
		return Value{}, err
	}
	interp.IncRef(v) // the callbacks may drop the last other reference
	defer in.DecRef(v)
	enc := &jsonEncoding{jsonEncoderObject: interp.ObjectOf[jsonEncoderObject](v), in: in}
	if err := enc.encode(obj); err != nil {
		return Value{}, err
	}
	var s Value
	var err error
	// enc and its buffer end here: the str takes the buffer over.
	if enc.fast == jsonFastASCII && interp.IsASCII(enc.keySep) && interp.IsASCII(enc.itemSep) {
		s, err = in.NewStrASCII(bytesString(enc.buf))
	} else {
		s, err = in.NewStr(bytesString(enc.buf))
	}
	if err != nil {
		return Value{}, err
	}
	return newTupleOwned(in, []Value{s})
}

// encode appends the JSON text of obj.
func (enc *jsonEncoding) encode(obj Value) error {
	in := enc.in
	switch {
	case obj.IsNone():
		enc.buf = append(enc.buf, "null"...)
	case obj.IsBool():
		if obj.BoolValue() {
			enc.buf = append(enc.buf, "true"...)
		} else {
			enc.buf = append(enc.buf, "false"...)
		}
	case interp.IsStr(obj):
		return enc.encodeString(obj)
	case interp.IsInt(obj):
		return enc.encodeInt(obj)
	case obj.IsFloat() || interp.IsInstance(obj, interp.FloatType):
		return enc.encodeFloat(obj)
	case interp.IsInstance(obj, interp.ListType) || interp.IsInstance(obj, interp.TupleType):
		if err := in.EnterRecursiveCall(" while encoding a JSON object"); err != nil {
			return err
		}
		err := enc.encodeList(obj)
		in.LeaveRecursiveCall()
		return err
	case interp.AsDict(obj) != nil:
		if err := in.EnterRecursiveCall(" while encoding a JSON object"); err != nil {
			return err
		}
		err := enc.encodeDict(obj)
		in.LeaveRecursiveCall()
		return err
	default:
		ident, err := enc.mark(obj)
		if err != nil {
			return err
		}
		newobj, err := in.Call(enc.defaultFn, []Value{obj}, nil)
		if err != nil {
			in.XDecRef(ident)
			return err
		}
		if err = in.EnterRecursiveCall(" while encoding a JSON object"); err == nil {
			err = enc.encode(newobj)
			in.LeaveRecursiveCall()
		}
		in.DecRef(newobj)
		if err != nil {
			in.XDecRef(ident)
			return err
		}
		return enc.unmark(ident)
	}
	return nil
}

// mark records obj in markers (when checking for cycles): its id, to
// give unmark, or "Circular reference detected" when it is already
// being encoded.
func (enc *jsonEncoding) mark(obj Value) (Value, error) {
	in := enc.in
	d := interp.AsDict(enc.markers)
	if d == nil {
		return Value{}, nil
	}
	ident, err := in.ID(obj)
	if err != nil {
		return Value{}, err
	}
	_, found, err := in.DictGet(d, ident)
	if err == nil && found {
		err = in.Raise(interp.ValueError, "Circular reference detected")
	}
	if err == nil {
		err = in.DictSet(d, ident, obj)
	}
	if err != nil {
		in.DecRef(ident)
		return Value{}, err
	}
	return ident, nil
}

// unmark removes what mark recorded, releasing ident.
func (enc *jsonEncoding) unmark(ident Value) error {
	if ident.IsNil() {
		return nil
	}
	defer enc.in.DecRef(ident)
	d := interp.AsDict(enc.markers)
	if d == nil {
		return nil
	}
	ok, err := enc.in.DictDelete(d, ident)
	if err == nil && !ok {
		exc, err := enc.in.Call(interp.TypeValue(interp.KeyError), []Value{ident}, nil)
		if err != nil {
			return err
		}
		defer enc.in.DecRef(exc)
		return enc.in.RaiseValue(exc)
	}
	return err
}

// encodeString appends a str through the encoder: escaped here when it
// is one of this module's functions, else by calling it.
func (enc *jsonEncoding) encodeString(s Value) error {
	switch enc.fast {
	case jsonFastASCII:
		enc.buf = appendJSONString(enc.buf, s.GoString(), true)
		return nil
	case jsonFastUnicode:
		enc.buf = appendJSONString(enc.buf, s.GoString(), false)
		return nil
	}
	r, err := enc.in.Call(enc.encoder, []Value{s}, nil)
	if err != nil {
		return err
	}
	defer enc.in.DecRef(r)
	if !interp.IsStr(r) {
		return enc.in.Raise(interp.TypeError, "encoder() must return a string, not %s", r.Type().Name)
	}
	enc.buf = append(enc.buf, r.GoString()...)
	return nil
}

// jsonIntText is int.__repr__(v), also for a subclass that overrides it.
func jsonIntText(in *interp.Interp, v Value) (string, error) {
	if n, ok := interp.IntValue(v); ok {
		return strconv.FormatInt(n, 10), nil
	}
	if v.Type() == interp.IntType {
		return reprString(in, v)
	}
	repr, err := in.LookupSpecial(interp.IntType, "__repr__")
	if err != nil {
		return "", err
	}
	r, err := in.Call(repr, []Value{v}, nil)
	if err != nil {
		return "", err
	}
	defer in.DecRef(r)
	return r.GoString(), nil
}

func (enc *jsonEncoding) encodeInt(v Value) error {
	if n, ok := interp.IntValue(v); ok {
		enc.buf = strconv.AppendInt(enc.buf, n, 10)
		return nil
	}
	s, err := jsonIntText(enc.in, v)
	enc.buf = append(enc.buf, s...)
	return err
}

// floatText is float.__repr__ of v, or NaN, Infinity, -Infinity (a
// ValueError unless allow_nan).
func (enc *jsonEncoding) floatText(v Value) (string, error) {
	f, err := enc.in.ToFloat(v)
	if err != nil {
		return "", err
	}
	if !math.IsInf(f, 0) && !math.IsNaN(f) {
		return syntax.ReprFloat(f), nil
	}
	if !enc.allowNaN {
		r, err := reprString(enc.in, v)
		if err != nil {
			return "", err
		}
		return "", enc.in.Raise(interp.ValueError, "Out of range float values are not JSON compliant: %s", r)
	}
	switch {
	case math.IsNaN(f):
		return "NaN", nil
	case f > 0:
		return "Infinity", nil
	}
	return "-Infinity", nil
}

func (enc *jsonEncoding) encodeFloat(v Value) error {
	if v.IsFloat() {
		if f := v.FloatValue(); !math.IsInf(f, 0) && !math.IsNaN(f) {
			enc.buf = syntax.AppendReprFloat(enc.buf, f)
			return nil
		}
	}
	s, err := enc.floatText(v)
	enc.buf = append(enc.buf, s...)
	return err
}

// encodeList appends a list or tuple: exact ones item by item as they
// are when reached (a callback may change the list), others through
// their iterator, as PySequence_Fast does.
func (enc *jsonEncoding) encodeList(orig Value) error {
	in := enc.in
	seq := orig
	if t := seq.Type(); t != interp.ListType && t != interp.TupleType {
		it, err := in.Iter(seq)
		if err != nil {
			return err
		}
		l, err := in.NewList()
		if err == nil {
			for {
				item, ok, e := in.Next(it)
				if e != nil || !ok {
					err = e
					break
				}
				err = in.Append(interp.AsList(l), item)
				in.DecRef(item)
				if err != nil {
					break
				}
			}
		}
		in.DecRef(it)
		if err != nil {
			in.XDecRef(l)
			return err
		}
		defer in.DecRef(l)
		seq = l
	}
	items := func() []Value {
		if l, ok := interp.ListItems(seq); ok {
			return l
		}
		t, _ := interp.TupleItems(seq)
		return t
	}
	if len(items()) == 0 {
		enc.buf = append(enc.buf, "[]"...)
		return nil
	}
	ident, err := enc.mark(orig)
	if err != nil {
		return err
	}
	enc.buf = append(enc.buf, '[')
	for i := 0; i < len(items()); i++ {
		if i > 0 {
			enc.buf = append(enc.buf, enc.itemSep.GoString()...)
		}
		item := items()[i]
		interp.IncRef(item)
		err := enc.encode(item)
		in.DecRef(item)
		if err != nil {
			in.XDecRef(ident)
			return err
		}
	}
	if err := enc.unmark(ident); err != nil {
		return err
	}
	enc.buf = append(enc.buf, ']')
	return nil
}

// jsonDictItems is PyMapping_Items: an exact dict's (key, value) pairs, or
// the list of what a subclass's items() returns.
func jsonDictItems(in *interp.Interp, d Value) (Value, error) {
	if d.Type() == interp.DictType {
		keys, values := interp.DictItems(interp.AsDict(d))
		pairs := make([]Value, len(keys))
		for i := range keys {
			p, err := in.NewTuple(keys[i], values[i])
			if err != nil {
				releaseAll(in, pairs[:i])
				return Value{}, err
			}
			pairs[i] = p
		}
		l, err := in.NewList(pairs...)
		releaseAll(in, pairs)
		return l, err
	}
	r, err := in.CallMethod(d, "items", nil, nil)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(r)
	it, err := in.Iter(r)
	if err != nil {
		if interp.ErrorIs(err, interp.TypeError) {
			in.DiscardError(err)
			return Value{}, in.Raise(interp.TypeError, "%s.items() returned a non-iterable (type %s)", d.Type().Name, r.Type().Name)
		}
		return Value{}, err
	}
	defer in.DecRef(it)
	l, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	for {
		item, ok, err := in.Next(it)
		if err != nil {
			in.DecRef(l)
			return Value{}, err
		}
		if !ok {
			return l, nil
		}
		err = in.Append(interp.AsList(l), item)
		in.DecRef(item)
		if err != nil {
			in.DecRef(l)
			return Value{}, err
		}
	}
}

// encodeDict appends a dict: its items (sorted with sort_keys, as
// sorted(d.items()) would), keys turned into strs or skipped.
func (enc *jsonEncoding) encodeDict(d Value) error {
	in := enc.in
	dict := interp.AsDict(d)
	if dict.Len() == 0 {
		enc.buf = append(enc.buf, "{}"...)
		return nil
	}
	ident, err := enc.mark(d)
	if err != nil {
		return err
	}
	enc.buf = append(enc.buf, '{')
	switch {
	case d.Type() != interp.DictType:
		err = enc.encodeItems(d)
	case enc.sortKeys:
		err = enc.encodeSorted(dict)
	default:
		// The C encoder walks an exact dict in place (PyDict_Next).
		first := true
		for pos := 0; err == nil; {
			k, v, ok := interp.DictNext(dict, &pos)
			if !ok {
				break
			}
			interp.IncRef(k)
			interp.IncRef(v)
			err = enc.encodeItem(k, v, &first)
			in.DecRef(k)
			in.DecRef(v)
		}
	}
	if err != nil {
		in.XDecRef(ident)
		return err
	}
	if err := enc.unmark(ident); err != nil {
		return err
	}
	enc.buf = append(enc.buf, '}')
	return nil
}

// encodeSorted encodes the items of an exact dict with sort_keys, from a
// snapshot of its pairs on enc.pairs, holding references as the list of items the C
// encoder makes would: a callback may change the dict. Sorting keys that
// are all exact strs orders them by code point, as sorting the (key,
// value) tuples would, since no two keys are equal; other keys go the
// general way, which raises what list.sort raises.
func (enc *jsonEncoding) encodeSorted(dict *interp.Dict) error {
	in := enc.in
	base := len(enc.pairs)
	enc.pairs = interp.DictPairs(dict, enc.pairs)
	n := len(enc.pairs) - base
	for _, v := range enc.pairs[base:] {
		interp.IncRef(v)
	}
	defer func() {
		for _, v := range enc.pairs[base : base+n] {
			in.DecRef(v)
		}
		clear(enc.pairs[base : base+n])
		enc.pairs = enc.pairs[:base]
	}()
	for i := base; i < base+n; i += 2 {
		if enc.pairs[i].Type() != interp.StrType {
			return enc.encodeItems(interp.ValueOf(dict))
		}
	}
	pairs := unsafe.Slice((*[2]Value)(unsafe.Pointer(&enc.pairs[base])), n/2)
	slices.SortFunc(pairs, func(a, b [2]Value) int { return strings.Compare(a[0].GoString(), b[0].GoString()) })
	first := true
	for i := 0; i < n; i += 2 {
		// Read the pair at each step: encoding a value may grow
		// enc.pairs into a new array.
		p := enc.pairs[base+i : base+i+2]
		if err := enc.encodeItem(p[0], p[1], &first); err != nil {
			return err
		}
	}
	return nil
}

// encodeItems encodes the items of a dict the general way: the list
// PyMapping_Items makes, sorted with sort_keys by list.sort.
func (enc *jsonEncoding) encodeItems(d Value) error {
	in := enc.in
	items, err := jsonDictItems(in, d)
	if err != nil {
		return err
	}
	defer in.DecRef(items)
	if enc.sortKeys {
		r, err := in.CallMethod(items, "sort", nil, nil)
		if err != nil {
			return err
		}
		in.DecRef(r)
	}
	first := true
	for i := 0; ; i++ {
		l, _ := interp.ListItems(items)
		if i >= len(l) {
			return nil
		}
		item := l[i]
		pair, ok := interp.TupleItems(item)
		if !ok || len(pair) != 2 {
			return in.Raise(interp.ValueError, "items must return 2-tuples")
		}
		interp.IncRef(item)
		err := enc.encodeItem(pair[0], pair[1], &first)
		in.DecRef(item)
		if err != nil {
			return err
		}
	}
}

// encodeItem appends key: value (after the item separator unless
// first), the key made a str as json does, or nothing for a key of
// another type with skipkeys.
func (enc *jsonEncoding) encodeItem(key, value Value, first *bool) error {
	in := enc.in
	var text string
	var err error
	switch {
	case interp.IsStr(key):
	case key.IsFloat() || interp.IsInstance(key, interp.FloatType):
		text, err = enc.floatText(key)
	case key.IsBool():
		text = "false"
		if key.BoolValue() {
			text = "true"
		}
	case key.IsNone():
		text = "null"
	case interp.IsInt(key):
		text, err = jsonIntText(in, key)
	case enc.skipKeys:
		return nil
	default:
		return in.Raise(interp.TypeError, "keys must be str, int, float, bool or None, not %s", key.Type().Name)
	}
	if err != nil {
		return err
	}
	if !*first {
		enc.buf = append(enc.buf, enc.itemSep.GoString()...)
	}
	*first = false
	if interp.IsStr(key) {
		err = enc.encodeString(key)
	} else {
		var s Value
		if s, err = in.NewStr(text); err == nil {
			err = enc.encodeString(s)
			in.DecRef(s)
		}
	}
	if err != nil {
		return err
	}
	enc.buf = append(enc.buf, enc.keySep.GoString()...)
	return enc.encode(value)
}
