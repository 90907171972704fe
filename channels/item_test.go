package channels

import (
	"math"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

func TestItemOfRoundTrip(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	tests := []struct {
		name string
		in   any
		kind Kind
		out  any
	}{
		{"nil", nil, KindNone, nil},
		{"true", true, KindBool, true},
		{"false", false, KindBool, false},
		{"int", 42, KindInt, int64(42)},
		{"int8", int8(-3), KindInt, int64(-3)},
		{"uint32", uint32(7), KindInt, int64(7)},
		{"uint64 small", uint64(9), KindInt, int64(9)},
		{"uint64 huge", uint64(math.MaxUint64), KindBigInt, new(big.Int).SetUint64(math.MaxUint64)},
		{"big fits", big.NewInt(-5), KindInt, int64(-5)},
		{"big huge", huge, KindBigInt, huge},
		{"float32", float32(1.5), KindFloat, 1.5},
		{"float64", math.Inf(-1), KindFloat, math.Inf(-1)},
		{"string", "héllo", KindStr, "héllo"},
		{"bytes", []byte("ab\x00"), KindBytes, []byte("ab\x00")},
		{"handle", Handle{HandleQueue, 3}, KindHandle, Handle{HandleQueue, 3}},
		{"tuple", Tuple{1, "a", Tuple{nil, true}}, KindTuple, Tuple{int64(1), "a", Tuple{nil, true}}},
		{"empty tuple", Tuple{}, KindTuple, Tuple{}},
		{"item", Int(5), KindInt, int64(5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, err := ItemOf(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if it.Kind() != tt.kind {
				t.Fatalf("kind %v, want %v", it.Kind(), tt.kind)
			}
			got := it.Value()
			if b, ok := tt.out.(*big.Int); ok {
				if g, ok := got.(*big.Int); !ok || g.Cmp(b) != 0 {
					t.Fatalf("value %v, want %v", got, b)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.out) {
				t.Fatalf("value %#v, want %#v", got, tt.out)
			}
		})
	}
}

func TestItemOfRefuses(t *testing.T) {
	deep := Tuple{}
	for range maxDepth + 1 {
		deep = Tuple{deep}
	}
	for _, x := range []any{struct{}{}, (*big.Int)(nil), Handle{}, deep, Tuple{1, []any{func() {}}}, []any{struct{}{}}} {
		if _, err := ItemOf(x); err == nil {
			t.Errorf("ItemOf(%T) succeeded", x)
		}
	}
}

func TestItemsDoNotAlias(t *testing.T) {
	b := []byte("abc")
	it := Bytes(b)
	b[0] = 'X'
	if it.AsStr() != "abc" {
		t.Fatal("Bytes kept the caller's slice")
	}
	out := it.AsBytes()
	out[0] = 'Y'
	if it.AsStr() != "abc" {
		t.Fatal("AsBytes returned the item's memory")
	}
	n := big.NewInt(1)
	n.Lsh(n, 100)
	bi := BigInt(n)
	n.SetInt64(0)
	if bi.AsBigInt().BitLen() != 101 {
		t.Fatal("BigInt kept the caller's *big.Int")
	}
	items := []Item{Int(1), Int(2)}
	tu := TupleOf(items...)
	items[0] = Int(9)
	if tu.At(0).AsInt() != 1 || tu.Len() != 2 {
		t.Fatal("TupleOf kept the caller's slice")
	}
}

func TestItemString(t *testing.T) {
	tests := map[string]Item{
		"None":                            None(),
		"True":                            Bool(true),
		"-7":                              Int(-7),
		"2.5":                             Float(2.5),
		`"x"`:                             Str("x"),
		`b"\x01"`:                         BytesString("\x01"),
		`buffer(b"z")`:                    Buffer([]byte("z")),
		"(1,)":                            TupleOf(Int(1)),
		"(1, None)":                       TupleOf(Int(1), None()),
		"Handle(1, 4)":                    HandleItem(Handle{HandleQueue, 4}),
		"UNBOUND":                         unboundItem,
		"1267650600228229401496703205376": BigInt(new(big.Int).Lsh(big.NewInt(1), 100)),
	}
	for want, it := range tests {
		if got := it.String(); got != want {
			t.Errorf("String() = %s, want %s", got, want)
		}
	}
	if !strings.Contains(Kind(99).String(), "99") || KindStr.String() != "str" {
		t.Error("Kind.String")
	}
}

func TestTupleBuilderAndHandles(t *testing.T) {
	b := NewTupleBuilder(2)
	b.Set(0, Int(1))
	b.Set(1, TupleOf(HandleItem(Handle{HandleSend, 2}), HandleItem(Handle{HandleOpaque, 9})))
	it := b.Item()
	if !it.hasHandles() {
		t.Fatal("nested handle not noticed")
	}
	var seen []Handle
	it.handles(func(h Handle) { seen = append(seen, h) })
	if len(seen) != 1 || seen[0] != (Handle{HandleSend, 2}) {
		t.Fatalf("handles = %v (opaque handles are not counted)", seen)
	}
	if TupleOf(Int(1), Str("a")).hasHandles() || HandleItem(Handle{HandleOpaque, 1}).hasHandles() {
		t.Fatal("handles seen where there are none")
	}
}

// Asking an item for what it does not hold gives a zero value, never
// memory read as the wrong thing.
func TestItemWrongAccessor(t *testing.T) {
	for _, it := range []Item{None(), Int(1 << 40), Float(2), Str("abc"), TupleOf(Int(1)), HandleItem(Handle{HandleQueue, 9}), BigInt(new(big.Int).Lsh(big.NewInt(1), 80))} {
		if it.Kind() != KindStr && it.Kind() != KindBytes && (it.AsStr() != "" || it.BytesView() != nil || len(it.AsBytes()) != 0) {
			t.Errorf("%v: text accessors", it)
		}
		if it.Kind() != KindTuple && it.Len() != 0 {
			t.Errorf("%v: Len", it)
		}
		if it.Kind() != KindInt && it.AsInt() != 0 {
			t.Errorf("%v: AsInt", it)
		}
		if it.Kind() != KindFloat && it.AsFloat() != 0 {
			t.Errorf("%v: AsFloat", it)
		}
		if it.Kind() != KindHandle && it.AsHandle() != (Handle{}) {
			t.Errorf("%v: AsHandle", it)
		}
		if it.Kind() != KindBool && it.AsBool() {
			t.Errorf("%v: AsBool", it)
		}
		if k := it.Kind(); k != KindInt && k != KindBigInt && it.AsBigInt().Sign() != 0 {
			t.Errorf("%v: AsBigInt", it)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("At of a str did not panic")
		}
	}()
	Str("abc").At(0)
}

// A str made with its count of code points gives it back; one made
// without, or another kind, says it is not known. The count shares a
// field with the handle kind: an item stays 24 bytes and four fields.
func TestStrCounted(t *testing.T) {
	if n := unsafe.Sizeof(Item{}); n != 24 {
		t.Fatalf("an Item is %d bytes, want 24", n)
	}
	// Four fields at most, or the compiler copies items through memory
	// (see Item.aux).
	if n := reflect.TypeOf(Item{}).NumField(); n > 4 {
		t.Fatalf("an Item has %d fields, want at most 4", n)
	}
	tests := []struct {
		item   Item
		want   int
		wantOK bool
	}{
		{StrCounted("héllo", 5), 5, true},
		{StrCounted("", 0), 0, true},
		{StrCounted("x", -1), 0, false},
		{Str("héllo"), 0, false},
		{Int(5), 0, false},
		{BytesString("abc"), 0, false},
	}
	for i, tt := range tests {
		n, ok := tt.item.StrChars()
		if n != tt.want || ok != tt.wantOK {
			t.Errorf("%d: StrChars() = %d, %v; want %d, %v", i, n, ok, tt.want, tt.wantOK)
		}
	}
	if s := StrCounted("héllo", 5).AsStr(); s != "héllo" {
		t.Errorf("AsStr() = %q", s)
	}
}
