package modules

// A pattern whose INFO block gives neither a literal prefix nor a
// charset (re/_compiler.py computes them only for simple heads) is
// otherwise tried at every position of the subject: the registers are
// reset and the engine dispatches until the first op fails. Most such
// patterns still begin, after zero-width marks and assertions, with a
// one-character op that every match must pass at its start position:
// (\d{4})-..., \b(?:\d{1,3}\.){3}..., (?P<key>[a-z]+)=... search skips
// the positions where that op fails, which is what an attempt there
// would find first.

// isOneCharOp reports whether op tests exactly one character (the ops
// matchOne knows).
func isOneCharOp(op uint32) bool {
	switch op {
	case opAny, opAnyAll, opLiteral, opNotLiteral, opLiteralIgnore, opNotLiteralIgnore,
		opLiteralUniIgnore, opNotLiteralUniIgnore, opLiteralLocIgnore, opNotLiteralLocIgnore,
		opIn, opInIgnore, opInUniIgnore, opInLocIgnore, opCategory:
		return true
	}
	return false
}

// firstCharOp returns the pc of a one-character op that the character at
// the start of every match of the code from pc must pass, or -1 when
// there is none the engine can find cheaply: the code may match nothing
// there, or begins with a branch, a group reference, a look-around or
// code it does not follow. It only reads the code, never past its end.
func firstCharOp(code []uint32, pc int) int {
	for steps := 0; steps < 32 && pc >= 0 && pc+1 < len(code); steps++ {
		switch op := code[pc]; op {
		case opMark, opAt:
			// Zero-width: the next op still starts at the same position.
			pc += 2
		case opRepeatOne, opMinRepeatOne, opPossessiveRepeatOne:
			// At least one iteration of a one-character body.
			if pc+4 >= len(code) || code[pc+2] == 0 || !isOneCharOp(code[pc+4]) {
				return -1
			}
			return pc + 4
		case opRepeat:
			// At least one iteration of the body, which starts at pc+4.
			if pc+4 >= len(code) || code[pc+2] == 0 {
				return -1
			}
			pc += 4
		default:
			if isOneCharOp(op) {
				return pc
			}
			return -1
		}
	}
	return -1
}
