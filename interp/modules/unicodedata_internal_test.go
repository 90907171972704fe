package modules

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"
)

// The whole database against CPython 3.12's: every property of every
// code point in both versions (compared by digests of blocks of code
// points, then line by line within a block that differs), and the
// normal forms of many random strings.

// ucdDumpPy prints, for each version and each block of 0x1000 code
// points, the SHA-256 of the lines ucdLine makes for the code points
// ucdSampled selects; for a single block, the lines too.
const ucdDumpPy = `
import hashlib, struct, sys, unicodedata as u
lo, hi, full = int(sys.argv[1], 16), int(sys.argv[2], 16), sys.argv[3] == '1'
def sampled(c): return full or c < 0x3400 or c % 37 == 0
def hx(s): return ' '.join('%X' % ord(c) for c in s)
def line(U, c):
    ch = chr(c)
    num = U.numeric(ch, None)
    num = '-' if num is None else '%x' % struct.unpack('<Q', struct.pack('<d', num))[0]
    fields = ['%X' % c, U.name(ch, '-'), U.category(ch), U.bidirectional(ch), str(U.combining(ch)), U.east_asian_width(ch),
              str(U.mirrored(ch)), U.decomposition(ch), str(U.decimal(ch, '-')), str(U.digit(ch, '-')), num]
    fields += [hx(U.normalize(f, ch)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')]
    return '|'.join(fields) + '\n'
for U in (u, u.ucd_3_2_0):
    for block in range(lo, hi, 0x1000):
        h = hashlib.sha256()
        for c in range(block, min(block + 0x1000, hi)):
            if sampled(c):
                h.update(line(U, c).encode())
        print(U.unidata_version, '%X' % block, h.hexdigest())
        if lo + 0x1000 >= hi:
            for c in range(block, min(block + 0x1000, hi)):
                print(line(U, c), end='')
`

func ucdLine(v *ucdVersion, r rune) string {
	hx := func(rs []rune) string {
		parts := make([]string, len(rs))
		for i, c := range rs {
			parts[i] = fmt.Sprintf("%X", c)
		}
		return strings.Join(parts, " ")
	}
	name, ok := v.charName(r)
	if !ok {
		name = "-"
	}
	rec := v.record(r)
	dec, dig, num := "-", "-", "-"
	if nv, ok := v.numeric(r); ok {
		if nv.decimal >= 0 {
			dec = strconv.Itoa(int(nv.decimal))
		}
		if nv.digit >= 0 {
			dig = strconv.Itoa(int(nv.digit))
		}
		if nv.hasNumeric {
			num = strconv.FormatUint(math.Float64bits(nv.numeric), 16)
		}
	}
	fields := []string{fmt.Sprintf("%X", r), name, ucdCategories[recCategory(rec)], ucdBidiClasses[recBidi(rec)],
		strconv.Itoa(recCombining(rec)), ucdWidths[recWidth(rec)], strconv.Itoa(recMirrored(rec)), v.decomposition(r), dec, dig, num}
	for _, f := range []normForm{formNFC, formNFD, formNFKC, formNFKD} {
		fields = append(fields, hx(v.normalize([]rune{r}, f)))
	}
	return strings.Join(fields, "|") + "\n"
}

func runUCDOracle(t *testing.T, script string, args ...string) []string {
	t.Helper()
	cmd := pyoracle.Command(append([]string{"-c", script}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("no CPython 3.12: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// ucdSampled selects the code points compared: those below U+3400 and
// one in 37 above, unless UCD_FULL=1 asks for all of them (a minute's
// work, worth doing when the tables or the Go version change).
func ucdSampled(r rune, full bool) bool { return full || r < 0x3400 || r%37 == 0 }

func TestUnicodedataCodePoints(t *testing.T) {
	full := os.Getenv("UCD_FULL") == "1"
	fullArg := "0"
	if full {
		fullArg = "1"
	}
	versions := map[string]*ucdVersion{"15.0.0": ucd15, "3.2.0": ucd32}
	bad := 0
	for _, line := range runUCDOracle(t, ucdDumpPy, "0", "110000", fullArg) {
		f := strings.Fields(line)
		v := versions[f[0]]
		block, _ := strconv.ParseUint(f[1], 16, 32)
		h := sha256.New()
		for r := rune(block); r < rune(block)+0x1000; r++ {
			if ucdSampled(r, full) {
				h.Write([]byte(ucdLine(v, r)))
			}
		}
		if fmt.Sprintf("%x", h.Sum(nil)) == f[2] {
			continue
		}
		// Show the first differing lines of the block.
		lines := runUCDOracle(t, ucdDumpPy, f[1], fmt.Sprintf("%X", block+0x1000), "1")
		// That dump has 15.0.0's digest and lines, then 3.2.0's.
		wantLines := lines[1 : 1+0x1000]
		if v == ucd32 {
			wantLines = lines[2+0x1000:]
		}
		for i, r := 0, rune(block); r < rune(block)+0x1000 && i < len(wantLines); i, r = i+1, r+1 {
			if got := ucdLine(v, r); got != wantLines[i]+"\n" {
				t.Errorf("%s U+%04X:\n got  %s want %s", v.name, r, got, wantLines[i])
				if bad++; bad > 20 {
					t.FailNow()
				}
			}
		}
	}
}

// ucdStringsPy prints random strings of characters that decompose,
// compose and reorder, with their normal forms in both versions, whether
// each is normalized, and whether normalize returned the str itself.
const ucdStringsPy = `
import random, unicodedata as u
random.seed(1234)
pool = set()
for c in range(0x110000):
    ch = chr(c)
    if u.combining(ch) or u.decomposition(ch) or u.ucd_3_2_0.decomposition(ch):
        pool.add(c)
for c in range(0x110000):
    for p in u.decomposition(chr(c)).split():
        if not p.startswith('<'):
            pool.add(int(p, 16))
pool |= set(range(0x1100, 0x1200)) | set(range(0xAC00, 0xAC60)) | {0x41, 0x61, 0x20, 0x3B1, 0x1F600}
pool = sorted(pool)
def hx(s): return ' '.join('%X' % ord(c) for c in s)
for i in range(6000):
    s = ''.join(chr(random.choice(pool)) for _ in range(random.randint(2, 7)))
    s = s * (i % 3 == 0 and 2 or 1)
    out = [hx(s)]
    for U in (u, u.ucd_3_2_0):
        for f in ('NFC', 'NFD', 'NFKC', 'NFKD'):
            n = U.normalize(f, s)
            out += [hx(n), str(int(U.is_normalized(f, s))), str(int(n is s))]
    print('|'.join(out))
`

func TestUnicodedataNormalizeStrings(t *testing.T) {
	lines := runUCDOracle(t, ucdStringsPy)
	parse := func(s string) []rune {
		var rs []rune
		for _, p := range strings.Fields(s) {
			rs = append(rs, parseHexRune(p))
		}
		return rs
	}
	bad := 0
	sc := bufio.NewScanner(strings.NewReader(strings.Join(lines, "\n")))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "|")
		s := parse(f[0])
		i := 1
		for _, v := range []*ucdVersion{ucd15, ucd32} {
			for _, form := range []normForm{formNFC, formNFD, formNFKC, formNFKD} {
				n := v.normalize(s, form)
				same := len(s) == 0 || v.quickCheck(s, form, true) == qcYes
				isNorm := equalRunes(n, s)
				if qc := v.quickCheck(s, form, false); qc != qcMaybe {
					isNorm = qc == qcYes
				}
				got := fmt.Sprintf("%s|%d|%d", runesHex(n), b2i(isNorm), b2i(same))
				want := strings.Join(f[i:i+3], "|")
				if got != want {
					t.Errorf("%s form %d of %s: got %s, want %s", v.name, form, f[0], got, want)
					if bad++; bad > 20 {
						t.FailNow()
					}
				}
				i += 3
			}
		}
	}
}

func runesHex(rs []rune) string {
	parts := make([]string, len(rs))
	for i, c := range rs {
		parts[i] = fmt.Sprintf("%X", c)
	}
	return strings.Join(parts, " ")
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestUnicodedataLookupNames checks that every name lookup finds its
// character again, in any case, and that 3.2.0 finds only its own.
func TestUnicodedataLookupNames(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		name, ok := ucd15.charName(r)
		if !ok {
			continue
		}
		for _, n := range []string{name, strings.ToLower(name)} {
			if strings.HasPrefix(name, "HANGUL SYLLABLE") || strings.HasPrefix(name, "CJK UNIFIED") {
				if n != name {
					continue
				}
			}
			got := ucd15.lookupName(n)
			if len(got) != 1 || got[0] != r {
				t.Fatalf("lookup(%q) = %U, want %U", n, got, r)
			}
		}
		_, has32 := ucd32.charName(r)
		if got := ucd32.lookupName(name); has32 != (len(got) == 1) && !isUnifiedIdeograph(r) && !(r >= hangulSBase && r < hangulSBase+hangulSCount) {
			t.Fatalf("3.2.0 lookup(%q) = %U, has name %v", name, got, has32)
		}
	}
}
