package interp

import "testing"

// Arithmetic on unboxed ints and floats goes through the generic
// protocol here; the eval loop's specialized instructions will skip it.

func BenchmarkBinaryOpIntAdd(b *testing.B) {
	in := New(Options{})
	x := Int(0)
	b.ReportAllocs()
	for b.Loop() {
		x, _ = in.BinaryOp(OpAdd, x, Int(1))
	}
}

func BenchmarkBinaryOpFloatMul(b *testing.B) {
	in := New(Options{})
	x := Float(1)
	b.ReportAllocs()
	for b.Loop() {
		x, _ = in.BinaryOp(OpMul, x, Float(1.0000001))
	}
}

func BenchmarkCompareIntFloat(b *testing.B) {
	in := New(Options{})
	b.ReportAllocs()
	for b.Loop() {
		in.RichCompare(Int(3), Int(4), CmpLT)
	}
}

func TestUnboxedArithmeticDoesNotAllocate(t *testing.T) {
	in := New(Options{})
	ops := []BinaryOp{OpAdd, OpSub, OpMul, OpFloorDiv, OpRemainder, OpAnd, OpOr, OpXor, OpLShift, OpRShift}
	for _, op := range ops {
		if n := testing.AllocsPerRun(100, func() { in.BinaryOp(op, Int(1234567), Int(7)) }); n != 0 {
			t.Errorf("int %s allocates %v times", op.Symbol(), n)
		}
	}
	for _, op := range []BinaryOp{OpAdd, OpSub, OpMul, OpTrueDiv, OpFloorDiv, OpRemainder, OpPow} {
		if n := testing.AllocsPerRun(100, func() { in.BinaryOp(op, Float(1234.5), Float(1.25)) }); n != 0 {
			t.Errorf("float %s allocates %v times", op.Symbol(), n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { in.RichCompare(Int(3), Float(4), CmpLT) }); n != 0 {
		t.Errorf("int < float allocates %v times", n)
	}
}
