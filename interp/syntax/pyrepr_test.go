// Tests of the repr functions. The tables hold CPython 3.12.1's output; the
// *CPython tests compare against CPython at test time and skip without it
// (see cpython in stdlib_test.go).

package syntax

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestReprString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `''`},
		{"a", `'a'`},
		{"it's", `"it's"`},
		{`"`, `'"'`},
		{`both ' "`, `'both \' "'`},
		{`\`, `'\\'`},
		{"\t\n\r", `'\t\n\r'`},
		{"\x00\x1f\x7f\u0080\u009f\u00a0\u00a1\u00ad\u00ff", `'\x00\x1f\x7f\x80\x9f\xa0¡\xadÿ'`},
		{"\u0100\u2028\u2029\u200b\ufeff\uffff\ufffd", `'Ā\u2028\u2029\u200b\ufeff\uffff�'`},
		{"\U0001f600\U000e0001\U0010ffff\U000f0000", `'😀\U000e0001\U0010ffff\U000f0000'`},
		{"\xed\xa0\x80\xed\xbf\xbf\xed\xb2\x80", `'\ud800\udfff\udc80'`}, // WTF-8 surrogates
		{"é日本", `'é日本'`},
		{" ", `' '`},
		{"\u3000", `'\u3000'`},
		{"\u0378", `'\u0378'`},
		{"\xff", `'` + "\ufffd" + `'`}, // not WTF-8: documented fallback
	}
	for _, tt := range tests {
		if got := ReprString(tt.in); got != tt.want {
			t.Errorf("ReprString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestReprBytes(t *testing.T) {
	var printable []byte
	for c := byte(32); c < 127; c++ {
		printable = append(printable, c)
	}
	tests := []struct{ in, want string }{
		{"", `b''`},
		{"a", `b'a'`},
		{"it's", `b"it's"`},
		{`"`, `b'"'`},
		{`both ' "`, `b'both \' "'`},
		{`\`, `b'\\'`},
		{"\t\n\r\x00\x7f\x80\xff", `b'\t\n\r\x00\x7f\x80\xff'`},
		{string(printable), `b' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_` + "`" + `abcdefghijklmnopqrstuvwxyz{|}~'`},
	}
	for _, tt := range tests {
		if got := ReprBytes(tt.in); got != tt.want {
			t.Errorf("ReprBytes(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if got := ReprBytes([]byte(tt.in)); got != tt.want {
			t.Errorf("ReprBytes([]byte(%q)) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestReprFloat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0.0, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{1.0, "1.0"},
		{1.5, "1.5"},
		{0.1, "0.1"},
		{1.0 / 3, "0.3333333333333333"},
		{1e16, "1e+16"},
		{1e15, "1000000000000000.0"},
		{123456789012345678.0, "1.2345678901234568e+17"},
		{1e-4, "0.0001"},
		{1e-5, "1e-05"},
		{0.00012345, "0.00012345"},
		{1e22, "1e+22"},
		{1e300, "1e+300"},
		{5e-324, "5e-324"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
		{math.Inf(1), "inf"},
		{math.Inf(-1), "-inf"},
		{math.NaN(), "nan"},
		{-math.NaN(), "nan"},
		{100.0, "100.0"},
		{2.5e-7, "2.5e-07"},
		{9999999999999998.0, "9999999999999998.0"},
		{1e-7, "1e-07"},
	}
	for _, tt := range tests {
		if got := ReprFloat(tt.in); got != tt.want {
			t.Errorf("ReprFloat(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestReprComplex(t *testing.T) {
	negZero := math.Copysign(0, -1)
	tests := []struct {
		in   complex128
		want string
	}{
		{1i, "1j"},
		{1.5i, "1.5j"},
		{0, "0j"},
		{complex(negZero, negZero), "(-0-0j)"},
		{complex(negZero, 0), "(-0+0j)"},
		{complex(0, negZero), "-0j"},
		{complex(1, 2), "(1+2j)"},
		{complex(1, -2), "(1-2j)"},
		{complex(0, -1), "-1j"},
		{1e16i, "1e+16j"},
		{complex(math.Inf(1), math.NaN()), "(inf+nanj)"},
		{complex(-1.5, math.Inf(1)), "(-1.5+infj)"},
		{complex(1e300, -1e-300), "(1e+300-1e-300j)"},
		{complex(0.1, 0.1), "(0.1+0.1j)"},
		{complex(0, math.NaN()), "nanj"},
		{complex(1, -math.NaN()), "(1+nanj)"},
	}
	for _, tt := range tests {
		if got := ReprComplex(tt.in); got != tt.want {
			t.Errorf("ReprComplex(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestReprConstant(t *testing.T) {
	huge := new(big.Int).Exp(big.NewInt(10), big.NewInt(4300), nil)
	tests := []struct {
		in   ConstantValue
		want string
	}{
		{nil, "None"},
		{true, "True"},
		{false, "False"},
		{EllipsisValue, "Ellipsis"},
		{int64(-42), "-42"},
		{int64(math.MinInt64), "-9223372036854775808"},
		{new(big.Int).Lsh(big.NewInt(1), 64), "18446744073709551616"},
		{new(big.Int).Sub(huge, big.NewInt(1)), strings.Repeat("9", 4300)},
		{new(big.Int).Sub(big.NewInt(1), huge), "-" + strings.Repeat("9", 4300)},
		{2.5, "2.5"},
		{complex(0, 2), "2j"},
		{"x", "'x'"},
		{Bytes("x"), "b'x'"},
	}
	for _, tt := range tests {
		got, err := ReprConstant(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ReprConstant(%#v) = %.40q, %v; want %.40q", tt.in, got, err, tt.want)
		}
	}
	for _, v := range []*big.Int{huge, new(big.Int).Neg(huge), new(big.Int).Lsh(big.NewInt(1), 20000)} {
		_, err := ReprConstant(v)
		want := "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
		if err == nil || err.Error() != want {
			t.Errorf("ReprConstant(%d-bit int): err = %v, want %s", v.BitLen(), err, want)
		}
	}
	if s, err := ReprBigInt(huge, 0); err != nil || len(s) != 4301 {
		t.Errorf("ReprBigInt(10**4300, no limit) = %d digits, %v", len(s), err)
	}
}

// TestUnicodeVersion guards IsPrintable, which relies on Go's Unicode
// tables having CPython 3.12's version. When Go moves on, IsPrintable needs
// a table generated from CPython's unicodedata instead.
func TestUnicodeVersion(t *testing.T) {
	if unicode.Version != "15.0.0" {
		t.Fatalf("Go's unicode.Version is %s; CPython 3.12 uses 15.0.0, so IsPrintable and repr may differ", unicode.Version)
	}
}

// TestIsPrintableCPython compares IsPrintable with str.isprintable for
// every code point.
func TestIsPrintableCPython(t *testing.T) {
	py := cpython(t)
	out, err := py.output(nil, "nonprintable")
	if err != nil {
		t.Fatal(err)
	}
	want := make([]bool, utf8.MaxRune+1)
	for i := range want {
		want[i] = true
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var lo, hi int
		if _, err := fmt.Sscanf(sc.Text(), "%x %x", &lo, &hi); err != nil {
			t.Fatalf("bad line %q", sc.Text())
		}
		for r := lo; r <= hi; r++ {
			want[r] = false
		}
	}
	bad := 0
	for r, w := range want {
		if IsPrintable(rune(r)) != w {
			if bad++; bad <= 20 {
				t.Errorf("IsPrintable(U+%04X) = %v, CPython says %v", r, !w, w)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d code points differ", bad)
	}
}

// TestReprFloatCPython compares ReprFloat and ReprComplex with CPython on
// random bit patterns, random "nice" decimals and boundary values.
func TestReprFloatCPython(t *testing.T) {
	py := cpython(t)
	r := rand.New(rand.NewPCG(1, 2))
	var vals []float64
	for _, s := range []string{"0", "-0", "inf", "-inf", "nan", "1e16", "1e15", "9999999999999998", "1e-4", "1e-5", "0.0001", "0.00009999999999999999", "5e-324", "2.2250738585072014e-308", "1.7976931348623157e308"} {
		f, _ := strconv.ParseFloat(s, 64)
		vals = append(vals, f)
	}
	n := 100000
	if testing.Short() {
		n = 5000
	}
	for i := 0; i < n; i++ {
		switch i % 4 {
		case 0, 1: // any bit pattern
			vals = append(vals, math.Float64frombits(r.Uint64()))
		case 2: // short decimals at every magnitude near the format switch
			f, _ := strconv.ParseFloat(fmt.Sprintf("%de%d", r.IntN(100000), r.IntN(50)-25), 64)
			vals = append(vals, f)
		case 3: // powers of two and neighbours
			f := math.Ldexp(1, r.IntN(2098)-1074)
			switch r.IntN(3) {
			case 0:
				f = math.Nextafter(f, 0)
			case 1:
				f = math.Nextafter(f, math.Inf(1))
			}
			vals = append(vals, f)
		}
	}
	var in bytes.Buffer
	pairs := make([][2]float64, len(vals))
	for i, v := range vals {
		im := vals[(i*7+3)%len(vals)]
		if i%5 == 0 {
			im = v
			v = 0
		}
		pairs[i] = [2]float64{v, im}
		fmt.Fprintf(&in, "%x %x\n", math.Float64bits(v), math.Float64bits(im))
	}
	out, err := py.output(in.Bytes(), "floats")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(pairs) {
		t.Fatalf("CPython printed %d lines for %d values", len(lines), len(pairs))
	}
	bad := 0
	for i, line := range lines {
		wantF, wantC, _ := strings.Cut(line, "\t")
		re, im := pairs[i][0], pairs[i][1]
		gotF, gotC := ReprFloat(re), ReprComplex(complex(re, im))
		if gotF != wantF || gotC != wantC {
			if bad++; bad <= 20 {
				t.Errorf("bits %016x %016x: ReprFloat %s, ReprComplex %s; CPython %s, %s",
					math.Float64bits(re), math.Float64bits(im), gotF, gotC, wantF, wantC)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d differ", bad, len(lines))
	}
}

// TestReprStringCPython compares ReprString and ReprBytes with CPython on
// random strings drawn from ASCII, quotes, controls, Latin-1, the BMP,
// astral planes and lone surrogates.
func TestReprStringCPython(t *testing.T) {
	py := cpython(t)
	r := rand.New(rand.NewPCG(3, 4))
	pick := func() rune {
		switch r.IntN(8) {
		case 0:
			return rune(r.IntN(0x80))
		case 1:
			return rune("'\"\\\t\n\r "[r.IntN(7)])
		case 2:
			return rune(0x80 + r.IntN(0x80))
		case 3:
			return rune(r.IntN(0x10000))
		case 4:
			return rune(0xd800 + r.IntN(0x800)) // surrogate
		case 5:
			return rune(0x10000 + r.IntN(0x100000))
		case 6:
			return rune(0xe0000 + r.IntN(0x200))
		}
		return rune('a' + r.IntN(26))
	}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	var strs []string
	var in bytes.Buffer
	for i := 0; i < n; i++ {
		var b []byte
		for k := r.IntN(12); k > 0; k-- {
			c := pick()
			if c >= 0xd800 && c < 0xe000 {
				b = append(b, 0xed, byte(0xa0|(c>>6)&0x1f), byte(0x80|c&0x3f))
			} else {
				b = utf8.AppendRune(b, c)
			}
		}
		strs = append(strs, string(b))
		in.WriteString(hex.EncodeToString(b))
		in.WriteByte('\n')
	}
	out, err := py.output(in.Bytes(), "strs")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(strs) {
		t.Fatalf("CPython printed %d lines for %d strings", len(lines), len(strs))
	}
	bad := 0
	for i, line := range lines {
		wantS, wantB, _ := strings.Cut(line, "\t")
		gotS, gotB := ReprString(strs[i]), ReprBytes(strs[i])
		if gotS != wantS || gotB != wantB {
			if bad++; bad <= 20 {
				t.Errorf("%q:\n  ours    %s %s\n  CPython %s %s", strs[i], gotS, gotB, wantS, wantB)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d differ", bad, len(lines))
	}
}

// TestReprBigIntCPython compares ReprBigInt's limit with CPython's around
// 4300 digits.
func TestReprBigIntCPython(t *testing.T) {
	py := cpython(t)
	var vals []*big.Int
	ten := big.NewInt(10)
	for _, d := range []int64{4298, 4299, 4300, 4301, 4310, 5000} {
		p := new(big.Int).Exp(ten, big.NewInt(d), nil)
		vals = append(vals, p, new(big.Int).Sub(p, big.NewInt(1)), new(big.Int).Neg(p), new(big.Int).Sub(big.NewInt(1), p))
	}
	for _, bits := range []uint{14280, 14283, 14284, 14290, 14300, 14400} {
		p := new(big.Int).Lsh(big.NewInt(1), bits)
		vals = append(vals, p, new(big.Int).Sub(p, big.NewInt(1)))
	}
	var in bytes.Buffer
	for _, v := range vals {
		in.WriteString(v.String())
		in.WriteByte('\n')
	}
	out, err := py.output(in.Bytes(), "ints")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(vals) {
		t.Fatalf("CPython printed %d lines for %d ints", len(lines), len(vals))
	}
	for i, want := range lines {
		got, err := ReprBigInt(vals[i], DefaultMaxStrDigits)
		if err != nil {
			got = "ValueError: " + err.Error()
		}
		if got != want {
			t.Errorf("%d-bit int: got %.60s, CPython %.60s", vals[i].BitLen(), got, want)
		}
	}
}
