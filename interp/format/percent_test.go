package format

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
)

var percentValues = []*pv{
	pInt(0), pInt(42), pInt(-42), pInt(255), pInt(-1), pBig("123456789012345678901234567890"),
	pBig("-18446744073709551616"), pBool(true), pFloat(3.14159), pFloat(-0.5), pFloat(2.5),
	pFloat(1e16), pFloat(-1e-7), pFloat(math.Copysign(0, -1)), pFloat(math.Inf(-1)), pFloat(math.NaN()),
	pFloat(123456.789), pStr("abc"), pStr(""), pStr("é"), pStr("日本語"), pStr("\xed\xa0\x80"),
	pNone(), pComplex(1 + 2i), pList(pInt(1), pStr("x")), pInt(0x10ffff), pInt(0x110000), pInt(65),
}

func tupleLiteral(args []*pv) string {
	var b strings.Builder
	b.WriteString("(")
	for _, a := range args {
		b.WriteString(a.literal())
		b.WriteString(", ")
	}
	b.WriteString(")")
	return b.String()
}

func asArgs(vs []*pv) []Arg {
	out := make([]Arg, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

type percentCase struct {
	format string
	args   []*pv // a tuple operand
	single *pv   // or a single operand
}

func checkPercent(t *testing.T, cs []percentCase) {
	t.Helper()
	var cases []oracleCase
	var what []string
	var got []outcome
	for _, c := range cs {
		if c.single != nil {
			cases = append(cases, oracleCase{"pct", hexText(c.format), hexText(c.single.literal())})
			what = append(what, fmt.Sprintf("%q %% %s", c.format, c.single.literal()))
			got = append(got, render(PercentValue(c.format, c.single)))
		} else {
			lit := tupleLiteral(c.args)
			cases = append(cases, oracleCase{"pct", hexText(c.format), hexText(lit)})
			what = append(what, fmt.Sprintf("%q %% %s", c.format, lit))
			got = append(got, render(Percent(c.format, asArgs(c.args))))
		}
	}
	compare(t, what, got, runOracle(t, cases))
}

func TestPercentCPython(t *testing.T) {
	var cs []percentCase
	flags := []string{"", "-", "+", " ", "#", "0", "-0", "+0", "#0", " 0", "-#", "+#0", "- "}
	widths := []string{"", "5", "12", "*"}
	precs := []string{"", ".0", ".3", ".10", ".*", "."}
	convs := "diuoxXeEfFgGcrsa%q"
	i := 0
	for _, conv := range convs {
		for _, fl := range flags {
			for _, w := range widths {
				for _, p := range precs {
					format := "<%" + fl + w + p + string(conv) + ">"
					// Each format gets a rotating handful of values.
					for k := 0; k < 6; k++ {
						v := percentValues[(i*7+k*5)%len(percentValues)]
						var args []*pv
						if w == "*" {
							args = append(args, pInt(int64(k%3*7-7)))
						}
						if p == ".*" {
							args = append(args, pInt(int64(k%3*3-2)))
						}
						args = append(args, v)
						cs = append(cs, percentCase{format: format, args: args})
						i++
					}
				}
			}
		}
	}
	// Every value with every plain conversion.
	for _, v := range percentValues {
		for _, conv := range convs {
			cs = append(cs, percentCase{format: "%" + string(conv), args: []*pv{v}})
			cs = append(cs, percentCase{format: "[%" + string(conv) + "]", single: v})
		}
	}
	checkPercent(t, cs)
}

func TestPercentArgumentsCPython(t *testing.T) {
	d := pDict("a", pInt(1), "b", pStr("xy"), "(c)", pFloat(2.5), "", pNone(), "é", pInt(-3))
	l := pList(pInt(1), pInt(2))
	cs := []percentCase{
		{format: "abc", args: nil},
		{format: "abc", single: pInt(5)},
		{format: "abc", single: d},
		{format: "abc", single: l},
		{format: "abc", single: pStr("x")},
		{format: "%s", single: pStr("x")},
		{format: "%s %s", single: pStr("x")},
		{format: "%s", args: []*pv{pInt(1), pInt(2)}},
		{format: "%s %s %s", args: []*pv{pInt(1), pInt(2)}},
		{format: "%s", single: d},
		{format: "%s %(a)s", single: d},
		{format: "%(a)s %(b)s %((c))s %()s %(é)05d", single: d},
		{format: "%(a)s %(zz)s", single: d},
		{format: "%(a)s", args: []*pv{pInt(1)}},
		{format: "%(a)s", single: pInt(1)},
		{format: "%(a)s", single: pStr("s")},
		{format: "%(a)s", single: l},
		{format: "%(a", single: d},
		{format: "%(a)", single: d},
		{format: "%(a)*d", single: d},
		{format: "%(a)%", single: d},
		{format: "%(a)s %%", single: d},
		{format: "%", args: nil},
		{format: "%-", args: nil},
		{format: "%5", args: []*pv{pInt(1)}},
		{format: "%.", args: []*pv{pInt(1)}},
		{format: "%*", args: []*pv{pInt(1)}},
		{format: "%.*", args: []*pv{pInt(1)}},
		{format: "%5%", args: nil},
		{format: "%5%", args: []*pv{pInt(1)}},
		{format: "%q", args: nil},
		{format: "%hd %ld %Ld", args: []*pv{pInt(1), pInt(2), pInt(3)}},
		{format: "%h", args: []*pv{pInt(1)}},
		{format: "%é", args: []*pv{pInt(1)}},
		{format: "ab%\x01", args: []*pv{pInt(1)}},
		{format: "%*d", args: []*pv{pStr("x"), pInt(1)}},
		{format: "%*d", args: []*pv{pFloat(1), pInt(1)}},
		{format: "%*d", args: []*pv{pBool(true), pInt(1)}},
		{format: "%*d", args: []*pv{pBig("100000000000000000000"), pInt(1)}},
		{format: "%.*d", args: []*pv{pBig("10000000000"), pInt(1)}},
		{format: "%.*d", args: []*pv{pInt(-5), pInt(1)}},
		{format: "%-*d|", args: []*pv{pInt(-5), pInt(1)}},
		{format: "%99999999999999999999d", args: []*pv{pInt(1)}},
		{format: "%.99999999999d", args: []*pv{pInt(1)}},
		{format: "%c", args: []*pv{pStr("ab")}},
		{format: "%c", args: []*pv{pStr("")}},
		{format: "%c", args: []*pv{pFloat(65)}},
		{format: "%c", args: []*pv{pInt(-1)}},
		{format: "%c", args: []*pv{pBig("100000000000000000000")}},
		{format: "%5c|%-5c|", args: []*pv{pStr("é"), pInt(0x1F600)}},
		{format: "%c", args: []*pv{pInt(0xdc80)}},
		{format: "%d", args: []*pv{pFloat(math.Inf(1))}},
		{format: "%d", args: []*pv{pFloat(math.NaN())}},
		{format: "%d %i %u", args: []*pv{pFloat(-3.99), pFloat(1e30), pFloat(0.5)}},
		{format: "%x", args: []*pv{pFloat(1)}},
		{format: "%o", args: []*pv{pStr("1")}},
		{format: "%d", args: []*pv{pComplex(1)}},
		{format: "%d", args: []*pv{pNone()}},
		{format: "%f", args: []*pv{pStr("1")}},
		{format: "%f", args: []*pv{pBig("1" + strings.Repeat("0", 400))}},
		{format: "%d", args: []*pv{pBig("1" + strings.Repeat("0", 5000))}},
		{format: "%x", args: []*pv{pBig("1" + strings.Repeat("0", 5000))}},
		{format: "%.3s|%.0r|%.2a|%5.1s|", args: []*pv{pStr("日本語テ"), pStr("x"), pStr("é"), pStr("\xed\xa0\x80z")}},
		{format: "%a %r %s", args: []*pv{pStr("é日\xed\xa0\x80😀\x7f"), pStr("é"), pStr("é")}},
		{format: "%+s|% s|%+5s|%05s|%#s", args: []*pv{pStr("a"), pStr("b"), pStr("c"), pStr("d"), pStr("e")}},
		{format: "é%sü%%ö", args: []*pv{pStr("日")}},
		{format: "%s", args: []*pv{pList()}},
		{format: "%s", single: pList()},
		{format: "%r", args: []*pv{d}},
		{format: "%#.0f %#.0e %#g %#.3g %g %.0g", args: []*pv{pFloat(3), pFloat(3), pFloat(3), pFloat(3), pFloat(1e-5), pFloat(0.5)}},
		{format: "%#x %#X %#o %#5x %#-8X| %#08o %-#08x|", args: []*pv{pInt(255), pInt(255), pInt(8), pInt(-1), pInt(-255), pInt(-8), pInt(10)}},
	}
	checkPercent(t, cs)
}

// randomPercent builds a random format with conversions and an operand.
func randomPercent(r *rand.Rand) percentCase {
	var b strings.Builder
	nconv := r.Intn(4)
	var args []*pv
	for i := 0; i < nconv; i++ {
		if r.Intn(2) == 0 {
			b.WriteString([]string{"x", "é", " ", "--", "日本"}[r.Intn(5)])
		}
		b.WriteByte('%')
		for _, f := range "-+ #0" {
			if r.Intn(5) == 0 {
				b.WriteRune(f)
			}
		}
		if r.Intn(2) == 0 {
			if r.Intn(6) == 0 {
				b.WriteByte('*')
				args = append(args, pInt(int64(r.Intn(30)-10)))
			} else {
				fmt.Fprint(&b, r.Intn(25))
			}
		}
		if r.Intn(2) == 0 {
			b.WriteByte('.')
			if r.Intn(6) == 0 {
				b.WriteByte('*')
				args = append(args, pInt(int64(r.Intn(20)-5)))
			} else if r.Intn(8) != 0 {
				fmt.Fprint(&b, r.Intn(20))
			}
		}
		conv := "diuoxXeEfFgGcrsa%"[r.Intn(17)]
		if r.Intn(40) == 0 {
			conv = "qyzhl"[r.Intn(5)]
		}
		b.WriteByte(conv)
		if conv != '%' {
			switch {
			case strings.IndexByte("diuoxXc", conv) >= 0 && r.Intn(3) != 0:
				args = append(args, &pv{kind: "int", i: randomInt(r)})
			case strings.IndexByte("eEfFgG", conv) >= 0 && r.Intn(3) != 0:
				args = append(args, pFloat(randomFloat(r)))
			default:
				args = append(args, percentValues[r.Intn(len(percentValues))])
			}
		}
	}
	switch r.Intn(10) {
	case 0:
		args = args[:len(args)/2]
	case 1:
		args = append(args, pInt(1))
	}
	if len(args) == 1 && r.Intn(2) == 0 {
		return percentCase{format: b.String(), single: args[0]}
	}
	return percentCase{format: b.String(), args: args}
}

func TestRandomPercentCPython(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	var cs []percentCase
	for i := 0; i < 10000*oracleScale(); i++ {
		cs = append(cs, randomPercent(r))
	}
	checkPercent(t, cs)
}
