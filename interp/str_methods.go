package interp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The str methods that search, split, join, replace, strip and pad text.
// Offsets into the WTF-8 text are bytes; the indexes Python sees are code
// points, the same numbers for ASCII text.

func init() {
	for _, m := range []struct {
		name    string
		reverse bool
		count   bool
		raise   bool
	}{
		{"find", false, false, false}, {"rfind", true, false, false},
		{"index", false, false, true}, {"rindex", true, false, true},
		{"count", false, true, false},
	} {
		m := m
		defMethod(strType, m.name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			sub, start, end, err := in.strSearchArgs(m.name, args, kwnames)
			if err != nil {
				return Value{}, err
			}
			if !isStr(sub) {
				return Value{}, in.raise(typeErrorType, "must be str, not %s", sub.Type().Name)
			}
			o, so := strObj(args[0]), strObj(sub)
			start, end = adjustIndices(start, end, o.length)
			if m.count {
				return Int(int64(strCount(o, so, start, end))), nil
			}
			i := strFind(o, so, start, end, m.reverse)
			if i < 0 && m.raise {
				return Value{}, in.raise(valueErrorType, "substring not found")
			}
			return Int(int64(i)), nil
		})
	}
	for _, m := range []struct {
		name   string
		suffix bool
	}{{"startswith", false}, {"endswith", true}} {
		m := m
		defMethod(strType, m.name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			sub, start, end, err := in.strSearchArgs(m.name, args, kwnames)
			if err != nil {
				return Value{}, err
			}
			o := strObj(args[0])
			start, end = adjustIndices(start, end, o.length)
			if sub.Type().IsSubtype(tupleType) {
				for _, item := range asObject[Tuple](sub).items {
					if !isStr(item) {
						return Value{}, in.raise(typeErrorType, "tuple for %s must only contain str, not %s", m.name, item.Type().Name)
					}
					if strTailMatch(o, strObj(item), start, end, m.suffix) {
						return True, nil
					}
				}
				return False, nil
			}
			if !isStr(sub) {
				return Value{}, in.raise(typeErrorType, "%s first arg must be str or a tuple of str, not %s", m.name, sub.Type().Name)
			}
			return Bool(strTailMatch(o, strObj(sub), start, end, m.suffix)), nil
		})
	}
	defMethod(strType, "split", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.strSplit("split", args, kwnames, false)
	})
	defMethod(strType, "rsplit", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.strSplit("rsplit", args, kwnames, true)
	})
	defMethod(strType, "splitlines", strSplitLines)
	defMethod(strType, "join", strJoin)
	defMethod(strType, "replace", strReplace)
	for _, m := range []struct {
		name        string
		left, right bool
	}{{"strip", true, true}, {"lstrip", true, false}, {"rstrip", false, true}} {
		m := m
		defMethod(strType, m.name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if len(kwnames) > 0 {
				return Value{}, in.raise(typeErrorType, "str.%s() takes no keyword arguments", m.name)
			}
			if err := in.checkArgCount(m.name, args[1:], nil, 0, 1); err != nil {
				return Value{}, err
			}
			chars := None
			if len(args) > 1 {
				chars = args[1]
			}
			if !chars.IsNone() && !isStr(chars) {
				return Value{}, in.raise(typeErrorType, "%s arg must be None or str", m.name)
			}
			return in.strStrip(args[0], chars, m.left, m.right)
		})
	}
	for _, m := range []struct {
		name string
		pad  func(marg int) (left, right int)
	}{
		{"center", func(marg int) (int, int) { return 0, 0 }},
		{"ljust", func(marg int) (int, int) { return 0, marg }},
		{"rjust", func(marg int) (int, int) { return marg, 0 }},
	} {
		m := m
		defMethod(strType, m.name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if len(kwnames) > 0 {
				return Value{}, in.raise(typeErrorType, "str.%s() takes no keyword arguments", m.name)
			}
			if err := in.checkArgCount(m.name, args[1:], nil, 1, 2); err != nil {
				return Value{}, err
			}
			width, err := in.ssizeArg(args[1])
			if err != nil {
				return Value{}, err
			}
			fill := rune(' ')
			if len(args) > 2 {
				if !isStr(args[2]) {
					return Value{}, in.raise(typeErrorType, "The fill character must be a unicode character, not %s", args[2].Type().Name)
				}
				f := strObj(args[2])
				if f.length != 1 {
					return Value{}, in.raise(typeErrorType, "The fill character must be exactly one character long")
				}
				fill, _ = decodeCP(f.s)
			}
			o := strObj(args[0])
			if o.length >= width {
				return in.strUnchanged(args[0])
			}
			marg := width - o.length
			left, right := m.pad(marg)
			if m.name == "center" {
				left = marg/2 + (marg & width & 1)
				right = marg - left
			}
			return in.strPad(o, left, right, fill)
		})
	}
	defMethod(strType, "zfill", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.strOneArg("zfill", args, kwnames); err != nil {
			return Value{}, err
		}
		width, err := in.ssizeArg(args[1])
		if err != nil {
			return Value{}, err
		}
		o := strObj(args[0])
		if o.length >= width {
			return in.strUnchanged(args[0])
		}
		fill := width - o.length
		size := int64(len(o.s)) + int64(fill)
		r, err := in.reserveStr(size)
		if err != nil {
			return Value{}, err
		}
		var b strings.Builder
		b.Grow(len(o.s) + fill)
		rest := o.s
		if rest != "" && (rest[0] == '+' || rest[0] == '-') {
			b.WriteByte(rest[0])
			rest = rest[1:]
		}
		for i := 0; i < fill; i++ {
			b.WriteByte('0')
		}
		b.WriteString(rest)
		return in.finishStr(r, size, b.String(), width, o.ascii), nil
	})
	defMethod(strType, "expandtabs", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var tabsizeArg Value
		if err := in.parseArgs("expandtabs", args[1:], kwnames, []string{"tabsize"}, 0, &tabsizeArg); err != nil {
			return Value{}, err
		}
		tabsize := 8
		if !tabsizeArg.IsNil() {
			var err error
			if tabsize, err = in.cIntArg(tabsizeArg); err != nil {
				return Value{}, err
			}
		}
		return in.strExpandTabs(args[0], tabsize)
	})
	for _, m := range []struct {
		name   string
		suffix bool
	}{{"removeprefix", false}, {"removesuffix", true}} {
		m := m
		defMethod(strType, m.name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.strOneArg(m.name, args, kwnames); err != nil {
				return Value{}, err
			}
			if !isStr(args[1]) {
				return Value{}, in.raise(typeErrorType, "%s() argument must be str, not %s", m.name, args[1].Type().Name)
			}
			o, a := strObj(args[0]), strObj(args[1])
			switch {
			case a.length == 0:
			case !m.suffix && strings.HasPrefix(o.s, a.s):
				return in.strPiece(o, o.s[len(a.s):], o.length-a.length)
			case m.suffix && strings.HasSuffix(o.s, a.s):
				return in.strPiece(o, o.s[:len(o.s)-len(a.s)], o.length-a.length)
			}
			return in.strUnchanged(args[0])
		})
	}
	for _, m := range []struct {
		name    string
		reverse bool
	}{{"partition", false}, {"rpartition", true}} {
		m := m
		defMethod(strType, m.name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.strOneArg(m.name, args, kwnames); err != nil {
				return Value{}, err
			}
			return in.strPartition(args[0], args[1], m.reverse)
		})
	}
}

// strSearchArgs parses (sub[, start[, end]]) of find, count, startswith
// and their kin; start and end are the raw bounds (None: the whole text).
func (in *Interp) strSearchArgs(name string, args []Value, kwnames []Value) (sub Value, start, end int, err error) {
	if len(kwnames) > 0 {
		return Value{}, 0, 0, in.raise(typeErrorType, "str.%s() takes no keyword arguments", name)
	}
	n := len(args) - 1
	if n < 1 {
		return Value{}, 0, 0, in.raise(typeErrorType, "%s() takes at least 1 argument (0 given)", name)
	}
	if n > 3 {
		return Value{}, 0, 0, in.raise(typeErrorType, "%s() takes at most 3 arguments (%d given)", name, n)
	}
	start, end = 0, maxIndex
	if n > 1 && !args[2].IsNone() {
		s, err := in.sliceBound(args[2])
		if err != nil {
			return Value{}, 0, 0, err
		}
		start = int(s)
	}
	if n > 2 && !args[3].IsNone() {
		e, err := in.sliceBound(args[3])
		if err != nil {
			return Value{}, 0, 0, err
		}
		end = int(e)
	}
	return args[1], start, end, nil
}

// maxIndex stands for an absent end bound.
const maxIndex = 1 << 62

// adjustIndices resolves start and end against a length as CPython's
// ADJUST_INDICES does: negative values count from the end, and the end is
// clamped to the length (start may stay past it).
func adjustIndices(start, end, length int) (int, int) {
	if end > length {
		end = length
	} else if end < 0 {
		end += length
		if end < 0 {
			end = 0
		}
	}
	if start < 0 {
		start += length
		if start < 0 {
			start = 0
		}
	}
	return start, end
}

// strFind returns the code point index of the first (or last) occurrence
// of sub in o[start:end], or -1.
func strFind(o, sub *Str, start, end int, reverse bool) int {
	if end-start < sub.length {
		return -1
	}
	if sub.length == 0 {
		if reverse {
			return end
		}
		return start
	}
	bs, be := o.offset(start), o.offset(end)
	var i int
	if reverse {
		i = strings.LastIndex(o.s[bs:be], sub.s)
	} else {
		i = strings.Index(o.s[bs:be], sub.s)
	}
	if i < 0 {
		return -1
	}
	if o.ascii {
		return start + i
	}
	n, _ := codePoints(o.s[bs : bs+i])
	return start + n
}

// strCount counts the non-overlapping occurrences of sub in o[start:end].
func strCount(o, sub *Str, start, end int) int {
	if end-start < sub.length {
		return 0
	}
	if sub.length == 0 {
		return end - start + 1
	}
	return strings.Count(o.s[o.offset(start):o.offset(end)], sub.s)
}

// strTailMatch is startswith (suffix false) or endswith on o[start:end].
func strTailMatch(o, sub *Str, start, end int, suffix bool) bool {
	end -= sub.length
	if end < start {
		return false
	}
	if sub.length == 0 {
		return true
	}
	at := start
	if suffix {
		at = end
	}
	off := o.offset(at)
	return strings.HasPrefix(o.s[off:], sub.s)
}

// strASCIISpace marks the ASCII characters str.isspace accepts, which
// include the separators \x1c..\x1f.
var strASCIISpace = [128]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, 0x1c: true, 0x1d: true, 0x1e: true, 0x1f: true, ' ': true}

// strIsSpaceCP is Py_UNICODE_ISSPACE: Go's White_Space plus \x1c..\x1f.
func strIsSpaceCP(r rune) bool {
	if r < utf8.RuneSelf {
		return strASCIISpace[r]
	}
	return unicode.IsSpace(r)
}

// spaceAt reports whether the code point at s[i:] is whitespace, and its
// size.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return strASCIISpace[c], 1
	}
	r, n := decodeCP(s[i:])
	return unicode.IsSpace(r), n
}

// spaceBefore reports whether the code point that ends s[:i] is
// whitespace, and its size.
func spaceBefore(s string, i int) (bool, int) {
	if c := s[i-1]; c < utf8.RuneSelf {
		return strASCIISpace[c], 1
	}
	r, n := decodeLastCP(s[:i])
	return unicode.IsSpace(r), n
}

// span is a piece of a str's text, by byte offsets.
type span struct{ a, b int }

// newStrList makes a list of new strs, one for each piece of o's text.
func (in *Interp) newStrList(o *Str, pieces []span) (Value, error) {
	lv, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	l := asObject[List](lv)
	if err := in.listReserve(l, len(pieces)); err != nil {
		in.decRef(lv)
		return Value{}, err
	}
	for _, p := range pieces {
		piece := o.s[p.a:p.b]
		n := len(piece)
		if !o.ascii {
			n, _ = codePoints(piece)
		}
		v, err := in.strPiece(o, piece, n)
		if err != nil {
			in.decRef(lv)
			return Value{}, err
		}
		l.items = append(l.items, v)
	}
	return lv, nil
}

func (in *Interp) strSplit(name string, args []Value, kwnames []Value, reverse bool) (Value, error) {
	var sepArg, maxArg Value
	if err := in.parseArgs(name, args[1:], kwnames, []string{"sep", "maxsplit"}, 0, &sepArg, &maxArg); err != nil {
		return Value{}, err
	}
	maxsplit := -1
	if !maxArg.IsNil() {
		var err error
		if maxsplit, err = in.ssizeArg(maxArg); err != nil {
			return Value{}, err
		}
	}
	if !sepArg.IsNil() && !sepArg.IsNone() && !isStr(sepArg) {
		return Value{}, in.raise(typeErrorType, "must be str or None, not %s", sepArg.Type().Name)
	}
	o := strObj(args[0])
	if maxsplit < 0 {
		maxsplit = maxIndex
	}
	var pieces []span
	switch {
	case sepArg.IsNil() || sepArg.IsNone():
		if reverse {
			pieces = rsplitSpace(o.s, maxsplit)
		} else {
			pieces = splitSpace(o.s, maxsplit)
		}
	default:
		sep := sepArg.GoString()
		if sep == "" {
			return Value{}, in.raise(valueErrorType, "empty separator")
		}
		if reverse {
			pieces = rsplitSep(o.s, sep, maxsplit)
		} else {
			pieces = splitSep(o.s, sep, maxsplit)
		}
	}
	return in.newStrList(o, pieces)
}

// splitSpace is str.split() with no separator: runs of whitespace
// separate the pieces, and the remainder after maxsplit splits keeps its
// trailing whitespace.
func splitSpace(s string, maxsplit int) []span {
	out := make([]span, 0, 8)
	i := 0
	for ; maxsplit > 0; maxsplit-- {
		for i < len(s) {
			sp, n := spaceAt(s, i)
			if !sp {
				break
			}
			i += n
		}
		if i == len(s) {
			return out
		}
		j := i
		for i < len(s) {
			sp, n := spaceAt(s, i)
			if sp {
				break
			}
			i += n
		}
		out = append(out, span{j, i})
	}
	for i < len(s) {
		sp, n := spaceAt(s, i)
		if !sp {
			break
		}
		i += n
	}
	if i < len(s) {
		out = append(out, span{i, len(s)})
	}
	return out
}

// rsplitSpace is str.rsplit() with no separator.
func rsplitSpace(s string, maxsplit int) []span {
	out := make([]span, 0, 8)
	i := len(s)
	for ; maxsplit > 0; maxsplit-- {
		for i > 0 {
			sp, n := spaceBefore(s, i)
			if !sp {
				break
			}
			i -= n
		}
		if i == 0 {
			break
		}
		j := i
		for i > 0 {
			sp, n := spaceBefore(s, i)
			if sp {
				break
			}
			i -= n
		}
		out = append(out, span{i, j})
	}
	if maxsplit == 0 {
		for i > 0 {
			sp, n := spaceBefore(s, i)
			if !sp {
				break
			}
			i -= n
		}
		if i > 0 {
			out = append(out, span{0, i})
		}
	}
	reverseSpans(out)
	return out
}

// splitSep is str.split(sep, maxsplit).
func splitSep(s, sep string, maxsplit int) []span {
	n := strings.Count(s, sep)
	if n > maxsplit {
		n = maxsplit
	}
	out := make([]span, 0, n+1)
	start := 0
	for ; n > 0; n-- {
		i := strings.Index(s[start:], sep)
		out = append(out, span{start, start + i})
		start += i + len(sep)
	}
	return append(out, span{start, len(s)})
}

// rsplitSep is str.rsplit(sep, maxsplit).
func rsplitSep(s, sep string, maxsplit int) []span {
	out := make([]span, 0, 8)
	end := len(s)
	for ; maxsplit > 0; maxsplit-- {
		i := strings.LastIndex(s[:end], sep)
		if i < 0 {
			break
		}
		out = append(out, span{i + len(sep), end})
		end = i
	}
	out = append(out, span{0, end})
	reverseSpans(out)
	return out
}

func reverseSpans(a []span) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// lineBreakAt returns the size of the line boundary at s[i:] (\r\n is
// one), or 0 when there is none there. The boundaries are those of
// str.splitlines: \n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
func lineBreakAt(s string, i int) int {
	switch c := s[i]; c {
	case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e:
		return 1
	case '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xc2:
		if i+1 < len(s) && s[i+1] == 0x85 {
			return 2
		}
	case 0xe2:
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
			return 3
		}
	}
	return 0
}

// mayBreakLine marks the bytes that can begin a line break (lineBreakAt),
// so that splitlines skips the others with one load.
var mayBreakLine = [256]bool{'\n': true, '\v': true, '\f': true, 0x1c: true, 0x1d: true, 0x1e: true, '\r': true, 0xc2: true, 0xe2: true}

func strSplitLines(in *Interp, args []Value, kwnames []Value) (Value, error) {
	var keepArg Value
	if err := in.parseArgs("splitlines", args[1:], kwnames, []string{"keepends"}, 0, &keepArg); err != nil {
		return Value{}, err
	}
	keep := false
	if !keepArg.IsNil() {
		var err error
		if keep, err = in.Truth(keepArg); err != nil {
			return Value{}, err
		}
	}
	o := strObj(args[0])
	s := o.s
	var pieces []span
	start := 0
	for i := 0; i < len(s); {
		if !mayBreakLine[s[i]] {
			i++
			continue
		}
		n := lineBreakAt(s, i)
		if n == 0 {
			i++
			continue
		}
		if keep {
			pieces = append(pieces, span{start, i + n})
		} else {
			pieces = append(pieces, span{start, i})
		}
		i += n
		start = i
	}
	if start < len(s) {
		pieces = append(pieces, span{start, len(s)})
	}
	return in.newStrList(o, pieces)
}

// strJoin is sep.join(iterable).
func strJoin(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.strOneArg("join", args, kwnames); err != nil {
		return Value{}, err
	}
	var items []Value
	var owned bool
	switch seq := args[1]; seq.Type() {
	case listType:
		items = asObject[List](seq).items
	case tupleType:
		items = asObject[Tuple](seq).items
	default:
		t := seq.Type()
		if t.iter == nil && t.getitem == nil {
			return Value{}, in.raise(typeErrorType, "can only join an iterable")
		}
		var err error
		if items, err = in.iterateAll(seq); err != nil {
			return Value{}, err
		}
		owned = true
	}
	if owned {
		defer func() {
			for _, x := range items {
				in.decRef(x)
			}
		}()
	}
	sep := strObj(args[0])
	switch len(items) {
	case 0:
		return emptyStr, nil
	case 1:
		if items[0].Type() == strType {
			incRef(items[0])
			return items[0], nil
		}
	}
	size := int64(len(sep.s)) * int64(len(items)-1)
	length := sep.length * (len(items) - 1)
	ascii := sep.ascii
	for i, x := range items {
		if !isStr(x) {
			return Value{}, in.raise(typeErrorType, "sequence item %d: expected str instance, %s found", i, x.Type().Name)
		}
		xo := strObj(x)
		size += int64(len(xo.s))
		length += xo.length
		ascii = ascii && xo.ascii
	}
	r, err := in.reserveStr(size)
	if err != nil {
		return Value{}, err
	}
	var b strings.Builder
	b.Grow(int(size))
	for i, x := range items {
		if i > 0 {
			b.WriteString(sep.s)
		}
		b.WriteString(strObj(x).s)
	}
	return in.finishStr(r, size, b.String(), length, ascii), nil
}

// strReplace is str.replace(old, new, count=-1, /).
func strReplace(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.raise(typeErrorType, "str.replace() takes no keyword arguments")
	}
	if err := in.checkArgCount("replace", args[1:], nil, 2, 3); err != nil {
		return Value{}, err
	}
	for i := 1; i <= 2; i++ {
		if !isStr(args[i]) {
			return Value{}, in.raise(typeErrorType, "replace() argument %d must be str, not %s", i, args[i].Type().Name)
		}
	}
	count := -1
	if len(args) > 3 {
		var err error
		if count, err = in.ssizeArg(args[3]); err != nil {
			return Value{}, err
		}
	}
	o, old, repl := strObj(args[0]), strObj(args[1]), strObj(args[2])
	var k int // replacements made
	if old.length == 0 {
		k = o.length + 1
	} else {
		k = strings.Count(o.s, old.s)
	}
	if count >= 0 && count < k {
		k = count
	}
	if k == 0 {
		return in.strUnchanged(args[0])
	}
	size := int64(len(o.s)) + int64(k)*(int64(len(repl.s))-int64(len(old.s)))
	r, err := in.reserveStr(size)
	if err != nil {
		return Value{}, err
	}
	length := o.length + k*(repl.length-old.length)
	ascii := o.ascii && repl.ascii || length == int(size)
	if old.length > 0 {
		return in.finishStr(r, size, strings.Replace(o.s, old.s, repl.s, k), length, ascii), nil
	}
	// An empty old matches before every code point and at the end.
	var b strings.Builder
	b.Grow(int(size))
	i := 0
	for ; k > 0 && i < len(o.s); k-- {
		b.WriteString(repl.s)
		_, n := decodeCP(o.s[i:])
		b.WriteString(o.s[i : i+n])
		i += n
	}
	if k > 0 {
		b.WriteString(repl.s)
	}
	b.WriteString(o.s[i:])
	return in.finishStr(r, size, b.String(), length, ascii), nil
}

// strStrip strips whitespace (chars None) or the code points of chars
// from the ends of v.
func (in *Interp) strStrip(v, chars Value, left, right bool) (Value, error) {
	o := strObj(v)
	s := o.s
	var strip func(r rune) bool
	if chars.IsNone() {
		strip = strIsSpaceCP
	} else {
		set := chars.GoString()
		if strObj(chars).ascii {
			strip = func(r rune) bool { return r < utf8.RuneSelf && strings.IndexByte(set, byte(r)) >= 0 }
		} else {
			strip = func(r rune) bool { return strings.Contains(set, string(appendCP(nil, r))) }
		}
	}
	i, j := 0, len(s)
	if left {
		for i < j {
			r, n := decodeCP(s[i:j])
			if !strip(r) {
				break
			}
			i += n
		}
	}
	if right {
		for j > i {
			r, n := decodeLastCP(s[i:j])
			if !strip(r) {
				break
			}
			j -= n
		}
	}
	if i == 0 && j == len(s) {
		return in.strUnchanged(v)
	}
	n := j - i
	if !o.ascii {
		n, _ = codePoints(s[i:j])
	}
	return in.strPiece(o, s[i:j], n)
}

// strPad returns o with left and right copies of fill around it.
func (in *Interp) strPad(o *Str, left, right int, fill rune) (Value, error) {
	fl := cpLen(fill)
	size := int64(len(o.s)) + int64(left+right)*int64(fl)
	r, err := in.reserveStr(size)
	if err != nil {
		return Value{}, err
	}
	var enc [4]byte
	f := string(appendCP(enc[:0], fill))
	var b strings.Builder
	b.Grow(int(size))
	for i := 0; i < left; i++ {
		b.WriteString(f)
	}
	b.WriteString(o.s)
	for i := 0; i < right; i++ {
		b.WriteString(f)
	}
	return in.finishStr(r, size, b.String(), o.length+left+right, o.ascii && fill < utf8.RuneSelf), nil
}

// strExpandTabs replaces each tab with spaces up to the next multiple of
// tabsize, counting columns from the last \n or \r.
func (in *Interp) strExpandTabs(v Value, tabsize int) (Value, error) {
	o := strObj(v)
	if strings.IndexByte(o.s, '\t') < 0 {
		return in.strUnchanged(v)
	}
	// First the size, so that a huge result fails before it is built.
	var size, col int64
	for i := 0; i < len(o.s); i++ {
		c := o.s[i]
		switch {
		case c == '\t':
			if tabsize > 0 {
				incr := int64(tabsize) - col%int64(tabsize)
				col += incr
				size += incr
			}
		case c == '\n' || c == '\r':
			col = 0
			size++
		default:
			size++
			if c&0xc0 != 0x80 {
				col++
			}
		}
		if size > maxStrBytes {
			return Value{}, in.memoryError()
		}
	}
	r, err := in.reserveStr(size)
	if err != nil {
		return Value{}, err
	}
	var b strings.Builder
	b.Grow(int(size))
	col = 0
	length := 0
	for i := 0; i < len(o.s); i++ {
		c := o.s[i]
		switch {
		case c == '\t':
			if tabsize > 0 {
				incr := int64(tabsize) - col%int64(tabsize)
				col += incr
				length += int(incr)
				for ; incr > 0; incr-- {
					b.WriteByte(' ')
				}
			}
			continue
		case c == '\n' || c == '\r':
			col = -1
		}
		b.WriteByte(c)
		if c&0xc0 != 0x80 {
			col++
			length++
		}
	}
	return in.finishStr(r, size, b.String(), length, o.ascii), nil
}

// strPartition is str.partition and str.rpartition.
func (in *Interp) strPartition(v, sepArg Value, reverse bool) (Value, error) {
	if !isStr(sepArg) {
		return Value{}, in.raise(typeErrorType, "must be str, not %s", sepArg.Type().Name)
	}
	o, sep := strObj(v), strObj(sepArg)
	if sep.length == 0 {
		return Value{}, in.raise(valueErrorType, "empty separator")
	}
	var i int
	if reverse {
		i = strings.LastIndex(o.s, sep.s)
	} else {
		i = strings.Index(o.s, sep.s)
	}
	if i < 0 {
		whole, err := in.strUnchanged(v)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(whole)
		if reverse {
			return in.NewTuple(emptyStr, emptyStr, whole)
		}
		return in.NewTuple(whole, emptyStr, emptyStr)
	}
	head, tail := o.s[:i], o.s[i+len(sep.s):]
	hn, tn := len(head), len(tail)
	if !o.ascii {
		hn, _ = codePoints(head)
		tn = o.length - hn - sep.length
	}
	h, err := in.strPiece(o, head, hn)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(h)
	t, err := in.strPiece(o, tail, tn)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(t)
	return in.NewTuple(h, sepArg, t)
}
