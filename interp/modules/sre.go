package modules

import (
	"fmt"
	"math/big"
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _sre module of CPython 3.12: what Lib/re compiles patterns into
// (re/_compiler.py calls _sre.compile with the code list), and the
// Pattern, Match, Scanner and template objects. sre_engine.go and
// sre_match.go are the matching engine, sre_match_obj.go the Match type,
// sre_sub.go sub, split and templates.

var sreTable moduleTable

func initSre(in *interp.Interp, m *interp.Module) error { return sreTable.fill(in, m) }

func init() {
	sreTable.set("MAGIC", interp.Int(sreMagic))
	sreTable.set("CODESIZE", interp.Int(4))
	sreTable.set("MAXREPEAT", interp.Int(sreMaxRepeat))
	sreTable.set("MAXGROUPS", interp.Int(sreMaxGroups))
	sreTable.set("copyright", interp.ImmortalStr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "))
	sreTable.fn("getcodesize", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount("getcodesize", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return interp.Int(4), nil
	})
	charFn := func(name string, fn func(c rune) Value) {
		sreTable.fn(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			if err := in.CheckArgCount(name, args, kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			if !interp.IsInt(args[0]) {
				return Value{}, in.Raise(interp.TypeError, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			n, ok := interp.IntValue(args[0])
			if !ok || n < -1<<31 || n >= 1<<31 {
				return Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
			}
			return fn(rune(n)), nil
		})
	}
	charFn("ascii_iscased", func(c rune) Value { return interp.Bool(c < 128 && (c|0x20 >= 'a' && c|0x20 <= 'z')) })
	charFn("unicode_iscased", func(c rune) Value { return interp.Bool(c != lowerUni(c) || c != upperUni(c)) })
	charFn("ascii_tolower", func(c rune) Value { return interp.Int(int64(lowerASCII(c))) })
	charFn("unicode_tolower", func(c rune) Value { return interp.Int(int64(lowerUni(c))) })
	sreTable.fn("compile", sreCompile)
	sreTable.fn("template", sreTemplate)
}

// ---- Pattern ----

// patternObject is a compiled pattern (re.Pattern). isBytes is 1 for a
// bytes pattern, 0 for a str one, -1 when the pattern is None.
type patternObject struct {
	alloc.Header
	alloc.GCLink
	pattern    Value
	groupindex Value // a dict
	indexgroup Value // a tuple
	flags      int64
	code       []uint32
	groups     int
	isBytes    int

	// The code points of the last long str subject and its text, which
	// they keep alive: text is immutable, so a subject whose text is the
	// same Go string (same bytes at the same address) has these code
	// points. Calls that start at an offset of one long text, as the json
	// decoder's WHITESPACE.match(s, end) does, then decode it once, not
	// once per call.
	lastText  string
	lastRunes []rune

	// charTables are the answer tables of the code's one-character ops,
	// by pc, built as the engine first needs them (sre_table.go).
	charTables []*charTable
}

// subjectCacheMin is the shortest text (in bytes) whose code points a
// pattern keeps for its next call: decoding shorter ones costs less than
// the memory kept. subjectCacheMax is the longest: the code points (4
// bytes each) stay with the pattern, which often lives as long as its
// module, and are not counted against the interpreter's memory limit,
// so a longer text is decoded per call instead.
const (
	subjectCacheMin = 512
	subjectCacheMax = 4 << 20
)

var patternType = interp.NewType[patternObject](interp.TypeSpec{
	Name: "Pattern", Module: "re",
	Doc: "Compiled regular expression object.",
	Dealloc: func(in *interp.Interp, v Value) {
		p := interp.ObjectOf[patternObject](v)
		p.lastText, p.lastRunes = "", nil
		releaseAll(in, []Value{p.pattern, p.groupindex, p.indexgroup})
	},
	Traverse: func(v Value, visit func(Value)) {
		p := interp.ObjectOf[patternObject](v)
		visitAll([]Value{p.pattern, p.groupindex, p.indexgroup}, visit)
	},
	Repr:    patternRepr,
	Compare: patternCompare,
	Hash:    patternHash,
})

var compileParams = interp.Params{Func: "compile", Names: []string{"pattern", "flags", "code", "groups", "groupindex", "indexgroup"}, Required: 6}

// sreCompile is _sre.compile(pattern, flags, code, groups, groupindex,
// indexgroup).
func sreCompile(in *interp.Interp, args, kwnames []Value) (Value, error) {
	var pat, flags, codeV, groups, groupindex, indexgroup Value
	if err := in.Unpack(&compileParams, args, kwnames, &pat, &flags, &codeV, &groups, &groupindex, &indexgroup); err != nil {
		return Value{}, err
	}
	if !interp.IsInt(flags) {
		return Value{}, in.Raise(interp.TypeError, "'%s' object cannot be interpreted as an integer", flags.Type().Name)
	}
	fl, ok := interp.IntValue(flags)
	if !ok || fl < -1<<31 || fl >= 1<<31 {
		return Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	items, ok := interp.ListItems(codeV)
	if !ok {
		return Value{}, in.Raise(interp.TypeError, "compile() argument 'code' must be list, not %s", codeV.Type().Name)
	}
	ng, err := in.AsSsize(groups)
	if err != nil {
		return Value{}, err
	}
	if interp.AsDict(groupindex) == nil {
		return Value{}, in.Raise(interp.TypeError, "compile() argument 'groupindex' must be dict, not %s", groupindex.Type().Name)
	}
	if _, ok := interp.TupleItems(indexgroup); !ok {
		return Value{}, in.Raise(interp.TypeError, "compile() argument 'indexgroup' must be tuple, not %s", indexgroup.Type().Name)
	}
	code := make([]uint32, len(items))
	for i, x := range items {
		if !interp.IsInt(x) {
			return Value{}, in.Raise(interp.TypeError, "an integer is required")
		}
		b := interp.BigIntOf(x)
		if b.Sign() < 0 {
			return Value{}, in.Raise(interp.OverflowError, "can't convert negative value to unsigned int")
		}
		if b.Cmp(big.NewInt(1<<32-1)) > 0 {
			return Value{}, in.Raise(interp.OverflowError, "regular expression code size limit exceeded")
		}
		code[i] = uint32(b.Uint64())
	}
	isBytes := -1
	if !pat.IsNone() {
		switch {
		case interp.IsStr(pat):
			isBytes = 0
		default:
			if _, ok := interp.BufferBytes(pat); !ok {
				return Value{}, in.Raise(interp.TypeError, "expected string or bytes-like object, got '%s'", pat.Type().Name)
			}
			isBytes = 1
		}
	}
	if ng < 0 || len(code) == 0 || !validCode(code, ng) {
		return Value{}, in.Raise(interp.RuntimeError, "invalid SRE code")
	}
	gi, err := in.DictCopy(interp.AsDict(groupindex))
	if err != nil {
		return Value{}, err
	}
	p, err := interp.NewObject[patternObject](in, patternType)
	if err != nil {
		in.DecRef(gi)
		return Value{}, err
	}
	interp.IncRef(pat)
	interp.IncRef(indexgroup)
	p.pattern, p.groupindex, p.indexgroup = pat, gi, indexgroup
	p.flags, p.code, p.groups, p.isBytes = fl, code, ng, isBytes
	return interp.ValueOf(p), nil
}

// validCode checks the code cheaply: it ends with SUCCESS and has no
// unknown top-level opcode; the engine turns any other inconsistency it
// meets into the same RuntimeError.
func validCode(code []uint32, groups int) bool {
	return code[len(code)-1] == opSuccess && code[0] <= opRangeUniIgnore
}

func patternOf(v Value) *patternObject { return interp.ObjectOf[patternObject](v) }

var reFlagNames = []struct {
	name string
	bit  int64
}{
	{"re.TEMPLATE", 1}, {"re.IGNORECASE", 2}, {"re.LOCALE", 4}, {"re.MULTILINE", 8},
	{"re.DOTALL", 16}, {"re.UNICODE", 32}, {"re.VERBOSE", 64}, {"re.DEBUG", 128}, {"re.ASCII", 256},
}

// truncRepr is the "%.<n>R" of PyUnicode_FromFormat: repr(v) cut to n
// code points.
func truncRepr(in *interp.Interp, v Value, n int) (string, error) {
	r, err := reprString(in, v)
	if err != nil {
		return "", err
	}
	if rs := []rune(r); len(rs) > n {
		r = string(rs[:n])
	}
	return r, nil
}

func patternRepr(in *interp.Interp, v Value) (Value, error) {
	p := patternOf(v)
	pr, err := truncRepr(in, p.pattern, 200)
	if err != nil {
		return Value{}, err
	}
	flags := p.flags
	if p.isBytes == 0 && flags&(4|32|256) == 32 {
		flags &^= 32
	}
	if flags == 0 {
		return in.NewStr("re.compile(" + pr + ")")
	}
	var names []string
	for _, f := range reFlagNames {
		if flags&f.bit != 0 {
			names = append(names, f.name)
			flags &^= f.bit
		}
	}
	if flags != 0 {
		names = append(names, fmt.Sprintf("0x%x", flags))
	}
	return in.NewStr("re.compile(" + pr + ", " + strings.Join(names, "|") + ")")
}

func patternCompare(in *interp.Interp, a, b Value, op interp.CompareOp) (Value, error) {
	if op != interp.CmpEQ && op != interp.CmpNE || b.Type() != a.Type() {
		return interp.NotImplemented, nil
	}
	if a.Is(b) {
		return interp.Bool(op == interp.CmpEQ), nil
	}
	l, r := patternOf(a), patternOf(b)
	eq := l.flags == r.flags && l.isBytes == r.isBytes && len(l.code) == len(r.code)
	if eq {
		for i := range l.code {
			if l.code[i] != r.code[i] {
				eq = false
				break
			}
		}
	}
	if eq {
		var err error
		if eq, err = in.Equal(l.pattern, r.pattern); err != nil {
			return Value{}, err
		}
	}
	return interp.Bool(eq == (op == interp.CmpEQ)), nil
}

func patternHash(in *interp.Interp, v Value) (int64, error) {
	p := patternOf(v)
	h, err := in.Hash(p.pattern)
	if err != nil {
		return 0, err
	}
	var ch uint64 = 14695981039346656037
	for _, c := range p.code {
		ch = (ch ^ uint64(c)) * 1099511628211
	}
	h ^= int64(ch)
	if h == -1 {
		h = -2
	}
	return h, nil
}

// subject is a string being matched: its characters as bytes (a bytes
// subject, or a str that is all ASCII) or as code points (other strs),
// its length, and whether it is bytes-like.
type subject struct {
	bytes   []byte
	runes   []rune
	text    string // the ASCII str whose bytes bytes are
	n       int
	wide    bool // runes holds the characters
	isBytes bool
}

// getSubject reads the string argument of a pattern method and checks
// its kind against the pattern's. An ASCII str and an exact bytes
// object are matched in place; their text cannot change.
func (p *patternObject) getSubject(in *interp.Interp, v Value) (subject, error) {
	var sub subject
	switch {
	case interp.IsStr(v):
		text, ascii := interp.StrText(v)
		switch {
		case ascii:
			sub.text = text
			sub.bytes = unsafe.Slice(unsafe.StringData(text), len(text))
		case len(text) < subjectCacheMin || len(text) > subjectCacheMax:
			sub.runes = interp.StrRunes(v)
			sub.wide = true
		default:
			if len(text) != len(p.lastText) || unsafe.StringData(text) != unsafe.StringData(p.lastText) {
				p.lastText, p.lastRunes = text, interp.StrRunes(v)
			}
			sub.runes = p.lastRunes
			sub.wide = true
		}
	default:
		b, ok := interp.BufferBytes(v)
		if !ok {
			return sub, in.Raise(interp.TypeError, "expected string or bytes-like object, got '%s'", v.Type().Name)
		}
		sub.isBytes = true
		sub.bytes = b
	}
	if sub.wide {
		sub.n = len(sub.runes)
	} else {
		sub.n = len(sub.bytes)
	}
	if p.isBytes == 1 && !sub.isBytes {
		return sub, in.Raise(interp.TypeError, "cannot use a bytes pattern on a string-like object")
	}
	if p.isBytes == 0 && sub.isBytes {
		return sub, in.Raise(interp.TypeError, "cannot use a string pattern on a bytes-like object")
	}
	return sub, nil
}

// newState prepares matching sub between pos and endpos (clamped as
// CPython does).
func (p *patternObject) newState(sub subject, pos, endpos int) *sreState {
	n := sub.n
	pos = max(0, min(pos, n))
	endpos = max(0, min(endpos, n))
	if p.charTables == nil {
		p.charTables = make([]*charTable, len(p.code))
	}
	var st *sreState
	if sub.wide {
		e := &engine[rune]{s: sub.runes}
		e.eng = e
		st = &e.sreState
	} else {
		e := &engine[byte]{s: sub.bytes}
		e.eng = e
		st = &e.sreState
	}
	st.code, st.end, st.start, st.pos, st.ngroups, st.tables = p.code, endpos, pos, pos, p.groups, p.charTables
	st.reset()
	return st
}

// slice returns string[start:end] as the engine's getslice does: exact
// str or bytes, the string itself when it is that already.
func slice(in *interp.Interp, sub subject, string Value, start, end int) (Value, error) {
	whole := start == 0 && end == sub.n
	if sub.isBytes {
		if string.Type() == interp.BytesType {
			if whole {
				interp.IncRef(string)
				return string, nil
			}
			return in.NewBytes(sub.bytes[start:end])
		}
		// A bytearray (or what a view shows) may have changed since the
		// match: CPython slices its buffer as it is now, clamped.
		b, ok := interp.BufferBytes(string)
		if !ok {
			b = nil
		}
		end = min(end, len(b))
		start = min(start, end)
		return in.NewBytes(b[start:end])
	}
	if whole && string.Type() == interp.StrType {
		interp.IncRef(string)
		return string, nil
	}
	if !sub.wide {
		return in.NewASCIIStr(sub.text[start:end])
	}
	return in.NewStrRunes(sub.runes[start:end])
}

// run runs the engine, turning a program it cannot follow (an index out
// of range, an unknown opcode) into CPython's RuntimeError.
func run(in *interp.Interp, f func() bool) (ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = in.Raise(interp.RuntimeError, "invalid SRE code")
		}
	}()
	return f(), nil
}

var matchParams = map[string]*interp.Params{}

func init() {
	for _, name := range []string{"match", "fullmatch", "search", "findall", "finditer", "scanner"} {
		matchParams[name] = &interp.Params{Func: name, Names: []string{"string", "pos", "endpos"}, Required: 1}
	}
}

// stringPosArgs unpacks (string, pos=0, endpos=sys.maxsize).
func stringPosArgs(in *interp.Interp, name string, args, kwnames []Value) (string Value, pos, endpos int, err error) {
	var posV, endV Value
	if err = in.Unpack(matchParams[name], args[1:], kwnames, &string, &posV, &endV); err != nil {
		return
	}
	endpos = int(^uint(0) >> 1)
	if !posV.IsNil() {
		if pos, err = in.AsSsize(posV); err != nil {
			return
		}
	}
	if !endV.IsNil() {
		if endpos, err = in.AsSsize(endV); err != nil {
			return
		}
	}
	return
}

func init() {
	for _, name := range []string{"match", "fullmatch", "search"} {
		name := name
		patternType.AddMethod(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			str, pos, endpos, err := stringPosArgs(in, name, args, kwnames)
			if err != nil {
				return Value{}, err
			}
			p := patternOf(args[0])
			sub, err := p.getSubject(in, str)
			if err != nil {
				return Value{}, err
			}
			st := p.newState(sub, pos, endpos)
			ok, err := run(in, func() bool {
				if name == "search" {
					return st.search()
				}
				st.matchAll = name == "fullmatch"
				return st.start <= st.end && st.match(0, st.start)
			})
			if err != nil || !ok {
				return interp.None, err
			}
			return newMatch(in, args[0], str, sub, st)
		})
	}
	patternType.AddMethod("findall", patternFindall)
	patternType.AddMethod("finditer", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		sc, err := patternScanner(in, "finditer", args, kwnames)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(sc)
		search, err := in.GetAttrString(sc, "search")
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(search)
		return in.NewCallableIterator(search, interp.None)
	})
	patternType.AddMethod("scanner", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return patternScanner(in, "scanner", args, kwnames)
	})
	patternType.AddMethod("split", patternSplit)
	patternType.AddMethod("sub", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return patternSub(in, "sub", args, kwnames)
	})
	patternType.AddMethod("subn", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return patternSub(in, "subn", args, kwnames)
	})
	copyMethods(patternType, "Pattern")
	patternType.AddGetSet("pattern", func(in *interp.Interp, v Value) (Value, error) {
		x := patternOf(v).pattern
		interp.IncRef(x)
		return x, nil
	}, nil)
	patternType.AddGetSet("flags", func(in *interp.Interp, v Value) (Value, error) {
		return interp.Int(patternOf(v).flags), nil
	}, nil)
	patternType.AddGetSet("groups", func(in *interp.Interp, v Value) (Value, error) {
		return interp.Int(int64(patternOf(v).groups)), nil
	}, nil)
	patternType.AddGetSet("groupindex", func(in *interp.Interp, v Value) (Value, error) {
		return in.NewMappingProxy(patternOf(v).groupindex)
	}, nil)
	sreTable.typ("Pattern", patternType)
}

// copyMethods adds __copy__, __deepcopy__ and __class_getitem__, which
// Pattern and Match share.
func copyMethods(t *interp.Type, name string) {
	t.AddMethod("__copy__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs(name+".__copy__", args, kwnames); err != nil {
			return Value{}, err
		}
		interp.IncRef(args[0])
		return args[0], nil
	})
	t.AddMethod("__deepcopy__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg(name+".__deepcopy__", args, kwnames); err != nil {
			return Value{}, err
		}
		interp.IncRef(args[0])
		return args[0], nil
	})
	t.AddClassMethod("__class_getitem__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("__class_getitem__", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.GenericAlias(args[0], args[1])
	})
}

// findallItem is what findall gives for a match: group 0, the only
// group, or a tuple of all the groups ("" for those that did not match).
func findallItem(in *interp.Interp, p *patternObject, sub subject, string Value, st *sreState) (Value, error) {
	empty := func() (Value, error) { return slice(in, sub, string, 0, 0) }
	get := func(g int) (Value, error) {
		s, e, ok := st.mark(g)
		if !ok {
			return empty()
		}
		return slice(in, sub, string, s, e)
	}
	switch p.groups {
	case 0:
		return slice(in, sub, string, st.start, st.ptr)
	case 1:
		return get(0)
	}
	items := make([]Value, 0, p.groups)
	for g := 0; g < p.groups; g++ {
		x, err := get(g)
		if err != nil {
			releaseAll(in, items)
			return Value{}, err
		}
		items = append(items, x)
	}
	return newTupleOwned(in, items)
}

func patternFindall(in *interp.Interp, args, kwnames []Value) (Value, error) {
	str, pos, endpos, err := stringPosArgs(in, "findall", args, kwnames)
	if err != nil {
		return Value{}, err
	}
	p := patternOf(args[0])
	sub, err := p.getSubject(in, str)
	if err != nil {
		return Value{}, err
	}
	st := p.newState(sub, pos, endpos)
	list, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	for st.start <= st.end {
		ok, err := run(in, st.search)
		if err != nil {
			in.DecRef(list)
			return Value{}, err
		}
		if !ok {
			break
		}
		item, err := findallItem(in, p, sub, str, st)
		if err == nil {
			err = in.Append(interp.AsList(list), item)
			in.DecRef(item)
		}
		if err != nil {
			in.DecRef(list)
			return Value{}, err
		}
		st.mustAdvance = st.ptr == st.start
		st.start = st.ptr
	}
	return list, nil
}
