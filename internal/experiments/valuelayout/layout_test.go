package valuelayout

import (
	"math"
	"math/bits"
	"testing"
	"unsafe"
)

// object stands for a heap object header.
type object struct{ refcnt int64 }

// Layout A: 16 bytes, the kind encoded by a pointer to a static sentinel
// (unboxed kinds) or to the heap object itself.
type valueA struct {
	p unsafe.Pointer
	n uint64
}

var (
	sentinelInt   = &object{}
	sentinelFloat = &object{}
	tagInt        = unsafe.Pointer(sentinelInt)
	tagFloat      = unsafe.Pointer(sentinelFloat)
)

// Layout B: 24 bytes, an explicit kind byte beside the payload and pointer.
type valueB struct {
	kind uint8
	n    uint64
	p    unsafe.Pointer
}

// Layout C: a Go interface, as gpython and starlark-go use.
type valueC = any

const (
	kindInt   = 1
	kindFloat = 2
)

const n = 1 << 16

func BenchmarkAddIntA(b *testing.B) {
	stack := make([]valueA, 3)
	stack[1] = valueA{tagInt, 1}
	for b.Loop() {
		stack[0] = valueA{tagInt, 0}
		for range n {
			x, y := stack[0], stack[1]
			if x.p != tagInt || y.p != tagInt {
				b.Fatal("kind")
			}
			s, c := bits.Add64(x.n, y.n, 0)
			if c != 0 && false {
				b.Fatal("overflow")
			}
			stack[0] = valueA{tagInt, s}
		}
	}
}

func BenchmarkAddIntB(b *testing.B) {
	stack := make([]valueB, 3)
	stack[1] = valueB{kind: kindInt, n: 1}
	for b.Loop() {
		stack[0] = valueB{kind: kindInt}
		for range n {
			x, y := stack[0], stack[1]
			if x.kind != kindInt || y.kind != kindInt {
				b.Fatal("kind")
			}
			s, c := bits.Add64(x.n, y.n, 0)
			if c != 0 && false {
				b.Fatal("overflow")
			}
			stack[0] = valueB{kind: kindInt, n: s}
		}
	}
}

func BenchmarkAddIntC(b *testing.B) {
	stack := make([]valueC, 3)
	stack[1] = int64(1)
	b.ReportAllocs()
	for b.Loop() {
		stack[0] = int64(0)
		for range n {
			x, ok1 := stack[0].(int64)
			y, ok2 := stack[1].(int64)
			if !ok1 || !ok2 {
				b.Fatal("kind")
			}
			stack[0] = x + y
		}
	}
}

func BenchmarkAddFloatA(b *testing.B) {
	stack := make([]valueA, 3)
	stack[1] = valueA{tagFloat, math.Float64bits(0.5)}
	for b.Loop() {
		stack[0] = valueA{tagFloat, 0}
		for range n {
			x, y := stack[0], stack[1]
			if x.p != tagFloat || y.p != tagFloat {
				b.Fatal("kind")
			}
			stack[0] = valueA{tagFloat, math.Float64bits(math.Float64frombits(x.n) + math.Float64frombits(y.n))}
		}
	}
}

func BenchmarkAddFloatB(b *testing.B) {
	stack := make([]valueB, 3)
	stack[1] = valueB{kind: kindFloat, n: math.Float64bits(0.5)}
	for b.Loop() {
		stack[0] = valueB{kind: kindFloat}
		for range n {
			x, y := stack[0], stack[1]
			if x.kind != kindFloat || y.kind != kindFloat {
				b.Fatal("kind")
			}
			stack[0] = valueB{kind: kindFloat, n: math.Float64bits(math.Float64frombits(x.n) + math.Float64frombits(y.n))}
		}
	}
}

func BenchmarkAddFloatC(b *testing.B) {
	stack := make([]valueC, 3)
	stack[1] = 0.5
	b.ReportAllocs()
	for b.Loop() {
		stack[0] = 0.0
		for range n {
			x, ok1 := stack[0].(float64)
			y, ok2 := stack[1].(float64)
			if !ok1 || !ok2 {
				b.Fatal("kind")
			}
			stack[0] = x + y
		}
	}
}

// The copy benchmarks move values between a locals array and a value
// stack, as LOAD_FAST/STORE_FAST do, over a frame-sized working set.
func BenchmarkCopyA(b *testing.B) {
	locals := make([]valueA, 64)
	stack := make([]valueA, 64)
	for b.Loop() {
		for range n / 64 {
			for i := range locals {
				stack[i] = locals[i]
				locals[63-i] = stack[i]
			}
		}
	}
}

func BenchmarkCopyB(b *testing.B) {
	locals := make([]valueB, 64)
	stack := make([]valueB, 64)
	for b.Loop() {
		for range n / 64 {
			for i := range locals {
				stack[i] = locals[i]
				locals[63-i] = stack[i]
			}
		}
	}
}

func TestSizes(t *testing.T) {
	if s := unsafe.Sizeof(valueA{}); s != 16 {
		t.Errorf("valueA is %d bytes", s)
	}
	if s := unsafe.Sizeof(valueB{}); s != 24 {
		t.Errorf("valueB is %d bytes", s)
	}
}
