package modules

import (
	"sync"

	"github.com/parallel-py/parallel/interp/modules/internal/cjkcodec"
)

// The stateful CJK codecs: HZ (GB2312 between ~{ and ~}) and the
// ISO-2022 family, whose escape sequences designate character sets
// into G0 and G1 (and, decoding ISO-2022-JP-2, G2), as CPython's do.
// The state keeps CPython's layout (G0..G3 in bytes 0..3, flags in byte
// 4) so that getstate() answers the same numbers.

// cjkStateful makes the engines of the stateful codecs by name.
var cjkStateful = map[string]func(name string) *mbEngine{
	"hz":             newHZEngine,
	"iso2022_kr":     newISO2022Engine,
	"iso2022_jp":     newISO2022Engine,
	"iso2022_jp_1":   newISO2022Engine,
	"iso2022_jp_2":   newISO2022Engine,
	"iso2022_jp_ext": newISO2022Engine,
}

// charset94 is a 94x94 character set: codes 0x2121..0x7E7E (the GL
// form, as ISO-2022 and HZ carry it).
type charset94 struct {
	dec map[uint16]rune
	enc map[rune]uint16
}

var (
	charsetsOnce                                sync.Once
	csJISX0208, csJISX0212, csKSX1001, csGB2312 *charset94
)

// loadCharsets reads the 94x94 sets out of the EUC tables: JIS X 0208
// and 0212 from EUC-JP, KS X 1001 from CP949 (whose first half it is),
// GB2312 from the gb2312 codec.
func loadCharsets() {
	charsetsOnce.Do(func() {
		eucjp := cjkcodec.Get("euc_jp")
		csJISX0208, csJISX0212 = &charset94{map[uint16]rune{}, map[rune]uint16{}}, &charset94{map[uint16]rune{}, map[rune]uint16{}}
		for c1 := uint32(0xa1); c1 <= 0xfe; c1++ {
			for c2 := uint32(0xa1); c2 <= 0xfe; c2++ {
				gl := uint16((c1<<8 | c2) - 0x8080)
				if r := eucjp.Decode(c1<<8|c2, 2); r != cjkcodec.None {
					csJISX0208.dec[gl] = r
				}
				if r := eucjp.Decode(0x8f0000|c1<<8|c2, 3); r != cjkcodec.None {
					csJISX0212.dec[gl] = r
				}
			}
		}
		for r, v := range eucjp.Enc {
			seq, n := uint32(v), int(v>>32)
			switch {
			case n == 2 && seq>>8 >= 0xa1 && seq&0xff >= 0xa1:
				csJISX0208.enc[r] = uint16(seq - 0x8080)
			case n == 3 && seq>>16 == 0x8f:
				csJISX0212.enc[r] = uint16(seq&0xffff - 0x8080)
			}
		}
		csKSX1001 = gl94(cjkcodec.Get("cp949"))
		csGB2312 = gl94(cjkcodec.Get("gb2312"))
	})
}

// gl94 is the 94x94 set in the A1..FE x A1..FE part of an EUC table.
func gl94(t *cjkcodec.Table) *charset94 {
	cs := &charset94{map[uint16]rune{}, map[rune]uint16{}}
	for c1 := uint32(0xa1); c1 <= 0xfe; c1++ {
		for c2 := uint32(0xa1); c2 <= 0xfe; c2++ {
			if r := t.Decode(c1<<8|c2, 2); r != cjkcodec.None {
				cs.dec[uint16((c1<<8|c2)-0x8080)] = r
			}
		}
	}
	for r, v := range t.Enc {
		if seq, n := uint32(v), int(v>>32); n == 2 && seq>>8 >= 0xa1 && seq&0xff >= 0xa1 {
			cs.enc[r] = uint16(seq - 0x8080)
		}
	}
	return cs
}

// HZ.

func newHZEngine(name string) *mbEngine {
	loadCharsets()
	gb := csGB2312
	e := &mbEngine{name: name}
	e.decode = func(st *mbState, data []byte, pos int, out []rune) ([]rune, int, int) {
		for pos < len(data) {
			c := data[pos]
			if c == '~' {
				if len(data)-pos < 2 {
					return out, pos, mbTooFew
				}
				c2 := data[pos+1]
				switch {
				case c2 == '~' && st[0] == 0:
					out = append(out, '~')
				case c2 == '{' && st[0] == 0:
					st[0] = 1
				case c2 == '\n' && st[0] == 0:
				case c2 == '}' && st[0] == 1:
					st[0] = 0
				default:
					return out, pos, 1
				}
				pos += 2
				continue
			}
			if c&0x80 != 0 {
				return out, pos, 1
			}
			if st[0] == 0 {
				out = append(out, rune(c))
				pos++
				continue
			}
			if len(data)-pos < 2 {
				return out, pos, mbTooFew
			}
			r, ok := gb.dec[uint16(c)<<8|uint16(data[pos+1])]
			if !ok {
				return out, pos, 1
			}
			out = append(out, r)
			pos += 2
		}
		return out, pos, 0
	}
	e.encode = func(st *mbState, text []rune, pos int, out []byte, flush bool) ([]byte, int, int) {
		for ; pos < len(text); pos++ {
			r := text[pos]
			if r < 0x80 {
				if st[0] != 0 {
					out = append(out, '~', '}')
					st[0] = 0
				}
				out = append(out, byte(r))
				if r == '~' {
					out = append(out, '~')
				}
				continue
			}
			code, ok := gb.enc[r]
			if !ok {
				return out, pos, 1
			}
			if st[0] == 0 {
				out = append(out, '~', '{')
				st[0] = 1
			}
			out = append(out, byte(code>>8), byte(code))
		}
		return out, pos, 0
	}
	e.encReset = func(st *mbState, out []byte) []byte {
		if st[0] != 0 {
			out = append(out, '~', '}')
			st[0] = 0
		}
		return out
	}
	e.decReset = func(st *mbState) { st[0] = 0 }
	return e
}

// ISO-2022.

// The character sets' marks (the final byte of their designations,
// with the high bit for the two-byte ones), as CPython's state holds
// them.
const (
	isoASCII     = 'B'
	isoISO8859_1 = 'A'
	isoISO8859_7 = 'F'
	isoJISX0201K = 'I'
	isoJISX0201R = 'J'
	isoDBCS      = 0x80
	isoGB2312    = 'A' | isoDBCS
	isoJISX0208  = 'B' | isoDBCS
	isoKSX1001   = 'C' | isoDBCS
	isoJISX0212  = 'D' | isoDBCS
	isoJISX0208O = '@' | isoDBCS
)

// The state's flags (byte 4).
const (
	isoShifted       = 0x01
	isoEscThroughout = 0x02
)

// The codecs' options.
const (
	isoNoShift = 1 << iota
	isoUseG2
	isoJISX0208Ext
)

const (
	esc = 0x1b
	so  = 0x0e
	si  = 0x0f
)

// isoDesignation is a character set a codec may designate: into G0
// (plane 0), G1 or G2, one or two bytes wide. encode answers false for
// a character the set lacks; decode the character of a code.
type isoDesignation struct {
	mark   byte
	plane  int
	width  int
	decode func(b []byte) (rune, bool)
	encode func(r rune) (uint16, bool)
}

func set94Designation(mark byte, plane int, cs **charset94) isoDesignation {
	return isoDesignation{mark: mark, plane: plane, width: 2,
		decode: func(b []byte) (rune, bool) {
			r, ok := (*cs).dec[uint16(b[0])<<8|uint16(b[1])]
			return r, ok
		},
		encode: func(r rune) (uint16, bool) {
			c, ok := (*cs).enc[r]
			return c, ok
		}}
}

// jisx0208Designation is JIS X 0208 (the 1983 set, and the 1978 one
// under mark @, which decodes the same).
func jisx0208Designation(mark byte) isoDesignation {
	d := set94Designation(mark, 0, &csJISX0208)
	if mark == isoJISX0208O {
		d.encode = func(r rune) (uint16, bool) { return 0, false }
	}
	return d
}

var isoSetJISX0201R = isoDesignation{mark: isoJISX0201R, plane: 0, width: 1,
	decode: func(b []byte) (rune, bool) {
		switch c := b[0]; {
		case c == 0x5c:
			return 0xa5, true
		case c == 0x7e:
			return 0x203e, true
		case c < 0x80:
			return rune(c), true
		}
		return 0, false
	},
	encode: func(r rune) (uint16, bool) {
		switch {
		case r == 0xa5:
			return 0x5c, true
		case r == 0x203e:
			return 0x7e, true
		case r < 0x80 && r != 0x5c && r != 0x7e:
			return uint16(r), true
		}
		return 0, false
	}}

var isoSetJISX0201K = isoDesignation{mark: isoJISX0201K, plane: 0, width: 1,
	decode: func(b []byte) (rune, bool) {
		if c := b[0] ^ 0x80; c >= 0xa1 && c <= 0xdf {
			return 0xfec0 + rune(c), true
		}
		return 0, false
	},
	encode: func(r rune) (uint16, bool) {
		if r >= 0xff61 && r <= 0xff9f {
			return uint16(r-0xfec0) & 0x7f, true
		}
		return 0, false
	}}

// isoG2Only is a set ISO-2022-JP-2 only decodes, through G2 (Latin-1
// and Greek): never chosen to encode.
func isoG2Only(mark byte) isoDesignation {
	return isoDesignation{mark: mark, plane: 2, width: 1,
		decode: func(b []byte) (rune, bool) { return 0, false },
		encode: func(r rune) (uint16, bool) { return 0, false }}
}

// isoConfigs are the codecs' options and sets, in the order the
// encoder tries the sets.
var isoConfigs = map[string]struct {
	flags int
	sets  []isoDesignation
}{
	"iso2022_kr": {0, []isoDesignation{set94Designation(isoKSX1001, 1, &csKSX1001)}},
	"iso2022_jp": {isoNoShift | isoJISX0208Ext, []isoDesignation{
		jisx0208Designation(isoJISX0208), isoSetJISX0201R, jisx0208Designation(isoJISX0208O)}},
	"iso2022_jp_1": {isoNoShift | isoJISX0208Ext, []isoDesignation{
		jisx0208Designation(isoJISX0208), set94Designation(isoJISX0212, 0, &csJISX0212), isoSetJISX0201R,
		jisx0208Designation(isoJISX0208O)}},
	"iso2022_jp_2": {isoNoShift | isoUseG2 | isoJISX0208Ext, []isoDesignation{
		jisx0208Designation(isoJISX0208), set94Designation(isoJISX0212, 0, &csJISX0212),
		set94Designation(isoKSX1001, 0, &csKSX1001), set94Designation(isoGB2312, 0, &csGB2312),
		isoSetJISX0201R, jisx0208Designation(isoJISX0208O), isoG2Only(isoISO8859_1), isoG2Only(isoISO8859_7)}},
	"iso2022_jp_ext": {isoNoShift | isoJISX0208Ext, []isoDesignation{
		jisx0208Designation(isoJISX0208), set94Designation(isoJISX0212, 0, &csJISX0212), isoSetJISX0201R,
		isoSetJISX0201K, jisx0208Designation(isoJISX0208O)}},
}

// isoEscEnd reports whether c ends an escape sequence.
func isoEscEnd(c byte) bool { return c >= 'A' && c <= 'Z' || c == '@' }

// isoGreek decodes the GR byte c of ISO-8859-7 as CPython's ISO-2022
// decoder does (ok false for its holes).
func isoGreek(c byte) (rune, bool) {
	switch {
	case c < 0xa0:
		return rune(c), true
	case c < 0xc0 && 0x288f3bc9&(1<<(c-0xa0)) != 0:
		return rune(c), true
	case c >= 0xb4 && c <= 0xfe && (c >= 0xd4 || 0xbffffd77&(1<<(c-0xb4)) != 0):
		return 0x02d0 + rune(c), true
	case c == 0xa1:
		return 0x2018, true
	case c == 0xa2:
		return 0x2019, true
	case c == 0xaf:
		return 0x2015, true
	}
	return 0, false
}

func newISO2022Engine(name string) *mbEngine {
	loadCharsets()
	cfg := isoConfigs[name]
	e := &mbEngine{name: name}
	find := func(mark byte) *isoDesignation {
		for i := range cfg.sets {
			if cfg.sets[i].mark == mark {
				return &cfg.sets[i]
			}
		}
		return nil
	}
	e.encInit = func(st *mbState) { st[4] = 0; st[0], st[1] = isoASCII, isoASCII }
	e.decInit = func(st *mbState) { st[4] = 0; st[0], st[1], st[2] = isoASCII, isoASCII, isoASCII }
	e.encReset = func(st *mbState, out []byte) []byte {
		if st[4]&isoShifted != 0 {
			out = append(out, si)
			st[4] &^= isoShifted
		}
		if st[0] != isoASCII {
			out = append(out, esc, '(', 'B')
			st[0] = isoASCII
		}
		return out
	}
	e.decReset = func(st *mbState) { st[0] = isoASCII; st[4] &^= isoShifted }

	// escape reads the escape sequence at data[pos:] (ESC and a byte
	// that may begin a designation): its length, or an error.
	escape := func(st *mbState, data []byte, pos int) (int, int) {
		b := data[pos:]
		esclen := 0
		for i := 1; i < 16; i++ {
			if i >= len(b) {
				return 0, mbTooFew
			}
			if isoEscEnd(b[i]) {
				esclen = i + 1
				break
			}
			if cfg.flags&isoJISX0208Ext != 0 && i+1 < len(b) && b[i] == '&' && b[i+1] == '@' {
				i += 2
			}
		}
		var charset byte
		var plane int
		switch esclen {
		case 0:
			return 0, 1
		case 3:
			if b[1] == '$' {
				charset, plane = b[2]|isoDBCS, 0
			} else {
				charset = b[2]
				switch {
				case b[1] == '(':
					plane = 0
				case b[1] == ')':
					plane = 1
				case cfg.flags&isoUseG2 != 0 && b[1] == '.':
					plane = 2
				default:
					return 0, 3
				}
			}
		case 4:
			if b[1] != '$' {
				return 0, 4
			}
			charset = b[3] | isoDBCS
			switch b[2] {
			case '(':
				plane = 0
			case ')':
				plane = 1
			default:
				return 0, 4
			}
		case 6:
			if cfg.flags&isoJISX0208Ext != 0 && b[3] == esc && b[4] == '$' && b[5] == 'B' {
				charset, plane = 'B'|isoDBCS, 0
			} else {
				return 0, 6
			}
		default:
			return 0, esclen
		}
		if charset != isoASCII && find(charset) == nil {
			return 0, esclen
		}
		st[plane] = charset
		return esclen, 0
	}

	e.decode = func(st *mbState, data []byte, pos int, out []rune) ([]rune, int, int) {
		for pos < len(data) {
			c := data[pos]
			if st[4]&isoEscThroughout != 0 {
				// After an escape sequence of no ISO-2022 kind, bytes
				// pass as Latin-1 until one that could end it.
				out = append(out, rune(c))
				pos++
				if isoEscEnd(c) {
					st[4] &^= isoEscThroughout
				}
				continue
			}
			switch {
			case c == esc:
				if len(data)-pos < 2 {
					return out, pos, mbTooFew
				}
				c2 := data[pos+1]
				switch {
				case c2 == '(' || c2 == ')' || c2 == '$' || c2 == '.' || c2 == '&':
					n, r := escape(st, data, pos)
					if r != 0 {
						return out, pos, r
					}
					pos += n
				case cfg.flags&isoUseG2 != 0 && c2 == 'N':
					if len(data)-pos < 3 {
						return out, pos, mbTooFew
					}
					c3 := data[pos+2]
					switch st[2] {
					case isoISO8859_1:
						if c3 >= 0x80 {
							return out, pos, 3
						}
						out = append(out, rune(c3)+0x80)
					case isoISO8859_7:
						r, ok := isoGreek(c3 ^ 0x80)
						if !ok {
							return out, pos, 3
						}
						out = append(out, r)
					case isoASCII:
						if c3&0x80 != 0 {
							return out, pos, 3
						}
						out = append(out, rune(c3))
					default:
						return out, pos, 1
					}
					pos += 3
				default:
					out = append(out, esc)
					st[4] |= isoEscThroughout
					pos++
				}
			case c == si && cfg.flags&isoNoShift == 0:
				st[4] &^= isoShifted
				pos++
			case c == so && cfg.flags&isoNoShift == 0:
				st[4] |= isoShifted
				pos++
			case c == '\n':
				st[4] &^= isoShifted
				out = append(out, '\n')
				pos++
			case c < 0x20:
				out = append(out, rune(c))
				pos++
			case c >= 0x80:
				return out, pos, 1
			default:
				charset := st[0]
				if st[4]&isoShifted != 0 {
					charset = st[1]
				}
				if charset == isoASCII {
					out = append(out, rune(c))
					pos++
					continue
				}
				d := find(charset)
				if d == nil {
					return out, pos, 1
				}
				if len(data)-pos < d.width {
					return out, pos, mbTooFew
				}
				r, ok := d.decode(data[pos : pos+d.width])
				if !ok {
					return out, pos, d.width
				}
				out = append(out, r)
				pos += d.width
			}
		}
		return out, pos, 0
	}

	e.encode = func(st *mbState, text []rune, pos int, out []byte, flush bool) ([]byte, int, int) {
		for ; pos < len(text); pos++ {
			r := text[pos]
			if r < 0x80 {
				if st[0] != isoASCII {
					out = append(out, esc, '(', 'B')
					st[0] = isoASCII
				}
				if st[4]&isoShifted != 0 {
					out = append(out, si)
					st[4] &^= isoShifted
				}
				out = append(out, byte(r))
				continue
			}
			var d *isoDesignation
			var code uint16
			for i := range cfg.sets {
				if c, ok := cfg.sets[i].encode(r); ok {
					d, code = &cfg.sets[i], c
					break
				}
			}
			if d == nil {
				return out, pos, 1
			}
			switch d.plane {
			case 0:
				if st[4]&isoShifted != 0 {
					out = append(out, si)
					st[4] &^= isoShifted
				}
				if st[0] != d.mark {
					switch {
					case d.width == 1:
						out = append(out, esc, '(', d.mark&0x7f)
					case d.mark == isoJISX0208:
						out = append(out, esc, '$', d.mark&0x7f)
					default:
						out = append(out, esc, '$', '(', d.mark&0x7f)
					}
					st[0] = d.mark
				}
			case 1:
				if st[1] != d.mark {
					if d.width == 1 {
						out = append(out, esc, ')', d.mark&0x7f)
					} else {
						out = append(out, esc, '$', ')', d.mark&0x7f)
					}
					st[1] = d.mark
				}
				if st[4]&isoShifted == 0 {
					out = append(out, so)
					st[4] |= isoShifted
				}
			}
			if d.width == 1 {
				out = append(out, byte(code))
			} else {
				out = append(out, byte(code>>8), byte(code))
			}
		}
		return out, pos, 0
	}
	return e
}
