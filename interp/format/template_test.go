package format

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/syntax"
)

var (
	tmplArgs = []*pv{pInt(42), pFloat(3.5), pStr("hi"), pInt(10), pList(pInt(1), pStr("x"), pInt(2)),
		pDict("a", pInt(1), "0", pStr("zero"), "k", pList(pInt(7))), pBool(true), pNone(), pStr("é日")}
	tmplKwargs = pDict("name", pStr("Bob"), "width", pInt(8), "x", pFloat(-1.25), "d", pDict("key", pInt(5)),
		"l", pList(pStr("a"), pStr("b")), "spec", pStr(">6"), "é", pInt(3), "a b", pInt(1), "", pInt(99))
)

var templates = []string{
	"", "plain", "{{}}", "{{0}}", "a{{b}}c", "{", "}", "a}", "a{", "{}}", "{{}", "}}{{", "x}y",
	"{0}", "{1}", "{}", "{} {}", "{} {} {} {} {} {} {} {} {} {}", "{0} {1} {0}", "{0} {}", "{} {0}",
	"{name}", "{name} {}", "{} {name} {}", "{missing}", "{9}", "{0:>10}", "{1:+.3f}", "{2!r}", "{2!s:^8}",
	"{8!a}", "{8!r}", "{8!a:>12}", "{0!x}", "{0!}", "{0!", "{0!r", "{0!rr}", "{0!r:}", "{0!r:5}",
	"{0:{3}}", "{0:{width}}", "{0:>{width}.{3}}", "{:{}}", "{:{}} {}", "{0:{1:{2}}}", "{0:{{}}}",
	"{0:{}}", "{:{0}}", "{0:{name}}", "{x:{spec}}", "{x:{}}", "{4[0]}", "{4[1]}", "{4[5]}", "{4[a]}",
	"{5[a]}", "{5[0]}", "{5[k][0]}", "{5[zz]}", "{d[key]}", "{l[1]}", "{l[-1]}", "{0.real}",
	"{0.imag}", "{0.nope}", "{0.}", "{0[]}", "{0..real}", "{4[0]x}", "{4[0}", "{4]}", "{0[}",
	"{[0]}", "{.real}", "{}.{}", "{0.real.imag}", "{0.real[0]}", "{٠}", "{١:٥}", "{é}", "{a b}",
	"{a!b}", "{a:b}", "{0:}", "{0!s}", "{!r}", "{!r:>5}", "{:}", "{0:{", "{0:}}", "{0:{}", "{0:{9}}",
	"{99999999999999999999}", "{0[99999999999999999999]}", "{0:99999999999999999999}", "{0:{", "{0{}",
	"{0:{0:{0}}}", "{0:{1}{2}}", "{0:{3}{3}}", "{7}", "{7:}", "{7:x}", "{6}", "{6:}", "{6:d}", "{6:>5}",
	"{{{0}}}", "{{{}}}{{", "{0}}", "{0}{", "a{0}b{1}c{2}d", "{0:=^{3}}", "é{0}日{2}😀",
	"{0:\xed\xa0\x80>5}", "{2:\xed\xa0\x80<5}", "{x!s:{width}}", "{0!\xed\xa0\x80}", "{0!é}",
	"{0!\x01}", "{0!\x7f}", "{}{:{}}{:{}.{}}", "{0}{:{}}", "{ }", "{0 }", "{0:{1!r}}",
	"{0:{2!s}}", "{0:{1:{}}}", "{1} {", "{9} }", "{missing} }", "{0[0]", "{0.", "{0!r:{",
}

func TestTemplateCPython(t *testing.T) {
	var cases []oracleCase
	var what []string
	var got []outcome
	lit := "(" + pList(tmplArgs...).literal() + ", " + tmplKwargs.literal() + ")"
	add := func(tmpl string) {
		cases = append(cases, oracleCase{"tmpl", hexText(tmpl), hexText(lit)})
		what = append(what, fmt.Sprintf("%q.format(...)", tmpl))
		got = append(got, render(RenderTemplate(tmpl, testFields(tmplArgs, tmplKwargs))))

		cases = append(cases, oracleCase{"tmplmap", hexText(tmpl), hexText(tmplKwargs.literal())})
		what = append(what, fmt.Sprintf("%q.format_map(...)", tmpl))
		got = append(got, render(RenderTemplate(tmpl, testFields(nil, tmplKwargs))))

		cases = append(cases, oracleCase{"parse", hexText(tmpl), ""})
		what = append(what, fmt.Sprintf("_string.formatter_parser(%q)", tmpl))
		got = append(got, render(parseOutcome(tmpl)))
	}
	for _, tmpl := range templates {
		add(tmpl)
	}
	r := rand.New(rand.NewSource(99))
	for i := 0; i < 6000*oracleScale(); i++ {
		add(randomTemplate(r, 0))
	}
	// No keyword arguments at all.
	for _, tmpl := range []string{"{name}", "{0} {x}"} {
		cases = append(cases, oracleCase{"tmpl", hexText(tmpl), hexText("([1], {})")})
		what = append(what, fmt.Sprintf("%q.format(1)", tmpl))
		got = append(got, render(RenderTemplate(tmpl, testFields([]*pv{pInt(1)}, nil))))
	}
	compare(t, what, got, runOracle(t, cases))
}

// parseOutcome renders ParseTemplate as the oracle renders
// _string.formatter_parser.
func parseOutcome(tmpl string) (string, error) {
	parts, err := ParseTemplate(tmpl)
	if err != nil {
		return "", err
	}
	var out []string
	for _, p := range parts {
		if !p.Field {
			out = append(out, "("+syntax.ReprString(p.Literal)+", None, None, None)")
			continue
		}
		conv := "None"
		if p.Conversion != 0 {
			conv = syntax.ReprString(string(appendRune(nil, p.Conversion)))
		}
		out = append(out, fmt.Sprintf("(%s, %s, %s, %s)", syntax.ReprString(p.Literal),
			syntax.ReprString(p.Name), syntax.ReprString(p.Spec), conv))
	}
	return strings.Join(out, "|"), nil
}

func randomTemplate(r *rand.Rand, depth int) string {
	pick := func(xs ...string) string { return xs[r.Intn(len(xs))] }
	var b strings.Builder
	n := r.Intn(4)
	for i := 0; i < n; i++ {
		if r.Intn(2) == 0 {
			b.WriteString(pick("a", "é ", "{{", "}}", "-", " "))
		}
		if r.Intn(25) == 0 {
			b.WriteString(pick("{", "}", "!", ":", "[", "]", "."))
		}
		b.WriteByte('{')
		b.WriteString(pick("", "", "0", "1", "2", "3", "9", "name", "width", "x", "d[key]", "4[1]", "5[a]", "0.real", "l[0]", "é"))
		if r.Intn(4) == 0 {
			b.WriteString(pick("!r", "!s", "!a", "!x", "!"))
		}
		if r.Intn(2) == 0 {
			b.WriteByte(':')
			if depth < 3 && r.Intn(3) == 0 {
				b.WriteString(pick("", ">", "^", "0", "+"))
				b.WriteString(randomTemplate(r, depth+1))
			} else {
				b.WriteString(randomSpec(r))
			}
		}
		if r.Intn(30) != 0 {
			b.WriteByte('}')
		}
	}
	return b.String()
}

func TestSplitFieldName(t *testing.T) {
	first, idx, steps, err := SplitFieldName("a.b[0][x].c")
	if err != nil || first != "a" || idx != -1 || len(steps) != 4 ||
		steps[0] != (FieldStep{Attr: true, Key: "b", Index: -1}) ||
		steps[1] != (FieldStep{Key: "0", Index: 0}) ||
		steps[2] != (FieldStep{Key: "x", Index: -1}) ||
		steps[3] != (FieldStep{Attr: true, Key: "c", Index: -1}) {
		t.Fatalf("got %q %d %+v %v", first, idx, steps, err)
	}
	first, idx, steps, err = SplitFieldName("12[3]x")
	if first != "12" || idx != 12 || len(steps) != 1 || render("", err) != "!ValueError: Only '.' or '[' may follow ']' in format field specifier" {
		t.Fatalf("got %q %d %+v %v", first, idx, steps, err)
	}
}
