package bytecode

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// The listings below are built by hand from what CPython 3.12 compiles for
// the sources in testdata/*.py.txt; the expected texts are CPython's
// dis.dis output (module.golden verbatim; h.golden with offsets turned into
// instruction indexes times 2, since CPython's count inline caches).

func mustExc(es ...ExceptionEntry) []byte {
	b, err := EncodeExceptionTable(es)
	if err != nil {
		panic(err)
	}
	return b
}

const (
	fRepr = `<code object f at 0x7fc348399370, file "<dis>", line 1>`
	gRepr = `<code object g at 0x7fc3483991b0, file "<dis>", line 7>`
)

// moduleListing is testdata/module.py.txt.
var moduleListing = &Listing{
	Name: "<module>", Filename: "<dis>", FirstLine: 1,
	Code: []Instr{
		mk(RESUME, 0), mk(LOAD_CONST, 0), mk(MAKE_FUNCTION, 0), mk(STORE_NAME, 0),
		mk(LOAD_CONST, 1), mk(MAKE_FUNCTION, 0), mk(STORE_NAME, 1), mk(RETURN_CONST, 2),
	},
	Consts: []string{fRepr, gRepr, "None"},
	Names:  []string{"f", "g"},
	Positions: EncodePositions([]Pos{
		{0, 1, 0, 0}, {1, 5, 0, 16}, {1, 5, 0, 16}, {1, 5, 0, 16},
		{7, 10, 0, 12}, {7, 10, 0, 12}, {7, 10, 0, 12}, {7, 10, 0, 12},
	}),
	Nested: []*Listing{
		{
			Repr: fRepr,
			Code: []Instr{
				mk(RESUME, 0), mk(NOP, 0), mk(LOAD_FAST, 0), mk(RETURN_VALUE, 0),
				mk(PUSH_EXC_INFO, 0), mk(POP_TOP, 0), mk(LOAD_FAST, 1), mk(SWAP, 2),
				mk(POP_EXCEPT, 0), mk(RETURN_VALUE, 0), mk(COPY, 3), mk(POP_EXCEPT, 0),
				mk(RERAISE, 1),
			},
			Consts:     []string{"None"},
			LocalsPlus: []string{"a", "b"},
			Positions: EncodePositions([]Pos{
				{1, 1, 0, 0}, {2, 5, 4, 16}, {3, 3, 15, 16}, {3, 3, 8, 16}, NoPos, {4, 5, 4, 16},
				{5, 5, 15, 16}, {5, 5, 8, 16}, {5, 5, 8, 16}, {5, 5, 8, 16}, NoPos, NoPos, NoPos,
			}),
			ExceptionTable: mustExc(ExceptionEntry{2, 3, 4, 0, false}, ExceptionEntry{4, 8, 10, 1, true}),
		},
		{
			Repr: gRepr,
			Code: []Instr{
				mk(RESUME, 0), mk(LOAD_FAST, 0), mk(POP_JUMP_IF_FALSE, 5), mk(LOAD_FAST, 0),
				mk(STORE_FAST, 0), mk(LOAD_FAST, 0), mk(POP_JUMP_IF_FALSE, 1), mk(JUMP_BACKWARD, 5),
				mk(LOAD_FAST, 0), mk(RETURN_VALUE, 0),
			},
			Consts:     []string{"None"},
			LocalsPlus: []string{"x"},
			Positions: EncodePositions([]Pos{
				{7, 7, 0, 0}, {8, 8, 10, 11}, {8, 8, 10, 11}, {9, 9, 12, 13}, {9, 9, 8, 9},
				{8, 8, 10, 11}, {8, 8, 10, 11}, {8, 8, 10, 11}, {10, 10, 11, 12}, {10, 10, 4, 12},
			}),
		},
	},
}

// hListing is h from testdata/h.py.txt as CPython 3.12 compiles it, with
// jump opargs converted to instruction counts.
var hListing = &Listing{
	Name: "h", Filename: "<dis>", FirstLine: 1,
	Code: []Instr{
		mk(MAKE_CELL, 1), mk(RESUME, 0), mk(LOAD_FAST, 0), mk(BUILD_TUPLE, 1),
		mk(LOAD_CLOSURE, 1), mk(BUILD_TUPLE, 1), mk(LOAD_CONST, 1), mk(MAKE_FUNCTION, 9),
		mk(STORE_FAST, 3), mk(LOAD_FAST, 0), mk(LOAD_CONST, 2), mk(LOAD_GLOBAL, 0),
		mk(FORMAT_VALUE, 0), mk(LOAD_CONST, 3), mk(BUILD_STRING, 3), mk(FORMAT_VALUE, 6),
		mk(LOAD_CONST, 4), mk(LOAD_DEREF, 1), mk(FORMAT_VALUE, 0), mk(BUILD_STRING, 3),
		mk(STORE_FAST, 4), mk(LOAD_FAST, 0), mk(LOAD_ATTR, 2), mk(LOAD_ATTR, 5),
		mk(LOAD_FAST, 4), mk(LOAD_DEREF, 1), mk(KW_NAMES, 5), mk(CALL, 2),
		mk(LOAD_GLOBAL, 0), mk(LOAD_CONST, 6), mk(LOAD_CONST, 7), mk(BINARY_SLICE, 0),
		mk(BINARY_OP, 0), mk(STORE_FAST, 5), mk(LOAD_FAST, 2), mk(GET_ITER, 0),
		mk(LOAD_FAST_AND_CLEAR, 6), mk(SWAP, 2), mk(BUILD_LIST, 0), mk(SWAP, 2),
		mk(FOR_ITER, 9), mk(STORE_FAST, 6), mk(LOAD_FAST, 6), mk(LOAD_CONST, 8),
		mk(COMPARE_OP, 2), mk(POP_JUMP_IF_TRUE, 1), mk(JUMP_BACKWARD, 7), mk(LOAD_FAST, 6),
		mk(LIST_APPEND, 2), mk(JUMP_BACKWARD, 10), mk(END_FOR, 0), mk(STORE_FAST, 7),
		mk(STORE_FAST, 6), mk(LOAD_GLOBAL, 7), mk(LOAD_FAST, 4), mk(CALL, 1),
		mk(BEFORE_WITH, 0), mk(STORE_FAST, 8), mk(LOAD_GLOBAL, 9), mk(LOAD_FAST, 2),
		mk(BUILD_MAP, 0), mk(LOAD_CONST, 9), mk(LOAD_FAST, 8), mk(LOAD_ATTR, 10),
		mk(BUILD_MAP, 1), mk(DICT_MERGE, 1), mk(CALL_FUNCTION_EX, 1), mk(POP_TOP, 0),
		mk(LOAD_CONST, 0), mk(LOAD_CONST, 0), mk(LOAD_CONST, 0), mk(CALL, 2),
		mk(POP_TOP, 0), mk(LOAD_GLOBAL, 0), mk(LOAD_FAST, 0), mk(UNARY_NEGATIVE, 0),
		mk(BINARY_OP, 23), mk(STORE_GLOBAL, 0), mk(LOAD_FAST, 3), mk(LOAD_FAST, 5),
		mk(LOAD_FAST, 7), mk(BUILD_TUPLE, 3), mk(RETURN_VALUE, 0), mk(SWAP, 2),
		mk(POP_TOP, 0), mk(SWAP, 2), mk(STORE_FAST, 6), mk(RERAISE, 0),
		mk(PUSH_EXC_INFO, 0), mk(WITH_EXCEPT_START, 0), mk(POP_JUMP_IF_TRUE, 1), mk(RERAISE, 2),
		mk(POP_TOP, 0), mk(POP_EXCEPT, 0), mk(POP_TOP, 0), mk(POP_TOP, 0),
		mk(JUMP_BACKWARD, 24), mk(COPY, 3), mk(POP_EXCEPT, 0), mk(RERAISE, 1),
	},
	Consts:     []string{"None", `<code object inner at 0x7fe7259c3c50, file "<dis>", line 3>`, "'>'", "''", "' '", "('key',)", "1", "2", "3", "'sep'"},
	Names:      []string{"G", "b", "c", "open", "print", "x"},
	LocalsPlus: []string{"a", "k", "args", "inner", "s", "y", "w", "z", "fh"},
	Positions: EncodePositions([]Pos{
		{-1, -1, -1, -1}, {1, 1, 0, 0}, {3, 3, 16, 17}, {3, 4, 4, 20}, {3, 4, 4, 20}, {3, 4, 4, 20},
		{3, 4, 4, 20}, {3, 4, 4, 20}, {3, 4, 4, 20}, {5, 5, 11, 12}, {5, 5, 15, 16}, {5, 5, 17, 18},
		{5, 5, 16, 19}, {5, 5, 19, 19}, {5, 5, 14, 19}, {5, 5, 10, 20}, {5, 5, 20, 21}, {5, 5, 22, 23},
		{5, 5, 21, 24}, {5, 5, 8, 25}, {5, 5, 4, 5}, {6, 6, 8, 9}, {6, 6, 8, 11}, {6, 6, 8, 13},
		{6, 6, 14, 15}, {6, 6, 21, 22}, {6, 6, 8, 13}, {6, 6, 8, 23}, {6, 6, 26, 27}, {6, 6, 28, 29},
		{6, 6, 30, 31}, {6, 6, 26, 32}, {6, 6, 8, 32}, {6, 6, 4, 5}, {7, 7, 20, 24}, {7, 7, 8, 34},
		{7, 7, 8, 34}, {7, 7, 8, 34}, {7, 7, 8, 34}, {7, 7, 8, 34}, {7, 7, 8, 34}, {7, 7, 15, 16},
		{7, 7, 28, 29}, {7, 7, 32, 33}, {7, 7, 28, 33}, {7, 7, 28, 33}, {7, 7, 28, 33}, {7, 7, 9, 10},
		{7, 7, 9, 10}, {7, 7, 9, 10}, {7, 7, 8, 34}, {7, 7, 4, 5}, {7, 7, 8, 34}, {8, 8, 9, 13},
		{8, 8, 14, 15}, {8, 8, 9, 16}, {8, 9, 4, 37}, {8, 8, 20, 22}, {9, 9, 8, 13}, {9, 9, 15, 19},
		{9, 9, 8, 37}, {9, 9, 24, 29}, {9, 9, 31, 33}, {9, 9, 31, 35}, {9, 9, 23, 36}, {9, 9, 8, 37},
		{9, 9, 8, 37}, {9, 9, 8, 37}, {8, 9, 4, 37}, {8, 9, 4, 37}, {8, 9, 4, 37}, {8, 9, 4, 37},
		{8, 9, 4, 37}, {10, 10, 4, 5}, {10, 10, 10, 11}, {10, 10, 9, 11}, {10, 10, 4, 11}, {10, 10, 4, 5},
		{11, 11, 11, 16}, {11, 11, 18, 19}, {11, 11, 21, 22}, {11, 11, 11, 22}, {11, 11, 4, 22}, {-1, -1, -1, -1},
		{-1, -1, -1, -1}, {7, 7, 8, 34}, {7, 7, 8, 34}, {7, 7, 8, 34}, {8, 9, 4, 37}, {8, 9, 4, 37},
		{8, 9, 4, 37}, {8, 9, 4, 37}, {8, 9, 4, 37}, {8, 9, 4, 37}, {8, 9, 4, 37}, {8, 9, 4, 37},
		{8, 9, 4, 37}, {-1, -1, -1, -1}, {-1, -1, -1, -1}, {-1, -1, -1, -1},
	}),
	ExceptionTable: mustExc(
		ExceptionEntry{38, 46, 83, 2, false}, ExceptionEntry{47, 51, 83, 2, false},
		ExceptionEntry{57, 68, 88, 1, true}, ExceptionEntry{88, 93, 97, 3, true},
	),
}

func TestDisassembleGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		l      *Listing
	}{
		{"testdata/module.golden", moduleListing},
		{"testdata/h.golden", hListing},
	} {
		want, err := os.ReadFile(tc.golden)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := Disassemble(&got, tc.l); err != nil {
			t.Fatal(err)
		}
		if got.String() != string(want) {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.golden, got.String(), want)
		}
	}
}

func TestDisassembleOptions(t *testing.T) {
	var base bytes.Buffer
	if err := Disassemble(&base, moduleListing, Depth(0)); err != nil {
		t.Fatal(err)
	}
	if s := base.String(); strings.Contains(s, "Disassembly of") || !strings.HasSuffix(s, "(None)\n") {
		t.Errorf("Depth(0):\n%s", s)
	}

	// Specialized instructions show as their base unless Adaptive.
	l := *hListing
	l.Code = append([]Instr(nil), l.Code...)
	l.Code[11] = l.Code[11].WithOp(LOAD_GLOBAL_MODULE)
	l.Code[32] = l.Code[32].WithOp(BINARY_OP_ADD_UNICODE)
	var plain, adaptive bytes.Buffer
	if err := Disassemble(&plain, &l); err != nil {
		t.Fatal(err)
	}
	if err := Disassemble(&adaptive, &l, Adaptive(), Current(11)); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile("testdata/h.golden")
	if plain.String() != string(want) {
		t.Error("specialized instructions changed the default listing")
	}
	for _, s := range []string{
		"    -->      22 LOAD_GLOBAL_MODULE       0 (G)\n",
		"             64 BINARY_OP_ADD_UNICODE     0 (+)\n", // a long name pushes the oparg, as in dis
	} {
		if !strings.Contains(adaptive.String(), s) {
			t.Errorf("adaptive listing lacks %q:\n%s", s, adaptive.String())
		}
	}
}

func TestDisassembleArgs(t *testing.T) {
	// Opargs dis describes that the golden listings do not cover; no
	// positions, so no line-number column (as dis without line info).
	l := &Listing{
		Code: []Instr{
			mk(CALL_INTRINSIC_1, int(INTRINSIC_LIST_TO_TUPLE)),
			mk(CALL_INTRINSIC_2, int(INTRINSIC_PREP_RERAISE_STAR)),
			mk(FORMAT_VALUE, int(FVC_ASCII)),
			mk(FORMAT_VALUE, int(FVS_HAVE_SPEC)),
			mk(MAKE_FUNCTION, 15),
			mk(LOAD_SUPER_ATTR, 0<<2|3),
			mk(LOAD_SUPER_ATTR, 0<<2|2),
			mk(COMPARE_OP, CompareOparg(CMP_GE)),
			mk(LOAD_CONST, 7), // out of range: no description
			mk(IS_OP, 1),
			mk(RETURN_VALUE, 0),
		},
		Names: []string{"meth"},
	}
	want := `    0 CALL_INTRINSIC_1         6 (INTRINSIC_LIST_TO_TUPLE)
    2 CALL_INTRINSIC_2         1 (INTRINSIC_PREP_RERAISE_STAR)
    4 FORMAT_VALUE             3 (ascii)
    6 FORMAT_VALUE             4 (with format)
    8 MAKE_FUNCTION           15 (defaults, kwdefaults, annotations, closure)
   10 LOAD_SUPER_ATTR          3 (NULL|self + meth)
   12 LOAD_SUPER_ATTR          2 (meth)
   14 COMPARE_OP              92 (>=)
   16 LOAD_CONST               7
   18 IS_OP                    1
   20 RETURN_VALUE
`
	// With no line column, each line starts with the two three-character
	// marker columns, as dis prints them.
	var b strings.Builder
	for _, line := range strings.SplitAfter(want, "\n") {
		if line != "" {
			b.WriteString("      " + line)
		}
	}
	var got bytes.Buffer
	if err := Disassemble(&got, l); err != nil {
		t.Fatal(err)
	}
	if got.String() != b.String() {
		t.Errorf("got\n%s\nwant\n%s", got.String(), b.String())
	}
}

func TestDisassembleCorrupt(t *testing.T) {
	l := &Listing{Code: []Instr{mk(RETURN_CONST, 0)}, ExceptionTable: []byte{0x01}}
	if err := Disassemble(&bytes.Buffer{}, l); err == nil {
		t.Error("corrupt exception table: no error")
	}
	l = &Listing{Code: []Instr{mk(RETURN_CONST, 0)}, Positions: []byte{0x80}}
	if err := Disassemble(&bytes.Buffer{}, l); err == nil {
		t.Error("corrupt positions: no error")
	}
}

func TestCodeRepr(t *testing.T) {
	if got := CodeRepr("f", "<dis>", 1, 0x7fc348399370); got != fRepr {
		t.Errorf("got %s", got)
	}
	if got := CodeRepr("g", "it's", 3, 0x10); got != `<code object g at 0x10, file "it's", line 3>` {
		t.Errorf("got %s", got)
	}
}
