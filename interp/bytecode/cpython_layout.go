package bytecode

//go:generate go run cpython_gen.go

import "fmt"

// CPython's layout of a code object: the views (co_code, the exception
// table, the line table) that CPython 3.12's dis, inspect and traceback
// read, computed from our instructions. CPython numbers opcodes
// differently (cpython_opcodes.go has its numbers by name), follows each
// instruction with its inline CACHE code units, prefixes an oparg wider
// than a byte with EXTENDED_ARG units, and counts jump distances and table
// offsets in code units. A specialized instruction shows as its family
// head, as CPython's co_code shows deoptimized code.

// cpythonOpcode is one row of CPython 3.12's opcode.opmap.
type cpythonOpcode struct {
	name   string
	number int
	caches int  // opcode._inline_cache_entries
	hasArg bool // in opcode.hasarg
}

// cpyOf maps each of our opcodes (specialized ones through their family
// head) to its row of cpythonOpcodes; nil where CPython has no such name.
var cpyOf, cpyByNumber = func() (of [numOps]*cpythonOpcode, byNumber map[int]*cpythonOpcode) {
	byName := make(map[string]*cpythonOpcode, len(cpythonOpcodes))
	byNumber = make(map[int]*cpythonOpcode, len(cpythonOpcodes))
	for i := range cpythonOpcodes {
		r := &cpythonOpcodes[i]
		byName[r.name] = r
		byNumber[r.number] = r
	}
	for op := Op(1); int(op) < numOps; op++ {
		of[op] = byName[op.Base().String()]
	}
	return of, byNumber
}()

// CPythonOpcode returns CPython 3.12's number for op (a specialized op
// counts as its family head) and the number of inline CACHE code units
// that follow it there. ok is false for an opcode CPython lacks.
func CPythonOpcode(op Op) (number, caches int, ok bool) {
	if !op.Valid() || cpyOf[op] == nil {
		return 0, 0, false
	}
	r := cpyOf[op]
	return r.number, r.caches, true
}

// CPythonOpcodeName returns the name CPython 3.12 gives opcode number n
// (opcode.opmap, pseudo-instructions included), or false.
func CPythonOpcodeName(n int) (string, bool) {
	if r := cpyByNumber[n]; r != nil {
		return r.name, true
	}
	return "", false
}

// CPythonHasArg reports whether CPython 3.12's C code treats opcode number
// n as taking an oparg (its HAS_ARG macro, which _opcode.stack_effect
// checks first): every number from HAVE_ARGUMENT up, except the
// pseudo-instructions, which take one only when opcode.hasarg says so.
func CPythonHasArg(n int) bool {
	if n >= cpyMinPseudo && n <= cpyMaxPseudo {
		r := cpyByNumber[n]
		return r != nil && r.hasArg
	}
	return n >= cpyHaveArgument
}

// CPythonLayout is a code object's instructions placed as CPython 3.12
// places the same code: instruction i occupies code units Start(i) up to
// Start(i+1), its EXTENDED_ARG prefixes first, then the instruction
// itself at Offset(i), then its caches. Byte offsets (co_code indexes,
// tb_lasti, f_lasti) are twice code-unit offsets.
type CPythonLayout struct {
	code  []byte  // co_code
	start []int32 // len(instrs)+1 entries; the last is the total
	ext   []uint8 // EXTENDED_ARG prefixes of each instruction
}

// NewCPythonLayout lays out code. It fails on an opcode CPython does not
// have or a jump that leaves the code.
func NewCPythonLayout(code []Instr) (*CPythonLayout, error) {
	n := len(code)
	l := &CPythonLayout{start: make([]int32, n+1), ext: make([]uint8, n)}
	caches := make([]int, n)
	for i, in := range code {
		r := cpyOf[in.Op()]
		if !in.Op().Valid() || r == nil {
			return nil, fmt.Errorf("bytecode: instruction %d (%v) has no CPython 3.12 encoding", i, in)
		}
		caches[i] = r.caches
		if in.Op().Has(HasJump) {
			if t := in.Target(i); t < 0 || t >= n {
				return nil, fmt.Errorf("bytecode: instruction %d (%v): jump target out of range", i, in)
			}
		}
	}
	// Jump distances depend on the prefixes between the jump and its
	// target, and a jump's own prefixes on its distance: grow the prefixes
	// until nothing changes, as CPython's assembler does. Distances only
	// grow as prefixes are added, so this ends, at the smallest layout.
	args := make([]int, n)
	for {
		for i := range n {
			l.start[i+1] = l.start[i] + int32(int(l.ext[i])+1+caches[i])
		}
		grown := false
		for i, in := range code {
			arg := in.Oparg()
			if in.Op().Has(HasJump) {
				t := int(l.start[in.Target(i)])
				if in.Op().Has(IsBackward) {
					arg = int(l.start[i+1]) - t
				} else {
					arg = t - int(l.start[i+1])
				}
				if arg < 0 {
					return nil, fmt.Errorf("bytecode: instruction %d (%v): jump goes the wrong way", i, in)
				}
			}
			args[i] = arg
			if e := extendedArgs(arg); e > l.ext[i] {
				l.ext[i], grown = e, true
			}
		}
		if !grown {
			break
		}
	}
	l.code = make([]byte, 0, 2*l.start[n])
	for i, in := range code {
		arg := args[i]
		for k := int(l.ext[i]); k > 0; k-- {
			l.code = append(l.code, cpyExtendedArg, byte(arg>>(8*k)))
		}
		l.code = append(l.code, byte(cpyOf[in.Op()].number), byte(arg))
		for range caches[i] {
			l.code = append(l.code, 0, 0)
		}
	}
	return l, nil
}

// extendedArgs is how many EXTENDED_ARG prefixes an oparg needs.
func extendedArgs(arg int) uint8 {
	switch {
	case arg > 0xFFFFFF:
		return 3
	case arg > 0xFFFF:
		return 2
	case arg > 0xFF:
		return 1
	}
	return 0
}

// Code returns co_code. The slice is shared: do not modify it.
func (l *CPythonLayout) Code() []byte { return l.code }

// Units returns the number of code units.
func (l *CPythonLayout) Units() int { return int(l.start[len(l.start)-1]) }

// Start returns the code unit where instruction i begins (its first
// EXTENDED_ARG prefix); Start(len(code)) is Units().
func (l *CPythonLayout) Start(i int) int { return int(l.start[i]) }

// Offset returns the code unit of instruction i itself, after its
// prefixes: where CPython's frame points while i runs (f_lasti/2).
func (l *CPythonLayout) Offset(i int) int { return int(l.start[i]) + int(l.ext[i]) }

// Instruction returns the index of the instruction that covers code unit
// u (a prefix, the instruction or one of its caches), or -1.
func (l *CPythonLayout) Instruction(u int) int {
	lo, hi := 0, len(l.ext)
	for lo < hi {
		m := (lo + hi) / 2
		if int(l.start[m+1]) <= u {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if u < 0 || lo >= len(l.ext) {
		return -1
	}
	return lo
}

// ExceptionTable converts an exception table made by
// EncodeExceptionTable to CPython's co_exceptiontable: the same varint
// format with ranges and targets in code units, each range ending after
// its last instruction's caches. Adjacent entries with the same handler
// are merged, as CPython's assembler never writes them apart.
func (l *CPythonLayout) ExceptionTable(table []byte) ([]byte, error) {
	entries, err := DecodeExceptionTable(table)
	if err != nil {
		return nil, err
	}
	n := len(l.ext)
	var merged []ExceptionEntry
	for _, e := range entries {
		if e.Start < 0 || e.End > n || e.Start >= e.End || e.Target >= n {
			return nil, errExceptionTable
		}
		e.Start, e.End, e.Target = l.Start(e.Start), l.Start(e.End), l.Start(e.Target)
		if k := len(merged) - 1; k >= 0 && merged[k].End == e.Start &&
			merged[k].Target == e.Target && merged[k].Depth == e.Depth && merged[k].Lasti == e.Lasti {
			merged[k].End = e.End
			continue
		}
		merged = append(merged, e)
	}
	return EncodeExceptionTable(merged)
}
