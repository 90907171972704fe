package format

import (
	"math"
	"math/big"
	"strings"
	"testing"
)

// errorCase is a fixed expectation; CPython (when present) confirms it.
type errorCase struct {
	kind  string // int float str pct tmpl
	value string // the int, or the str / % format / template
	spec  string
	want  outcome
}

var errorCases = []errorCase{
	{"int", "1", "<+>d", "!ValueError: Invalid format specifier '<+>d' for object of type 'int'"},
	{"int", "1", "10dd", "!ValueError: Invalid format specifier '10dd' for object of type 'int'"},
	{"float", "1", "10ff", "!ValueError: Invalid format specifier '10ff' for object of type 'float'"},
	{"str", "a", "10ss", "!ValueError: Invalid format specifier '10ss' for object of type 'str'"},
	{"int", "1", ".", "!ValueError: Format specifier missing precision"},
	{"float", "1", "10.f", "!ValueError: Format specifier missing precision"},
	{"int", "1", ",_", "!ValueError: Cannot specify both ',' and '_'."},
	{"int", "1", "_,", "!ValueError: Cannot specify both ',' and '_'."},
	{"str", "a", ",", "!ValueError: Cannot specify ',' with 's'."},
	{"str", "a", "_", "!ValueError: Cannot specify '_' with 's'."},
	{"int", "1", ",x", "!ValueError: Cannot specify ',' with 'x'."},
	{"int", "1", ",c", "!ValueError: Cannot specify ',' with 'c'."},
	{"int", "1", "_n", "!ValueError: Cannot specify '_' with 'n'."},
	{"float", "1", ",é", "!ValueError: Cannot specify ',' with '\\xe9'."},
	{"float", "1", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"},
	{"float", "1", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"},
	{"int", "1", "s", "!ValueError: Unknown format code 's' for object of type 'int'"},
	{"str", "a", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"},
	{"str", "a", "+", "!ValueError: Sign not allowed in string format specifier"},
	{"str", "a", " ", "!ValueError: Space not allowed in string format specifier"},
	{"str", "a", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"},
	{"str", "a", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"},
	{"str", "a", "=5", "!ValueError: '=' alignment not allowed in string format specifier"},
	{"int", "1", "99999999999999999999", "!ValueError: Too many decimal digits in format string"},
	{"int", "1", ".99999999999999999999", "!ValueError: Too many decimal digits in format string"},
	{"float", "1", ".3000000000f", "!ValueError: precision too big"},
	{"int", "1", ".2", "!ValueError: Precision not allowed in integer format specifier"},
	{"int", "1", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"},
	{"int", "65", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"},
	{"int", "65", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"},
	{"int", "1114112", "c", "!OverflowError: %c arg not in range(0x110000)"},
	{"int", "-1", "c", "!OverflowError: %c arg not in range(0x110000)"},
	{"int", "100000000000000000000", "c", "!OverflowError: Python int too large to convert to C long"},
	{"int", "1" + strings.Repeat("0", 400), "f", "!OverflowError: int too large to convert to float"},
	{"int", "1" + strings.Repeat("0", 5000), "d", "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"},
	{"pct", "%s %s", "(1,)", "!TypeError: not enough arguments for format string"},
	{"pct", "%s", "(1, 2)", "!TypeError: not all arguments converted during string formatting"},
	{"pct", "%d", "('x',)", "!TypeError: %d format: a real number is required, not str"},
	{"pct", "%x", "(1.5,)", "!TypeError: %x format: an integer is required, not float"},
	{"pct", "abcq%q", "(1,)", "!ValueError: unsupported format character 'q' (0x71) at index 5"},
	{"pct", "%é", "(1,)", "!ValueError: unsupported format character '?' (0xe9) at index 1"},
	{"pct", "%5", "(1,)", "!ValueError: incomplete format"},
	{"pct", "%(a)s", "(1,)", "!TypeError: format requires a mapping"},
	{"pct", "%(a", "{'a': 1}", "!ValueError: incomplete format key"},
	{"pct", "%*d", "('x', 1)", "!TypeError: * wants int"},
	{"pct", "%c", "('ab',)", "!TypeError: %c requires int or char"},
	{"pct", "%c", "(1114112,)", "!OverflowError: %c arg not in range(0x110000)"},
	{"tmpl", "{0} {}", "", "!ValueError: cannot switch from manual field specification to automatic field numbering"},
	{"tmpl", "{} {0}", "", "!ValueError: cannot switch from automatic field numbering to manual field specification"},
	{"tmpl", "{0:{1:{2}}}", "", "!ValueError: Max string recursion exceeded"},
	{"tmpl", "a}", "", "!ValueError: Single '}' encountered in format string"},
	{"tmpl", "a{", "", "!ValueError: Single '{' encountered in format string"},
	{"tmpl", "{0", "", "!ValueError: expected '}' before end of string"},
	{"tmpl", "{0!x}", "", "!ValueError: Unknown conversion specifier x"},
	{"tmpl", "{0!rr}", "", "!ValueError: expected ':' after conversion specifier"},
	{"tmpl", "{0!", "", "!ValueError: end of string while looking for conversion specifier"},
	{"tmpl", "{0:{", "", "!ValueError: unmatched '{' in format spec"},
	{"tmpl", "{0{}", "", "!ValueError: unexpected '{' in field name"},
	{"tmpl", "{0[}", "", "!ValueError: expected '}' before end of string"},
	{"tmpl", "{0.}", "", "!ValueError: Empty attribute in format string"},
	{"tmpl", "{0[0]x}", "", "!ValueError: Only '.' or '[' may follow ']' in format field specifier"},
	{"tmpl", "{5}", "", "!IndexError: Replacement index 5 out of range for positional args tuple"},
	{"tmpl", "{nope}", "", "!KeyError: 'nope'"},
	{"tmpl", "{5} }", "", "!IndexError: Replacement index 5 out of range for positional args tuple"},
}

func runErrorCase(c errorCase) outcome {
	switch c.kind {
	case "int":
		x, _ := new(big.Int).SetString(c.value, 10)
		return render(Int(x, c.spec, "int"))
	case "float":
		return render(Float(1, c.spec, "float"))
	case "str":
		return render(Str(c.value, c.spec, "str"))
	case "pct":
		args := map[string][]*pv{
			"(1,)": {pInt(1)}, "(1, 2)": {pInt(1), pInt(2)}, "('x',)": {pStr("x")}, "(1.5,)": {pFloat(1.5)},
			"('x', 1)": {pStr("x"), pInt(1)}, "('ab',)": {pStr("ab")}, "(1114112,)": {pInt(1114112)},
		}
		if c.spec == "{'a': 1}" {
			return render(PercentValue(c.value, pDict("a", pInt(1))))
		}
		return render(Percent(c.value, asArgs(args[c.spec])))
	case "tmpl":
		return render(RenderTemplate(c.value, testFields([]*pv{pList(pInt(1), pInt(2)), pInt(2), pInt(3)}, pDict())))
	}
	panic(c.kind)
}

func TestErrors(t *testing.T) {
	var cases []oracleCase
	var what []string
	var got []outcome
	for _, c := range errorCases {
		g := runErrorCase(c)
		if g != c.want {
			t.Errorf("%s %q %q:\n   got %q\n  want %q", c.kind, c.value, c.spec, g, c.want)
		}
		switch c.kind {
		case "int", "str":
			a := hexText(c.value)
			if c.kind == "int" {
				a = pBig(c.value).literal()
			}
			cases = append(cases, oracleCase{c.kind, a, hexText(c.spec)})
		case "float":
			cases = append(cases, oracleCase{"float", hexFloat(1), hexText(c.spec)})
		case "pct":
			cases = append(cases, oracleCase{"pct", hexText(c.value), hexText(c.spec)})
		case "tmpl":
			cases = append(cases, oracleCase{"tmpl", hexText(c.value), hexText("([[1, 2], 2, 3], {})")})
		}
		what = append(what, c.kind+" "+c.value+" "+c.spec)
		got = append(got, c.want)
	}
	if !t.Failed() {
		compare(t, what, got, runOracle(t, cases))
	}
}

func TestMemoryLimit(t *testing.T) {
	for _, spec := range []string{"999999999999", "0999999999999", ".999999999f", "9999999999.2e", "x^9999999999"} {
		if _, err := Int(big.NewInt(1), spec, "int"); !isMemoryError(err) {
			t.Errorf("format(1, %q): %v", spec, err)
		}
	}
	if _, err := Str("a", "99999999999", "str"); !isMemoryError(err) {
		t.Errorf("str: %v", err)
	}
	if _, err := Percent("%999999999999d", asArgs([]*pv{pInt(1)})); !isMemoryError(err) {
		t.Errorf("percent: %v", err)
	}
	if _, err := Percent("%.999999999f", asArgs([]*pv{pFloat(1)})); !isMemoryError(err) {
		t.Errorf("percent: %v", err)
	}
}

func TestConfigDigits(t *testing.T) {
	x := new(big.Int).Exp(big.NewInt(10), big.NewInt(5000), nil)
	s, err := Config{}.Int(x, ",", "int")
	if err != nil || len(s) != 5001+5000/3 {
		t.Fatalf("unlimited: %d %v", len(s), err)
	}
	if _, err := (Config{MaxStrDigits: 10}).Percent("%d", asArgs([]*pv{&pv{kind: "int", i: big.NewInt(12345678901)}})); err == nil {
		t.Fatal("limit not applied")
	}
}

func TestFloatToString(t *testing.T) {
	for _, c := range []struct {
		f    float64
		code byte
		prec int
		alt  bool
		sign bool
		dot0 bool
		want string
	}{
		{1e16, 'r', 0, false, false, true, "1e+16"},
		{1.5, 'r', 0, false, true, false, "+1.5"},
		{2, 'r', 0, false, false, true, "2.0"},
		{2, 'r', 0, false, false, false, "2"},
		{0.5, 'f', 0, false, false, false, "0"},
		{2.5, 'f', 0, false, false, false, "2"},
		{2.5, 'f', 0, true, false, false, "2."},
		{math.Inf(-1), 'F', 3, false, false, false, "-INF"},
		{math.NaN(), 'g', 3, false, true, false, "+nan"},
		{123456, 'G', 3, false, false, false, "1.23E+05"},
	} {
		if got := FloatToString(c.f, c.code, c.prec, c.alt, c.sign, c.dot0); got != c.want {
			t.Errorf("FloatToString(%v, %c, %d): %q, want %q", c.f, c.code, c.prec, got, c.want)
		}
	}
}

func TestASCII(t *testing.T) {
	if got := ASCII("'é日\xed\xa0\x80😀x'"); got != `'\xe9\u65e5\ud800\U0001f600x'` {
		t.Fatal(got)
	}
}

func isMemoryError(err error) bool {
	e, ok := err.(*Error)
	return ok && e.Kind == MemoryError
}
