package bytecode_test

import (
	"fmt"
	"os"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// The code of
//
//	def add(a, b):
//	    return a + b
//
// put together by hand, then disassembled as dis.dis would show it.
func ExampleDisassemble() {
	var code []bytecode.Instr
	emit := func(op bytecode.Op, arg int) {
		in, err := bytecode.Make(op, arg)
		if err != nil {
			panic(err)
		}
		code = append(code, in)
	}
	emit(bytecode.RESUME, int(bytecode.RESUME_AT_FUNC_START))
	emit(bytecode.LOAD_FAST, 0)
	emit(bytecode.LOAD_FAST, 1)
	emit(bytecode.BINARY_OP, int(bytecode.NB_ADD))
	emit(bytecode.RETURN_VALUE, 0)

	offsets, size := bytecode.LayoutCaches(code)
	fmt.Println("cache offsets", offsets, "of", size)

	l := &bytecode.Listing{
		Name: "add", Filename: "example.py", FirstLine: 1,
		Code:       code,
		Consts:     []string{"None"},
		LocalsPlus: []string{"a", "b"},
		Positions: bytecode.EncodePositions([]bytecode.Pos{
			{Line: 1, EndLine: 1, Col: 0, EndCol: 0},
			{Line: 2, EndLine: 2, Col: 11, EndCol: 12},
			{Line: 2, EndLine: 2, Col: 15, EndCol: 16},
			{Line: 2, EndLine: 2, Col: 11, EndCol: 16},
			{Line: 2, EndLine: 2, Col: 4, EndCol: 16},
		}),
	}
	if err := bytecode.Disassemble(os.Stdout, l); err != nil {
		panic(err)
	}
	// Output:
	// cache offsets [0 0 0 0 3] of 3
	//   1           0 RESUME                   0
	//
	//   2           2 LOAD_FAST                0 (a)
	//               4 LOAD_FAST                1 (b)
	//               6 BINARY_OP                0 (+)
	//               8 RETURN_VALUE
}
