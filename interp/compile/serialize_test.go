package compile

// Tests of Marshal and Unmarshal: round trips of everything the compiler
// makes from the project's test programs and CPython's library, every
// constant kind, and corrupt input (errors, never panics).

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

func TestMarshalKnowsEveryField(t *testing.T) {
	if schemaErr != nil {
		t.Fatal(schemaErr)
	}
}

// sameCode reports the first difference between two code trees: every
// field compared with reflect.DeepEqual except constants, compared by
// constsSame (floats by their bits, so NaN equals NaN and -0.0 differs
// from 0.0).
func sameCode(a, b *Code) error {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := range va.NumField() {
		name := va.Type().Field(i).Name
		if name == "Consts" {
			if len(a.Consts) != len(b.Consts) || (a.Consts == nil) != (b.Consts == nil) {
				return fmt.Errorf("%s: Consts %d (nil %v) vs %d (nil %v)", a.Qualname, len(a.Consts), a.Consts == nil, len(b.Consts), b.Consts == nil)
			}
			for j := range a.Consts {
				if err := constsSame(a.Consts[j], b.Consts[j]); err != nil {
					return fmt.Errorf("%s: Consts[%d]: %v", a.Qualname, j, err)
				}
			}
			continue
		}
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			return fmt.Errorf("%s: field %s: %#v vs %#v", a.Qualname, name, va.Field(i).Interface(), vb.Field(i).Interface())
		}
	}
	return nil
}

func constsSame(a, b Const) error {
	if reflect.TypeOf(a) != reflect.TypeOf(b) {
		return fmt.Errorf("%T vs %T", a, b)
	}
	switch a := a.(type) {
	case *Code:
		return sameCode(a, b.(*Code))
	case *big.Int:
		if a.Cmp(b.(*big.Int)) != 0 {
			return fmt.Errorf("%v vs %v", a, b)
		}
	case float64:
		if math.Float64bits(a) != math.Float64bits(b.(float64)) {
			return fmt.Errorf("%v vs %v", a, b)
		}
	case complex128:
		bc := b.(complex128)
		if math.Float64bits(real(a)) != math.Float64bits(real(bc)) || math.Float64bits(imag(a)) != math.Float64bits(imag(bc)) {
			return fmt.Errorf("%v vs %v", a, b)
		}
	case ConstTuple, ConstFrozenSet:
		as, bs := reflect.ValueOf(a), reflect.ValueOf(b)
		if as.Len() != bs.Len() || as.IsNil() != bs.IsNil() {
			return fmt.Errorf("%d items vs %d", as.Len(), bs.Len())
		}
		for i := range as.Len() {
			if err := constsSame(as.Index(i).Interface(), bs.Index(i).Interface()); err != nil {
				return fmt.Errorf("item %d: %v", i, err)
			}
		}
	default:
		if a != b {
			return fmt.Errorf("%#v vs %#v", a, b)
		}
	}
	return nil
}

// roundTrip marshals c, unmarshals it and compares.
func roundTrip(t testing.TB, name string, c *Code) {
	t.Helper()
	data, err := Marshal(c)
	if err != nil {
		t.Errorf("%s: Marshal: %v", name, err)
		return
	}
	back, err := Unmarshal(data)
	if err != nil {
		t.Errorf("%s: Unmarshal: %v", name, err)
		return
	}
	if err := sameCode(c, back); err != nil {
		t.Errorf("%s: round trip differs: %v", name, err)
	}
	if again, err := Marshal(back); err != nil || string(again) != string(data) {
		t.Errorf("%s: marshalling the decoded code gives other bytes (%v)", name, err)
	}
}

// roundTripFile compiles a file as a module and round-trips the result;
// files the parser or compiler reject are counted, not failed (they are
// other tests' business).
func roundTripFile(t *testing.T, path string) bool {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := syntax.Parse(path, src, syntax.ModeExec)
	if err != nil {
		return false
	}
	code, err := Compile(mod, path, syntax.ModeExec, Options{})
	if err != nil {
		return false
	}
	roundTrip(t, path, code)
	return true
}

func TestMarshalRoundTripPrograms(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "programs")
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs under %s: %v", root, err)
	}
	n := 0
	for _, f := range files {
		if roundTripFile(t, f) {
			n++
		}
	}
	t.Logf("%d of %d programs compiled and round-tripped", n, len(files))
}

// TestMarshalRoundTripStdlib round-trips every .py file of CPython's
// library that we compile (every 16th with -short).
func TestMarshalRoundTripStdlib(t *testing.T) {
	info, err := pyoracle.Find()
	if err != nil {
		t.Skipf("no CPython 3.12 library: %v", err)
	}
	files, err := pyoracle.StdlibFiles(info.Stdlib, testing.Short())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if roundTripFile(t, f) {
			n++
		}
	}
	if n < len(files)/2 {
		t.Errorf("only %d of %d library files compiled", n, len(files))
	}
	t.Logf("%d of %d library files compiled and round-tripped", n, len(files))
}

// constantsCode holds one constant of every kind, with the edge cases.
func constantsCode() *Code {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	neg := new(big.Int).Neg(huge)
	inner := &Code{
		Name: "inner", Qualname: "outer.<locals>.inner", Filename: "<consts>", FirstLine: 3,
		ArgCount: 2, PosOnlyArgCount: 1, KwOnlyArgCount: 1,
		Flags:           CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS | CO_GENERATOR,
		Instructions:    []bytecode.Instr{mustInstr(bytecode.LOAD_CONST, 0), mustInstr(bytecode.RETURN_VALUE, 0)},
		StackSize:       2, // a generator starts with the sent value on its stack
		Consts:          []Const{"inner"},
		Names:           []string{},
		LocalsPlusNames: []string{"a", "b", "c", "x", "f"},
		LocalsPlusKinds: []LocalKind{LocalFast, LocalFast | LocalCell, LocalFast, LocalCell, LocalFree},
		Positions:       []byte{},
	}
	inner.CacheOffsets, inner.CacheSize = bytecode.LayoutCaches(inner.Instructions)
	consts := []Const{
		nil, true, false, int64(0), int64(-1), int64(math.MaxInt64), int64(math.MinInt64),
		huge, neg,
		0.0, math.Copysign(0, -1), 1.5, math.Inf(1), math.Inf(-1), math.NaN(),
		complex(0, 1), complex(math.NaN(), math.Copysign(0, -1)),
		"", "name", "snow\u2603man", "lone \xed\xa0\x80 surrogate", "name",
		syntax.Bytes(""), syntax.Bytes("\x00\xff bytes"),
		syntax.EllipsisValue,
		ConstTuple{}, ConstTuple(nil), ConstTuple{int64(1), ConstTuple{"a", ConstTuple{nil}}},
		ConstFrozenSet{}, ConstFrozenSet{int64(1), "b", 2.5},
		inner,
	}
	outer := &Code{
		Name: "<module>", Qualname: "<module>", Filename: "<consts>", FirstLine: 1,
		Instructions: []bytecode.Instr{mustInstr(bytecode.LOAD_CONST, len(consts)-1), mustInstr(bytecode.RETURN_VALUE, 0)},
		StackSize:    1,
		Consts:       consts,
		Names:        []string{"name", "other"},
		Positions:    []byte{1, 2, 3},
	}
	outer.CacheOffsets, outer.CacheSize = bytecode.LayoutCaches(outer.Instructions)
	return outer
}

func mustInstr(op bytecode.Op, arg int) bytecode.Instr {
	in, err := bytecode.Make(op, arg)
	if err != nil {
		panic(err)
	}
	return in
}

func TestMarshalConstantKinds(t *testing.T) {
	c := constantsCode()
	roundTrip(t, "constants", c)
	back, err := Unmarshal(must(Marshal(c)))
	if err != nil {
		t.Fatal(err)
	}
	if back.Consts[len(back.Consts)-1].(*Code).Filename != "<consts>" || back.LocalsPlusNames != nil || back.ExceptionTable != nil {
		t.Errorf("nil slices or nested strings not kept: %#v", back)
	}
	if k := back.Consts[26]; k == nil || k.(ConstTuple) != nil {
		t.Errorf("a nil ConstTuple comes back as %#v", k)
	}
	if k := back.Consts[25]; k.(ConstTuple) == nil {
		t.Errorf("an empty ConstTuple comes back nil")
	}
}

func TestAppendMarshal(t *testing.T) {
	c := constantsCode()
	prefix := []byte("header")
	out, err := AppendMarshal(prefix, c)
	if err != nil {
		t.Fatal(err)
	}
	if string(out[:len(prefix)]) != "header" || string(out[len(prefix):]) != string(must(Marshal(c))) {
		t.Error("AppendMarshal differs from Marshal after the prefix")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// cyclicCode is a code object among its own constants, which no compiler
// makes; Marshal must stop at its depth limit.
func cyclicCode() *Code {
	c := &Code{}
	c.Consts = []Const{c}
	return c
}

func TestMarshalRejectsBadCode(t *testing.T) {
	for name, c := range map[string]*Code{
		"nil":            nil,
		"foreign const":  {Consts: []Const{int32(1)}},
		"nil nested":     {Consts: []Const{(*Code)(nil)}},
		"nil big.Int":    {Consts: []Const{(*big.Int)(nil)}},
		"foreign nested": {Consts: []Const{ConstTuple{[]int{1}}}},
		"cycle":          cyclicCode(),
		"offsets short": func() *Code {
			c := constantsCode()
			c.CacheOffsets = c.CacheOffsets[:len(c.CacheOffsets)-1]
			return c
		}(),
		"offsets wrong": func() *Code {
			c := constantsCode()
			c.CacheOffsets = slices.Clone(c.CacheOffsets)
			c.CacheOffsets[len(c.CacheOffsets)-1]++
			return c
		}(),
	} {
		if _, err := Marshal(c); err == nil {
			t.Errorf("%s: Marshal succeeded", name)
		}
	}
}

// resign replaces the checksum at the end of data, so corruptions reach
// the decoder instead of stopping at the checksum.
func resign(data []byte) []byte {
	if len(data) < checksumSize {
		return data
	}
	body := data[:len(data)-checksumSize]
	return appendChecksum(body[:len(body):len(body)], 0)
}

// unmarshalNoPanic runs Unmarshal on data and fails on a panic, or on a
// success that does not round-trip to the same bytes.
func unmarshalNoPanic(t testing.TB, what string, data []byte) error {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: Unmarshal panicked: %v", what, r)
		}
	}()
	c, err := Unmarshal(data)
	if err != nil {
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: error %v does not wrap ErrCorrupt", what, err)
		}
		return err
	}
	if again, err := Marshal(c); err != nil {
		t.Errorf("%s: decoded code does not marshal: %v", what, err)
	} else if _, err := Unmarshal(again); err != nil {
		t.Errorf("%s: decoded code does not round-trip: %v", what, err)
	}
	return nil
}

func TestUnmarshalCorrupt(t *testing.T) {
	good := must(Marshal(constantsCode()))
	// Every truncation, with and without a fresh checksum.
	for n := range len(good) {
		if unmarshalNoPanic(t, fmt.Sprintf("truncated to %d", n), good[:n]) == nil {
			t.Errorf("truncation to %d bytes accepted", n)
		}
		unmarshalNoPanic(t, fmt.Sprintf("truncated to %d, resigned", n), resign(append([]byte(nil), good[:n]...)))
	}
	// Every single-byte change is caught by the checksum.
	for i := range good {
		bad := append([]byte(nil), good...)
		bad[i] ^= 0x41
		if unmarshalNoPanic(t, fmt.Sprintf("byte %d flipped", i), bad) == nil {
			t.Errorf("byte %d flipped: accepted", i)
		}
	}
	// Random damage behind a valid checksum exercises the decoder.
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		bad := append([]byte(nil), good[:len(good)-checksumSize]...)
		for range 1 + r.IntN(4) {
			switch p := r.IntN(len(bad)); r.IntN(3) {
			case 0:
				bad[p] = byte(r.Uint32())
			case 1:
				bad = append(bad[:p], bad[p+1:]...)
			default:
				bad = append(bad[:p], append([]byte{byte(r.Uint32())}, bad[p:]...)...)
			}
		}
		unmarshalNoPanic(t, fmt.Sprintf("random damage %d", i), resign(append(bad, make([]byte, checksumSize)...)))
	}
	// Other versions, another schema, trailing bytes, lengths out of range.
	head := len(marshalMagic)
	for name, edit := range map[string]func([]byte) []byte{
		"next version":   func(b []byte) []byte { b[head] = FormatVersion + 1; return b },
		"schema":         func(b []byte) []byte { b[head+1] ^= 1; return b },
		"magic":          func(b []byte) []byte { b[0] = 'X'; return b },
		"trailing bytes": func(b []byte) []byte { return append(b[:len(b)-checksumSize], 0, 0, 0) },
		"empty":          func(b []byte) []byte { return b[:0] },
	} {
		bad := edit(append([]byte(nil), good...))
		if name == "trailing bytes" {
			bad = resign(append(bad, make([]byte, checksumSize)...))
		} else {
			bad = resign(bad)
		}
		if unmarshalNoPanic(t, name, bad) == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	huge := append([]byte(nil), good[:head+1+len(schemaFingerprint)]...)
	huge = append(huge, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)
	if unmarshalNoPanic(t, "huge length", resign(append(huge, make([]byte, checksumSize)...))) == nil {
		t.Errorf("huge length: accepted")
	}
}

// FuzzUnmarshal feeds Unmarshal arbitrary bodies behind a valid checksum.
func FuzzUnmarshal(f *testing.F) {
	f.Add(must(Marshal(constantsCode())))
	mod, err := syntax.Parse("<fuzz>", []byte("async def f(a, *b, c=1, **d):\n    global g\n    g = (1, 2.5, 'x', b'y', ..., None)\n    return [x async for x in a]\nclass C: pass\n"), syntax.ModeExec)
	if err == nil {
		if c, err := Compile(mod, "<fuzz>", syntax.ModeExec, Options{}); err == nil {
			f.Add(must(Marshal(c)))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		unmarshalNoPanic(t, "fuzz", data)
		unmarshalNoPanic(t, "fuzz resigned", resign(append([]byte(nil), data...)))
	})
}

func BenchmarkMarshal(b *testing.B) {
	info, err := pyoracle.Find()
	if err != nil {
		b.Skip(err)
	}
	path := filepath.Join(info.Stdlib, "typing.py")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	mod, err := syntax.Parse(path, src, syntax.ModeExec)
	if err != nil {
		b.Fatal(err)
	}
	code, err := Compile(mod, path, syntax.ModeExec, Options{})
	if err != nil {
		b.Fatal(err)
	}
	data := must(Marshal(code))
	b.Run("Marshal", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			must(Marshal(code))
		}
	})
	b.Run("Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := Unmarshal(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ParseCompile", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			mod, _ := syntax.Parse(path, src, syntax.ModeExec)
			if _, err := Compile(mod, path, syntax.ModeExec, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// stackSource has the shapes whose stack depth is easy to get wrong: a
// generator, handlers that keep values below them (a with block, a loop's
// iterator under try), a comprehension and a deep call.
const stackSource = `
def gen(xs):
    for x in xs:
        try:
            yield x * 2
        except ValueError as e:
            yield str(e)
        finally:
            pass

def deep(a, b, c):
    with open(a) as f, open(b) as g:
        return [f(x, g(y, c(z, (1, 2, [3, {4: 5}])))) for x, y, z in c]

async def co(x):
    async with x as y:
        async for z in y:
            await z
`

// compileStackSource compiles stackSource.
func compileStackSource(t *testing.T) *Code {
	t.Helper()
	mod, err := syntax.Parse("<stack>", []byte(stackSource), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := Compile(mod, "<stack>", syntax.ModeExec, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// forEachCode calls fn with c and every code object nested in its
// constants.
func forEachCode(c *Code, fn func(*Code)) {
	fn(c)
	for _, k := range c.Consts {
		if inner, ok := k.(*Code); ok {
			forEachCode(inner, fn)
		}
	}
}

// TestUnmarshalRefusesSmallStack checks that the decoder proves each
// template's StackSize: the fast loop writes a frame's slots unchecked,
// so a template read from disk that claims one slot fewer than its code
// needs must be refused, whatever its checksum says. Lowering each code
// object's StackSize by one is refused, so the compiler's StackSize is
// also the exact maximum.
func TestUnmarshalRefusesSmallStack(t *testing.T) {
	code := compileStackSource(t)
	n := 0
	forEachCode(code, func(c *Code) {
		n++
		c.StackSize--
		defer func() { c.StackSize++ }()
		data, err := Marshal(code)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if _, err := Unmarshal(data); err == nil || !strings.Contains(err.Error(), c.Name) {
			t.Errorf("%s: StackSize %d (one short) decoded: %v", c.Name, c.StackSize, err)
		}
	})
	if n < 4 {
		t.Fatalf("only %d code objects", n)
	}
	data, err := Marshal(code)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Unmarshal(data); err != nil {
		t.Fatalf("the untouched code is refused: %v", err)
	}
}

// TestUnmarshalRefusesBadHandlers checks the exception table the same
// way: a handler target past the code, and a handler that keeps more
// values than the code it covers has.
func TestUnmarshalRefusesBadHandlers(t *testing.T) {
	code := compileStackSource(t)
	var gen *Code
	forEachCode(code, func(c *Code) {
		if c.Name == "gen" {
			gen = c
		}
	})
	entries, err := bytecode.DecodeExceptionTable(gen.ExceptionTable)
	if err != nil || len(entries) == 0 {
		t.Fatalf("gen's exception table: %v, %d entries", err, len(entries))
	}
	orig := gen.ExceptionTable
	// Each change is made to the last entry, so that no change overlaps
	// the next entry (the encoder refuses overlaps).
	for name, change := range map[string]func(e *bytecode.ExceptionEntry){
		"target past the end": func(e *bytecode.ExceptionEntry) { e.Target = len(gen.Instructions) },
		"depth too deep":      func(e *bytecode.ExceptionEntry) { e.Depth = gen.StackSize },
		"end past the code":   func(e *bytecode.ExceptionEntry) { e.End = len(gen.Instructions) + 1 },
	} {
		bad := slices.Clone(entries)
		change(&bad[len(bad)-1])
		if gen.ExceptionTable, err = bytecode.EncodeExceptionTable(bad); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		data, err := Marshal(code)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := Unmarshal(data); err == nil {
			t.Errorf("%s: decoded", name)
		}
	}
	gen.ExceptionTable = orig
}

// TestUnmarshalWideInstructions checks that code whose instructions move
// hundreds of values (opargs past any small table's range) decodes: a
// refusal would not be wrong, but the template would be recompiled on
// every import.
func TestUnmarshalWideInstructions(t *testing.T) {
	var names []string
	for i := range 300 {
		names = append(names, fmt.Sprintf("a%d", i))
	}
	list := strings.Join(names, ", ")
	src := list + " = range(300)\nt = (" + list + ")\nprint(f(" + list + "))\n"
	mod, err := syntax.Parse("<wide>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := Compile(mod, "<wide>", syntax.ModeExec, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if code.StackSize < 300 {
		t.Fatalf("StackSize %d: the code does not hold 300 values at once", code.StackSize)
	}
	data, err := Marshal(code)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Unmarshal(data); err != nil {
		t.Fatalf("refused: %v", err)
	}
}
