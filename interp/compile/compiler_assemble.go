package compile

import (
	"errors"
	"fmt"

	"github.com/parallel-py/parallel/interp/bytecode"
)

var (
	errInconsistentDepth = errors.New("compile: internal error: inconsistent stack depth")
	errNegativeDepth     = errors.New("compile: internal error: negative stack depth")
)

// LocalHidden marks a fast local of a module or class body that only an
// inlined comprehension uses (CPython's CO_FAST_HIDDEN); locals() skips it.
const LocalHidden LocalKind = 0x10

// assemble finishes the current unit: the implicit "return None", the
// flow-graph passes, the frame layout, the stack depth, pseudo-instruction
// lowering and encoding.
func (c *compiler) assemble(addNone bool) *Code {
	u := c.u
	flags := c.codeFlags()
	if addNone {
		c.loadConst(nil, noLoc)
	}
	c.emit(bytecode.RETURN_VALUE, 0, noLoc)

	entry := u.entry
	markExceptHandlers(entry)
	labelExceptionTargets(entry)
	c.optimizeCFG(entry)
	c.removeUnusedConsts(entry)
	addChecksForUninitialized(entry, len(u.varnames), len(u.ste.Varnames))
	pushColdBlocksToEnd(entry)
	resolveLineNumbers(entry)

	names, kinds := c.prepareLocalsPlus(entry, flags)

	depth, err := stackDepth(entry, entryDepth(flags))
	if err != nil {
		panic(bailout{fmt.Errorf("%w in %s", err, u.qualname)})
	}

	// Lower the pseudo-instructions.
	for b := entry; b != nil; b = b.next {
		for i := range b.instrs {
			in := &b.instrs[i]
			switch in.op {
			case bytecode.SETUP_FINALLY, bytecode.SETUP_CLEANUP, bytecode.SETUP_WITH, bytecode.POP_BLOCK:
				setNop(in)
			case bytecode.STORE_FAST_MAYBE_NULL:
				in.op = bytecode.STORE_FAST
			case bytecode.LOAD_METHOD:
				in.op, in.arg = bytecode.LOAD_ATTR, in.arg<<1|1
			}
		}
	}
	for b := entry; b != nil; b = b.next {
		removeRedundantNops(b)
	}
	eliminateEmptyBlocks(entry)
	removeRedundantJumps(entry)
	for b := entry; b != nil; b = b.next {
		removeRedundantNops(b)
	}
	eliminateEmptyBlocks(entry)
	normalizeJumps(entry)

	// Linearize.
	n := 0
	for b := entry; b != nil; b = b.next {
		b.offset = n
		n += len(b.instrs)
	}
	code := make([]bytecode.Instr, 0, n)
	positions := make([]bytecode.Pos, 0, n)
	var excs []bytecode.ExceptionEntry
	var cur *block
	start := 0
	flush := func(end int) {
		if cur != nil && end > start {
			d := cur.startDepth - 1
			if cur.preserveLasti {
				d--
			}
			excs = append(excs, bytecode.ExceptionEntry{Start: start, End: end, Target: cur.offset, Depth: d, Lasti: cur.preserveLasti})
		}
	}
	for b := entry; b != nil; b = b.next {
		for _, in := range b.instrs {
			pc := len(code)
			if in.except != cur {
				flush(pc)
				cur, start = in.except, pc
			}
			arg := in.arg
			if isJump(in.op) {
				var err error
				arg, err = bytecode.JumpOparg(in.op, pc, in.target.offset)
				if err != nil {
					c.systemError(err)
				}
			}
			w, err := bytecode.Make(in.op, arg)
			if err != nil {
				c.systemError(err)
			}
			code = append(code, w)
			positions = append(positions, in.loc)
		}
	}
	flush(len(code))
	table, err := bytecode.EncodeExceptionTable(excs)
	if err != nil {
		panic(bailout{err})
	}
	offsets, size := bytecode.LayoutCaches(code)
	out := &Code{
		Name:            u.name,
		Qualname:        u.qualname,
		Filename:        c.filename,
		FirstLine:       u.firstLine,
		ArgCount:        u.argCount,
		PosOnlyArgCount: u.posOnlyArgCount,
		KwOnlyArgCount:  u.kwOnlyArgCount,
		Flags:           flags,
		Instructions:    code,
		CacheOffsets:    offsets,
		CacheSize:       size,
		StackSize:       depth,
		Consts:          u.consts,
		Names:           u.names,
		LocalsPlusNames: names,
		LocalsPlusKinds: kinds,
		Positions:       bytecode.EncodePositions(positions),
		ExceptionTable:  table,
	}
	if out.Qualname == "" {
		out.Qualname = out.Name
	}
	return out
}

// systemError reports a limit of the instruction encoding (CPython raises
// SystemError for its own limits).
func (c *compiler) systemError(err error) {
	panic(bailout{fmt.Errorf("SystemError: %w", err)})
}

// prepareLocalsPlus lays out the frame (fast locals, then cells that are
// not parameters, then frees), inserts the prefix instructions
// (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR; POP_TOP) and turns the
// cell/free opargs into localsplus indexes.
func (c *compiler) prepareLocalsPlus(entry *block, flags CodeFlags) ([]string, []LocalKind) {
	u := c.u
	nlocals := len(u.varnames)
	ncells, nfrees := len(u.cellvars), len(u.freevars)
	fixed := make([]int, ncells+nfrees)
	for i := range fixed {
		fixed[i] = nlocals + i
	}
	for i, name := range u.cellvars {
		if v, ok := u.varIndex[name]; ok {
			fixed[i] = v
		}
	}

	var prefix []instr
	if nfrees > 0 {
		prefix = append(prefix, instr{op: bytecode.COPY_FREE_VARS, arg: nfrees, loc: noLoc})
	}
	if ncells > 0 {
		sorted := make([]int, nlocals+ncells)
		for i := range u.cellvars {
			sorted[fixed[i]] = i + 1
		}
		for _, s := range sorted {
			if s > 0 {
				prefix = append(prefix, instr{op: bytecode.MAKE_CELL, arg: s - 1, loc: noLoc})
			}
		}
	}
	if flags&(CO_GENERATOR|CO_COROUTINE|CO_ASYNC_GENERATOR) != 0 {
		prefix = append(prefix,
			instr{op: bytecode.RETURN_GENERATOR, loc: bytecode.Pos{Line: u.firstLine, EndLine: u.firstLine, Col: -1, EndCol: -1}},
			instr{op: bytecode.POP_TOP, loc: noLoc})
	}
	if len(prefix) > 0 {
		entry.instrs = append(prefix, entry.instrs...)
	}

	dropped := 0
	for i := range fixed {
		if fixed[i] == i+nlocals {
			fixed[i] -= dropped
		} else {
			dropped++
		}
	}
	for b := entry; b != nil; b = b.next {
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.op.Has(bytecode.HasFree) {
				in.arg = fixed[in.arg]
			}
		}
	}

	total := nlocals + ncells + nfrees - dropped
	names := make([]string, total)
	kinds := make([]LocalKind, total)
	for i, name := range u.varnames {
		names[i] = name
		kinds[i] = LocalFast
		if u.everHidden[name] {
			kinds[i] |= LocalHidden
		}
		if _, ok := u.cellIndex[name]; ok {
			kinds[i] |= LocalCell
		}
	}
	for i, name := range u.cellvars {
		if _, ok := u.varIndex[name]; ok {
			continue
		}
		names[fixed[i]] = name
		kinds[fixed[i]] = LocalCell
	}
	for j, name := range u.freevars {
		slot := fixed[ncells+j]
		names[slot] = name
		kinds[slot] = LocalFree
	}
	return names, kinds
}
