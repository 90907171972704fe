package modules

import (
	"sync"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/modules/internal/cjkcodec"
)

// The CJK codec modules of CPython 3.12 (_codecs_jp, _codecs_cn,
// _codecs_tw, _codecs_kr, _codecs_hk, _codecs_iso2022), whose getcodec
// makes the MultibyteCodec of a codec by name. The codecs that map
// bytes through a table (shift_jis, gbk, big5, euc_kr...) are the
// engines here, over the tables of package cjkcodec; the stateful
// ISO-2022 ones and HZ are in codecs_cjk_iso2022.go.

// cjkModules lists the codecs of each module, as CPython's do.
var cjkModules = map[string][]string{
	"_codecs_jp":      {"shift_jis", "cp932", "euc_jp", "shift_jis_2004", "euc_jis_2004", "euc_jisx0213", "shift_jisx0213"},
	"_codecs_cn":      {"gb2312", "gbk", "gb18030", "hz"},
	"_codecs_tw":      {"big5", "cp950"},
	"_codecs_kr":      {"euc_kr", "cp949", "johab"},
	"_codecs_hk":      {"big5hkscs"},
	"_codecs_iso2022": {"iso2022_kr", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext"},
}

var (
	cjkEnginesMu sync.Mutex
	cjkEngines   = map[string]*mbEngine{}
)

// cjkEngine returns the engine of a codec (made once, shared by every
// interpreter: engines hold no Python objects).
func cjkEngine(name string) *mbEngine {
	cjkEnginesMu.Lock()
	defer cjkEnginesMu.Unlock()
	if e, ok := cjkEngines[name]; ok {
		return e
	}
	var e *mbEngine
	switch {
	case cjkcodec.Get(name) != nil:
		e = newDBCSEngine(name)
	case cjkStateful[name] != nil:
		e = cjkStateful[name](name)
	default:
		e = &mbEngine{name: name, unimplemented: "the '" + name + "' codec is not implemented yet"}
	}
	cjkEngines[name] = e
	return e
}

func init() {
	for mod, names := range cjkModules {
		names := names
		table := &moduleTable{}
		table.fn("getcodec", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.CheckArgCount("getcodec", args, kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			if !interp.IsStr(args[0]) {
				return Value{}, in.Raise(interp.TypeError, "encoding name must be a string.")
			}
			name := args[0].GoString()
			for _, n := range names {
				if n == name {
					return newMbCodec(in, cjkEngine(name))
				}
			}
			return Value{}, in.Raise(interp.ExcType("LookupError"), "no such codec is supported.")
		})
		interp.RegisterModule(mod, table.fill)
	}
}

// dbcsRule says how a codec's decoder treats a byte from 0x80 up that
// is not a character by itself.
type dbcsRule struct {
	// lead marks the bytes that begin a longer sequence (the others are
	// illegal alone); a lead byte at the end of the input is incomplete.
	lead [256]bool
	// triple is EUC-JP's 0x8F, quad GB18030's four-byte form, makeup
	// EUC-KR's eight-byte Hangul make-up sequences, pairs Big5-HKSCS's
	// codes of two characters (a letter and a combining accent).
	triple, quad, makeup, pairs bool
}

// big5HKSCSPairs are the Big5-HKSCS codes that stand for a letter and
// a combining mark.
var big5HKSCSPairs = map[uint32][2]rune{
	0x8862: {0xca, 0x304}, 0x8864: {0xca, 0x30c},
	0x88a3: {0xea, 0x304}, 0x88a5: {0xea, 0x30c},
}

func dbcsRuleOf(name string) *dbcsRule {
	r := &dbcsRule{}
	setLeads := func(lo, hi int) {
		for c := lo; c <= hi; c++ {
			r.lead[c] = true
		}
	}
	switch name {
	case "shift_jis":
		setLeads(0x81, 0x9f)
		setLeads(0xe0, 0xea)
	case "cp932":
		setLeads(0x81, 0x9f)
		setLeads(0xe0, 0xfc)
	default:
		setLeads(0x80, 0xff)
	}
	r.triple = name == "euc_jp"
	r.quad = name == "gb18030"
	r.makeup = name == "euc_kr"
	r.pairs = name == "big5hkscs"
	return r
}

// The supplementary planes' four-byte sequences of GB18030, mapped
// linearly.
const (
	gb18030SuppFirst = 0x90308130
	gb18030SuppLast  = 0xe3329a35
)

// gb18030Linear is the position of a four-byte sequence among all of
// them (bytes 81-FE, 30-39, 81-FE, 30-39).
func gb18030Linear(c1, c2, c3, c4 byte) int {
	return ((int(c1-0x81)*10+int(c2-0x30))*126+int(c3-0x81))*10 + int(c4-0x30)
}

// gb18030FromLinear is the inverse of gb18030Linear.
func gb18030FromLinear(n int) []byte {
	c4 := byte(n%10) + 0x30
	n /= 10
	c3 := byte(n%126) + 0x81
	n /= 126
	c2 := byte(n%10) + 0x30
	c1 := byte(n/10) + 0x81
	return []byte{c1, c2, c3, c4}
}

// The Hangul make-up sequences of EUC-KR (KS X 1001:1998 Annex 3): a
// filler, then an initial, a medial and a final compatibility jamo
// (0xA4 0xD4 for no final), each as 0xA4 and its second byte.
const (
	eucKRJamoLead   = 0xa4
	eucKRJamoFiller = 0xd4
)

// The compatibility consonants A4A1..A4BE (U+3131..U+314E) as initial
// and final indexes of the Hangul syllable formula; -1 where the
// consonant cannot be one.
var eucKRInitial, eucKRFinal [30]int

func init() {
	// The consonants' order among the compatibility jamo, and which of
	// them begin (initials) and end (finals) syllables, in the orders of
	// the Unicode syllable formula.
	const consonants = "ㄱㄲㄳㄴㄵㄶㄷㄸㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅃㅄㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
	const initials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
	const finals = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
	index := func(set string, r rune) int {
		i := 0
		for _, x := range set {
			if x == r {
				return i
			}
			i++
		}
		return -1
	}
	i := 0
	for _, c := range consonants {
		eucKRInitial[i] = index(initials, c)
		eucKRFinal[i] = index(finals, c)
		if eucKRFinal[i] >= 0 {
			eucKRFinal[i]++ // 0 is no final
		}
		i++
	}
}

// newDBCSEngine makes the engine of a table codec.
func newDBCSEngine(name string) *mbEngine {
	t := cjkcodec.Get(name)
	rule := dbcsRuleOf(name)
	e := &mbEngine{name: name}
	e.decode = func(st *mbState, data []byte, pos int, out []rune) ([]rune, int, int) {
		for pos < len(data) {
			c := data[pos]
			if r := t.Single[c]; r != cjkcodec.None && (c < 0x80 || !rule.lead[c]) {
				out = append(out, r)
				pos++
				continue
			}
			if !rule.lead[c] {
				return out, pos, 1
			}
			left := len(data) - pos
			if rule.triple && c == 0x8f {
				if left < 3 {
					return out, pos, mbTooFew
				}
				r := t.Decode(uint32(c)<<16|uint32(data[pos+1])<<8|uint32(data[pos+2]), 3)
				if r == cjkcodec.None {
					return out, pos, 1
				}
				out = append(out, r)
				pos += 3
				continue
			}
			if left < 2 {
				return out, pos, mbTooFew
			}
			c2 := data[pos+1]
			if rule.quad && c2 >= 0x30 && c2 <= 0x39 {
				if left < 4 {
					return out, pos, mbTooFew
				}
				c3, c4 := data[pos+2], data[pos+3]
				if c < 0x81 || c > 0xfe || c3 < 0x81 || c3 > 0xfe || c4 < 0x30 || c4 > 0x39 {
					return out, pos, 1
				}
				seq := uint32(c)<<24 | uint32(c2)<<16 | uint32(c3)<<8 | uint32(c4)
				r := cjkcodec.None
				switch {
				case seq <= cjkcodec.QuadLast:
					r = t.Decode(seq, 4)
				case seq >= gb18030SuppFirst && seq <= gb18030SuppLast:
					r = 0x10000 + rune(gb18030Linear(c, c2, c3, c4)-gb18030Linear(0x90, 0x30, 0x81, 0x30))
				}
				if r == cjkcodec.None {
					return out, pos, 1
				}
				out = append(out, r)
				pos += 4
				continue
			}
			if rule.makeup && c == eucKRJamoLead && c2 == eucKRJamoFiller {
				if left < 8 {
					return out, pos, mbTooFew
				}
				r, ok := eucKRMakeup(data[pos : pos+8])
				if !ok {
					return out, pos, 1
				}
				out = append(out, r)
				pos += 8
				continue
			}
			r := t.Decode(uint32(c)<<8|uint32(c2), 2)
			if r == cjkcodec.None {
				pair, ok := big5HKSCSPairs[uint32(c)<<8|uint32(c2)]
				if !rule.pairs || !ok {
					return out, pos, 1
				}
				out = append(out, pair[0], pair[1])
				pos += 2
				continue
			}
			out = append(out, r)
			pos += 2
		}
		return out, pos, 0
	}
	e.encode = func(st *mbState, text []rune, pos int, out []byte, flush bool) ([]byte, int, int) {
		for ; pos < len(text); pos++ {
			r := text[pos]
			if r < 0x80 && t.Single[r] == r {
				out = append(out, byte(r))
				continue
			}
			if rule.pairs && (r == 0xca || r == 0xea) {
				// A letter that may combine with the next character.
				if pos+1 < len(text) && (text[pos+1] == 0x304 || text[pos+1] == 0x30c) {
					for code, pair := range big5HKSCSPairs {
						if pair[0] == r && pair[1] == text[pos+1] {
							out = append(out, byte(code>>8), byte(code))
						}
					}
					pos++
					continue
				}
				if pos+1 == len(text) && !flush {
					return out, pos, mbTooFew
				}
			}
			seq, n := t.Encode(r)
			switch {
			case n > 0:
				for k := n - 1; k >= 0; k-- {
					out = append(out, byte(seq>>(8*k)))
				}
			case rule.quad && r >= 0x10000 && r <= 0x10ffff:
				out = append(out, gb18030FromLinear(gb18030Linear(0x90, 0x30, 0x81, 0x30)+int(r-0x10000))...)
			case rule.makeup && r >= 0xac00 && r <= 0xd7a3:
				out = eucKRAppendMakeup(out, r)
			default:
				return out, pos, 1
			}
		}
		return out, pos, 0
	}
	return e
}

// eucKRMakeup decodes an eight-byte make-up sequence (known to begin
// with the filler).
func eucKRMakeup(b []byte) (rune, bool) {
	if b[2] != eucKRJamoLead || b[4] != eucKRJamoLead || b[6] != eucKRJamoLead {
		return 0, false
	}
	cho, jung, jong := -1, -1, -1
	if c := b[3]; c >= 0xa1 && c <= 0xbe {
		cho = eucKRInitial[c-0xa1]
	}
	if c := b[5]; c >= 0xbf && c <= 0xd3 {
		jung = int(c - 0xbf)
	}
	switch c := b[7]; {
	case c == eucKRJamoFiller:
		jong = 0
	case c >= 0xa1 && c <= 0xbe:
		jong = eucKRFinal[c-0xa1]
	}
	if cho < 0 || jung < 0 || jong < 0 {
		return 0, false
	}
	return 0xac00 + rune(cho*588+jung*28+jong), true
}

// eucKRAppendMakeup appends the make-up sequence of a Hangul syllable.
func eucKRAppendMakeup(out []byte, r rune) []byte {
	s := int(r - 0xac00)
	cho, jung, jong := s/588, s/28%21, s%28
	jamo := func(idx []int, want int) byte {
		for i, x := range idx {
			if x == want {
				return byte(0xa1 + i)
			}
		}
		return 0
	}
	finalByte := byte(eucKRJamoFiller)
	if jong > 0 {
		finalByte = jamo(eucKRFinal[:], jong)
	}
	return append(out, eucKRJamoLead, eucKRJamoFiller, eucKRJamoLead, jamo(eucKRInitial[:], cho),
		eucKRJamoLead, byte(0xbf+jung), eucKRJamoLead, finalByte)
}
