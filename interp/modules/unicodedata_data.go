package modules

import (
	"fmt"
	"github.com/parallel-py/parallel/interp/syntax"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"
)

// The character database behind unicodedata: the property records of
// unicodedata_tables.go (generated from CPython 3.12's own module) for
// Unicode 15.0.0 and 3.2.0, decompositions, numeric values, and names.
// Names come from golang.org/x/text/unicode/runenames, filtered by our
// 15.0.0 categories so that a newer table there (its Unicode 17.0.0 one
// is selected from Go 1.27 on) cannot add names 15.0.0 lacks; names
// never change once assigned.

// ucdVersion is one version of the database: 15.0.0, which the module
// functions use, or 3.2.0 (unicodedata.ucd_3_2_0, for IDNA).
type ucdVersion struct {
	name   string
	runs   []uint32
	is32   bool
	latin1 [256]uint32 // the records of U+0000 to U+00FF, found once
}

var (
	ucd15 = &ucdVersion{name: "15.0.0", runs: ucdRuns15[:]}
	ucd32 = &ucdVersion{name: "3.2.0", runs: ucdRuns32[:], is32: true}
)

func init() {
	for _, v := range []*ucdVersion{ucd15, ucd32} {
		for r := range rune(256) {
			v.latin1[r] = v.search(r)
		}
	}
}

// record returns the packed property record of r (see ucdRecords).
func (v *ucdVersion) record(r rune) uint32 {
	if r >= 0 && r < 256 {
		return v.latin1[r]
	}
	return v.search(r)
}

// search finds the record of r in the runs.
func (v *ucdVersion) search(r rune) uint32 {
	if r < 0 || r > 0x10FFFF {
		return 0
	}
	key := uint32(r)<<11 | 0x7FF
	i := sort.Search(len(v.runs), func(i int) bool { return v.runs[i] > key })
	return ucdRecords[v.runs[i-1]&0x7FF]
}

// The fields of a record.
func recCategory(rec uint32) int { return int(rec & 31) }
func recBidi(rec uint32) int     { return int(rec >> 5 & 31) }
func recWidth(rec uint32) int    { return int(rec >> 10 & 7) }
func recMirrored(rec uint32) int { return int(rec >> 13 & 1) }
func recCombining(rec uint32) int {
	return int(rec >> 14 & 255)
}

// Quick-check answers, two bits per form in a record.
const (
	qcYes = iota
	qcMaybe
	qcNo
)

// normForm is a normalization form; its value is the shift of its
// quick check in a record, above bit 22.
type normForm int

const (
	formNFD  normForm = 0
	formNFKD normForm = 2
	formNFC  normForm = 4
	formNFKC normForm = 6
)

func recQuickCheck(rec uint32, f normForm) int { return int(rec >> (22 + uint(f)) & 3) }

// unassigned reports whether r has no character in v (category Cn).
func (v *ucdVersion) unassigned(r rune) bool { return recCategory(v.record(r)) == 0 }

// combining15 is the canonical combining class normalization uses in
// either version, as CPython's does.
func combining15(r rune) int { return recCombining(ucd15.record(r)) }

// numericValue is a character's entry in ucdNumerics.
type numericValue struct {
	decimal, digit int8 // -1: none
	numeric        float64
	hasNumeric     bool
}

// The tables parsed from the generated text, on first use.
var (
	ucdOnce      sync.Once
	ucdDecomps   map[rune]string
	ucdNums      map[rune]numericValue
	ucdNums32    map[rune]numericValue
	ucdCorrected map[rune]rune
	ucdCompose   map[[2]rune]rune // primary composites by their two parts
	ucdFirsts    map[rune]bool    // characters that are first in one
)

func loadUCD() {
	ucdOnce.Do(func() {
		ucdDecomps = make(map[rune]string, 6000)
		ucdCompose = make(map[[2]rune]rune, 1000)
		for line := range strings.Lines(ucdDecompositions) {
			code, d, _ := strings.Cut(strings.TrimSuffix(line, "\n"), ";")
			r := parseHexRune(code)
			ucdDecomps[r] = d
			if parts := strings.Fields(d); len(parts) == 2 && d[0] != '<' && recQuickCheck(ucd15.record(r), formNFC) != qcNo {
				ucdCompose[[2]rune{parseHexRune(parts[0]), parseHexRune(parts[1])}] = r
			}
		}
		ucdFirsts = make(map[rune]bool, len(ucdCompose))
		for k := range ucdCompose {
			ucdFirsts[k[0]] = true
		}
		ucdNums = parseNumerics(ucdNumerics)
		ucdNums32 = parseNumerics(ucdNumerics32)
		ucdCorrected = map[rune]rune{}
		for line := range strings.Lines(ucdCorrections32) {
			from, to, _ := strings.Cut(strings.TrimSuffix(line, "\n"), ";")
			ucdCorrected[parseHexRune(from)] = parseHexRune(to)
		}
	})
}

func parseHexRune(s string) rune {
	n, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		panic("unicodedata: bad table entry " + s)
	}
	return rune(n)
}

func parseNumerics(text string) map[rune]numericValue {
	m := map[rune]numericValue{}
	for line := range strings.Lines(text) {
		f := strings.Split(strings.TrimSuffix(line, "\n"), ";")
		nv := numericValue{decimal: -1, digit: -1}
		if f[1] != "-" {
			nv.decimal = int8(f[1][0] - '0')
		}
		if f[2] != "-" {
			nv.digit = int8(f[2][0] - '0')
		}
		if f[3] != "-" {
			x, err := strconv.ParseFloat(f[3], 64)
			if err != nil {
				panic("unicodedata: bad numeric entry " + line)
			}
			nv.numeric, nv.hasNumeric = x, true
		}
		m[parseHexRune(f[0])] = nv
	}
	return m
}

// numeric returns r's numeric properties in v.
func (v *ucdVersion) numeric(r rune) (numericValue, bool) {
	loadUCD()
	if v.is32 {
		if nv, ok := ucdNums32[r]; ok {
			return nv, true
		}
		if v.unassigned(r) {
			return numericValue{}, false
		}
	}
	nv, ok := ucdNums[r]
	return nv, ok
}

// decomposition is unicodedata.decomposition: "" for none.
func (v *ucdVersion) decomposition(r rune) string {
	if v.is32 && v.unassigned(r) {
		return ""
	}
	loadUCD()
	return ucdDecomps[r]
}

// Hangul syllables are composed of jamo arithmetically (Unicode 3.12).
const (
	hangulSBase  = 0xAC00
	hangulLBase  = 0x1100
	hangulVBase  = 0x1161
	hangulTBase  = 0x11A7
	hangulLCount = 19
	hangulVCount = 21
	hangulTCount = 28
	hangulNCount = hangulVCount * hangulTCount
	hangulSCount = hangulLCount * hangulNCount
)

// The short names of the jamo, from which syllable names are made.
var (
	jamoInitials = []string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	jamoMedials  = []string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	jamoFinals   = []string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

// isUnifiedIdeograph reports whether r lies in a block of CJK unified
// ideographs of Unicode 15.0.0, whose names are algorithmic.
func isUnifiedIdeograph(r rune) bool {
	return 0x3400 <= r && r <= 0x4DBF || 0x4E00 <= r && r <= 0x9FFF ||
		0x20000 <= r && r <= 0x2A6DF || 0x2A700 <= r && r <= 0x2B739 ||
		0x2B740 <= r && r <= 0x2B81D || 0x2B820 <= r && r <= 0x2CEA1 ||
		0x2CEB0 <= r && r <= 0x2EBE0 || 0x30000 <= r && r <= 0x3134A ||
		0x31350 <= r && r <= 0x323AF
}

// charName is unicodedata.name: ok is false when r has none in v.
func (v *ucdVersion) charName(r rune) (string, bool) {
	if v.is32 && v.unassigned(r) {
		return "", false
	}
	if r >= hangulSBase && r < hangulSBase+hangulSCount {
		s := r - hangulSBase
		return "HANGUL SYLLABLE " + jamoInitials[s/hangulNCount] + jamoMedials[s%hangulNCount/hangulTCount] + jamoFinals[s%hangulTCount], true
	}
	if isUnifiedIdeograph(r) {
		return fmt.Sprintf("CJK UNIFIED IDEOGRAPH-%X", r), true
	}
	if ucd15.unassigned(r) {
		return "", false
	}
	n := runenames.Name(r)
	if n == "" || n[0] == '<' {
		return "", false
	}
	return n, true
}

// The names lookup finds: character names, aliases and named sequences
// of 15.0.0, by their upper-case form; built on first use.
var (
	ucdNamesOnce sync.Once
	ucdByName    map[string]rune
	ucdByAlias   map[string]rune
	ucdSequences map[string][]rune
)

func loadNames() {
	ucdNamesOnce.Do(func() {
		ucdByName = make(map[string]rune, 40000)
		for i, run := range ucdRuns15 {
			// Only assigned characters have names: runs of Cn are skipped
			// whole.
			if recCategory(ucdRecords[run&0x7FF]) == 0 {
				continue
			}
			start, end := rune(run>>11), rune(0x110000)
			if i+1 < len(ucdRuns15) {
				end = rune(ucdRuns15[i+1] >> 11)
			}
			for r := start; r < end; r++ {
				if r >= hangulSBase && r < hangulSBase+hangulSCount || isUnifiedIdeograph(r) {
					continue
				}
				if n := runenames.Name(r); n != "" && n[0] != '<' {
					ucdByName[n] = r
				}
			}
		}
		ucdByAlias = map[string]rune{}
		for line := range strings.Lines(syntax.UnicodeNameAliases) {
			name, code, _ := strings.Cut(strings.TrimSuffix(line, "\n"), ";")
			ucdByAlias[name] = parseHexRune(code)
		}
		ucdSequences = map[string][]rune{}
		for line := range strings.Lines(ucdNamedSequences) {
			name, codes, _ := strings.Cut(strings.TrimSuffix(line, "\n"), ";")
			var rs []rune
			for _, c := range strings.Fields(codes) {
				rs = append(rs, parseHexRune(c))
			}
			ucdSequences[name] = rs
		}
	})
}

// lookupName is unicodedata.lookup on the UTF-8 bytes of a name: the
// code points it names, or nil.
func (v *ucdVersion) lookupName(name string) []rune {
	const hangul = "HANGUL SYLLABLE "
	if strings.HasPrefix(name, hangul) {
		// The longest initial, medial and final jamo names, in turn; the
		// initial may be empty, as CPython's find_syllable allows.
		s := name[len(hangul):]
		longest := func(table []string) int {
			best, bestLen := -1, -1
			for i, j := range table {
				if len(j) > bestLen && strings.HasPrefix(s, j) {
					best, bestLen = i, len(j)
				}
			}
			if best >= 0 {
				s = s[bestLen:]
			}
			return best
		}
		l, m, f := longest(jamoInitials), longest(jamoMedials), longest(jamoFinals)
		if l < 0 || m < 0 || f < 0 || s != "" {
			return nil
		}
		return []rune{rune(hangulSBase + (l*hangulVCount+m)*hangulTCount + f)}
	}
	const cjk = "CJK UNIFIED IDEOGRAPH-"
	if strings.HasPrefix(name, cjk) {
		hex := name[len(cjk):]
		if len(hex) != 4 && len(hex) != 5 {
			return nil
		}
		r := rune(0)
		for i := 0; i < len(hex); i++ {
			switch c := hex[i]; {
			case c >= '0' && c <= '9':
				r = r*16 + rune(c-'0')
			case c >= 'A' && c <= 'F':
				r = r*16 + rune(c-'A') + 10
			default:
				return nil
			}
		}
		if !isUnifiedIdeograph(r) {
			return nil
		}
		return []rune{r}
	}
	upper := make([]byte, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 0x80 {
			return nil
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		upper[i] = c
	}
	loadNames()
	key := string(upper)
	if r, ok := ucdByName[key]; ok {
		if v.is32 && v.unassigned(r) {
			return nil
		}
		return []rune{r}
	}
	if v.is32 {
		// Unicode 3.2.0 had neither aliases nor named sequences.
		return nil
	}
	if r, ok := ucdByAlias[key]; ok {
		return []rune{r}
	}
	return ucdSequences[key]
}
