package modules

// Answer tables for one-character ops. Testing a character against an
// IN set walks the set's items (literals, ranges, categories, bitmaps)
// for every character; the loops that test one op over many characters
// (REPEAT_ONE's count, search's prefilter) instead look the character
// up in a 256-bit table of the op's answers for U+0000..U+00FF, built
// the first time a pattern's op meets a character and kept with the
// pattern. Characters from U+0100 up still take the op's own test.

// charTable holds an op's answer for each code point below 256.
type charTable [4]uint64

func (t *charTable) has(c rune) bool { return t[c>>6]&(1<<(c&63)) != 0 }

// noCharTable marks an op that gets no table: its answers depend on more
// than the character (the locale's case folding), or its code is not one
// the engine can follow.
var noCharTable = new(charTable)

// charTableFor returns the table of the one-character op at pc, or nil
// when it has none.
func (st *sreState) charTableFor(pc int) *charTable {
	if st.tables == nil {
		return nil
	}
	t := st.tables[pc]
	if t == nil {
		t = st.buildCharTable(pc)
		st.tables[pc] = t
	}
	if t == noCharTable {
		return nil
	}
	return t
}

// buildCharTable asks the op at pc about each code point below 256. Code
// the engine cannot follow gets no table, so that its RuntimeError comes
// only if a character of the subject reaches it, as without tables.
func (st *sreState) buildCharTable(pc int) (t *charTable) {
	switch st.code[pc] {
	case opLiteralLocIgnore, opNotLiteralLocIgnore, opInLocIgnore:
		return noCharTable
	}
	defer func() {
		if recover() != nil {
			t = noCharTable
		}
	}()
	t = new(charTable)
	for c := rune(0); c < 256; c++ {
		if st.matchOne(pc, c) {
			t[c>>6] |= 1 << (c & 63)
		}
	}
	return t
}

// oneChar is matchOne through the op's table when it has one.
func (st *sreState) oneChar(pc int, c rune) bool {
	if c < 256 {
		if t := st.charTableFor(pc); t != nil {
			return t.has(c)
		}
	}
	return st.matchOne(pc, c)
}

// builtTable returns the op's table if it is built, else nil: small
// enough to inline, for the engine's loop to test a character with no
// call (oneChar does the rest).
func (st *sreState) builtTable(pc int) *charTable {
	if t := st.tables[pc]; t != noCharTable {
		return t
	}
	return nil
}

// setTableFor returns the table of the set (a charset's items, not an
// op) at pc, or nil when it has none. search's charset prefilter asks
// it; the set lies inside the INFO block, where no op's table is kept.
func (st *sreState) setTableFor(pc int) *charTable {
	if pc >= len(st.tables) {
		return nil
	}
	t := st.tables[pc]
	if t == nil {
		t = st.buildSetTable(pc)
		st.tables[pc] = t
	}
	if t == noCharTable {
		return nil
	}
	return t
}

// buildSetTable asks the set at pc about each code point below 256; a
// set the engine cannot follow gets no table (see buildCharTable).
func (st *sreState) buildSetTable(pc int) (t *charTable) {
	defer func() {
		if recover() != nil {
			t = noCharTable
		}
	}()
	t = new(charTable)
	for c := rune(0); c < 256; c++ {
		if st.inSet(pc, c) {
			t[c>>6] |= 1 << (c & 63)
		}
	}
	return t
}
