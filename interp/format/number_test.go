package format

import (
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"strings"
	"testing"
)

var testInts = []string{
	"0", "1", "-1", "7", "42", "-42", "65", "255", "-255", "1000", "-1000", "4096",
	"1234567", "-1234567", "123456789", "2147483648", "9223372036854775807",
	"-9223372036854775808", "18446744073709551616", "100000000000000000000",
	"-9999999999999999999999993", "1267650600228229401496703205376",
	"1114111", "1114112", "55296", "9007199254740993", "-9007199254740995",
	"179769313486231570814527423731704356798070567525844996598917476803157260776" +
		"3903200000000000000000000000000000000000000000000000000000000000000000000" +
		"0000000000000000000000000000000000000000000000000000000000000000000000000" +
		"0000000000000000000000000000000000000000000000000000000000000000000000000" +
		"000000000000000000000000000000000000000",
}

var testFloats = []float64{
	0, math.Copysign(0, -1), 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1, -1, 3.14159, -3.14159,
	1e16, 1e15, 9999999999999998, 1e-5, 1e-4, 0.0001234, 123456789.123456789,
	-123456789.123456789, 5e-324, -5e-324, 2.2250738585072014e-308,
	1.7976931348623157e308, -1.7976931348623157e308, 1e22, 1e23, 0.1, 0.2, 0.3,
	2.675, 1.005, 0.045, 9.995, 99.5, 999999.5, 1234.5678, 0.000999, 1e100, 123e-20,
	math.Inf(1), math.Inf(-1), math.NaN(), 1.0 / 3, 2.0 / 3, 100, 1e6, 12345678901234567890.0,
	-0.0001, -1e-300, 0.95, 0.9999999,
}

var specPrefixes = []string{
	"", "<10", ">10", "^10", "=10", "*^11", "010", "+", " ", "-", "+010", " 12", "#",
	"#012", "z", "z.2", ",", "_", "015,", "020_", "012,", "+,", ".0", ".1", ".3",
	".12", ".20", "8.3", "<8.3", "+.2", "#.0", "#.3", "z.1", "0=+14,.3", "é^13",
	"#^+15_", "\u0661\u0662", "x<+#09", "-^#020,.2", "09", "00", "1", "0=9", "z+08.1",
	"_.4", ",.30", "#10.4", "30", "<05", "a=+22_", "#_", ".60", "+#x>16.5",
}

var specTypes = []string{"", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "s", "q", "é", "\x00", "\x7f", " ", "😀"}

func intValue(s string) *big.Int {
	x, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return x
}

func TestFormatIntCPython(t *testing.T) {
	var cases []oracleCase
	var what []string
	var got []outcome
	add := func(v string, spec string) {
		cases = append(cases, oracleCase{"int", v, hexText(spec)})
		what = append(what, fmt.Sprintf("format(%s, %q)", v, spec))
		got = append(got, render(Int(intValue(v), spec, "int")))
	}
	for _, v := range testInts {
		for _, p := range specPrefixes {
			for _, ty := range specTypes {
				add(v, p+ty)
			}
		}
	}
	// bool is an int subclass with its own name in messages.
	for _, b := range []string{"0", "1"} {
		for _, spec := range []string{"d", ">5", "x", "q", "c", ".2f", "+"} {
			cases = append(cases, oracleCase{"bool", b, hexText(spec)})
			what = append(what, fmt.Sprintf("format(bool(%s), %q)", b, spec))
			got = append(got, render(Int(intValue(b), spec, "bool")))
		}
	}
	compare(t, what, got, runOracle(t, cases))
}

func TestFormatFloatCPython(t *testing.T) {
	var cases []oracleCase
	var what []string
	var got []outcome
	for _, v := range testFloats {
		for _, p := range specPrefixes {
			for _, ty := range specTypes {
				spec := p + ty
				cases = append(cases, oracleCase{"float", hexFloat(v), hexText(spec)})
				what = append(what, fmt.Sprintf("format(%v, %q)", v, spec))
				got = append(got, render(Float(v, spec, "float")))
			}
		}
	}
	compare(t, what, got, runOracle(t, cases))
}

var testStrs = []string{"", "a", "hello", "héllo", "日本語テキスト", "\xed\xa0\x80x", "😀😀", strings.Repeat("ab", 20), "-12"}

func TestFormatStrCPython(t *testing.T) {
	var cases []oracleCase
	var what []string
	var got []outcome
	prefixes := append([]string{".0", ".2", ".5", "^9.3", "\xed\xa0\x80>7", "😀^8", "z", "=5", "+", " 5", "#", "05", "0<5", ".١"}, specPrefixes...)
	for _, v := range testStrs {
		for _, p := range prefixes {
			for _, ty := range specTypes {
				spec := p + ty
				cases = append(cases, oracleCase{"str", hexText(v), hexText(spec)})
				what = append(what, fmt.Sprintf("format(%q, %q)", v, spec))
				got = append(got, render(Str(v, spec, "str")))
			}
		}
	}
	compare(t, what, got, runOracle(t, cases))
}

// randomSpec builds a format spec from the grammar's pieces, sometimes
// broken.
func randomSpec(r *rand.Rand) string {
	pick := func(xs ...string) string { return xs[r.Intn(len(xs))] }
	var b strings.Builder
	if r.Intn(3) == 0 {
		if r.Intn(2) == 0 {
			b.WriteString(pick("*", "0", " ", "x", "é", "{", "}", "_", ",", "<", "="))
		}
		b.WriteString(pick("<", ">", "^", "="))
	}
	if r.Intn(3) == 0 {
		b.WriteString(pick("+", "-", " "))
	}
	if r.Intn(6) == 0 {
		b.WriteString("z")
	}
	if r.Intn(4) == 0 {
		b.WriteString("#")
	}
	if r.Intn(4) == 0 {
		b.WriteString("0")
	}
	if r.Intn(2) == 0 {
		b.WriteString(fmt.Sprint(r.Intn(30)))
	}
	if r.Intn(4) == 0 {
		b.WriteString(pick(",", "_", ",_", "_,", ",,"))
	}
	if r.Intn(2) == 0 {
		b.WriteString("." + pick(fmt.Sprint(r.Intn(20)), fmt.Sprint(r.Intn(3)), "", "30", "100"))
	}
	if r.Intn(8) != 0 {
		b.WriteString(pick("b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "s", "", "r", "i"))
	}
	if r.Intn(25) == 0 {
		b.WriteString(pick("x", "0", "5", "%", "."))
	}
	return b.String()
}

func randomInt(r *rand.Rand) *big.Int {
	switch r.Intn(4) {
	case 0:
		return big.NewInt(int64(r.Intn(200) - 100))
	case 1:
		return big.NewInt(r.Int63() >> uint(r.Intn(63)))
	case 2:
		x := new(big.Int).Rand(r, new(big.Int).Lsh(big.NewInt(1), uint(r.Intn(300))))
		if r.Intn(2) == 0 {
			x.Neg(x)
		}
		return x
	default:
		return big.NewInt(-r.Int63() >> uint(r.Intn(63)))
	}
}

func randomFloat(r *rand.Rand) float64 {
	switch r.Intn(6) {
	case 0:
		return math.Float64frombits(r.Uint64())
	case 1:
		return float64(r.Intn(2000)-1000) / 8
	case 2:
		return (r.Float64() - 0.5) * math.Pow(10, float64(r.Intn(40)-20))
	case 3:
		return float64(r.Intn(100000)) + 0.5
	case 4:
		return math.Round(r.NormFloat64()*1e6) / 1000
	default:
		return testFloats[r.Intn(len(testFloats))]
	}
}

func TestRandomSpecsCPython(t *testing.T) {
	r := rand.New(rand.NewSource(20261125))
	var cases []oracleCase
	var what []string
	var got []outcome
	for i := 0; i < 15000*oracleScale(); i++ {
		spec := randomSpec(r)
		switch i % 3 {
		case 0:
			x := randomInt(r)
			cases = append(cases, oracleCase{"int", x.String(), hexText(spec)})
			what = append(what, fmt.Sprintf("format(%s, %q)", x, spec))
			got = append(got, render(Int(x, spec, "int")))
		case 1:
			f := randomFloat(r)
			cases = append(cases, oracleCase{"float", hexFloat(f), hexText(spec)})
			what = append(what, fmt.Sprintf("format(%v (%#x), %q)", f, math.Float64bits(f), spec))
			got = append(got, render(Float(f, spec, "float")))
		default:
			s := testStrs[r.Intn(len(testStrs))]
			cases = append(cases, oracleCase{"str", hexText(s), hexText(spec)})
			what = append(what, fmt.Sprintf("format(%q, %q)", s, spec))
			got = append(got, render(Str(s, spec, "str")))
		}
	}
	compare(t, what, got, runOracle(t, cases))
}
