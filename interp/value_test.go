package interp

import (
	"math"
	"testing"
	"unsafe"
)

func TestValueSize(t *testing.T) {
	if s := unsafe.Sizeof(Value{}); s != 16 {
		t.Fatalf("Value is %d bytes, want 16 (docs/design/values.md)", s)
	}
}

func TestUnboxedKinds(t *testing.T) {
	tests := []struct {
		name   string
		v      Value
		typ    *Type
		object bool
	}{
		{"int", Int(-7), intType, false},
		{"int max", Int(math.MaxInt64), intType, false},
		{"float", Float(2.5), floatType, false},
		{"nan", Float(math.NaN()), floatType, false},
		{"True", True, boolType, false},
		{"False", Bool(false), boolType, false},
		{"None", None, noneType, false},
		{"NotImplemented", NotImplemented, notImplType, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.Type(); got != tt.typ {
				t.Errorf("Type() = %s, want %s", got.Name, tt.typ.Name)
			}
			if got := tt.v.IsObject(); got != tt.object {
				t.Errorf("IsObject() = %v, want %v", got, tt.object)
			}
			if tt.v.IsNil() {
				t.Error("IsNil() = true")
			}
			if !tt.v.Is(tt.v) {
				t.Error("a value is not itself")
			}
		})
	}
	if Int(3).SmallInt() != 3 || Float(1.5).FloatValue() != 1.5 || !True.BoolValue() || False.BoolValue() {
		t.Error("payload round trip failed")
	}
	if Int(1).Is(True) || Int(0).Is(Float(0)) || None.Is(False) {
		t.Error("values of different kinds compare identical")
	}
	if !(Value{}).IsNil() {
		t.Error("the zero Value is not nil")
	}
}

func TestTypeHierarchy(t *testing.T) {
	if !boolType.IsSubtype(intType) || !boolType.IsSubtype(objectType) || intType.IsSubtype(boolType) {
		t.Error("bool/int/object MRO wrong")
	}
	if typeType.Type() != typeType || intType.Header.Type != unsafe.Pointer(typeType) {
		t.Error("type(type) or type(int) is not type")
	}
	for _, bt := range builtinTypes {
		if !bt.Header.Has(1) { // alloc.FlagImmortal
			t.Errorf("built-in type %s is not immortal", bt.Name)
		}
	}
}

// Type returns the *Type of a type object used as a value.
func (t *Type) Type() *Type { return objectValue(&t.Header).Type() }

func TestInterpretersRegisterSameClasses(t *testing.T) {
	a, b := New(Options{}), New(Options{})
	for _, bt := range builtinTypes {
		if a.Heap().ClassName(bt.class) != bt.Name || b.Heap().ClassName(bt.class) != bt.Name {
			t.Errorf("class %d is not %s in both interpreters", bt.class, bt.Name)
		}
	}
}

func TestUnboxedValuesDoNotAllocate(t *testing.T) {
	var sink Value
	allocs := testing.AllocsPerRun(1000, func() {
		x := Int(40)
		y := Float(2)
		sink = Int(x.SmallInt() + 2)
		sink = Float(y.FloatValue() * 3)
		incRef(sink)
	})
	_ = sink
	if allocs != 0 {
		t.Fatalf("unboxed values allocated %v times per run", allocs)
	}
}
