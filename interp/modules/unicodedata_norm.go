package modules

import "strings"

// Normalization (NFC, NFD, NFKC, NFKD) as CPython's unicodedata does it:
// full decomposition, canonical ordering by combining class, then, for
// the composed forms, canonical composition with the primary composites
// of 15.0.0. In version 3.2.0 the characters it lacked do not decompose
// and the decompositions later corrected are the old ones; ordering and
// composition use 15.0.0's data in both versions, as CPython's do.

// parseForm maps a form's name to the form.
func parseForm(s string) (normForm, bool) {
	switch s {
	case "NFC":
		return formNFC, true
	case "NFKC":
		return formNFKC, true
	case "NFD":
		return formNFD, true
	case "NFKD":
		return formNFKD, true
	}
	return 0, false
}

// quickCheck answers whether rs is in form f without normalizing:
// qcYes, qcNo, or qcMaybe when it cannot tell; with yesOnly it stops at
// the first maybe. Version 3.2.0 never knows.
func (v *ucdVersion) quickCheck(rs []rune, f normForm, yesOnly bool) int {
	if v.is32 {
		return qcMaybe
	}
	result, last := qcYes, 0
	for _, r := range rs {
		rec := ucd15.record(r)
		ccc := recCombining(rec)
		if last > ccc && ccc != 0 {
			return qcNo
		}
		last = ccc
		switch recQuickCheck(rec, f) {
		case qcNo:
			return qcNo
		case qcMaybe:
			if yesOnly {
				return qcMaybe
			}
			result = qcMaybe
		}
	}
	return result
}

// normalize returns rs in form f.
func (v *ucdVersion) normalize(rs []rune, f normForm) []rune {
	compat := f == formNFKC || f == formNFKD
	out := v.decompose(rs, compat)
	if f == formNFC || f == formNFKC {
		out = compose(out)
	}
	return out
}

// decompose fully decomposes rs (canonically, or with the compatibility
// mappings too) and puts each run of combining marks in canonical order.
func (v *ucdVersion) decompose(rs []rune, compat bool) []rune {
	loadUCD()
	out := make([]rune, 0, len(rs))
	var stack []rune
	for _, r := range rs {
		stack = append(stack[:0], r)
		for len(stack) > 0 {
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if s := c - hangulSBase; s >= 0 && s < hangulSCount {
				out = append(out, hangulLBase+s/hangulNCount, hangulVBase+s%hangulNCount/hangulTCount)
				if t := s % hangulTCount; t != 0 {
					out = append(out, hangulTBase+t)
				}
				continue
			}
			if v.is32 {
				if old, ok := ucdCorrected[c]; ok {
					stack = append(stack, old)
					continue
				}
			}
			d := v.decomposition(c)
			if d == "" || d[0] == '<' && !compat {
				out = append(out, c)
				continue
			}
			if d[0] == '<' {
				d = d[strings.IndexByte(d, '>')+2:]
			}
			parts := strings.Fields(d)
			for i := len(parts) - 1; i >= 0; i-- {
				stack = append(stack, parseHexRune(parts[i]))
			}
		}
	}
	canonicalOrder(out)
	return out
}

// canonicalOrder sorts each run of non-starters by combining class,
// stably (an insertion sort: the runs are short).
func canonicalOrder(rs []rune) {
	for i := 1; i < len(rs); i++ {
		cur := combining15(rs[i])
		if cur == 0 {
			continue
		}
		j := i
		for j > 0 {
			prev := combining15(rs[j-1])
			if prev == 0 || prev <= cur {
				break
			}
			rs[j-1], rs[j] = rs[j], rs[j-1]
			j--
		}
	}
}

// compose applies canonical composition to a decomposed, ordered rs.
func compose(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	used := make([]bool, len(rs))
	for i := 0; i < len(rs); i++ {
		if used[i] {
			continue
		}
		c := rs[i]
		// A leading and a vowel jamo, and a trailing one after them, make
		// a syllable.
		if c >= hangulLBase && c < hangulLBase+hangulLCount && i+1 < len(rs) {
			if vj := rs[i+1]; vj >= hangulVBase && vj < hangulVBase+hangulVCount {
				s := hangulSBase + ((c-hangulLBase)*hangulVCount+vj-hangulVBase)*hangulTCount
				i++
				if i+1 < len(rs) {
					if tj := rs[i+1]; tj > hangulTBase && tj < hangulTBase+hangulTCount {
						s += tj - hangulTBase
						i++
					}
				}
				out = append(out, s)
				continue
			}
		}
		if !isFirstOfComposite(c) {
			out = append(out, c)
			continue
		}
		// Combine the starter with each following character that is not
		// blocked from it: a mark is blocked by an earlier uncombined one
		// of the same or a higher class, and a starter by anything.
		last := 0
		for j := i + 1; j < len(rs); j++ {
			if used[j] {
				continue
			}
			ccc := combining15(rs[j])
			if last != 0 && (ccc == 0 || last >= ccc) {
				if ccc == 0 {
					break
				}
				continue
			}
			if comp, ok := ucdCompose[[2]rune{c, rs[j]}]; ok {
				c = comp
				used[j] = true
				if !isFirstOfComposite(c) {
					break
				}
				continue
			}
			if ccc == 0 {
				break
			}
			last = ccc
		}
		out = append(out, c)
	}
	return out
}

// isFirstOfComposite reports whether c starts some primary composite.
func isFirstOfComposite(c rune) bool { return ucdFirsts[c] }
