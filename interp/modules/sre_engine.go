package modules

import (
	"unicode"
)

// The matching engine of _sre: it runs the int code that CPython 3.12's
// re/_compiler.py produces, with the semantics of CPython's sre engine.
// Backtracking is iterative: alternatives still to try are choice
// points on an explicit stack, and every change to the engine's
// registers (group marks, lastindex, repeat counters) is logged on a
// trail, so that going back to a choice point restores the registers as
// they were when it was made. Sub-matches that must succeed on their
// own before the rest of the pattern runs (lookarounds, atomic groups,
// possessive repeats) push a barrier choice point; the SUCCESS that ends
// them cuts the stack back to it.

// The opcodes of CPython 3.12 (re/_constants.py, OPCODES).
const (
	opFailure = iota
	opSuccess
	opAny
	opAnyAll
	opAssert
	opAssertNot
	opAt
	opBranch
	opCategory
	opCharset
	opBigCharset
	opGroupref
	opGrouprefExists
	opIn
	opInfo
	opJump
	opLiteral
	opMark
	opMaxUntil
	opMinUntil
	opNotLiteral
	opNegate
	opRange
	opRepeat
	opRepeatOne
	opSubpattern
	opMinRepeatOne
	opAtomicGroup
	opPossessiveRepeat
	opPossessiveRepeatOne
	opGrouprefIgnore
	opInIgnore
	opLiteralIgnore
	opNotLiteralIgnore
	opGrouprefLocIgnore
	opInLocIgnore
	opLiteralLocIgnore
	opNotLiteralLocIgnore
	opGrouprefUniIgnore
	opInUniIgnore
	opLiteralUniIgnore
	opNotLiteralUniIgnore
	opRangeUniIgnore
)

// AT codes (ATCODES).
const (
	atBeginning = iota
	atBeginningLine
	atBeginningString
	atBoundary
	atNonBoundary
	atEnd
	atEndLine
	atEndString
	atLocBoundary
	atLocNonBoundary
	atUniBoundary
	atUniNonBoundary
)

// Category codes (CHCODES).
const (
	catDigit = iota
	catNotDigit
	catSpace
	catNotSpace
	catWord
	catNotWord
	catLinebreak
	catNotLinebreak
	catLocWord
	catLocNotWord
	catUniDigit
	catUniNotDigit
	catUniSpace
	catUniNotSpace
	catUniWord
	catUniNotWord
	catUniLinebreak
	catUniNotLinebreak
)

const (
	sreMagic     = 20221023
	sreMaxRepeat = 1<<32 - 1
	sreMaxGroups = 1<<30 - 1
	infoPrefix   = 1
	infoCharset  = 4
)

// errInvalidCode is raised (as RuntimeError) when the code is not a
// program the engine understands.
type errInvalidCode struct{}

// Kinds of choice points. Those from choiceAssert on are barriers.
const (
	choiceBranch = iota
	choiceRepeatOne
	choiceMinRepeatOne
	choiceMaxUntil
	choiceMinUntil
	choiceAssert
	choiceAssertNot
	choiceAtomic
	choicePossessive
)

// choice is a point to come back to on failure: where to resume (pc,
// pos), the trail and register lengths to restore, and the kind's data.
type choice struct {
	kind       uint8
	pc, pos    int
	trail      int
	nregs      int
	a, b, c    int
	lit        int32
	hasLiteral bool
}

// trailEntry records the value register idx had before a change.
type trailEntry struct{ idx, old int }

// Registers: regs[regLastIndex] is lastindex (-1: none), regs[regRep]
// the current repeat context (-1: none), then two marks per group, then
// the repeat contexts, four registers each (count, the position of the
// last iteration's start, the REPEAT op's pc, the enclosing context).
const (
	regLastIndex = 0
	regRep       = 1
	regMarks     = 2
)

// sreState is one subject being matched by one pattern: the engine's
// registers and stacks. The code that reads the subject's characters is
// the engine (below), generic in how they are stored; search and match
// here go to it.
type sreState struct {
	code    []uint32
	eng     engineRunner
	end     int // endpos: the subject ends here for the engine
	start   int // where the current attempt began
	pos     int // the pos argument (clamped)
	ptr     int // where the last successful match ended
	ngroups int // marks are 2*ngroups registers

	matchAll, mustAdvance bool

	regs     []int
	trail    []trailEntry
	stack    []choice
	barriers int

	tables []*charTable // the pattern's op tables by pc (sre_table.go)
}

// subjectChar is how the engine holds a subject's characters: bytes for
// bytes subjects and ASCII strs, which are then matched in place (their
// bytes are their code points), code points for other strs.
type subjectChar interface{ byte | rune }

// engine is the matching engine over a subject of element type T. Each
// instantiation is compiled for its own element size, so a byte subject
// costs no conversion.
type engine[T subjectChar] struct {
	sreState
	s []T
}

// engineRunner is the engine's entry points, for callers that hold only
// the sreState.
type engineRunner interface {
	search() bool
	match(pc, pos int) bool
}

// search finds the first match at or after st.start.
func (st *sreState) search() bool { return st.eng.search() }

// match runs one attempt of the code from pc at pos (st.start must be
// pos).
func (st *sreState) match(pc, pos int) bool { return st.eng.match(pc, pos) }

// unsetRegs is the value of unset registers, to copy from.
var unsetRegs = func() (r [32]int) {
	for i := range r {
		r[i] = -1
	}
	return
}()

// reset clears the registers for a new attempt.
func (st *sreState) reset() {
	n := regMarks + 2*st.ngroups
	if cap(st.regs) < n {
		st.regs = make([]int, n)
	}
	st.regs = st.regs[:n]
	// search resets before every start position it tries: a copy
	// (memmove) costs less than a loop for the usual few groups.
	if m := copy(st.regs, unsetRegs[:]); m < n {
		for i := m; i < n; i++ {
			st.regs[i] = -1
		}
	}
	st.trail = st.trail[:0]
	st.stack = st.stack[:0]
	st.barriers = 0
}

// set changes a register, logging the old value when a choice point may
// need it back.
func (st *sreState) set(idx, v int) {
	if st.regs[idx] == v {
		return
	}
	if len(st.stack) > 0 {
		st.trail = append(st.trail, trailEntry{idx, st.regs[idx]})
	}
	st.regs[idx] = v
}

func (st *sreState) push(c choice) {
	c.trail = len(st.trail)
	c.nregs = len(st.regs)
	if c.kind >= choiceAssert {
		st.barriers++
	}
	st.stack = append(st.stack, c)
}

// unwind restores the registers logged after the trail had n entries.
func (st *sreState) unwind(n int) {
	for i := len(st.trail) - 1; i >= n; i-- {
		e := st.trail[i]
		st.regs[e.idx] = e.old
	}
	st.trail = st.trail[:n]
}

// mark returns the span of group g (0-based, not counting group 0), or
// ok false when it did not match.
func (st *sreState) mark(g int) (start, end int, ok bool) {
	if g < 0 || g >= st.ngroups {
		return 0, 0, false
	}
	start, end = st.regs[regMarks+2*g], st.regs[regMarks+2*g+1]
	return start, end, start >= 0 && end >= 0 && start <= end
}

// Character classes.

func lowerASCII(c rune) rune {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

func upperASCII(c rune) rune {
	if c >= 'a' && c <= 'z' {
		return c - 32
	}
	return c
}

// lowerUni and upperUni are CPython's _PyUnicode_ToLowercase and
// _PyUnicode_ToUppercase: the simple mappings, except that characters
// with a special (multi-character) uppercase give its first character.
func lowerUni(c rune) rune {
	if c < 0x80 {
		return lowerASCII(c)
	}
	return unicode.ToLower(c)
}

func upperUni(c rune) rune {
	if c < 0x80 {
		return upperASCII(c)
	}
	if u, ok := specialUpperFirst[c]; ok {
		return u
	}
	return unicode.ToUpper(c)
}

// specialUpperFirst holds the characters whose full uppercase is several
// characters and whose first one is not the simple uppercase.
var specialUpperFirst = map[rune]rune{
	0xDF: 0x53, 0x149: 0x2BC, 0x1F0: 0x4A, 0x390: 0x399, 0x3B0: 0x3A5, 0x587: 0x535, 0x1E96: 0x48, 0x1E97: 0x54,
	0x1E98: 0x57, 0x1E99: 0x59, 0x1E9A: 0x41, 0x1F50: 0x3A5, 0x1F52: 0x3A5, 0x1F54: 0x3A5, 0x1F56: 0x3A5,
	0x1F80: 0x1F08, 0x1F81: 0x1F09, 0x1F82: 0x1F0A, 0x1F83: 0x1F0B, 0x1F84: 0x1F0C, 0x1F85: 0x1F0D, 0x1F86: 0x1F0E,
	0x1F87: 0x1F0F, 0x1F90: 0x1F28, 0x1F91: 0x1F29, 0x1F92: 0x1F2A, 0x1F93: 0x1F2B, 0x1F94: 0x1F2C, 0x1F95: 0x1F2D,
	0x1F96: 0x1F2E, 0x1F97: 0x1F2F, 0x1FA0: 0x1F68, 0x1FA1: 0x1F69, 0x1FA2: 0x1F6A, 0x1FA3: 0x1F6B, 0x1FA4: 0x1F6C,
	0x1FA5: 0x1F6D, 0x1FA6: 0x1F6E, 0x1FA7: 0x1F6F, 0x1FB2: 0x1FBA, 0x1FB3: 0x391, 0x1FB4: 0x386, 0x1FB6: 0x391,
	0x1FB7: 0x391, 0x1FC2: 0x1FCA, 0x1FC3: 0x397, 0x1FC4: 0x389, 0x1FC6: 0x397, 0x1FC7: 0x397, 0x1FD2: 0x399,
	0x1FD3: 0x399, 0x1FD6: 0x399, 0x1FD7: 0x399, 0x1FE2: 0x3A5, 0x1FE3: 0x3A5, 0x1FE4: 0x3A1, 0x1FE6: 0x3A5,
	0x1FE7: 0x3A5, 0x1FF2: 0x1FFA, 0x1FF3: 0x3A9, 0x1FF4: 0x38F, 0x1FF6: 0x3A9, 0x1FF7: 0x3A9, 0xFB00: 0x46,
	0xFB01: 0x46, 0xFB02: 0x46, 0xFB03: 0x46, 0xFB04: 0x46, 0xFB05: 0x53, 0xFB06: 0x53, 0xFB13: 0x544, 0xFB14: 0x544,
	0xFB15: 0x544, 0xFB16: 0x54E, 0xFB17: 0x544,
}

// The locale variants use the C locale's classification (CPython's
// under the C or C.UTF-8 locale): ASCII only.
func lowerLocale(c rune) rune {
	if c < 256 {
		return lowerASCII(c)
	}
	return c
}

func upperLocale(c rune) rune {
	if c < 256 {
		return upperASCII(c)
	}
	return c
}

func isDigitASCII(c rune) bool { return c >= '0' && c <= '9' }

func isSpaceASCII(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func isWordASCII(c rune) bool {
	return c < 128 && (isDigitASCII(c) || c|0x20 >= 'a' && c|0x20 <= 'z' || c == '_')
}

func isSpaceUni(c rune) bool {
	if c < 128 {
		return isSpaceASCII(c) || c >= 0x1c && c <= 0x1f
	}
	return unicode.IsSpace(c)
}

func isLinebreakUni(c rune) bool {
	switch c {
	case '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func isWordUni(c rune) bool {
	if c < 128 {
		return isWordASCII(c)
	}
	return isAlnumCP(c)
}

func isDigitUni(c rune) bool {
	if c < 128 {
		return isDigitASCII(c)
	}
	return isDecimalCP(c)
}

// category answers whether c belongs to the category code cat.
func category(cat uint32, c rune) bool {
	switch cat {
	case catDigit:
		return isDigitASCII(c)
	case catNotDigit:
		return !isDigitASCII(c)
	case catSpace:
		return isSpaceASCII(c)
	case catNotSpace:
		return !isSpaceASCII(c)
	case catWord, catLocWord:
		return isWordASCII(c)
	case catNotWord, catLocNotWord:
		return !isWordASCII(c)
	case catLinebreak:
		return c == '\n'
	case catNotLinebreak:
		return c != '\n'
	case catUniDigit:
		return isDigitUni(c)
	case catUniNotDigit:
		return !isDigitUni(c)
	case catUniSpace:
		return isSpaceUni(c)
	case catUniNotSpace:
		return !isSpaceUni(c)
	case catUniWord:
		return isWordUni(c)
	case catUniNotWord:
		return !isWordUni(c)
	case catUniLinebreak:
		return isLinebreakUni(c)
	case catUniNotLinebreak:
		return !isLinebreakUni(c)
	}
	panic(errInvalidCode{})
}

// inSet tests c against the set starting at pc (ended by FAILURE).
func (st *sreState) inSet(pc int, c rune) bool {
	code := st.code
	ok := true
	u := uint32(c)
	for {
		switch code[pc] {
		case opFailure:
			return !ok
		case opLiteral:
			if u == code[pc+1] {
				return ok
			}
			pc += 2
		case opCategory:
			if category(code[pc+1], c) {
				return ok
			}
			pc += 2
		case opCharset:
			if u < 256 && code[pc+1+int(u>>5)]&(1<<(u&31)) != 0 {
				return ok
			}
			pc += 9
		case opRange:
			if code[pc+1] <= u && u <= code[pc+2] {
				return ok
			}
			pc += 3
		case opRangeUniIgnore:
			if code[pc+1] <= u && u <= code[pc+2] {
				return ok
			}
			if up := uint32(upperUni(c)); code[pc+1] <= up && up <= code[pc+2] {
				return ok
			}
			pc += 3
		case opNegate:
			ok = !ok
			pc++
		case opBigCharset:
			count := int(code[pc+1])
			pc += 2
			if u < 65536 {
				hi := u >> 8
				block := (code[pc+int(hi>>2)] >> (8 * (hi & 3))) & 0xff
				lo := u & 255
				if code[pc+64+int(block)*8+int(lo>>5)]&(1<<(lo&31)) != 0 {
					return ok
				}
			}
			pc += 64 + count*8
		default:
			panic(errInvalidCode{})
		}
	}
}

// inSetLocIgnore is the set test of IN_LOC_IGNORE.
func (st *sreState) inSetLocIgnore(pc int, c rune) bool {
	if st.inSet(pc, c) {
		return true
	}
	if l := lowerLocale(c); l != c && st.inSet(pc, l) {
		return true
	}
	u := upperLocale(c)
	return u != c && st.inSet(pc, u)
}

func charLocIgnore(pat uint32, c rune) bool {
	return uint32(c) == pat || uint32(lowerLocale(c)) == pat || uint32(upperLocale(c)) == pat
}

// matchOne tests c against the one-character op at pc.
func (st *sreState) matchOne(pc int, c rune) bool {
	code := st.code
	u := uint32(c)
	switch code[pc] {
	case opAny:
		return c != '\n'
	case opAnyAll:
		return true
	case opLiteral:
		return u == code[pc+1]
	case opNotLiteral:
		return u != code[pc+1]
	case opLiteralIgnore:
		return uint32(lowerASCII(c)) == code[pc+1]
	case opNotLiteralIgnore:
		return uint32(lowerASCII(c)) != code[pc+1]
	case opLiteralUniIgnore:
		return uint32(lowerUni(c)) == code[pc+1]
	case opNotLiteralUniIgnore:
		return uint32(lowerUni(c)) != code[pc+1]
	case opLiteralLocIgnore:
		return charLocIgnore(code[pc+1], c)
	case opNotLiteralLocIgnore:
		return !charLocIgnore(code[pc+1], c)
	case opIn:
		return st.inSet(pc+2, c)
	case opInIgnore:
		return st.inSet(pc+2, lowerASCII(c))
	case opInUniIgnore:
		return st.inSet(pc+2, lowerUni(c))
	case opInLocIgnore:
		return st.inSetLocIgnore(pc+2, c)
	case opCategory:
		return category(code[pc+1], c)
	}
	panic(errInvalidCode{})
}

// oneWidth is the length in code words of the one-character op at pc.
func (st *sreState) oneWidth(pc int) int {
	switch st.code[pc] {
	case opAny, opAnyAll:
		return 1
	case opIn, opInIgnore, opInUniIgnore, opInLocIgnore:
		return 1 + int(st.code[pc+1])
	}
	return 2
}

// count counts how many characters from pos (at most max) the
// one-character op at pc matches.
func (st *engine[T]) count(pc, pos, max int) int {
	limit := st.end - pos
	if max < limit {
		limit = max
	}
	s := st.s[pos : pos+limit]
	code := st.code
	switch code[pc] {
	case opAnyAll:
		return limit
	case opLiteral:
		c := rune(code[pc+1])
		for i, x := range s {
			if rune(x) != c {
				return i
			}
		}
		return limit
	case opNotLiteral:
		c := rune(code[pc+1])
		for i, x := range s {
			if rune(x) == c {
				return i
			}
		}
		return limit
	case opAny:
		for i, x := range s {
			if x == '\n' {
				return i
			}
		}
		return limit
	}
	if t := st.charTableFor(pc); t != nil {
		for i, x := range s {
			if rune(x) < 256 {
				if !t.has(rune(x)) {
					return i
				}
			} else if !st.matchOne(pc, rune(x)) {
				return i
			}
		}
		return limit
	}
	for i, x := range s {
		if !st.matchOne(pc, rune(x)) {
			return i
		}
	}
	return limit
}

// at tests the position assertion code at pos.
func (st *engine[T]) at(code uint32, pos int) bool {
	s, end := st.s, st.end
	boundary := func(isWord func(rune) bool) (this, that, ok bool) {
		if end == 0 {
			return false, false, false
		}
		that = pos > 0 && isWord(rune(s[pos-1]))
		this = pos < end && isWord(rune(s[pos]))
		return this, that, true
	}
	switch code {
	case atBeginning, atBeginningString:
		return pos == 0
	case atBeginningLine:
		return pos == 0 || s[pos-1] == '\n'
	case atEnd:
		return pos == end || pos+1 == end && s[pos] == '\n'
	case atEndLine:
		return pos == end || s[pos] == '\n'
	case atEndString:
		return pos == end
	case atBoundary, atLocBoundary, atUniBoundary, atNonBoundary, atLocNonBoundary, atUniNonBoundary:
		isWord := isWordASCII
		if code == atUniBoundary || code == atUniNonBoundary {
			isWord = isWordUni
		}
		this, that, ok := boundary(isWord)
		if !ok {
			return false
		}
		if code == atBoundary || code == atLocBoundary || code == atUniBoundary {
			return this != that
		}
		return this == that
	}
	panic(errInvalidCode{})
}

// groupEqual compares the text of a group with the subject at pos, with
// the case folding of a GROUPREF variant.
func (st *engine[T]) groupEqual(op uint32, gs, ge, pos int) bool {
	s := st.s
	for i := 0; i < ge-gs; i++ {
		a, b := rune(s[gs+i]), rune(s[pos+i])
		switch op {
		case opGroupref:
		case opGrouprefIgnore:
			a, b = lowerASCII(a), lowerASCII(b)
		case opGrouprefUniIgnore:
			a, b = lowerUni(a), lowerUni(b)
		case opGrouprefLocIgnore:
			a, b = lowerLocale(a), lowerLocale(b)
		}
		if a != b {
			return false
		}
	}
	return true
}
