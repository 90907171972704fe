package bytecode

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Listing is what the disassembler needs to know about a code object. The
// compiler's code objects provide one; everything in it is read only.
//
// Offsets in the output are instruction indexes times 2, so that listings
// look like CPython's byte offsets; they equal CPython's wherever no
// instruction before them has inline caches (ours are not in the code).
type Listing struct {
	// Name, Filename and FirstLine describe the code object; they are
	// used only to make Repr when it is empty.
	Name      string
	Filename  string
	FirstLine int
	// Repr is the code object's repr, shown in "Disassembly of ...:"
	// headers; it should equal the string in the parent's Consts.
	Repr string

	Code       []Instr
	Consts     []string // repr() of each constant, already formatted
	Names      []string // co_names
	LocalsPlus []string // the locals, then cell variables, then free variables

	Positions      []byte // EncodePositions form, one Pos per instruction; may be nil
	ExceptionTable []byte // EncodeExceptionTable form; may be nil

	// Nested are the code objects among Consts, in Consts order.
	Nested []*Listing
}

// CodeRepr formats a code object's repr as CPython does:
// <code object NAME at 0xID, file "FILE", line N>, the file name unescaped.
func CodeRepr(name, filename string, firstLine int, id uintptr) string {
	return fmt.Sprintf("<code object %s at %#x, file \"%s\", line %d>", name, id, filename, firstLine)
}

func (l *Listing) repr() string {
	if l.Repr != "" {
		return l.Repr
	}
	return CodeRepr(l.Name, l.Filename, l.FirstLine, 0)
}

// An Option changes what Disassemble prints.
type Option func(*disConfig)

type disConfig struct {
	depth    int // -1: unlimited
	adaptive bool
	current  int
}

// Depth limits how deep Disassemble descends into nested code objects
// (dis's depth=); 0 prints only the outer code object.
func Depth(n int) Option { return func(c *disConfig) { c.depth = n } }

// Adaptive shows specialized opcodes as they are (dis's adaptive=True);
// by default every instruction is shown as its family's base.
func Adaptive() Option { return func(c *disConfig) { c.adaptive = true } }

// Current marks instruction pc with "-->" (dis's lasti).
func Current(pc int) Option { return func(c *disConfig) { c.current = pc } }

// Disassemble writes c's instructions to w in the format of CPython 3.12's
// dis.dis: line numbers, jump-target markers, offsets, names, opargs and
// their meaning, then the exception table, then each nested code object.
// It fails only on a write error or a corrupt position or exception table.
func Disassemble(w io.Writer, c *Listing, opts ...Option) error {
	cfg := disConfig{depth: -1, current: -1}
	for _, o := range opts {
		o(&cfg)
	}
	bw := bufio.NewWriter(w)
	if err := disassemble(bw, c, cfg); err != nil {
		return err
	}
	return bw.Flush()
}

func disassemble(w *bufio.Writer, c *Listing, cfg disConfig) error {
	if err := disassembleOne(w, c, cfg); err != nil {
		return err
	}
	if cfg.depth == 0 {
		return nil
	}
	inner := cfg
	if inner.depth > 0 {
		inner.depth--
	}
	inner.current = -1
	for _, n := range c.Nested {
		fmt.Fprintf(w, "\nDisassembly of %s:\n", n.repr())
		if err := disassemble(w, n, inner); err != nil {
			return err
		}
	}
	return nil
}

// The column widths of dis.
const (
	opnameWidth = 20
	opargWidth  = 5
)

func disassembleOne(w *bufio.Writer, c *Listing, cfg disConfig) error {
	var positions []Pos
	if c.Positions != nil {
		var err error
		if positions, err = DecodePositions(c.Positions); err != nil {
			return err
		}
	}
	excs, err := DecodeExceptionTable(c.ExceptionTable)
	if err != nil {
		return err
	}

	// Line starts, as dis.findlinestarts: the first instruction of each
	// change to a known line.
	lineStart := make(map[int]int)
	lastLine, maxLine := -1, -1
	for pc := 0; pc < len(c.Code) && pc < len(positions); pc++ {
		if l := positions[pc].Line; l >= 0 && l != lastLine {
			lineStart[pc], lastLine = l, l
			maxLine = max(maxLine, l)
		}
	}
	labels := make(map[int]bool)
	for pc, in := range c.Code {
		if in.Op().Has(HasJump) {
			labels[in.Target(pc)] = true
		}
	}
	for _, e := range excs {
		labels[e.Target] = true
	}

	linenoWidth := 0
	if len(lineStart) > 0 {
		linenoWidth = max(3, len(strconv.Itoa(maxLine)))
	}
	offsetWidth := max(4, len(strconv.Itoa(2*(len(c.Code)-1))))

	var line []string
	for pc, in := range c.Code {
		l, starts := lineStart[pc]
		if linenoWidth > 0 && starts && pc > 0 {
			w.WriteByte('\n')
		}
		line = line[:0]
		if linenoWidth > 0 {
			if starts {
				line = append(line, fmt.Sprintf("%*d", linenoWidth, l))
			} else {
				line = append(line, strings.Repeat(" ", linenoWidth))
			}
		}
		line = append(line, pick(pc == cfg.current, "-->", "   "), pick(labels[pc], ">>", "  "))
		line = append(line, fmt.Sprintf("%*d", offsetWidth, 2*pc))
		op := in.Op()
		if !cfg.adaptive {
			op = op.Base()
		}
		line = append(line, fmt.Sprintf("%-*s", opnameWidth, op))
		if op.Has(HasArg) {
			line = append(line, fmt.Sprintf("%*d", opargWidth, in.Oparg()))
			if r := argRepr(c, pc, in); r != "" {
				line = append(line, "("+r+")")
			}
		}
		w.WriteString(strings.TrimRight(strings.Join(line, " "), " "))
		w.WriteByte('\n')
	}
	if len(excs) > 0 {
		w.WriteString("ExceptionTable:\n")
		for _, e := range excs {
			lasti := ""
			if e.Lasti {
				lasti = " lasti"
			}
			fmt.Fprintf(w, "  %d to %d -> %d [%d]%s\n", 2*e.Start, 2*(e.End-1), 2*e.Target, e.Depth, lasti)
		}
	}
	return nil
}

// argRepr returns what dis shows in parentheses after instruction pc's
// oparg, or "".
func argRepr(c *Listing, pc int, in Instr) string {
	op, arg := in.Op().Base(), in.Oparg()
	at := func(s []string, i int) string {
		if i < 0 || i >= len(s) {
			return ""
		}
		return s[i]
	}
	f := op.Flags()
	switch {
	case f&HasConst != 0:
		return at(c.Consts, arg)
	case f&HasName != 0:
		name := at(c.Names, NameIndex(in))
		if name != "" && arg&1 != 0 {
			switch op {
			case LOAD_GLOBAL:
				return "NULL + " + name
			case LOAD_ATTR, LOAD_SUPER_ATTR:
				return "NULL|self + " + name
			}
		}
		return name
	case f&HasJump != 0:
		return "to " + strconv.Itoa(2*in.Target(pc))
	case f&(HasLocal|HasFree) != 0:
		return at(c.LocalsPlus, arg)
	}
	switch op {
	case COMPARE_OP:
		return CompareOp(arg >> 4).String()
	case FORMAT_VALUE:
		r := FormatConv(arg & 3).String()
		if arg&int(FVS_HAVE_SPEC) != 0 {
			if r != "" {
				r += ", "
			}
			r += FVS_HAVE_SPEC.String()
		}
		return r
	case MAKE_FUNCTION:
		var parts []string
		for _, bit := range []MakeFunctionFlag{MAKE_FUNCTION_DEFAULTS, MAKE_FUNCTION_KWDEFAULTS, MAKE_FUNCTION_ANNOTATIONS, MAKE_FUNCTION_CLOSURE} {
			if arg&int(bit) != 0 {
				parts = append(parts, bit.String())
			}
		}
		return strings.Join(parts, ", ")
	case BINARY_OP:
		return BinaryOp(arg).String()
	case CALL_INTRINSIC_1:
		return Intrinsic1(arg).String()
	case CALL_INTRINSIC_2:
		return Intrinsic2(arg).String()
	}
	return ""
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}
