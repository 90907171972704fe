package compile

// The match statement (PEP 634), compiled as CPython 3.12's compile.c
// compiles it.
//
// Model. The subject stays on the stack while a case's pattern is tried.
// Every pattern consumes the value on top of the stack (the subject or a
// piece of it) and either falls through on success or jumps to a failure
// label. Values that a successful match will bind are not stored at once:
// they are kept on the stack, rotated underneath whatever the enclosing
// patterns still need, and stored by name only when the whole pattern has
// matched (so a failed pattern binds nothing). On failure the number of
// values to drop is the count of those pending captures plus the pieces
// still on top; the failure labels failPop[n] are a chain of POP_TOPs so
// that a jump to failPop[n] drops exactly n values.

import (
	"math"
	"math/big"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// patternContext is the state of one case's pattern while it is compiled
// (CPython's pattern_context).
type patternContext struct {
	// stores are the names captured so far, in stack order: stores[0]
	// lies just under the onTop values, the last one deepest.
	stores []string
	// allowIrrefutable is false where an irrefutable pattern would make
	// later alternatives or cases unreachable.
	allowIrrefutable bool
	// failPop[n] is the label that pops n values and then fails.
	failPop []*block
	// onTop counts the values above the captures that must be dropped on
	// failure.
	onTop int
}

// isWildcard reports the pattern "_".
func isWildcard(p syntax.Pattern) bool {
	a, ok := p.(*syntax.MatchAs)
	return ok && a.Pattern == nil && a.Name == ""
}

// isStarWildcard reports the sequence item "*_".
func isStarWildcard(p syntax.Pattern) bool {
	s, ok := p.(*syntax.MatchStar)
	return ok && s.Name == ""
}

// matchStmt compiles a match statement (CPython's compiler_match_inner).
func (c *compiler) matchStmt(s *syntax.Match) {
	c.visitExpr(s.Subject)
	end := c.newBlock()
	cases := len(s.Cases)
	last := s.Cases[cases-1]
	// A trailing "case _:" needs no copy of the subject, no pattern code
	// and no failure path.
	hasDefault := 0
	if isWildcard(last.Pattern) && cases > 1 {
		hasDefault = 1
	}
	pc := &patternContext{}
	for i := 0; i < cases-hasDefault; i++ {
		m := s.Cases[i]
		ploc := locOf(m.Pattern)
		lastTried := i == cases-hasDefault-1
		// Only the last case tried consumes the subject itself.
		if !lastTried {
			c.emit(bytecode.COPY, 1, ploc)
		}
		pc.stores = nil
		// Irrefutable cases must be guarded, last, or both.
		pc.allowIrrefutable = m.Guard != nil || i == cases-1
		pc.failPop = nil
		pc.onTop = 0
		c.pattern(m.Pattern, pc)
		for _, name := range pc.stores {
			c.nameOp(ploc, name, syntax.Store)
		}
		if m.Guard != nil {
			c.ensureFailPop(pc, 0)
			c.jumpIf(ploc, m.Guard, pc.failPop[0], false)
		}
		if !lastTried {
			c.emit(bytecode.POP_TOP, 0, ploc)
		}
		c.visitStmts(m.Body)
		c.emitJump(bytecode.JUMP, end, noLoc)
		// A failed pattern's cleanup belongs to the pattern's line, not to
		// the last line of the body.
		c.emitAndResetFailPop(ploc, pc)
	}
	if hasDefault == 1 {
		// The default case has no code of its own; the NOP shows its
		// line as covered.
		c.emit(bytecode.NOP, 0, locOf(last.Pattern))
		if last.Guard != nil {
			c.jumpIf(locOf(last.Pattern), last.Guard, end, false)
		}
		c.visitStmts(last.Body)
	}
	c.useBlock(end)
}

// ensureFailPop makes sure failPop[n] exists.
func (c *compiler) ensureFailPop(pc *patternContext, n int) {
	for len(pc.failPop) <= n {
		pc.failPop = append(pc.failPop, c.newBlock())
	}
}

// jumpToFailPop emits op to the label that drops the values on top and
// the pending captures.
func (c *compiler) jumpToFailPop(loc bytecode.Pos, pc *patternContext, op bytecode.Op) {
	pops := pc.onTop + len(pc.stores)
	c.ensureFailPop(pc, pops)
	c.emitJump(op, pc.failPop[pops], loc)
}

// emitAndResetFailPop places the failure labels, deepest first, each
// popping one value and falling into the next.
func (c *compiler) emitAndResetFailPop(loc bytecode.Pos, pc *patternContext) {
	if len(pc.failPop) == 0 {
		return
	}
	for n := len(pc.failPop) - 1; n > 0; n-- {
		c.useBlock(pc.failPop[n])
		c.emit(bytecode.POP_TOP, 0, loc)
	}
	c.useBlock(pc.failPop[0])
	pc.failPop = nil
}

// rotate moves the top of the stack count-1 places down, shifting the
// others up (3.10's ROT_N), with SWAPs the flow pass then simplifies.
func (c *compiler) rotate(loc bytecode.Pos, count int) {
	for ; count > 1; count-- {
		c.emit(bytecode.SWAP, count, loc)
	}
}

// storeCapture records a capture of the value on top of the stack (or
// pops it for the wildcard, name ""), moving it under the values the
// enclosing patterns still need.
func (c *compiler) storeCapture(loc bytecode.Pos, name string, pc *patternContext) {
	if name == "" {
		c.emit(bytecode.POP_TOP, 0, loc)
		return
	}
	c.forbiddenName(loc, name, syntax.Store)
	if indexOf(pc.stores, name) >= 0 {
		c.errorAt(loc, "multiple assignments to name '%s' in pattern", name)
	}
	c.rotate(loc, pc.onTop+len(pc.stores)+1)
	pc.stores = append(pc.stores, name)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// pattern compiles one pattern against the value on top of the stack,
// which it consumes (CPython's compiler_pattern).
func (c *compiler) pattern(p syntax.Pattern, pc *patternContext) {
	switch p := p.(type) {
	case *syntax.MatchValue:
		c.patternValue(p, pc)
	case *syntax.MatchSingleton:
		loc := locOf(p)
		c.loadConst(Const(p.Value), loc)
		c.emit(bytecode.IS_OP, 0, loc)
		c.jumpToFailPop(loc, pc, bytecode.POP_JUMP_IF_FALSE)
	case *syntax.MatchSequence:
		c.patternSequence(p, pc)
	case *syntax.MatchMapping:
		c.patternMapping(p, pc)
	case *syntax.MatchClass:
		c.patternClass(p, pc)
	case *syntax.MatchStar:
		c.storeCapture(locOf(p), p.Name, pc)
	case *syntax.MatchAs:
		c.patternAs(p, pc)
	case *syntax.MatchOr:
		c.patternOr(p, pc)
	default:
		c.errorAt(locOf(p), "unknown pattern %s", p.NodeName())
	}
}

// subpattern compiles a pattern nested in another, where irrefutable
// patterns are allowed.
func (c *compiler) subpattern(p syntax.Pattern, pc *patternContext) {
	saved := pc.allowIrrefutable
	pc.allowIrrefutable = true
	c.pattern(p, pc)
	pc.allowIrrefutable = saved
}

func (c *compiler) patternValue(p *syntax.MatchValue, pc *patternContext) {
	loc := locOf(p)
	value := c.fold(p.Value)
	switch value.(type) {
	case *syntax.Constant, *syntax.Attribute:
	default:
		c.errorAt(loc, "patterns may only match literals and attribute lookups")
	}
	c.visitExpr(value)
	c.compareOp(loc, syntax.Eq)
	c.jumpToFailPop(loc, pc, bytecode.POP_JUMP_IF_FALSE)
}

func (c *compiler) patternAs(p *syntax.MatchAs, pc *patternContext) {
	loc := locOf(p)
	if p.Pattern == nil {
		if !pc.allowIrrefutable {
			if p.Name != "" {
				c.errorAt(loc, "name capture '%s' makes remaining patterns unreachable", p.Name)
			}
			c.errorAt(loc, "wildcard makes remaining patterns unreachable")
		}
		c.storeCapture(loc, p.Name, pc)
		return
	}
	// Keep a copy to bind once the inner pattern has matched.
	pc.onTop++
	c.emit(bytecode.COPY, 1, loc)
	c.pattern(p.Pattern, pc)
	pc.onTop--
	c.storeCapture(loc, p.Name, pc)
}

func (c *compiler) patternSequence(p *syntax.MatchSequence, pc *patternContext) {
	loc := locOf(p)
	star := -1
	onlyWildcard, starWildcard := true, false
	for i, sub := range p.Patterns {
		if _, ok := sub.(*syntax.MatchStar); ok {
			if star >= 0 {
				c.errorAt(loc, "multiple starred names in sequence pattern")
			}
			starWildcard = isStarWildcard(sub)
			onlyWildcard = onlyWildcard && starWildcard
			star = i
			continue
		}
		onlyWildcard = onlyWildcard && isWildcard(sub)
	}
	size := len(p.Patterns)
	// The subject stays on top during the type and length checks.
	pc.onTop++
	c.emit(bytecode.MATCH_SEQUENCE, 0, loc)
	c.jumpToFailPop(loc, pc, bytecode.POP_JUMP_IF_FALSE)
	if star < 0 {
		c.emit(bytecode.GET_LEN, 0, loc)
		c.loadConst(int64(size), loc)
		c.compareOp(loc, syntax.Eq)
		c.jumpToFailPop(loc, pc, bytecode.POP_JUMP_IF_FALSE)
	} else if size > 1 {
		c.emit(bytecode.GET_LEN, 0, loc)
		c.loadConst(int64(size-1), loc)
		c.compareOp(loc, syntax.GtE)
		c.jumpToFailPop(loc, pc, bytecode.POP_JUMP_IF_FALSE)
	}
	pc.onTop--
	switch {
	case onlyWildcard:
		c.emit(bytecode.POP_TOP, 0, loc)
	case starWildcard:
		c.sequenceSubscr(loc, p.Patterns, star, pc)
	default:
		c.sequenceUnpack(loc, p.Patterns, pc)
	}
}

// sequenceUnpack unpacks the subject and matches the items in turn.
func (c *compiler) sequenceUnpack(loc bytecode.Pos, patterns []syntax.Pattern, pc *patternContext) {
	n := len(patterns)
	seenStar := false
	for i, sub := range patterns {
		if _, ok := sub.(*syntax.MatchStar); !ok {
			continue
		}
		if seenStar {
			c.errorAt(loc, "multiple starred expressions in sequence pattern")
		}
		if i >= 1<<8 || n-i-1 >= math.MaxInt32>>8 {
			c.errorAt(loc, "too many expressions in star-unpacking sequence pattern")
		}
		c.emit(bytecode.UNPACK_EX, i+(n-i-1)<<8, loc)
		seenStar = true
	}
	if !seenStar {
		c.emit(bytecode.UNPACK_SEQUENCE, n, loc)
	}
	pc.onTop += n
	for _, sub := range patterns {
		pc.onTop--
		c.subpattern(sub, pc)
	}
}

// sequenceSubscr matches the items of a pattern whose star is "*_" by
// indexing the subject, which saves building the list *_ would get.
func (c *compiler) sequenceSubscr(loc bytecode.Pos, patterns []syntax.Pattern, star int, pc *patternContext) {
	pc.onTop++
	size := len(patterns)
	for i, sub := range patterns {
		if isWildcard(sub) || i == star {
			continue
		}
		c.emit(bytecode.COPY, 1, loc)
		if i < star {
			c.loadConst(int64(i), loc)
		} else {
			// The subject may not support negative indexes: compute a
			// nonnegative one from its length.
			c.emit(bytecode.GET_LEN, 0, loc)
			c.loadConst(int64(size-i), loc)
			c.emit(bytecode.BINARY_OP, int(bytecode.NB_SUBTRACT), loc)
		}
		c.emit(bytecode.BINARY_SUBSCR, 0, loc)
		c.subpattern(sub, pc)
	}
	pc.onTop--
	c.emit(bytecode.POP_TOP, 0, loc)
}

func (c *compiler) patternMapping(p *syntax.MatchMapping, pc *patternContext) {
	loc := locOf(p)
	size := len(p.Keys)
	if size != len(p.Patterns) {
		c.errorAt(loc, "keys (%d) / patterns (%d) length mismatch in mapping pattern", size, len(p.Patterns))
	}
	// The subject stays on top during the type and length checks.
	pc.onTop++
	c.emit(bytecode.MATCH_MAPPING, 0, loc)
	c.jumpToFailPop(loc, pc, bytecode.POP_JUMP_IF_FALSE)
	if size == 0 && p.Rest == "" {
		pc.onTop--
		c.emit(bytecode.POP_TOP, 0, loc)
		return
	}
	if size > 0 {
		c.emit(bytecode.GET_LEN, 0, loc)
		c.loadConst(int64(size), loc)
		c.compareOp(loc, syntax.GtE)
		c.jumpToFailPop(loc, pc, bytecode.POP_JUMP_IF_FALSE)
	}
	// The keys are literals or dotted names; equal literals are an error.
	seen := map[string]bool{}
	for _, key := range p.Keys {
		key = c.fold(key)
		switch k := key.(type) {
		case *syntax.Constant:
			id := matchKeyIdentity(c.constValue(k))
			if seen[id] {
				c.errorAt(loc, "mapping pattern checks duplicate key (%s)", ReprConst(c.constValue(k)))
			}
			seen[id] = true
		case *syntax.Attribute:
		default:
			c.errorAt(loc, "mapping pattern keys may only match literals and attribute lookups")
		}
		c.visitExpr(key)
	}
	c.emit(bytecode.BUILD_TUPLE, size, loc)
	c.emit(bytecode.MATCH_KEYS, 0, loc) // (subject, keys -- subject, keys, values_or_none)
	pc.onTop += 2
	c.emit(bytecode.COPY, 1, loc)
	c.loadConst(nil, loc)
	c.emit(bytecode.IS_OP, 1, loc)
	c.jumpToFailPop(loc, pc, bytecode.POP_JUMP_IF_FALSE)
	c.emit(bytecode.UNPACK_SEQUENCE, size, loc)
	pc.onTop += size - 1
	for _, sub := range p.Patterns {
		pc.onTop--
		c.subpattern(sub, pc)
	}
	// Matched: what follows consumes the keys tuple and the subject.
	pc.onTop -= 2
	if p.Rest == "" {
		c.emit(bytecode.POP_TOP, 0, loc) // the keys
		c.emit(bytecode.POP_TOP, 0, loc) // the subject
		return
	}
	// rest = dict(subject); del rest[key] for each key.
	c.emit(bytecode.BUILD_MAP, 0, loc)          // subject, keys, rest
	c.emit(bytecode.SWAP, 3, loc)               // rest, keys, subject
	c.emit(bytecode.DICT_UPDATE, 2, loc)        // rest, keys
	c.emit(bytecode.UNPACK_SEQUENCE, size, loc) // rest, key...
	for n := size; n > 0; n-- {
		c.emit(bytecode.COPY, 1+n, loc)        // rest, key..., rest
		c.emit(bytecode.SWAP, 2, loc)          // rest, key..., rest, key
		c.emit(bytecode.DELETE_SUBSCR, 0, loc) // rest, key...
	}
	c.storeCapture(loc, p.Rest, pc)
}

// matchKeyIdentity returns a string equal for two literal keys exactly
// when Python's == holds between them (1, 1.0, True and 1+0j are the same
// key; 0.0 and -0.0 too).
func matchKeyIdentity(k Const) string {
	var z big.Int
	switch v := k.(type) {
	case bool:
		if v {
			return "i1"
		}
		return "i0"
	case int64:
		return "i" + z.SetInt64(v).String()
	case *big.Int:
		return "i" + v.String()
	case float64:
		return floatKeyIdentity(v)
	case complex128:
		if imag(v) == 0 {
			return floatKeyIdentity(real(v))
		}
		return "c" + floatKeyIdentity(real(v)) + "," + floatKeyIdentity(imag(v))
	}
	return constKey(k)
}

func floatKeyIdentity(f float64) string {
	if f == math.Trunc(f) && !math.IsInf(f, 0) {
		i, _ := new(big.Float).SetFloat64(f).Int(nil)
		return "i" + i.String()
	}
	return constKey(f)
}

func (c *compiler) patternClass(p *syntax.MatchClass, pc *patternContext) {
	loc := locOf(p)
	nargs, nattrs := len(p.Patterns), len(p.KwdAttrs)
	if nattrs != len(p.KwdPatterns) {
		c.errorAt(loc, "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern", nattrs, len(p.KwdPatterns))
	}
	if nargs > math.MaxInt32 || nargs+nattrs-1 > math.MaxInt32 {
		c.errorAt(loc, "too many sub-patterns in class pattern %s", unparse(p.Cls))
	}
	for i, attr := range p.KwdAttrs {
		c.forbiddenName(locOf(p.KwdPatterns[i]), attr, syntax.Store)
		for j := i + 1; j < nattrs; j++ {
			if p.KwdAttrs[j] == attr {
				c.errorAt(locOf(p.KwdPatterns[j]), "attribute name repeated in class pattern: %s", attr)
			}
		}
	}
	c.visitExpr(p.Cls)
	names := make(ConstTuple, nattrs)
	for i, a := range p.KwdAttrs {
		names[i] = a
	}
	c.loadConst(names, loc)
	c.emit(bytecode.MATCH_CLASS, nargs, loc) // (subject, type, names -- attrs)
	c.emit(bytecode.COPY, 1, loc)
	c.loadConst(nil, loc)
	c.emit(bytecode.IS_OP, 1, loc)
	// On top: the tuple of the nargs+nattrs attributes, or None.
	pc.onTop++
	c.jumpToFailPop(loc, pc, bytecode.POP_JUMP_IF_FALSE)
	c.emit(bytecode.UNPACK_SEQUENCE, nargs+nattrs, loc)
	pc.onTop += nargs + nattrs - 1
	for i := 0; i < nargs+nattrs; i++ {
		pc.onTop--
		var sub syntax.Pattern
		if i < nargs {
			sub = p.Patterns[i]
		} else {
			sub = p.KwdPatterns[i-nargs]
		}
		if isWildcard(sub) {
			c.emit(bytecode.POP_TOP, 0, loc)
			continue
		}
		c.subpattern(sub, pc)
	}
}

// patternOr compiles p1 | p2 | ...: each alternative is tried on a copy
// of the subject with its own captures and failure labels; all must bind
// the same names, and the captures of the one that matched are reordered
// to the first alternative's order and moved under the enclosing values.
func (c *compiler) patternOr(p *syntax.MatchOr, pc *patternContext) {
	loc := locOf(p)
	end := c.newBlock()
	old := *pc
	var control []string
	for i, alt := range p.Patterns {
		aloc := locOf(alt)
		pc.stores = nil
		// An irrefutable alternative must come last, if allowed at all.
		pc.allowIrrefutable = i == len(p.Patterns)-1 && old.allowIrrefutable
		pc.failPop = nil
		pc.onTop = 0
		c.emit(bytecode.COPY, 1, aloc)
		c.pattern(alt, pc)
		nstores := len(pc.stores)
		switch {
		case i == 0:
			control = pc.stores
		case nstores != len(control):
			c.errorAt(loc, "alternative patterns bind different names")
		default:
			for icontrol := nstores - 1; icontrol >= 0; icontrol-- {
				istores := indexOf(pc.stores, control[icontrol])
				if istores < 0 {
					c.errorAt(loc, "alternative patterns bind different names")
				}
				if istores == icontrol {
					continue
				}
				// Move stores[:istores+1] to start at icontrol-istores, and
				// do the same to the values on the stack.
				rotations := istores + 1
				rotated := append([]string(nil), pc.stores[:rotations]...)
				rest := pc.stores[rotations:]
				at := icontrol - istores
				stores := append([]string(nil), rest[:at]...)
				stores = append(stores, rotated...)
				pc.stores = append(stores, rest[at:]...)
				for ; rotations > 0; rotations-- {
					c.rotate(aloc, icontrol+1)
				}
			}
		}
		c.emitJump(bytecode.JUMP, end, aloc)
		c.emitAndResetFailPop(aloc, pc)
	}
	*pc = old
	// No alternative matched: drop the subject's copy and fail.
	c.emit(bytecode.POP_TOP, 0, loc)
	c.jumpToFailPop(loc, pc, bytecode.JUMP)
	c.useBlock(end)
	// Between the new captures and their place lie the copy of the
	// subject, the values on top and the captures made before.
	nstores := len(control)
	nrots := nstores + 1 + pc.onTop + len(pc.stores)
	for _, name := range control {
		c.rotate(loc, nrots)
		if indexOf(pc.stores, name) >= 0 {
			c.errorAt(loc, "multiple assignments to name '%s' in pattern", name)
		}
		pc.stores = append(pc.stores, name)
	}
	c.emit(bytecode.POP_TOP, 0, loc) // the copy of the subject
}

// swaptimize replaces the run of SWAPs (and NOPs) starting at b.instrs[i]
// with the fewest SWAPs that permute the stack the same way, the later
// ones of the run kept and the rest turned into NOPs, and returns the
// index of the run's last instruction (CPython's swaptimize). The match
// statement's rotations produce such runs.
func swaptimize(b *block, i int) int {
	run := b.instrs[i:]
	depth := run[0].arg
	n, more := 1, false
	for ; n < len(run); n++ {
		if run[n].op == bytecode.SWAP {
			depth = max(depth, run[n].arg)
			more = true
		} else if run[n].op != bytecode.NOP {
			break
		}
	}
	if !more {
		return i
	}
	// Simulate the run on the stack positions 0 (top) .. depth-1.
	stack := make([]int, depth)
	for k := range stack {
		stack[k] = k
	}
	for _, in := range run[:n] {
		if in.op == bytecode.SWAP {
			stack[0], stack[in.arg-1] = stack[in.arg-1], stack[0]
		}
	}
	// Undo the permutation cycle by cycle, each cycle through position 0;
	// emitted backwards from the end of the run, the swaps redo it.
	const visited = -1
	current := n - 1
	for k := 0; k < depth; k++ {
		if stack[k] == visited || stack[k] == k {
			continue
		}
		j := k
		for {
			if j != 0 {
				run[current].op, run[current].arg = bytecode.SWAP, j+1
				current--
			}
			if stack[j] == visited {
				break
			}
			next := stack[j]
			stack[j] = visited
			j = next
		}
	}
	for ; current >= 0; current-- {
		setNop(&run[current])
	}
	return i + n - 1
}
