// Package cjkcodec holds the byte mappings of CPython 3.12's CJK
// codecs (shift_jis, euc_jp, gbk, big5, euc_kr and their relatives),
// for the _codecs_jp, _codecs_cn, _codecs_tw, _codecs_kr and
// _codecs_iso2022 modules of package modules.
//
// Each table starts from the WHATWG mappings of golang.org/x/text,
// read through its decoders, and is corrected by the differences from
// CPython's own tables (tables_gen.go, written by ../cjkgen, which
// compares the two), so that it maps exactly as CPython does.
package cjkcodec

import (
	"maps"
	"slices"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// None marks a byte sequence that maps to nothing.
const None rune = -1

// Table is the mapping of one codec between byte sequences of one to
// four bytes (a sequence is its bytes as a big-endian number) and code
// points. It is immutable once built.
type Table struct {
	// Single maps the single bytes, Double the two-byte sequences
	// (lead<<8 | trail); None where nothing is mapped.
	Single [256]rune
	Double []rune
	// Triple and Quad map the three- and four-byte sequences.
	Triple map[uint32]rune
	Quad   map[uint32]rune
	// Enc maps each code point to its sequence: the sequence in the low
	// 32 bits, its length above.
	Enc map[rune]uint64
}

// Decode returns the code point of the n-byte sequence seq, or None.
func (t *Table) Decode(seq uint32, n int) rune {
	switch n {
	case 1:
		return t.Single[seq&0xff]
	case 2:
		if t.Double == nil {
			return None
		}
		return t.Double[seq&0xffff]
	case 3:
		if r, ok := t.Triple[seq]; ok {
			return r
		}
	case 4:
		if r, ok := t.Quad[seq]; ok {
			return r
		}
	}
	return None
}

// Encode returns the sequence of r and its length (0: none).
func (t *Table) Encode(r rune) (seq uint32, n int) {
	v, ok := t.Enc[r]
	if !ok {
		return 0, 0
	}
	return uint32(v), int(v >> 32)
}

// base describes where a codec's table starts from: the x/text
// encoding whose decoder is read, and which sequences are read.
type base struct {
	enc encoding.Encoding
	// triple reads 8F xx xx (EUC-JP's JIS X 0212); quad the four-byte
	// sequences of GB18030's BMP part.
	triple, quad bool
}

var bases = map[string]base{
	"shift_jis": {enc: japanese.ShiftJIS},
	"cp932":     {enc: japanese.ShiftJIS},
	"euc_jp":    {enc: japanese.EUCJP, triple: true},
	"gb2312":    {enc: simplifiedchinese.GBK},
	"gbk":       {enc: simplifiedchinese.GBK},
	"gb18030":   {enc: simplifiedchinese.GB18030, quad: true},
	"big5":      {enc: traditionalchinese.Big5},
	"cp950":     {enc: traditionalchinese.Big5},
	"euc_kr":    {enc: korean.EUCKR},
	"cp949":     {enc: korean.EUCKR},
	"big5hkscs": {enc: traditionalchinese.Big5},
	// x/text has no Johab: its base is made from CP949's (see johabBase).
	"johab": {},
}

// Names lists the codecs with tables.
func Names() []string {
	return []string{"shift_jis", "cp932", "euc_jp", "gb2312", "gbk", "gb18030", "big5", "cp950", "euc_kr", "cp949", "big5hkscs", "johab"}
}

// QuadFirst and QuadLast bound the four-byte sequences of GB18030's BMP
// part that the tables hold.
const (
	QuadFirst = 0x81308130
	QuadLast  = 0x8431a439
)

// Base reads the x/text mapping a codec's table starts from, before the
// corrections: every single byte, every two-byte sequence with a lead
// byte from 0x80 up, and the longer sequences of EUC-JP and GB18030.
// The encoding map is left nil.
func Base(name string) *Table {
	b, ok := bases[name]
	if !ok {
		return nil
	}
	one := func(seq []byte) rune { return None }
	if b.enc != nil {
		dec := b.enc.NewDecoder()
		one = func(seq []byte) rune {
			out, err := dec.Bytes(seq)
			if err != nil || !utf8.Valid(out) {
				return None
			}
			r, n := utf8.DecodeRune(out)
			if n != len(out) || r == utf8.RuneError {
				return None
			}
			return r
		}
	}
	t := &Table{Double: make([]rune, 1<<16)}
	for i := range t.Double {
		t.Double[i] = None
	}
	for c := 0; c < 256; c++ {
		t.Single[c] = one([]byte{byte(c)})
		if c < 0x80 {
			continue
		}
		for c2 := 0; c2 < 256; c2++ {
			t.Double[c<<8|c2] = one([]byte{byte(c), byte(c2)})
		}
	}
	if b.triple {
		t.Triple = map[uint32]rune{}
		for c2 := 0xa1; c2 <= 0xfe; c2++ {
			for c3 := 0xa1; c3 <= 0xfe; c3++ {
				if r := one([]byte{0x8f, byte(c2), byte(c3)}); r != None {
					t.Triple[0x8f0000|uint32(c2)<<8|uint32(c3)] = r
				}
			}
		}
	}
	if name == "johab" {
		johabBase(t)
	}
	if b.quad {
		t.Quad = map[uint32]rune{}
		for seq := range QuadSequences() {
			if r := one([]byte{byte(seq >> 24), byte(seq >> 16), byte(seq >> 8), byte(seq)}); r != None {
				t.Quad[seq] = r
			}
		}
	}
	return t
}

// QuadSequences yields the well-formed four-byte sequences from
// QuadFirst to QuadLast in order.
func QuadSequences() func(yield func(uint32) bool) {
	return func(yield func(uint32) bool) {
		for c1 := uint32(0x81); c1 <= 0x84; c1++ {
			for c2 := uint32(0x30); c2 <= 0x39; c2++ {
				for c3 := uint32(0x81); c3 <= 0xfe; c3++ {
					for c4 := uint32(0x30); c4 <= 0x39; c4++ {
						seq := c1<<24 | c2<<16 | c3<<8 | c4
						if seq > QuadLast {
							return
						}
						if !yield(seq) {
							return
						}
					}
				}
			}
		}
	}
}

// Inverse fills t.Enc with the first sequence of each code point, in
// the order of their lengths then values: the encoding map before its
// corrections.
func (t *Table) Inverse() {
	t.Enc = map[rune]uint64{}
	add := func(r rune, seq uint32, n int) {
		if r == None {
			return
		}
		if _, ok := t.Enc[r]; !ok {
			t.Enc[r] = uint64(n)<<32 | uint64(seq)
		}
	}
	for c, r := range t.Single {
		add(r, uint32(c), 1)
	}
	for seq, r := range t.Double {
		add(r, uint32(seq), 2)
	}
	for _, m := range []struct {
		m map[uint32]rune
		n int
	}{{t.Triple, 3}, {t.Quad, 4}} {
		for _, seq := range slices.Sorted(maps.Keys(m.m)) {
			add(m.m[seq], seq, m.n)
		}
	}
}

// Diff holds a codec's corrections as runs of four numbers. Dec runs
// are (length, first sequence, first code point, count): count
// sequences from the first map to consecutive code points, or to
// nothing when the code point is None (as uint32). Enc runs are (first
// code point, length, first sequence, count), length 0 removing the
// code points' mappings.
type Diff struct {
	Dec []uint32
	Enc []uint32
}

// Apply corrects t with d: the decoding runs, then (once the encoding
// map is the inverse of the corrected decoding) the encoding runs.
func (t *Table) Apply(d Diff) {
	for i := 0; i+3 < len(d.Dec); i += 4 {
		n, seq, r, count := int(d.Dec[i]), d.Dec[i+1], rune(d.Dec[i+2]), d.Dec[i+3]
		for k := uint32(0); k < count; k++ {
			v := None
			if r != None {
				v = r + rune(k)
			}
			t.set(seq+k, n, v)
		}
	}
	t.Inverse()
	for i := 0; i+3 < len(d.Enc); i += 4 {
		r, n, seq, count := rune(d.Enc[i]), d.Enc[i+1], d.Enc[i+2], d.Enc[i+3]
		for k := uint32(0); k < count; k++ {
			if n == 0 {
				delete(t.Enc, r+rune(k))
			} else {
				t.Enc[r+rune(k)] = uint64(n)<<32 | uint64(seq+k)
			}
		}
	}
}

// set maps the n-byte sequence seq to r (None: to nothing).
func (t *Table) set(seq uint32, n int, r rune) {
	switch n {
	case 1:
		t.Single[seq&0xff] = r
	case 2:
		t.Double[seq&0xffff] = r
	case 3:
		if t.Triple == nil {
			t.Triple = map[uint32]rune{}
		}
		if r == None {
			delete(t.Triple, seq)
		} else {
			t.Triple[seq] = r
		}
	case 4:
		if t.Quad == nil {
			t.Quad = map[uint32]rune{}
		}
		if r == None {
			delete(t.Quad, seq)
		} else {
			t.Quad[seq] = r
		}
	}
}

var (
	tablesMu sync.Mutex
	tables   = map[string]*Table{}
)

// Get returns the table of the codec name (one of Names), built the
// first time it is asked for; nil for other names.
func Get(name string) *Table {
	tablesMu.Lock()
	defer tablesMu.Unlock()
	if t, ok := tables[name]; ok {
		return t
	}
	d, ok := diffs[name]
	if !ok {
		return nil
	}
	t := Base(name)
	t.Apply(d)
	tables[name] = t
	return t
}

// johabBase fills the Johab base: ASCII, the Hangul syllables from the
// jamo in each code's three five-bit fields, and the symbols and Hanja
// from the KS X 1001 part of CP949 through the standard rearrangement
// of its rows.
func johabBase(t *Table) {
	for c := 0; c < 0x80; c++ {
		t.Single[c] = rune(c)
	}
	// The field values of the initials, medials and finals, in the
	// order of the Unicode syllable formula (finals from 1; 0 is none).
	initial := func(f int) int {
		if f >= 2 && f <= 20 {
			return f - 2
		}
		return -1
	}
	medials := []int{3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22, 23, 26, 27, 28, 29}
	medial := func(f int) int {
		for i, m := range medials {
			if m == f {
				return i
			}
		}
		return -1
	}
	final := func(f int) int {
		switch {
		case f == 1:
			return 0
		case f >= 2 && f <= 17:
			return f - 1
		case f >= 19 && f <= 29:
			return f - 2
		}
		return -1
	}
	for code := 0x8000; code < 0xd400; code++ {
		cho, jung, jong := initial(code>>10&0x1f), medial(code>>5&0x1f), final(code&0x1f)
		if cho >= 0 && jung >= 0 && jong >= 0 {
			t.Double[code] = 0xac00 + rune((cho*21+jung)*28+jong)
		}
	}
	ks := Base("cp949")
	for c1 := 0xd8; c1 <= 0xf9; c1++ {
		if c1 == 0xdf {
			continue
		}
		for c2 := 0x31; c2 <= 0xfe; c2++ {
			if c2 > 0x7e && c2 < 0x91 {
				continue
			}
			var t1 int
			if c1 < 0xe0 {
				t1 = 2 * (c1 - 0xd9)
			} else {
				t1 = 2*c1 - 0x197
			}
			t2 := c2 - 0x31
			if c2 >= 0x91 {
				t2 = c2 - 0x43
			}
			if t2 < 0x5e {
				t1 += 0x21
			} else {
				t1 += 0x22
				t2 -= 0x5e
			}
			t2 += 0x21
			if t1 < 0x21 || t1 > 0x7e {
				continue
			}
			t.Double[c1<<8|c2] = ks.Double[(t1|0x80)<<8|(t2|0x80)]
		}
	}
}
