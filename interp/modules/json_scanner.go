package modules

import (
	"strconv"
	"strings"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// _json.make_scanner, the type json.scanner takes as make_scanner: made
// from a JSONDecoder (the context), it is called as scan_once(string,
// idx) and returns (value, end), or raises StopIteration(idx) when no
// JSON value starts at idx, which JSONDecoder turns into "Expecting
// value". A value that does not start where one is expected inside an
// array or object raises the same StopIteration, with its own position,
// as the C scanner does.

type jsonScannerObject struct {
	alloc.Header
	alloc.GCLink
	strict                              bool
	strictV                             Value // strict as a bool, for the attribute
	objectHook, pairsHook               Value
	parseFloat, parseInt, parseConstant Value
	floatIsFloat, intIsInt              bool // the parse functions are the types: parse here
}

var jsonScannerParams = interp.Params{Func: "make_scanner", Names: []string{"context"}, Required: 1}
var jsonScanOnceParams = interp.Params{Func: "scan_once", Names: []string{"string", "idx"}, Required: 2}

var jsonScannerType *interp.Type

func init() {
	jsonScannerType = interp.NewType[jsonScannerObject](interp.TypeSpec{
		Name: "Scanner", Module: "_json",
		Doc: "JSON scanner object",
		New: jsonScannerNew,
		Dealloc: func(in *interp.Interp, v Value) {
			s := interp.ObjectOf[jsonScannerObject](v)
			releaseAll(in, []Value{s.objectHook, s.pairsHook, s.parseFloat, s.parseInt, s.parseConstant})
		},
		Traverse: func(v Value, visit func(Value)) {
			s := interp.ObjectOf[jsonScannerObject](v)
			visitAll([]Value{s.objectHook, s.pairsHook, s.parseFloat, s.parseInt, s.parseConstant}, visit)
		},
		Clear: func(in *interp.Interp, v Value) {
			s := interp.ObjectOf[jsonScannerObject](v)
			for _, p := range []*Value{&s.objectHook, &s.pairsHook, &s.parseFloat, &s.parseInt, &s.parseConstant} {
				in.ClearRef(p)
			}
		},
		Call: jsonScannerCall,
	})
	jsonScannerType.AddMember("strict", "strictV", true)
	jsonScannerType.AddMember("object_hook", "objectHook", true)
	jsonScannerType.AddMember("object_pairs_hook", "pairsHook", true)
	jsonScannerType.AddMember("parse_float", "parseFloat", true)
	jsonScannerType.AddMember("parse_int", "parseInt", true)
	jsonScannerType.AddMember("parse_constant", "parseConstant", true)
	jsonTable.typ("make_scanner", jsonScannerType)
}

// jsonScannerNew reads the context's settings, in the C scanner's order.
func jsonScannerNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	var ctx Value
	if err := in.Unpack(&jsonScannerParams, args, kwnames, &ctx); err != nil {
		return Value{}, err
	}
	strictV, err := in.GetAttrString(ctx, "strict")
	if err != nil {
		return Value{}, err
	}
	strict, err := in.Truth(strictV)
	in.DecRef(strictV)
	if err != nil {
		return Value{}, err
	}
	var fields [5]Value
	for i, name := range []string{"object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"} {
		if fields[i], err = in.GetAttrString(ctx, name); err != nil {
			releaseAll(in, fields[:i])
			return Value{}, err
		}
	}
	s, err := interp.NewObject[jsonScannerObject](in, t)
	if err != nil {
		releaseAll(in, fields[:])
		return Value{}, err
	}
	s.strict, s.strictV = strict, interp.Bool(strict)
	s.objectHook, s.pairsHook, s.parseFloat, s.parseInt, s.parseConstant = fields[0], fields[1], fields[2], fields[3], fields[4]
	s.floatIsFloat = s.parseFloat.Is(interp.TypeValue(interp.FloatType))
	s.intIsInt = s.parseInt.Is(interp.TypeValue(interp.IntType))
	return interp.ValueOf(s), nil
}

// jsonScan is one call of a scanner: its settings, the text and the memo
// that makes equal keys one str. Its offsets are bytes of the text.
type jsonScan struct {
	*jsonScannerObject
	in    *interp.Interp
	t     jsonText
	memo  map[string]Value
	stack []Value // the items of the arrays and objects being decoded, owned
}

func jsonScannerCall(in *interp.Interp, v Value, args, kwnames []Value) (Value, error) {
	var str, idxV Value
	if err := in.Unpack(&jsonScanOnceParams, args, kwnames, &str, &idxV); err != nil {
		return Value{}, err
	}
	idx, err := in.AsSsize(idxV)
	if err != nil {
		return Value{}, err
	}
	if !interp.IsStr(str) {
		return Value{}, in.Raise(interp.TypeError, "first argument must be a string, not %s", str.Type().Name)
	}
	if idx < 0 {
		return Value{}, in.Raise(interp.ValueError, "idx cannot be negative")
	}
	sc := jsonScan{jsonScannerObject: interp.ObjectOf[jsonScannerObject](v), in: in, t: newJSONText(str)}
	if idx >= sc.t.n {
		return Value{}, in.StopIteration(interp.Int(int64(idx)))
	}
	interp.IncRef(v) // the hooks may drop the last other reference
	r, end, err := sc.scanOnce(sc.t.offset(in, idx))
	for _, k := range sc.memo {
		in.DecRef(k)
	}
	in.DecRef(v)
	if err != nil {
		return Value{}, err
	}
	return newTupleOwned(in, []Value{r, interp.Int(int64(sc.t.index(end)))})
}

// stop is the StopIteration that says no value starts at byte offset b.
func (sc *jsonScan) stop(b int) error {
	return sc.in.StopIteration(interp.Int(int64(sc.t.index(b))))
}

// fail raises JSONDecodeError(msg) at byte offset b.
func (sc *jsonScan) fail(msg string, b int) error {
	return jsonError(sc.in, msg, sc.t.v, sc.t.index(b))
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (sc *jsonScan) skipSpace(idx int) int {
	s := sc.t.s
	for idx < len(s) && isJSONSpace(s[idx]) {
		idx++
	}
	return idx
}

// hasWord reports whether word follows at idx.
func (sc *jsonScan) hasWord(idx int, word string) bool {
	return len(sc.t.s)-idx >= len(word) && sc.t.s[idx:idx+len(word)] == word
}

// scanOnce decodes the value at byte offset idx: the value and the
// offset after it.
func (sc *jsonScan) scanOnce(idx int) (Value, int, error) {
	in := sc.in
	if idx >= len(sc.t.s) {
		return Value{}, 0, sc.stop(idx)
	}
	switch sc.t.s[idx] {
	case '"':
		return jsonScanString(in, &sc.t, idx+1, sc.strict)
	case '{':
		if err := in.EnterRecursiveCall(" while decoding a JSON object from a unicode string"); err != nil {
			return Value{}, 0, err
		}
		r, end, err := sc.parseObject(idx + 1)
		in.LeaveRecursiveCall()
		return r, end, err
	case '[':
		if err := in.EnterRecursiveCall(" while decoding a JSON array from a unicode string"); err != nil {
			return Value{}, 0, err
		}
		r, end, err := sc.parseArray(idx + 1)
		in.LeaveRecursiveCall()
		return r, end, err
	case 'n':
		if sc.hasWord(idx, "null") {
			return interp.None, idx + 4, nil
		}
	case 't':
		if sc.hasWord(idx, "true") {
			return interp.True, idx + 4, nil
		}
	case 'f':
		if sc.hasWord(idx, "false") {
			return interp.False, idx + 5, nil
		}
	case 'N':
		if sc.hasWord(idx, "NaN") {
			return sc.constant("NaN", idx)
		}
	case 'I':
		if sc.hasWord(idx, "Infinity") {
			return sc.constant("Infinity", idx)
		}
	case '-':
		if sc.hasWord(idx, "-Infinity") {
			return sc.constant("-Infinity", idx)
		}
	}
	return sc.number(idx)
}

// constant is parse_constant(name) for NaN, Infinity and -Infinity.
func (sc *jsonScan) constant(name string, idx int) (Value, int, error) {
	s, err := sc.in.NewStr(name)
	if err != nil {
		return Value{}, 0, err
	}
	r, err := sc.in.Call(sc.parseConstant, []Value{s}, nil)
	sc.in.DecRef(s)
	return r, idx + len(name), err
}

func jsonIsDigit(c byte) bool { return c >= '0' && c <= '9' }

// number decodes -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? at
// start (ASCII digits only): an int, or a float when it has a fraction
// or an exponent, through parse_int or parse_float unless they are the
// types themselves.
func (sc *jsonScan) number(start int) (Value, int, error) {
	in, s := sc.in, sc.t.s
	n := len(s)
	idx := start
	if idx < n && s[idx] == '-' {
		idx++
	}
	switch {
	case idx < n && s[idx] >= '1' && s[idx] <= '9':
		for idx++; idx < n && jsonIsDigit(s[idx]); idx++ {
		}
	case idx < n && s[idx] == '0':
		idx++
	default:
		return Value{}, 0, sc.stop(start)
	}
	isFloat := false
	if idx+1 < n && s[idx] == '.' && jsonIsDigit(s[idx+1]) {
		isFloat = true
		for idx += 2; idx < n && jsonIsDigit(s[idx]); idx++ {
		}
	}
	if idx < n && (s[idx] == 'e' || s[idx] == 'E') {
		e := idx + 1
		if e < n && (s[e] == '-' || s[e] == '+') {
			e++
		}
		d := e
		for d < n && jsonIsDigit(s[d]) {
			d++
		}
		if d > e {
			isFloat = true
			idx = d
		}
	}
	text := s[start:idx]
	switch {
	case isFloat && sc.floatIsFloat:
		f, _ := strconv.ParseFloat(text, 64) // a valid literal; out of range gives ±inf or 0 as float() does
		return interp.Float(f), idx, nil
	case !isFloat && sc.intIsInt && len(text) <= 19:
		if v, err := strconv.ParseInt(text, 10, 64); err == nil {
			return interp.Int(v), idx, nil
		}
	}
	fn := sc.parseInt
	if isFloat {
		fn = sc.parseFloat
	}
	str, err := in.NewStrASCII(strings.Clone(text))
	if err != nil {
		return Value{}, 0, err
	}
	r, err := in.Call(fn, []Value{str}, nil)
	in.DecRef(str)
	return r, idx, err
}

// release drops the values gathered on sc.stack from base on.
func (sc *jsonScan) release(base int) {
	for _, v := range sc.stack[base:] {
		sc.in.DecRef(v)
	}
	clear(sc.stack[base:])
	sc.stack = sc.stack[:base]
}

// parseArray decodes the array whose '[' precedes byte offset idx. Its
// items gather on sc.stack first, so that the list is made at its size.
func (sc *jsonScan) parseArray(idx int) (Value, int, error) {
	in, s := sc.in, sc.t.s
	base := len(sc.stack)
	fail := func(err error) (Value, int, error) {
		sc.release(base)
		return Value{}, 0, err
	}
	idx = sc.skipSpace(idx)
	if idx >= len(s) || s[idx] != ']' {
		for {
			v, next, err := sc.scanOnce(idx)
			if err != nil {
				return fail(err)
			}
			sc.stack = append(sc.stack, v)
			idx = sc.skipSpace(next)
			if idx < len(s) && s[idx] == ']' {
				break
			}
			if idx >= len(s) || s[idx] != ',' {
				return fail(sc.fail("Expecting ',' delimiter", idx))
			}
			idx = sc.skipSpace(idx + 1)
		}
	}
	list, err := in.NewListOwned(sc.stack[base:])
	clear(sc.stack[base:])
	sc.stack = sc.stack[:base]
	return list, idx + 1, err
}

// parseObject decodes the object whose '{' precedes byte offset idx: a
// dict, or what object_pairs_hook makes of the list of pairs, or
// object_hook of the dict. The keys and values gather on sc.stack
// first, so that the dict is made at its size instead of growing
// through several; they go in in the text's order, a repeated key's
// last value winning as when set one by one.
func (sc *jsonScan) parseObject(idx int) (Value, int, error) {
	in, s := sc.in, sc.t.s
	base := len(sc.stack)
	fail := func(err error) (Value, int, error) {
		sc.release(base)
		return Value{}, 0, err
	}
	idx = sc.skipSpace(idx)
	if idx >= len(s) || s[idx] != '}' {
		for {
			if idx >= len(s) || s[idx] != '"' {
				return fail(sc.fail("Expecting property name enclosed in double quotes", idx))
			}
			key, next, ok := sc.memoKey(idx + 1)
			if !ok {
				var err error
				key, next, err = jsonScanString(in, &sc.t, idx+1, sc.strict)
				if err != nil {
					return fail(err)
				}
				key = sc.intern(key)
			}
			sc.stack = append(sc.stack, key)
			idx = sc.skipSpace(next)
			if idx >= len(s) || s[idx] != ':' {
				return fail(sc.fail("Expecting ':' delimiter", idx))
			}
			val, next, err := sc.scanOnce(sc.skipSpace(idx + 1))
			if err != nil {
				return fail(err)
			}
			sc.stack = append(sc.stack, val)
			idx = sc.skipSpace(next)
			if idx < len(s) && s[idx] == '}' {
				break
			}
			if idx >= len(s) || s[idx] != ',' {
				return fail(sc.fail("Expecting ',' delimiter", idx))
			}
			idx = sc.skipSpace(idx + 1)
		}
	}
	idx++
	acc, err := sc.collect(base)
	if err != nil {
		return Value{}, 0, err
	}
	hook := sc.objectHook
	if !sc.pairsHook.IsNone() {
		hook = sc.pairsHook
	} else if hook.IsNone() {
		return acc, idx, nil
	}
	r, err := in.Call(hook, []Value{acc}, nil)
	in.DecRef(acc)
	return r, idx, err
}

// collect turns the keys and values on sc.stack from base on into the
// dict, or with object_pairs_hook the list of (key, value) pairs, taking
// them off the stack.
func (sc *jsonScan) collect(base int) (Value, error) {
	in := sc.in
	kv := sc.stack[base:]
	if !sc.pairsHook.IsNone() {
		// Each pair takes over its key and value, the list its pairs.
		for i := 0; i < len(kv); i += 2 {
			pair, err := newTupleOwned(in, []Value{kv[i], kv[i+1]})
			if err != nil {
				kv[i], kv[i+1] = Value{}, Value{}
				for _, v := range kv[:i/2] {
					in.DecRef(v)
				}
				for _, v := range kv[i+2:] {
					in.DecRef(v)
				}
				clear(kv)
				sc.stack = sc.stack[:base]
				return Value{}, err
			}
			kv[i/2] = pair
		}
		list, err := in.NewListOwned(kv[:len(kv)/2])
		clear(kv)
		sc.stack = sc.stack[:base]
		return list, err
	}
	d, err := in.NewDictSized(len(kv) / 2)
	for i := 0; err == nil && i < len(kv); i += 2 {
		err = in.DictSet(interp.AsDict(d), kv[i], kv[i+1])
	}
	sc.release(base)
	if err != nil {
		in.XDecRef(d)
		return Value{}, err
	}
	return d, nil
}

// memoKey finds the key whose text starts at byte offset idx (after its
// opening quote) in the memo without making a str, when it has no
// escapes (nor, in strict mode, control characters), as most repeated
// keys do: the key (a new reference) and the offset after its closing
// quote. ok is false when the caller must scan the key in full.
func (sc *jsonScan) memoKey(idx int) (key Value, next int, ok bool) {
	if len(sc.memo) == 0 {
		return Value{}, 0, false
	}
	s := sc.t.s
	for i := idx; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			k, found := sc.memo[s[idx:i]]
			if !found {
				return Value{}, 0, false
			}
			interp.IncRef(k)
			return k, i + 1, true
		}
		if c == '\\' || c < 0x20 && sc.strict {
			return Value{}, 0, false
		}
	}
	return Value{}, 0, false
}

// intern returns the memo's str equal to key (taking over the caller's
// reference to key), so that repeated keys share one str.
func (sc *jsonScan) intern(key Value) Value {
	s := key.GoString()
	if k, ok := sc.memo[s]; ok {
		sc.in.DecRef(key)
		interp.IncRef(k)
		return k
	}
	if sc.memo == nil {
		sc.memo = map[string]Value{}
	}
	interp.IncRef(key)
	sc.memo[s] = key
	return key
}
