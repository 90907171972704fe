package bytecode

import "testing"

// The benchmarks below back the choice of a 32-bit instruction word (see
// docs/design/bytecode.md): they decode and dispatch the same instruction
// stream held as []Instr (8-bit opcode, 24-bit oparg) and as CPython's
// []uint16 code units (8-bit opcode, 8-bit oparg, EXTENDED_ARG prefixes
// for larger opargs, inline cache units to skip).

const benchLen = 4096

// benchProgram returns a mix of opcodes with small opargs (the common
// case) and 1 in 16 opargs above 255.
func benchProgram() []Instr {
	ops := []Op{LOAD_FAST, LOAD_CONST, BINARY_OP, STORE_FAST, LOAD_GLOBAL, CALL, POP_TOP, LOAD_ATTR}
	code := make([]Instr, benchLen)
	for i := range code {
		arg := i % 7
		if i%16 == 0 {
			arg = 300 + i
		}
		code[i] = Instr(ops[i%len(ops)]) | Instr(arg)<<8
	}
	return code
}

// units encodes code CPython's way: EXTENDED_ARG prefixes, then the
// instruction, then its cache units (CPython 3.12 sizes, 16-bit units).
func units(code []Instr, extArg Op) []uint16 {
	cpyCache := map[Op]int{BINARY_OP: 1, LOAD_GLOBAL: 4, CALL: 3, LOAD_ATTR: 9}
	var u []uint16
	for _, in := range code {
		arg := in.Oparg()
		for shift := 16; shift > 0; shift -= 8 {
			if arg>>shift != 0 {
				u = append(u, uint16(extArg)|uint16(arg>>shift&0xff)<<8)
			}
		}
		u = append(u, uint16(in.Op())|uint16(arg&0xff)<<8)
		for range cpyCache[in.Op()] {
			u = append(u, 0)
		}
	}
	return u
}

var benchSink int

func BenchmarkDispatchInstr32(b *testing.B) {
	code := benchProgram()
	for b.Loop() {
		acc := 0
		for pc := 0; pc < len(code); pc++ {
			in := code[pc]
			arg := int(in >> 8)
			switch Op(in) {
			case LOAD_FAST, LOAD_CONST, STORE_FAST:
				acc += arg
			case BINARY_OP, POP_TOP:
				acc ^= arg
			case LOAD_GLOBAL, LOAD_ATTR:
				acc -= arg
			case CALL:
				acc += arg << 1
			}
		}
		benchSink = acc
	}
}

func BenchmarkDispatchUnits16(b *testing.B) {
	// EXTENDED_ARG stands in as an opcode number no real op uses.
	const extArg = Op(255)
	cache := [256]uint8{BINARY_OP: 1, LOAD_GLOBAL: 4, CALL: 3, LOAD_ATTR: 9}
	code := units(benchProgram(), extArg)
	for b.Loop() {
		acc, ext := 0, 0
		for pc := 0; pc < len(code); {
			u := code[pc]
			pc++
			op, arg := Op(u), ext|int(u>>8)
			ext = 0
			switch op {
			case extArg:
				ext = arg << 8
				continue
			case LOAD_FAST, LOAD_CONST, STORE_FAST:
				acc += arg
			case BINARY_OP, POP_TOP:
				acc ^= arg
			case LOAD_GLOBAL, LOAD_ATTR:
				acc -= arg
			case CALL:
				acc += arg << 1
			}
			pc += int(cache[op])
		}
		benchSink = acc
	}
}
