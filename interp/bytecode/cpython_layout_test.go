package bytecode

import (
	"bytes"
	"reflect"
	"testing"
)

func mustMake(t *testing.T, op Op, arg int) Instr {
	t.Helper()
	in, err := Make(op, arg)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestCPythonOpcodeCoversTable: every instruction a code object can hold
// has a CPython 3.12 number, so every code object has a co_code.
func TestCPythonOpcodeCoversTable(t *testing.T) {
	for _, op := range Ops() {
		if op.Has(IsPseudo) {
			continue
		}
		n, _, ok := CPythonOpcode(op)
		if !ok {
			t.Errorf("%v has no CPython number", op)
			continue
		}
		if name, _ := CPythonOpcodeName(n); name != op.Base().String() {
			t.Errorf("%v: CPython number %d is %s", op, n, name)
		}
	}
	if n, caches, _ := CPythonOpcode(LOAD_CONST); n != 100 || caches != 0 {
		t.Errorf("LOAD_CONST: %d, %d caches", n, caches)
	}
	if n, caches, _ := CPythonOpcode(LOAD_ATTR); n != 106 || caches != 9 {
		t.Errorf("LOAD_ATTR: %d, %d caches", n, caches)
	}
	for n, want := range map[int]bool{1: false, 90: true, 200: true, 256: false, 260: true, 266: true, 267: true} {
		if CPythonHasArg(n) != want {
			t.Errorf("CPythonHasArg(%d) = %v", n, !want)
		}
	}
}

func TestCPythonLayout(t *testing.T) {
	// 0 RESUME 0; 1 LOAD_FAST 0; 2 POP_JUMP_IF_FALSE ->5; 3 LOAD_CONST 300;
	// 4 JUMP_BACKWARD ->1; 5 RETURN_CONST 0.
	code := []Instr{
		mustMake(t, RESUME, 0),
		mustMake(t, LOAD_FAST, 0),
		mustMake(t, POP_JUMP_IF_FALSE, 2),
		mustMake(t, LOAD_CONST, 300),
		mustMake(t, JUMP_BACKWARD, 4),
		mustMake(t, RETURN_CONST, 0),
	}
	l, err := NewCPythonLayout(code)
	if err != nil {
		t.Fatal(err)
	}
	// Units: RESUME 0, LOAD_FAST 1, POP_JUMP_IF_FALSE 2, EXTENDED_ARG 3 and
	// LOAD_CONST 4, JUMP_BACKWARD 5, RETURN_CONST 6 (none has caches).
	want := []byte{151, 0, 124, 0, 114, 3, 144, 1, 100, 44, 140, 5, 121, 0}
	if !bytes.Equal(l.Code(), want) {
		t.Errorf("co_code % x, want % x", l.Code(), want)
	}
	for i, w := range [][2]int{{0, 0}, {1, 1}, {2, 2}, {3, 4}, {5, 5}, {6, 6}} {
		if l.Start(i) != w[0] || l.Offset(i) != w[1] {
			t.Errorf("instruction %d at %d/%d, want %v", i, l.Start(i), l.Offset(i), w)
		}
	}
	if l.Units() != 7 || l.Instruction(3) != 3 || l.Instruction(4) != 3 || l.Instruction(7) != -1 {
		t.Errorf("units %d, instruction at 3: %d, at 4: %d", l.Units(), l.Instruction(3), l.Instruction(4))
	}
	exc, _ := EncodeExceptionTable([]ExceptionEntry{
		{Start: 1, End: 3, Target: 5, Depth: 1, Lasti: true},
		{Start: 3, End: 4, Target: 5, Depth: 1, Lasti: true}, // merged with the first
		{Start: 4, End: 5, Target: 1, Depth: 0},
	})
	got, err := l.ExceptionTable(exc)
	if err != nil {
		t.Fatal(err)
	}
	wantExc, _ := EncodeExceptionTable([]ExceptionEntry{
		{Start: 1, End: 5, Target: 6, Depth: 1, Lasti: true},
		{Start: 5, End: 6, Target: 1, Depth: 0},
	})
	if !bytes.Equal(got, wantExc) {
		t.Errorf("exception table % x, want % x", got, wantExc)
	}
}

// TestCPythonLayoutGrows: a forward jump over 255 units needs a prefix,
// and the prefix of a jump over a jump can make that one need one too.
func TestCPythonLayoutGrows(t *testing.T) {
	code := []Instr{mustMake(t, JUMP_FORWARD, 254)}
	for range 254 {
		code = append(code, mustMake(t, NOP, 0))
	}
	code = append(code, mustMake(t, RETURN_CONST, 0))
	l, err := NewCPythonLayout(code)
	if err != nil {
		t.Fatal(err)
	}
	if c := l.Code(); c[0] != 110 || c[1] != 254 {
		t.Errorf("short jump: % x", c[:4])
	}
	code = append([]Instr{mustMake(t, JUMP_FORWARD, 1), mustMake(t, LOAD_CONST, 256)}, code...)
	code[2] = mustMake(t, JUMP_FORWARD, 254)
	// Two prefixed instructions between the second jump and its target
	// make it 256 units long: it needs a prefix of its own, which moves
	// the first jump's target.
	code[3] = mustMake(t, LOAD_CONST, 256)
	code[4] = mustMake(t, LOAD_CONST, 256)
	l, err = NewCPythonLayout(code)
	if err != nil {
		t.Fatal(err)
	}
	c := l.Code()
	if c[0] != 110 || c[1] != 2 || c[2] != 144 || c[4] != 100 {
		t.Errorf("prefix: % x", c[:8])
	}
	if c[6] != 144 || c[7] != 1 || c[8] != 110 || c[9] != 0 {
		t.Errorf("grown jump: % x", c[6:10])
	}
	if _, err := NewCPythonLayout([]Instr{mustMake(t, JUMP_FORWARD, 5)}); err == nil {
		t.Error("a jump out of the code was laid out")
	}
}

func TestLineTable(t *testing.T) {
	code := []Instr{
		mustMake(t, RESUME, 0),
		mustMake(t, LOAD_FAST, 0),
		mustMake(t, LOAD_ATTR, 0), // 10 units: entries of 8 and 2
		mustMake(t, LOAD_FAST, 0),
		mustMake(t, LOAD_FAST, 0),
		mustMake(t, LOAD_FAST, 0),
		mustMake(t, POP_TOP, 0),
		mustMake(t, RETURN_CONST, 0),
	}
	ps := []Pos{
		{1, 1, 0, 0},     // short form
		{2, 2, 4, 5},     // one-line form, delta 1
		{2, 2, 4, 9},     // short form, 10 units
		{5, 6, 1, 200},   // long form
		{7, 7, -1, -1},   // no columns
		{3, 3, 130, 140}, // long form: column too big for the others
		NoPos,            // no location
	}
	l, err := NewCPythonLayout(code)
	if err != nil {
		t.Fatal(err)
	}
	lt, err := l.LineTable(EncodePositions(ps), 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{
		0x80, 0x00,
		0x80 | 11<<3, 4, 5,
		0x80 | 0<<3 | 7, 0x45, 0x80 | 0<<3 | 1, 0x45,
		0x80 | 14<<3, 6, 1, 2, 0x49, 3, // line +3, end +1, col 1+1, end 200+1 = 201 = 0x49|64, 3
		0x80 | 13<<3, 4,
		0x80 | 14<<3, 9, 0, 0x43 | 64, 2, 0x4d | 64, 2,
		0x80 | 15<<3 | 1,
	}
	if !bytes.Equal(lt, want) {
		t.Errorf("line table\n% x, want\n% x", lt, want)
	}
	es, err := DecodeLineTable(lt, 1)
	if err != nil {
		t.Fatal(err)
	}
	var got []Pos
	for _, e := range es {
		for range e.End - e.Start {
			got = append(got, e.Pos)
		}
	}
	var wantPos []Pos
	for i, in := range code {
		p := NoPos
		if i < len(ps) {
			p = ps[i]
		}
		if p.Line >= 0 && p.Col < 0 {
			p.EndLine = p.Line
		}
		for range 1 + cpyOf[in.Op()].caches {
			wantPos = append(wantPos, p)
		}
	}
	if !reflect.DeepEqual(got, wantPos) {
		t.Errorf("decoded\n%v, want\n%v", got, wantPos)
	}
	// co_lnotab: (bytes, lines) pairs where the running line changes.
	if ln := Lnotab(es, 1); !bytes.Equal(ln, []byte{2, 1, 22, 3, 2, 2, 2, 0xfc}) {
		t.Errorf("lnotab % x", ln)
	}
	for _, bad := range [][]byte{{0x00}, {0x80 | 14<<3, 0x40}, {0x80 | 11<<3, 1}} {
		if _, err := DecodeLineTable(bad, 1); err == nil {
			t.Errorf("% x decoded", bad)
		}
	}
}
