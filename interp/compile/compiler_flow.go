package compile

import (
	"github.com/parallel-py/parallel/interp/bytecode"
)

// The flow graph: basic blocks and the passes of CPython 3.12's
// Python/flowgraph.c that the compiler runs before assembly.

// instr is an instruction before assembly. Jumps and SETUP_* keep their
// target block; except is the handler that covers the instruction (set
// by labelExceptionTargets), nil when an exception leaves the frame.
type instr struct {
	op     bytecode.Op
	arg    int
	target *block
	loc    bytecode.Pos
	except *block
}

// block is a basic block: straight-line code that ends at its last
// instruction (a jump, a scope exit, or a fall through to next).
type block struct {
	instrs []instr
	next   *block // the next block in layout order
	label  bool   // a label the code generator made (a possible jump target)

	// analysis
	visited       bool
	preds         int
	startDepth    int
	exceptHandler bool // the target of a SETUP_*
	preserveLasti bool // a SETUP_CLEANUP or SETUP_WITH handler
	exceptStack   []*block
	hasStack      bool
	warm, cold    bool
	unsafe        uint64
	offset        int
}

func (b *block) lastInstr() *instr {
	if len(b.instrs) == 0 {
		return nil
	}
	return &b.instrs[len(b.instrs)-1]
}

func isJump(op bytecode.Op) bool { return op.Has(bytecode.HasJump) }

func isBlockPush(op bytecode.Op) bool { return op.Has(bytecode.HasHandler) }

func hasTarget(op bytecode.Op) bool { return isJump(op) || isBlockPush(op) }

func isUncondJump(op bytecode.Op) bool {
	switch op {
	case bytecode.JUMP, bytecode.JUMP_NO_INTERRUPT, bytecode.JUMP_FORWARD,
		bytecode.JUMP_BACKWARD, bytecode.JUMP_BACKWARD_NO_INTERRUPT:
		return true
	}
	return false
}

func isScopeExit(op bytecode.Op) bool {
	switch op {
	case bytecode.RETURN_VALUE, bytecode.RETURN_CONST, bytecode.RERAISE, bytecode.RAISE_VARARGS:
		return true
	}
	return false
}

func isTerminator(op bytecode.Op) bool { return isJump(op) || isScopeExit(op) }

func hasFallthrough(b *block) bool {
	last := b.lastInstr()
	return last == nil || !(isUncondJump(last.op) || isScopeExit(last.op))
}

func exitsScope(b *block) bool {
	last := b.lastInstr()
	return last != nil && isScopeExit(last.op)
}

func setNop(in *instr) {
	in.op, in.arg, in.target = bytecode.NOP, 0, nil
}

// --- exception handlers ---

func markExceptHandlers(entry *block) {
	for b := entry; b != nil; b = b.next {
		for _, in := range b.instrs {
			if isBlockPush(in.op) {
				in.target.exceptHandler = true
			}
		}
	}
}

// labelExceptionTargets walks the graph with the stack of active
// handlers (pushed by SETUP_*, popped by POP_BLOCK) and records in each
// instruction the handler that covers it. YIELD_VALUE's oparg becomes
// the depth of that stack, as in CPython 3.12.
func labelExceptionTargets(entry *block) {
	for b := entry; b != nil; b = b.next {
		b.visited, b.hasStack = false, false
	}
	todo := []*block{entry}
	entry.visited, entry.hasStack = true, true
	entry.exceptStack = nil
	for len(todo) > 0 {
		b := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		stack := b.exceptStack
		top := func() *block {
			if len(stack) == 0 {
				return nil
			}
			return stack[len(stack)-1]
		}
		handler := top()
		for i := range b.instrs {
			in := &b.instrs[i]
			switch {
			case isBlockPush(in.op):
				if !in.target.visited {
					in.target.exceptStack = append([]*block(nil), stack...)
					in.target.visited = true
					todo = append(todo, in.target)
				}
				if in.op == bytecode.SETUP_WITH || in.op == bytecode.SETUP_CLEANUP {
					in.target.preserveLasti = true
				}
				stack = append(append([]*block(nil), stack...), in.target)
				handler = in.target
			case in.op == bytecode.POP_BLOCK:
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
				handler = top()
			case isJump(in.op):
				in.except = handler
				if !in.target.visited {
					in.target.exceptStack = append([]*block(nil), stack...)
					in.target.visited = true
					todo = append(todo, in.target)
				}
			case in.op == bytecode.YIELD_VALUE:
				in.except = handler
				in.arg = len(stack)
			default:
				in.except = handler
			}
		}
		if hasFallthrough(b) && b.next != nil && !b.next.visited {
			b.next.exceptStack = stack
			b.next.visited = true
			todo = append(todo, b.next)
		}
	}
}

// --- optimization ---

func eliminateEmptyBlocks(entry *block) {
	for b := entry; b != nil; b = b.next {
		next := b.next
		for next != nil && len(next.instrs) == 0 {
			next = next.next
		}
		b.next = next
	}
	for b := entry; b != nil; b = b.next {
		for i := range b.instrs {
			in := &b.instrs[i]
			if hasTarget(in.op) {
				t := in.target
				for len(t.instrs) == 0 {
					t = t.next
				}
				in.target = t
			}
		}
	}
}

// maxCopySize is the largest exit block copied into a jump to it.
const maxCopySize = 4

func inlineSmallExitBlocks(b *block) {
	last := b.lastInstr()
	if last == nil || !isUncondJump(last.op) {
		return
	}
	t := last.target
	if exitsScope(t) && len(t.instrs) <= maxCopySize {
		setNop(last)
		b.instrs = append(b.instrs, t.instrs...)
	}
}

func (c *compiler) constAt(i int) Const { return c.u.consts[i] }

// optimizeBlock applies CPython 3.12's peephole rules that change which
// instructions run: folded tuples, constant conditions, "is None" jumps,
// RETURN_CONST, LOAD_GLOBAL's NULL bit, tuple swaps and jump threading.
func (c *compiler) optimizeBlock(b *block) {
	for i := 0; i < len(b.instrs); i++ {
		in := &b.instrs[i]
		var next *instr
		if i+1 < len(b.instrs) {
			next = &b.instrs[i+1]
		}
		nextop := bytecode.Op(0)
		if next != nil {
			nextop = next.op
		}
		var target *instr
		if hasTarget(in.op) && len(in.target.instrs) > 0 {
			target = &in.target.instrs[0]
		}
		switch in.op {
		case bytecode.BUILD_TUPLE:
			if nextop == bytecode.UNPACK_SEQUENCE && next.arg == in.arg {
				switch in.arg {
				case 1:
					setNop(in)
					setNop(next)
					continue
				case 2, 3:
					setNop(in)
					next.op = bytecode.SWAP
					continue
				}
			}
			if i >= in.arg {
				c.foldTuple(b, i)
			}
		case bytecode.LOAD_CONST:
			switch nextop {
			case bytecode.POP_JUMP_IF_FALSE, bytecode.POP_JUMP_IF_TRUE:
				truth, ok := truthOf(c.constAt(in.arg))
				if !ok {
					break
				}
				setNop(in)
				if truth == (nextop == bytecode.POP_JUMP_IF_TRUE) {
					next.op = bytecode.JUMP
				} else {
					setNop(next)
				}
			case bytecode.IS_OP:
				if c.constAt(in.arg) != nil || i+2 >= len(b.instrs) {
					break
				}
				jump := &b.instrs[i+2]
				invert := next.arg == 1
				if jump.op == bytecode.POP_JUMP_IF_FALSE {
					invert = !invert
				} else if jump.op != bytecode.POP_JUMP_IF_TRUE {
					break
				}
				setNop(in)
				setNop(next)
				if invert {
					jump.op = bytecode.POP_JUMP_IF_NOT_NONE
				} else {
					jump.op = bytecode.POP_JUMP_IF_NONE
				}
			case bytecode.RETURN_VALUE:
				arg := in.arg
				setNop(in)
				next.op, next.arg = bytecode.RETURN_CONST, arg
				i++
			}
		case bytecode.SWAP:
			if in.arg == 1 {
				setNop(in)
				break
			}
			i = swaptimize(b, i)
			applyStaticSwaps(b, i)
		case bytecode.PUSH_NULL:
			if nextop == bytecode.LOAD_GLOBAL && next.arg&1 == 0 {
				setNop(in)
				next.arg |= 1
			}
		case bytecode.POP_JUMP_IF_FALSE, bytecode.POP_JUMP_IF_TRUE,
			bytecode.POP_JUMP_IF_NONE, bytecode.POP_JUMP_IF_NOT_NONE, bytecode.JUMP:
			if target != nil && target.op == bytecode.JUMP {
				if jumpThread(in, target) {
					i--
				}
			}
		}
	}
}

func jumpThread(in, target *instr) bool {
	if (in.loc.Line == target.loc.Line || target.loc.Line == -1) && in.target != target.target {
		in.target = target.target
		return true
	}
	return false
}

// foldTuple replaces LOAD_CONST x n; BUILD_TUPLE n (the BUILD_TUPLE at
// index i) by one LOAD_CONST of the tuple.
func (c *compiler) foldTuple(b *block, i int) {
	n := b.instrs[i].arg
	vals := make(ConstTuple, n)
	for j := 0; j < n; j++ {
		in := b.instrs[i-n+j]
		if in.op != bytecode.LOAD_CONST {
			return
		}
		vals[j] = c.constAt(in.arg)
	}
	for j := i - n; j < i; j++ {
		setNop(&b.instrs[j])
	}
	b.instrs[i].op = bytecode.LOAD_CONST
	b.instrs[i].arg = c.u.addConst(vals)
}

// removeRedundantNops drops the NOPs that no line needs.
func removeRedundantNops(b *block) int {
	dest := 0
	prevLine := -1
	for src := 0; src < len(b.instrs); src++ {
		in := b.instrs[src]
		line := in.loc.Line
		if in.op == bytecode.NOP {
			if line < 0 || prevLine == line {
				continue
			}
			if src < len(b.instrs)-1 {
				nextLine := b.instrs[src+1].loc.Line
				if nextLine == line {
					continue
				}
				if nextLine < 0 {
					b.instrs[src+1].loc = in.loc
					continue
				}
			} else {
				next := b.next
				for next != nil && len(next.instrs) == 0 {
					next = next.next
				}
				if next != nil && line == next.instrs[0].loc.Line {
					continue
				}
			}
		}
		b.instrs[dest] = in
		dest++
		prevLine = line
	}
	removed := len(b.instrs) - dest
	b.instrs = b.instrs[:dest]
	return removed
}

// removeRedundantNopsAndPairs also cancels LOAD_CONST; POP_TOP and
// COPY 1; POP_TOP.
func removeRedundantNopsAndPairs(entry *block) {
	for done := false; !done; {
		done = true
		var prev, cur *instr
		for b := entry; b != nil; b = b.next {
			removeRedundantNops(b)
			if b.label {
				cur = nil
			}
			for i := range b.instrs {
				prev, cur = cur, &b.instrs[i]
				if cur.op == bytecode.POP_TOP && prev != nil &&
					(prev.op == bytecode.LOAD_CONST || (prev.op == bytecode.COPY && prev.arg == 1)) {
					setNop(prev)
					setNop(cur)
					done = false
				}
			}
			if (cur != nil && isJump(cur.op)) || !hasFallthrough(b) {
				cur = nil
			}
		}
	}
}

// markReachable counts each block's predecessors from the entry (jumps,
// SETUP_* targets and fall-through) and marks what it reaches.
func markReachable(entry *block) {
	for b := entry; b != nil; b = b.next {
		b.preds, b.visited = 0, false
	}
	entry.preds = 1
	entry.visited = true
	stack := []*block{entry}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b.next != nil && hasFallthrough(b) {
			if !b.next.visited {
				b.next.visited = true
				stack = append(stack, b.next)
			}
			b.next.preds++
		}
		for _, in := range b.instrs {
			if hasTarget(in.op) {
				in.target.preds++
				if !in.target.visited {
					in.target.visited = true
					stack = append(stack, in.target)
				}
			}
		}
	}
}

func removeRedundantJumps(entry *block) {
	for b := entry; b != nil; b = b.next {
		last := b.lastInstr()
		if last != nil && isUncondJump(last.op) && last.target == b.next {
			setNop(last)
		}
	}
}

func (c *compiler) optimizeCFG(entry *block) {
	eliminateEmptyBlocks(entry)
	for b := entry; b != nil; b = b.next {
		inlineSmallExitBlocks(b)
	}
	for b := entry; b != nil; b = b.next {
		c.optimizeBlock(b)
	}
	removeRedundantNopsAndPairs(entry)
	for b := entry; b != nil; b = b.next {
		inlineSmallExitBlocks(b)
	}
	markReachable(entry)
	for b := entry; b != nil; b = b.next {
		if b.preds == 0 {
			b.instrs = nil
		}
	}
	for b := entry; b != nil; b = b.next {
		removeRedundantNops(b)
	}
	eliminateEmptyBlocks(entry)
	removeRedundantJumps(entry)
}

// removeUnusedConsts drops the constants no instruction uses (constant 0,
// the docstring slot, stays) and renumbers the rest.
func (c *compiler) removeUnusedConsts(entry *block) {
	u := c.u
	used := make([]bool, len(u.consts))
	if len(used) > 0 {
		used[0] = true
	}
	uses := func(op bytecode.Op) bool { return op.Has(bytecode.HasConst) }
	for b := entry; b != nil; b = b.next {
		for _, in := range b.instrs {
			if uses(in.op) {
				used[in.arg] = true
			}
		}
	}
	remap := make([]int, len(u.consts))
	var consts []Const
	for i, k := range u.consts {
		if used[i] {
			remap[i] = len(consts)
			consts = append(consts, k)
		}
	}
	if len(consts) == len(u.consts) {
		return
	}
	for b := entry; b != nil; b = b.next {
		for i := range b.instrs {
			if uses(b.instrs[i].op) {
				b.instrs[i].arg = remap[b.instrs[i].arg]
			}
		}
	}
	u.consts = consts
	u.constIndex = map[string]int{}
	for i, k := range consts {
		u.constIndex[constKey(k)] = i
	}
}

// addChecksForUninitialized turns LOAD_FAST of a local that may be unbound
// on some path into LOAD_FAST_CHECK (the first 64 locals by data flow, the
// others within each block, as CPython 3.12 does).
func addChecksForUninitialized(entry *block, nlocals, nparams int) {
	if nlocals == 0 {
		return
	}
	if nlocals > 64 {
		scanManyLocals(entry, nlocals)
		nlocals = 64
	}
	for b := entry; b != nil; b = b.next {
		b.unsafe, b.visited = 0, false
	}
	var stack []*block
	push := func(b *block, mask uint64) {
		both := b.unsafe | mask
		if b.unsafe != both {
			b.unsafe = both
			if !b.visited {
				stack = append(stack, b)
				b.visited = true
			}
		}
	}
	var start uint64
	for i := nparams; i < nlocals; i++ {
		start |= 1 << i
	}
	push(entry, start)
	scan := func(b *block) {
		mask := b.unsafe
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.except != nil {
				push(in.except, mask)
			}
			if in.arg >= 64 {
				continue
			}
			bit := uint64(1) << in.arg
			switch in.op {
			case bytecode.DELETE_FAST, bytecode.LOAD_FAST_AND_CLEAR, bytecode.STORE_FAST_MAYBE_NULL:
				mask |= bit
			case bytecode.STORE_FAST, bytecode.LOAD_FAST_CHECK:
				mask &^= bit
			case bytecode.LOAD_FAST:
				if mask&bit != 0 {
					in.op = bytecode.LOAD_FAST_CHECK
				}
				mask &^= bit
			}
		}
		if b.next != nil && hasFallthrough(b) {
			push(b.next, mask)
		}
		if last := b.lastInstr(); last != nil && isJump(last.op) {
			push(last.target, mask)
		}
	}
	for b := entry; b != nil; b = b.next {
		scan(b)
	}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		b.visited = false
		scan(b)
	}
}

func scanManyLocals(entry *block, nlocals int) {
	states := make([]int, nlocals-64)
	blocknum := 0
	for b := entry; b != nil; b = b.next {
		blocknum++
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.arg < 64 || in.arg >= nlocals {
				continue
			}
			switch in.op {
			case bytecode.DELETE_FAST, bytecode.LOAD_FAST_AND_CLEAR, bytecode.STORE_FAST_MAYBE_NULL:
				states[in.arg-64] = blocknum - 1
			case bytecode.STORE_FAST:
				states[in.arg-64] = blocknum
			case bytecode.LOAD_FAST:
				if states[in.arg-64] != blocknum {
					in.op = bytecode.LOAD_FAST_CHECK
				}
				states[in.arg-64] = blocknum
			}
		}
	}
}

// pushColdBlocksToEnd moves the blocks reached only through exception
// handlers after all the others, adding explicit jumps where a cold block
// fell through into a warm one.
func pushColdBlocksToEnd(entry *block) {
	if entry.next == nil {
		return
	}
	for b := entry; b != nil; b = b.next {
		b.visited, b.warm, b.cold = false, false, false
	}
	// warm: reached from the entry without exception edges.
	stack := []*block{entry}
	entry.visited = true
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		b.warm = true
		if b.next != nil && hasFallthrough(b) && !b.next.visited {
			b.next.visited = true
			stack = append(stack, b.next)
		}
		for _, in := range b.instrs {
			if isJump(in.op) && !in.target.visited {
				in.target.visited = true
				stack = append(stack, in.target)
			}
		}
	}
	for b := entry; b != nil; b = b.next {
		if b.exceptHandler && !b.warm {
			b.visited = true
			stack = append(stack, b)
		}
	}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		b.cold = true
		if b.next != nil && hasFallthrough(b) && !b.next.warm && !b.next.visited {
			b.next.visited = true
			stack = append(stack, b.next)
		}
		for _, in := range b.instrs {
			if isJump(in.op) && !in.target.warm && !in.target.visited {
				in.target.visited = true
				stack = append(stack, in.target)
			}
		}
	}
	for b := entry; b != nil; b = b.next {
		if b.cold && hasFallthrough(b) && b.next != nil && b.next.warm {
			j := &block{cold: true, instrs: []instr{{op: bytecode.JUMP, target: b.next, loc: noLoc}}}
			j.next = b.next
			b.next = j
			b = j
		}
	}
	var coldHead, coldTail *block
	b := entry
	for b.next != nil {
		for b.next != nil && !b.next.cold {
			b = b.next
		}
		if b.next == nil {
			break
		}
		end := b.next
		for end.next != nil && end.next.cold {
			end = end.next
		}
		if coldHead == nil {
			coldHead = b.next
		} else {
			coldTail.next = b.next
		}
		coldTail = end
		b.next = end.next
		end.next = nil
	}
	b.next = coldHead
	if coldHead != nil {
		removeRedundantJumps(entry)
	}
}

// countPreds recounts predecessors over the reachable graph.
func countPreds(entry *block) { markReachable(entry) }

func isExitWithoutLine(b *block) bool {
	if !exitsScope(b) {
		return false
	}
	for _, in := range b.instrs {
		if in.loc.Line >= 0 {
			return false
		}
	}
	return true
}

// resolveLineNumbers gives artificial instructions the line of what runs
// before them, copying exit blocks without a line for each jump to them.
func resolveLineNumbers(entry *block) {
	countPreds(entry)
	for b := entry; b != nil; b = b.next {
		last := b.lastInstr()
		if last == nil || !isJump(last.op) {
			continue
		}
		t := last.target
		if isExitWithoutLine(t) && t.preds > 1 {
			nb := &block{label: true, instrs: append([]instr(nil), t.instrs...)}
			nb.instrs[0].loc = last.loc
			last.target = nb
			t.preds--
			nb.preds = 1
			nb.next = t.next
			t.next = nb
		}
	}
	for b := entry; b != nil; b = b.next {
		if hasFallthrough(b) && b.next != nil && len(b.instrs) > 0 && isExitWithoutLine(b.next) {
			b.next.instrs[0].loc = b.lastInstr().loc
		}
	}
	for b := entry; b != nil; b = b.next {
		last := b.lastInstr()
		if last == nil {
			continue
		}
		prev := noLoc
		for i := range b.instrs {
			if b.instrs[i].loc.Line < 0 {
				b.instrs[i].loc = prev
			} else {
				prev = b.instrs[i].loc
			}
		}
		if hasFallthrough(b) && b.next != nil && b.next.preds == 1 && len(b.next.instrs) > 0 && b.next.instrs[0].loc.Line < 0 {
			b.next.instrs[0].loc = prev
		}
		if isJump(last.op) && last.target.preds == 1 && last.target.instrs[0].loc.Line < 0 {
			last.target.instrs[0].loc = prev
		}
	}
}

// stackDepth computes each block's entry depth and the maximum depth,
// following both edges of branches and the handler edge of SETUP_*.
// Generators start at depth 1: the value their first send() pushes,
// which the POP_TOP after RETURN_GENERATOR discards.
func stackDepth(entry *block, start int) (int, error) {
	for b := entry; b != nil; b = b.next {
		b.startDepth = -1
	}
	var stack []*block
	var err error
	push := func(b *block, depth int) {
		if b.startDepth < 0 {
			b.startDepth = depth
			stack = append(stack, b)
		} else if b.startDepth != depth && err == nil {
			err = errInconsistentDepth
		}
	}
	push(entry, start)
	maxDepth := start
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		depth := b.startDepth
		next := b.next
		for _, in := range b.instrs {
			pop, pushN := in.op.Effect(in.arg, false)
			if depth-pop < 0 {
				return 0, errNegativeDepth
			}
			newDepth := depth - pop + pushN
			maxDepth = max(maxDepth, newDepth)
			if hasTarget(in.op) {
				jpop, jpush := in.op.Effect(in.arg, true)
				td := depth - jpop + jpush
				if td < 0 {
					return 0, errNegativeDepth
				}
				maxDepth = max(maxDepth, td)
				push(in.target, td)
			}
			depth = newDepth
			if isUncondJump(in.op) || isScopeExit(in.op) {
				next = nil
				break
			}
		}
		if next != nil {
			push(next, depth)
		}
	}
	return maxDepth, err
}

// normalizeJumps picks the direction of each jump now that the layout is
// final: JUMP becomes JUMP_FORWARD or JUMP_BACKWARD, and a conditional
// jump backward becomes the opposite jump over an inserted JUMP_BACKWARD.
func normalizeJumps(entry *block) {
	for b := entry; b != nil; b = b.next {
		b.visited = false
	}
	for b := entry; b != nil; b = b.next {
		b.visited = true
		last := b.lastInstr()
		if last == nil || !isJump(last.op) {
			continue
		}
		forward := !last.target.visited
		switch last.op {
		case bytecode.JUMP:
			last.op = pickOp(forward, bytecode.JUMP_FORWARD, bytecode.JUMP_BACKWARD)
			continue
		case bytecode.JUMP_NO_INTERRUPT:
			last.op = pickOp(forward, bytecode.JUMP_FORWARD, bytecode.JUMP_BACKWARD_NO_INTERRUPT)
			continue
		}
		if forward {
			continue
		}
		var rev bytecode.Op
		switch last.op {
		case bytecode.POP_JUMP_IF_NOT_NONE:
			rev = bytecode.POP_JUMP_IF_NONE
		case bytecode.POP_JUMP_IF_NONE:
			rev = bytecode.POP_JUMP_IF_NOT_NONE
		case bytecode.POP_JUMP_IF_FALSE:
			rev = bytecode.POP_JUMP_IF_TRUE
		case bytecode.POP_JUMP_IF_TRUE:
			rev = bytecode.POP_JUMP_IF_FALSE
		default:
			continue // FOR_ITER and SEND only jump forward
		}
		j := &block{cold: b.cold, instrs: []instr{{op: bytecode.JUMP, target: last.target, loc: last.loc}}}
		last.op = rev
		last.target = b.next
		j.next = b.next
		b.next = j
	}
}

func pickOp(cond bool, yes, no bytecode.Op) bytecode.Op {
	if cond {
		return yes
	}
	return no
}

func swappable(op bytecode.Op) bool {
	return op == bytecode.STORE_FAST || op == bytecode.STORE_FAST_MAYBE_NULL || op == bytecode.POP_TOP
}

func storesTo(in instr) int {
	if in.op == bytecode.STORE_FAST || in.op == bytecode.STORE_FAST_MAYBE_NULL {
		return in.arg
	}
	return -1
}

func nextSwappable(b *block, i, line int) int {
	for i++; i < len(b.instrs); i++ {
		in := b.instrs[i]
		if line >= 0 && in.loc.Line != line {
			return -1
		}
		if in.op == bytecode.NOP {
			continue
		}
		if swappable(in.op) {
			return i
		}
		return -1
	}
	return -1
}

// applyStaticSwaps removes SWAPs (at i and before it) whose operands are
// next consumed by stores or POP_TOPs, by swapping those instructions
// instead (CPython's apply_static_swaps).
func applyStaticSwaps(b *block, i int) {
	for ; i >= 0; i-- {
		swap := &b.instrs[i]
		if swap.op != bytecode.SWAP {
			if swap.op == bytecode.NOP || swappable(swap.op) {
				continue
			}
			return
		}
		j := nextSwappable(b, i, -1)
		if j < 0 {
			return
		}
		k := j
		line := b.instrs[j].loc.Line
		for count := swap.arg - 1; count > 0; count-- {
			if k = nextSwappable(b, k, line); k < 0 {
				return
			}
		}
		sj, sk := storesTo(b.instrs[j]), storesTo(b.instrs[k])
		if sj >= 0 || sk >= 0 {
			if sj == sk {
				return
			}
			for x := j + 1; x < k; x++ {
				if s := storesTo(b.instrs[x]); s >= 0 && (s == sj || s == sk) {
					return
				}
			}
		}
		setNop(swap)
		b.instrs[j], b.instrs[k] = b.instrs[k], b.instrs[j]
	}
}
