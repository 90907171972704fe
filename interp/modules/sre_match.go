package modules

import "github.com/parallel-py/parallel/interp"

// The engine's main loop (see sre_engine.go): match runs the code from
// pc at pos and backtracks through the choice points until the pattern
// succeeds or none is left; search tries successive start positions.

var (
	isAlnumCP   = interp.IsAlnumCP
	isDecimalCP = interp.IsDecimalCP
)

// match runs one attempt starting at pos (st.start must be pos).
func (st *engine[T]) match(pc, pos int) bool {
	code, s := st.code, st.s
	for {
		failed := false
		switch op := code[pc]; op {
		case opFailure:
			failed = true
		case opSuccess:
			if st.barriers > 0 {
				var ok bool
				pc, pos, ok = st.subSuccess(pos)
				failed = !ok
				break
			}
			if st.matchAll && pos != st.end || st.mustAdvance && pos == st.start {
				failed = true
				break
			}
			st.ptr = pos
			return true
		case opAny, opAnyAll, opLiteral, opNotLiteral, opLiteralIgnore, opNotLiteralIgnore,
			opLiteralUniIgnore, opNotLiteralUniIgnore, opLiteralLocIgnore, opNotLiteralLocIgnore,
			opIn, opInIgnore, opInUniIgnore, opInLocIgnore, opCategory:
			if pos >= st.end {
				failed = true
				break
			}
			if c := rune(s[pos]); c < 256 && st.builtTable(pc) != nil {
				if !st.tables[pc].has(c) {
					failed = true
					break
				}
			} else if !st.oneChar(pc, c) {
				failed = true
				break
			}
			pos++
			pc += st.oneWidth(pc)
		case opAt:
			if !st.at(code[pc+1], pos) {
				failed = true
				break
			}
			pc += 2
		case opInfo:
			if min := int(code[pc+3]); min != 0 && st.end-pos < min {
				failed = true
				break
			}
			pc += 1 + int(code[pc+1])
		case opJump:
			pc += 1 + int(code[pc+1])
		case opMark:
			i := int(code[pc+1])
			if i&1 != 0 {
				st.set(regLastIndex, i/2+1)
			}
			if i >= 2*st.ngroups {
				panic(errInvalidCode{})
			}
			st.set(regMarks+i, pos)
			pc += 2
		case opBranch:
			p, ok := st.nextAlternative(pc+1, pos)
			if !ok {
				failed = true
				break
			}
			if next := p + int(code[p]); code[next] != 0 {
				st.push(choice{kind: choiceBranch, pc: next, pos: pos})
			}
			pc = p + 1
		case opRepeatOne, opMinRepeatOne, opPossessiveRepeatOne:
			min, max := int(code[pc+2]), int(code[pc+3])
			if min > st.end-pos {
				failed = true
				break
			}
			body, tail := pc+4, pc+1+int(code[pc+1])
			switch op {
			case opRepeatOne:
				n := st.count(body, pos, max)
				c := choice{kind: choiceRepeatOne, pc: tail, pos: pos, b: min}
				if code[tail] == opLiteral {
					c.lit, c.hasLiteral = rune(code[tail+1]), true
					for n >= min && (pos+n >= st.end || rune(s[pos+n]) != c.lit) {
						n--
					}
				}
				if n < min {
					failed = true
					break
				}
				if n > min {
					c.a = n
					st.push(c)
				}
				pos += n
			case opMinRepeatOne:
				n := 0
				if min > 0 {
					if n = st.count(body, pos, min); n < min {
						failed = true
						break
					}
				}
				if n < max {
					st.push(choice{kind: choiceMinRepeatOne, pc: tail, pos: pos, a: n, b: max, c: body})
				}
				pos += n
			default:
				n := st.count(body, pos, max)
				if n < min {
					failed = true
					break
				}
				pos += n
			}
			pc = tail
		case opRepeat:
			r := len(st.regs)
			st.regs = append(st.regs, -1, -1, pc, st.regs[regRep])
			st.set(regRep, r)
			pc += 1 + int(code[pc+1])
		case opMaxUntil, opMinUntil:
			r := st.regs[regRep]
			if r < 0 {
				panic(errInvalidCode{})
			}
			rpc := st.regs[r+2]
			min, max := int(code[rpc+2]), int(code[rpc+3])
			count := st.regs[r] + 1
			if count < min {
				st.set(r, count)
				pc = rpc + 4
				break
			}
			if op == opMinUntil {
				st.push(choice{kind: choiceMinUntil, pos: pos, a: r, b: count})
				st.set(regRep, st.regs[r+3])
				pc++
				break
			}
			if (count < max || max == sreMaxRepeat) && pos != st.regs[r+1] {
				st.push(choice{kind: choiceMaxUntil, pc: pc + 1, pos: pos, a: r})
				st.set(r, count)
				st.set(r+1, pos)
				pc = rpc + 4
				break
			}
			st.set(regRep, st.regs[r+3])
			pc++
		case opGroupref, opGrouprefIgnore, opGrouprefUniIgnore, opGrouprefLocIgnore:
			gs, ge, ok := st.mark(int(code[pc+1]))
			if !ok || pos+ge-gs > st.end || !st.groupEqual(op, gs, ge, pos) {
				failed = true
				break
			}
			pos += ge - gs
			pc += 2
		case opGrouprefExists:
			if _, _, ok := st.mark(int(code[pc+1])); ok {
				pc += 3
			} else {
				pc += 1 + int(code[pc+2])
			}
		case opAssert, opAssertNot:
			back := int(code[pc+2])
			tail := pc + 1 + int(code[pc+1])
			if pos-back < 0 {
				if op == opAssert {
					failed = true
				} else {
					pc = tail
				}
				break
			}
			kind := uint8(choiceAssert)
			if op == opAssertNot {
				kind = choiceAssertNot
			}
			st.push(choice{kind: kind, pc: tail, pos: pos})
			pos -= back
			pc += 3
		case opAtomicGroup:
			st.push(choice{kind: choiceAtomic, pc: pc + 1 + int(code[pc+1]), pos: pos})
			pc += 2
		case opPossessiveRepeat:
			var ok bool
			pc, ok = st.possessiveNext(pc, 0, false, pos, pos)
			if !ok {
				failed = true
			}
		default:
			panic(errInvalidCode{})
		}
		if failed {
			var ok bool
			if pc, pos, ok = st.backtrack(); !ok {
				return false
			}
		}
	}
}

// nextAlternative finds, from the skip word at p, the first alternative
// of a BRANCH that may match at pos (one starting with a literal that
// the subject does not have there cannot).
func (st *engine[T]) nextAlternative(p, pos int) (int, bool) {
	code := st.code
	for code[p] != 0 {
		if code[p+1] == opLiteral && (pos >= st.end || uint32(st.s[pos]) != code[p+2]) {
			p += int(code[p])
			continue
		}
		return p, true
	}
	return 0, false
}

// possessiveNext decides what a POSSESSIVE_REPEAT at op does after
// count iterations: run the body again (pushing a barrier) or go on
// with the tail. maxPhase says the minimum was reached before this
// iteration, iterStart is where the last iteration began.
func (st *sreState) possessiveNext(op, count int, maxPhase bool, iterStart, pos int) (int, bool) {
	code := st.code
	min, max := int(code[op+2]), int(code[op+3])
	tail := op + 2 + int(code[op+1])
	if count < min {
		st.push(choice{kind: choicePossessive, pc: tail, pos: pos, a: count, c: op})
		return op + 4, true
	}
	if (count < max || max == sreMaxRepeat) && (!maxPhase || pos != iterStart) {
		st.push(choice{kind: choicePossessive, pc: tail, pos: pos, a: count, b: 1, c: op})
		return op + 4, true
	}
	return tail, true
}

// subSuccess ends the innermost sub-match at a SUCCESS: it cuts the
// choice points made inside it and says where to go on.
func (st *sreState) subSuccess(pos int) (pc, newPos int, ok bool) {
	b := len(st.stack) - 1
	for st.stack[b].kind < choiceAssert {
		b--
	}
	ch := st.stack[b]
	st.stack = st.stack[:b]
	st.barriers--
	switch ch.kind {
	case choiceAssert:
		return ch.pc, ch.pos, true
	case choiceAssertNot:
		return 0, 0, false
	case choiceAtomic:
		return ch.pc, pos, true
	}
	pc, ok = st.possessiveNext(ch.c, ch.a+1, ch.b == 1, ch.pos, pos)
	return pc, pos, ok
}

// backtrack resumes at the newest choice point that has an alternative
// left; ok is false when there is none.
func (st *engine[T]) backtrack() (pc, pos int, ok bool) {
	code, s := st.code, st.s
	for len(st.stack) > 0 {
		top := len(st.stack) - 1
		ch := &st.stack[top]
		st.unwind(ch.trail)
		st.regs = st.regs[:ch.nregs]
		switch ch.kind {
		case choiceBranch:
			p, found := st.nextAlternative(ch.pc, ch.pos)
			if !found {
				break
			}
			pos := ch.pos
			if next := p + int(code[p]); code[next] != 0 {
				ch.pc = next
			} else {
				st.stack = st.stack[:top]
			}
			return p + 1, pos, true
		case choiceRepeatOne:
			n := ch.a - 1
			if ch.hasLiteral {
				for n >= ch.b && (ch.pos+n >= st.end || rune(s[ch.pos+n]) != ch.lit) {
					n--
				}
			}
			if n < ch.b {
				break
			}
			ch.a = n
			pc, pos := ch.pc, ch.pos+n
			if n == ch.b {
				st.stack = st.stack[:top]
			}
			return pc, pos, true
		case choiceMinRepeatOne:
			n := ch.a
			p := ch.pos + n
			if n >= ch.b || p >= st.end || !st.oneChar(ch.c, rune(s[p])) {
				break
			}
			ch.a = n + 1
			return ch.pc, p + 1, true
		case choiceMaxUntil:
			c := *ch
			st.stack = st.stack[:top]
			st.set(regRep, st.regs[c.a+3])
			return c.pc, c.pos, true
		case choiceMinUntil:
			c := *ch
			st.stack = st.stack[:top]
			r := c.a
			rpc := st.regs[r+2]
			max := int(code[rpc+3])
			if c.b >= max && max != sreMaxRepeat || c.pos == st.regs[r+1] {
				continue
			}
			st.set(r, c.b)
			st.set(r+1, c.pos)
			return rpc + 4, c.pos, true
		case choiceAssertNot:
			c := *ch
			st.stack = st.stack[:top]
			st.barriers--
			return c.pc, c.pos, true
		case choicePossessive:
			c := *ch
			st.stack = st.stack[:top]
			st.barriers--
			if c.b == 0 { // the minimum was not reached
				continue
			}
			return c.pc, c.pos, true
		default: // choiceAssert, choiceAtomic
			st.barriers--
		}
		st.stack = st.stack[:top]
	}
	return 0, 0, false
}

// search finds the first match at or after st.start.
func (st *engine[T]) search() bool {
	code := st.code
	start := st.start
	if start > st.end {
		return false
	}
	pc := 0
	var prefix rune = -1
	charset := -1
	if code[0] == opInfo {
		min := int(code[3])
		if min != 0 && st.end-start < min {
			return false
		}
		flags := code[2]
		switch {
		case flags&infoPrefix != 0 && code[5] > 0:
			prefix = rune(code[7])
		case flags&infoCharset != 0:
			charset = 5
		}
		pc = 1 + int(code[1])
	}
	anchored := code[pc] == opAt && (code[pc+1] == atBeginning || code[pc+1] == atBeginningString)
	first := -1
	if prefix < 0 && charset < 0 && !anchored {
		first = firstCharOp(code, pc)
	}
	// The prefilter's table: that of the first op, or of the charset.
	var skip *charTable
	if first >= 0 {
		skip = st.charTableFor(first)
	} else if charset >= 0 {
		skip = st.setTableFor(charset)
	}
	s := st.s[:st.end]
	mustAdvance := st.mustAdvance
	for pos := start; pos <= st.end; pos++ {
		if first >= 0 || charset >= 0 {
			// Every match begins with a character that passes first
			// (or is in the charset).
			for ; pos < len(s); pos++ {
				c := rune(s[pos])
				if c < 256 && skip != nil {
					if skip.has(c) {
						break
					}
				} else if first >= 0 && st.matchOne(first, c) || first < 0 && st.inSet(charset, c) {
					break
				}
			}
			if pos >= len(s) {
				return false
			}
		} else if prefix >= 0 {
			for pos < len(s) && rune(s[pos]) != prefix {
				pos++
			}
			if pos >= len(s) {
				return false
			}
		}
		st.reset()
		st.start = pos
		st.mustAdvance = mustAdvance && pos == start
		if st.match(pc, pos) {
			st.mustAdvance = false
			return true
		}
		if anchored {
			break
		}
	}
	st.mustAdvance = false
	return false
}
