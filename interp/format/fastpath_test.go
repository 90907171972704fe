package format

import (
	"math/big"
	"testing"
)

// The int64 paths (Int64, FormatInt64, SmallIntArg) must give exactly what
// the big.Int paths give, errors included.

// SmallInt makes the tests' ints take the % engine's int64 path; bigPV
// below hides it so that both paths can be compared.
func (v *pv) SmallInt() (int64, bool) {
	if (v.kind == "int" || v.kind == "bool") && v.i.IsInt64() {
		return v.i.Int64(), true
	}
	return 0, false
}

// bigPV is a pv whose ints reach the % engine only as big.Ints.
type bigPV struct{ Arg }

func TestInt64MatchesBig(t *testing.T) {
	specs := []string{""}
	for _, p := range specPrefixes {
		for _, ty := range specTypes {
			specs = append(specs, p+ty)
		}
	}
	for _, v := range testInts {
		x := intValue(v)
		if !x.IsInt64() {
			continue
		}
		for _, spec := range specs {
			want, wantErr := Int(x, spec, "int")
			got, gotErr := Int64(x.Int64(), spec, "int")
			if got != want || errText(gotErr) != errText(wantErr) {
				t.Errorf("format(%s, %q): int64 path %q, %v; big path %q, %v", v, spec, got, gotErr, want, wantErr)
			}
		}
	}
}

func TestInt64DigitLimit(t *testing.T) {
	c := Config{MaxStrDigits: 3}
	for _, x := range []int64{999, -999, 1000, -1000} {
		for _, spec := range []string{"", "d", ">8"} {
			want, wantErr := c.Int(big.NewInt(x), spec, "int")
			got, gotErr := c.Int64(x, spec, "int")
			if got != want || errText(gotErr) != errText(wantErr) {
				t.Errorf("limit 3, format(%d, %q): int64 path %q, %v; big path %q, %v", x, spec, got, gotErr, want, wantErr)
			}
		}
	}
}

func TestPercentSmallIntMatchesBig(t *testing.T) {
	formats := []string{"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.5d", "%x", "%#x", "%#08X",
		"%o", "%#o", "%#.4o", "%i", "%u", "%c", "%.0d", "%+.3x", "%-#10x|", "%*d", "%.*d"}
	for _, v := range testInts {
		x := intValue(v)
		for _, f := range formats {
			var small, big []Arg
			if f == "%*d" || f == "%.*d" {
				small = []Arg{pInt(7), &pv{kind: "int", i: x}}
				big = []Arg{bigPV{pInt(7)}, bigPV{&pv{kind: "int", i: x}}}
			} else {
				small = []Arg{&pv{kind: "int", i: x}}
				big = []Arg{bigPV{&pv{kind: "int", i: x}}}
			}
			want, wantErr := Percent(f, big)
			got, gotErr := Percent(f, small)
			if got != want || errText(gotErr) != errText(wantErr) {
				t.Errorf("%q %% %s: int64 path %q, %v; big path %q, %v", f, v, got, gotErr, want, wantErr)
			}
		}
	}
}

// TestPercentIndexNonASCII checks the index an unsupported conversion
// reports, which counts code points before it.
func TestPercentIndexNonASCII(t *testing.T) {
	for _, c := range []struct{ format, msg string }{
		{"é%y", "unsupported format character 'y' (0x79) at index 2"},
		{"日本%5.2y", "unsupported format character 'y' (0x79) at index 6"},
		{"%é", "unsupported format character '?' (0xe9) at index 1"},
		{"\xed\xa0\x80%\xed\xa0\x81", "unsupported format character '?' (0xd801) at index 2"},
	} {
		_, err := Percent(c.format, []Arg{pInt(1)})
		if errText(err) != "ValueError: "+c.msg {
			t.Errorf("%q: got %v, want ValueError: %s", c.format, err, c.msg)
		}
	}
}

// TestPercentInvalidUTF8 checks that invalid bytes in the literal text
// and in a key come out as U+FFFD.
func TestPercentInvalidUTF8(t *testing.T) {
	got, err := PercentValue("a\xffb%(k\xfe)s", pDict("k\uFFFD", pStr("v")))
	if err != nil || got != "a\uFFFDbv" {
		t.Errorf("got %q, %v; want %q", got, err, "a\uFFFDbv")
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

var sinkString string

func BenchmarkFormatEngines(b *testing.B) {
	cases := []struct {
		name string
		f    func() (string, error)
	}{
		{"Int64_05d", func() (string, error) { return Int64(12345, "05d", "int") }},
		{"Int64_comma", func() (string, error) { return Int64(1234567, ",", "int") }},
		{"Int64_x", func() (string, error) { return Int64(59999, "x", "int") }},
		{"Float_3f", func() (string, error) { return Float(89998.5, ".3f", "float") }},
		{"Str_lt8", func() (string, error) { return Str("INFO", "<8", "str") }},
		{"Percent_tuple", func() (string, error) {
			return Percent("%-8s %s #%05d: %s", []Arg{pStr("INFO"), pStr("bench"), pInt(123), pStr("value=1")})
		}},
		{"Percent_float", func() (string, error) { return Percent("took %.2f ms", []Arg{pFloat(12.345)}) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := c.f()
				if err != nil {
					b.Fatal(err)
				}
				sinkString = s
			}
		})
	}
}
