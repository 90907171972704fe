package modules

import (
	"strconv"

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
// that makes equal keys one str.
type jsonScan struct {
	*jsonScannerObject
	in   *interp.Interp
	t    *jsonText
	memo map[string]Value
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
	sc := &jsonScan{jsonScannerObject: interp.ObjectOf[jsonScannerObject](v), in: in, t: newJSONText(str)}
	interp.IncRef(v) // the hooks may drop the last other reference
	r, end, err := sc.scanOnce(idx)
	for _, k := range sc.memo {
		in.DecRef(k)
	}
	in.DecRef(v)
	if err != nil {
		return Value{}, err
	}
	return newTupleOwned(in, []Value{r, interp.Int(int64(end))})
}

func isJSONSpace(c rune) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (sc *jsonScan) skipSpace(idx int) int {
	for idx < sc.t.n && isJSONSpace(sc.t.at(idx)) {
		idx++
	}
	return idx
}

// hasWord reports whether word follows at idx.
func (sc *jsonScan) hasWord(idx int, word string) bool {
	if idx+len(word) > sc.t.n {
		return false
	}
	for i := 0; i < len(word); i++ {
		if sc.t.at(idx+i) != rune(word[i]) {
			return false
		}
	}
	return true
}

// scanOnce decodes the value at idx: the value and the index after it.
func (sc *jsonScan) scanOnce(idx int) (Value, int, error) {
	in := sc.in
	if idx < 0 {
		return Value{}, 0, in.Raise(interp.ValueError, "idx cannot be negative")
	}
	if idx >= sc.t.n {
		return Value{}, 0, in.StopIteration(interp.Int(int64(idx)))
	}
	switch sc.t.at(idx) {
	case '"':
		return jsonScanString(in, sc.t, idx+1, sc.strict)
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

func jsonIsDigit(c rune) bool { return c >= '0' && c <= '9' }

// number decodes -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? at
// start (ASCII digits only): an int, or a float when it has a fraction
// or an exponent, through parse_int or parse_float unless they are the
// types themselves.
func (sc *jsonScan) number(start int) (Value, int, error) {
	in, t := sc.in, sc.t
	idx := start
	if idx < t.n && t.at(idx) == '-' {
		idx++
	}
	switch {
	case idx < t.n && t.at(idx) >= '1' && t.at(idx) <= '9':
		for idx++; idx < t.n && jsonIsDigit(t.at(idx)); idx++ {
		}
	case idx < t.n && t.at(idx) == '0':
		idx++
	default:
		return Value{}, 0, in.StopIteration(interp.Int(int64(start)))
	}
	isFloat := false
	if idx+1 < t.n && t.at(idx) == '.' && jsonIsDigit(t.at(idx+1)) {
		isFloat = true
		for idx += 2; idx < t.n && jsonIsDigit(t.at(idx)); idx++ {
		}
	}
	if idx < t.n && (t.at(idx) == 'e' || t.at(idx) == 'E') {
		e := idx + 1
		if e < t.n && (t.at(e) == '-' || t.at(e) == '+') {
			e++
		}
		d := e
		for d < t.n && jsonIsDigit(t.at(d)) {
			d++
		}
		if d > e {
			isFloat = true
			idx = d
		}
	}
	text := string(t.appendSlice(nil, start, idx))
	switch {
	case isFloat && sc.floatIsFloat:
		f, _ := strconv.ParseFloat(text, 64) // a valid literal; out of range gives ±inf or 0 as float() does
		return interp.Float(f), idx, nil
	case !isFloat && sc.intIsInt && len(text) <= 18:
		n, _ := strconv.ParseInt(text, 10, 64)
		return interp.Int(n), idx, nil
	}
	fn := sc.parseInt
	if isFloat {
		fn = sc.parseFloat
	}
	s, err := in.NewStr(text)
	if err != nil {
		return Value{}, 0, err
	}
	r, err := in.Call(fn, []Value{s}, nil)
	in.DecRef(s)
	return r, idx, err
}

// parseArray decodes the array whose '[' precedes idx.
func (sc *jsonScan) parseArray(idx int) (Value, int, error) {
	in, t := sc.in, sc.t
	list, err := in.NewList()
	if err != nil {
		return Value{}, 0, err
	}
	l := interp.AsList(list)
	fail := func(err error) (Value, int, error) {
		in.DecRef(list)
		return Value{}, 0, err
	}
	idx = sc.skipSpace(idx)
	if idx < t.n && t.at(idx) == ']' {
		return list, idx + 1, nil
	}
	for {
		v, next, err := sc.scanOnce(idx)
		if err != nil {
			return fail(err)
		}
		err = in.Append(l, v)
		in.DecRef(v)
		if err != nil {
			return fail(err)
		}
		idx = sc.skipSpace(next)
		if idx < t.n && t.at(idx) == ']' {
			return list, idx + 1, nil
		}
		if idx >= t.n || t.at(idx) != ',' {
			return fail(jsonError(in, "Expecting ',' delimiter", t.v, idx))
		}
		idx = sc.skipSpace(idx + 1)
	}
}

// parseObject decodes the object whose '{' precedes idx: a dict, or
// what object_pairs_hook makes of the list of pairs, or object_hook of
// the dict.
func (sc *jsonScan) parseObject(idx int) (Value, int, error) {
	in, t := sc.in, sc.t
	pairsHook := !sc.pairsHook.IsNone()
	var acc Value
	var err error
	if pairsHook {
		acc, err = in.NewList()
	} else {
		acc, err = in.NewDict()
	}
	if err != nil {
		return Value{}, 0, err
	}
	fail := func(err error) (Value, int, error) {
		in.DecRef(acc)
		return Value{}, 0, err
	}
	idx = sc.skipSpace(idx)
	if idx >= t.n || t.at(idx) != '}' {
		for {
			if idx >= t.n || t.at(idx) != '"' {
				return fail(jsonError(in, "Expecting property name enclosed in double quotes", t.v, idx))
			}
			key, next, ok := sc.memoKey(idx + 1)
			if !ok {
				key, next, err = jsonScanString(in, t, idx+1, sc.strict)
				if err != nil {
					return fail(err)
				}
				key = sc.intern(key)
			}
			idx = sc.skipSpace(next)
			if idx >= t.n || t.at(idx) != ':' {
				in.DecRef(key)
				return fail(jsonError(in, "Expecting ':' delimiter", t.v, idx))
			}
			val, next, err := sc.scanOnce(sc.skipSpace(idx + 1))
			if err != nil {
				in.DecRef(key)
				return fail(err)
			}
			if pairsHook {
				var pair Value
				if pair, err = newTupleOwned(in, []Value{key, val}); err == nil {
					err = in.Append(interp.AsList(acc), pair)
					in.DecRef(pair)
				}
			} else {
				err = in.DictSet(interp.AsDict(acc), key, val)
				in.DecRef(key)
				in.DecRef(val)
			}
			if err != nil {
				return fail(err)
			}
			idx = sc.skipSpace(next)
			if idx < t.n && t.at(idx) == '}' {
				break
			}
			if idx >= t.n || t.at(idx) != ',' {
				return fail(jsonError(in, "Expecting ',' delimiter", t.v, idx))
			}
			idx = sc.skipSpace(idx + 1)
		}
	}
	idx++
	hook := sc.objectHook
	if pairsHook {
		hook = sc.pairsHook
	} else if hook.IsNone() {
		return acc, idx, nil
	}
	r, err := in.Call(hook, []Value{acc}, nil)
	in.DecRef(acc)
	return r, idx, err
}

// memoKey finds the key whose text starts at idx (after its opening
// quote) in the memo without making a str, when it is short printable
// ASCII without escapes, as most repeated keys are: the key (a new
// reference) and the index after its closing quote. ok is false when the
// caller must scan the key in full.
func (sc *jsonScan) memoKey(idx int) (key Value, next int, ok bool) {
	if len(sc.memo) == 0 {
		return Value{}, 0, false
	}
	t := sc.t
	var buf [64]byte
	n := 0
	for i := idx; i < t.n; i++ {
		c := t.at(i)
		if c == '"' {
			k, found := sc.memo[string(buf[:n])]
			if !found {
				return Value{}, 0, false
			}
			interp.IncRef(k)
			return k, i + 1, true
		}
		if c < 0x20 || c > 0x7e || c == '\\' || n == len(buf) {
			return Value{}, 0, false
		}
		buf[n] = byte(c)
		n++
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
