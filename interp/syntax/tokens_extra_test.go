package syntax

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// tokenizeOracle runs CPython's _tokenize.TokenizerIter over each source
// of a JSON list read from stdin, its lines split as io.StringIO splits
// them, and prints one JSON result per source: the tuples, and the error
// that ended them as (type, msg, lineno, offset, text, end_lineno,
// end_offset, len(args)).
const tokenizeOracle = `
import _tokenize, io, json, sys
extra = sys.argv[1] == "1"
out = []
for src in json.load(sys.stdin):
    toks, err = [], None
    try:
        for t in _tokenize.TokenizerIter(io.StringIO(src).readline, extra_tokens=extra):
            toks.append([t[0], t[1], t[2][0], t[2][1], t[3][0], t[3][1], t[4]])
    except SyntaxError as e:
        err = [type(e).__name__, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, len(e.args)]
    out.append({"toks": toks, "err": err})
json.dump(out, sys.stdout)
`

type oracleResult struct {
	Toks [][]any `json:"toks"`
	Err  []any   `json:"err"`
}

// runTokenizeOracle tokenizes srcs with CPython.
func runTokenizeOracle(t *testing.T, srcs []string, extra bool) []oracleResult {
	t.Helper()
	in, err := json.Marshal(srcs)
	if err != nil {
		t.Fatal(err)
	}
	flag := "0"
	if extra {
		flag = "1"
	}
	cmd := pythonCommand(t, "-c", tokenizeOracle, flag)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	var res []oracleResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// streamTokens tokenizes src line by line as the oracle does.
func streamTokens(src string, extra bool) ([]StreamToken, error) {
	read := func() ([]byte, bool, error) {
		if src == "" {
			return nil, true, nil
		}
		i := strings.IndexByte(src, '\n') + 1
		if i == 0 {
			i = len(src)
		}
		line := src[:i]
		src = src[i:]
		return []byte(line), false, nil
	}
	s := NewTokenStream(read, extra)
	var toks []StreamToken
	for {
		tok, ok, err := s.Next()
		if err != nil || !ok {
			return toks, err
		}
		toks = append(toks, tok)
	}
}

// formatOracle renders an oracle result and formatOurs ours the same way.
func formatOracle(r oracleResult) string {
	var b strings.Builder
	for _, tok := range r.Toks {
		fmt.Fprintf(&b, "%v %q (%v,%v) (%v,%v) %q\n", tok[0], tok[1], tok[2], tok[3], tok[4], tok[5], tok[6])
	}
	if r.Err != nil {
		e := r.Err
		fmt.Fprintf(&b, "%v: %q line %v offset %v text %s end %v,%v args %v\n", e[0], e[1], e[2], e[3], jsonText(e[4]), e[5], e[6], e[7])
	}
	return b.String()
}

func jsonText(v any) string {
	if v == nil {
		return "None"
	}
	return fmt.Sprintf("%q", v)
}

func formatOurs(toks []StreamToken, err error) string {
	var b strings.Builder
	for _, t := range toks {
		fmt.Fprintf(&b, "%d %q (%d,%d) (%d,%d) %q\n", t.Type, t.String, t.Line, t.Col, t.EndLine, t.EndCol, t.Text)
	}
	if err != nil {
		se, ok := err.(*StreamError)
		if !ok {
			fmt.Fprintf(&b, "error %v\n", err)
			return b.String()
		}
		e := se.Info
		text, endLine, endOff, nargs := fmt.Sprintf("%q", e.Text), fmt.Sprint(e.EndLine), fmt.Sprint(e.EndOffset), 2
		switch se.Shape {
		case StreamErrorState:
			endLine, endOff = "<nil>", "<nil>"
		case StreamErrorEOF:
			text, endOff, nargs = "None", "<nil>", 1
		}
		fmt.Fprintf(&b, "%s: %q line %d offset %d text %s end %s,%s args %d\n", e.Type, e.Msg, e.Line, e.Offset, text, endLine, endOff, nargs)
	}
	return b.String()
}

// compareStreams tokenizes every source here and in CPython and reports
// the differences.
func compareStreams(t *testing.T, names, srcs []string, extra bool) {
	t.Helper()
	want := runTokenizeOracle(t, srcs, extra)
	failed := 0
	for i, src := range srcs {
		toks, err := streamTokens(src, extra)
		got, exp := formatOurs(toks, err), formatOracle(want[i])
		if got != exp {
			failed++
			if failed <= 8 {
				t.Errorf("%s (extra=%v):\n%s", names[i], extra, streamDiff(got, exp))
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d sources differ", failed, len(srcs))
	}
}

// streamDiff shows the first differing line of two renderings.
func streamDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			prev := ""
			if i > 0 && i-1 < len(g) {
				prev = "after " + g[i-1] + "\n"
			}
			return fmt.Sprintf("%sgot:  %s\nwant: %s", prev, gl, wl)
		}
	}
	return "(same)"
}

// extraTokenSnippets are edge cases for the line-by-line tokenizer.
var extraTokenSnippets = []string{
	"", "\n", "\n\n", "x", "x\n", "x  # c", "# only", "# c\n", "x\n   ", "  \n", "\t\n",
	"x = 1 # c\n\n  \nif x:\n    y\n",
	"def f():\n  pass\n\n\n", "if 1:\n  x\n # c\n", "if 1:\n  x\n# c\ny\n",
	"if 1:\n    if 2:\n        x\n  # c\n    y\nz\n",
	"x\\\n  + 1\n", "x = 1 + \\\n  2\n", "\\\n  x\n", "if 1:\n  \\\n  x\n", "if 1:\n \\\n  x\n",
	"if 1:\n  x\n\\\n\n", "\\\n", "\\", "x\\", "x = \\\n", "x = 1 \\ y\n",
	"x\r\ny\r\n", "x # c\r\n", "x \\\r\n+1\r\n", "(1,\r\n2)\r\n", "\r\n\r\n", "x\r", "x\ry\n",
	"a = \"\"\"x\r\ny\"\"\"\r\n", "x \r\n", "if 1:\r\n  x\r\n", "# c\r\n", "x # c\r",
	"x = 1 \r + 2\n", "x\r\r\n", "# c\rx\n", "(1,\r2)\n", "x\\\r\ny", "if 1:\n  x\n\r\ny\n",
	"if 1:\n  x\n  \ry\n", "x\n\ry\n", "x\ryy\n", "\r(\n", "\r+ 1\n", "\r\"s\"\n", "a\r.5\n",
	"a\rif\n", "a\r\tb\n", "a\r#c\n", "s = \"a\\\r\nb\"\n", "s = \"a\\\rb\"\n", "x = 1 + \\\ry\n",
	"f'a\\\r\nb'\n", "f'''a\r\nb{x}\r\n'''\r\n",
	"if x:\n\ty\n  z\n", "if 1:\n  x\n y\n", "if 1:\n\tx\n        y\n", "if 1:\n        x\n\ty\n",
	"f'a{b!r:>{w}}c{{'\n", "f\"\"\"a\nb{x}c\nd\"\"\"\n", "f\"\"\"a{\nx\n}b\"\"\"\n", "x = f\"{a:\n}\"\n",
	"f'{f'{f'{1}'}'}'\n", "f'{x=}' f'{x = !r:^20}'\n", "rf'\\N{x}' f'\\N{BULLET}'\n", "f'{x:{y}.{z}f}'\n",
	"f'{'\n", "f'}'\n", "f'{)}'\n", "f\"abc\n", "f\"{x\n", "f'''{x:\n}'''\n", "f'{x:\n}'\n",
	"(1,\n", "(1,\n2", "x = (1 +\n  2)\n", "x = (", "'abc\n", "\"abc\n", "'''abc\n", "'''abc", "x = '''a\nb",
	"s = \"\"\"é\nab\"\"\" + x\n", "s = \"\"\"x\néab\"\"\"\n", "é = (1,\n 2)\n", "é\\\n+ é\n", "é = 1\n",
	"€ = 1\n", "a€b\n", "ℕ·µ = 1\n", "é = $\n", "x = 1\x00\n", "x\n\x00\n", "'a\x00'\n",
	"0777\n", "1if 0x1g 1e 1_", "1_000 0x_1f 0o17 0b1 1_0.5e-3j 1else 2\n", "0x\n", "0o8\n", "0b2\n",
	"1__0\n", "1e+\n", "09.5 0_0 00\n", ")", "(]", "([)]\n", "}\n", "x = [1,\n2)\n",
	"\x0cx\n", "if 1:\n\x0c  x\n", "$ ? `\n", "a <> b\n", "a->b := c ... @= **= //= >>= <<= != ==\n",
	"async def f():\n  await x\n", "match x:\n  case 1: pass\n", "type X = int\n",
	"x = 1;\n", "class A:\n\tdef f(self):\n\t\treturn 1\n", "'\\\n'\n", "'''\\\n'''\n", "b'x' rb'y' Rb\"z\" u'w'\n",
	"x = 'a' 'b'\n", "print(  )  \n", "if True:\n    pass\n    # trailing\n", "x = 1 # c", "(\n# c\n)\n",
	"if 1:\n  pass\n\n# c\n", "if 1:\n  x\n  # c\n\ny\n", "x = \\\n  # c\n", "\n\n# c\n\n",
	"def f(\n  a,  # one\n  b,\n):\n  return a\n", strings.Repeat("(", 201) + "\n", nestedIfs(101),
	"x = 1\n\x0c\ny = 2\n", "  x = 1\n", " # c\n x\n", "\t# c\nx\n",
}

func TestExtraTokensSnippets(t *testing.T) {
	names := make([]string, len(extraTokenSnippets))
	for i, s := range extraTokenSnippets {
		names[i] = fmt.Sprintf("%q", s)
		if len(names[i]) > 60 {
			names[i] = names[i][:60] + "..."
		}
	}
	compareStreams(t, names, extraTokenSnippets, true)
	compareStreams(t, names, extraTokenSnippets, false)
}

// corpusSources reads the files, keeping the UTF-8 ones without lines
// longer than maxLine bytes (each token carries its line: the oracle's
// output grows with the square of a line's length).
func corpusSources(t *testing.T, paths []string, maxLine int) (names, srcs []string) {
	t.Helper()
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil || !utf8.Valid(raw) {
			continue
		}
		long := false
		for _, l := range strings.Split(string(raw), "\n") {
			long = long || len(l) > maxLine
		}
		if long {
			continue
		}
		names = append(names, p)
		srcs = append(srcs, string(raw))
	}
	return names, srcs
}

func TestExtraTokensCorpus(t *testing.T) {
	python(t)
	var files []string
	filepath.WalkDir(filepath.Join("..", "..", "testdata", "programs"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return nil
	})
	if py := loadCPython(); py.err == nil && os.Getenv("EXTRA_TOKENS_ALL") != "" {
		// The whole standard library, tests included (slow).
		filepath.WalkDir(py.stdlib, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
				files = append(files, p)
			}
			return nil
		})
	} else if py.err == nil {
		lib, _ := filepath.Glob(filepath.Join(py.stdlib, "*.py"))
		sort.Strings(lib)
		step := 1
		if testing.Short() {
			step = 6
		}
		for i := 0; i < len(lib); i += step {
			files = append(files, lib[i])
		}
	}
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	names, srcs := corpusSources(t, files, 4000)
	compareStreams(t, names, srcs, true)
	// Without extra tokens (test_tokenize's mode) over the programs.
	var pn, ps []string
	for i, n := range names {
		if strings.Contains(n, "testdata") {
			pn, ps = append(pn, n), append(ps, srcs[i])
		}
	}
	compareStreams(t, pn, ps, false)
}

// FuzzTokenStream checks that any input, split into lines anywhere,
// tokenizes to the end or to an error without panicking or looping, in
// both modes, and that every token lies within what was read.
//
//	go test -fuzz FuzzTokenStream ./interp/syntax/
func FuzzTokenStream(f *testing.F) {
	for _, s := range extraTokenSnippets {
		f.Add([]byte(s), uint8(7))
	}
	f.Fuzz(func(t *testing.T, raw []byte, split uint8) {
		if !utf8.Valid(raw) {
			return
		}
		for _, extra := range []bool{true, false} {
			src, n := raw, 0
			read := func() ([]byte, bool, error) {
				if len(src) == 0 {
					return nil, true, nil
				}
				// Lines end after a '\n' or after split bytes, whichever
				// comes first.
				i := bytes.IndexByte(src, '\n') + 1
				if i == 0 || int(split) > 0 && i > int(split) {
					i = min(len(src), max(1, int(split)))
				}
				line := src[:i]
				src = src[i:]
				return line, false, nil
			}
			s := NewTokenStream(read, extra)
			for {
				n++
				if n > 4*len(raw)+300 {
					t.Fatalf("no end after %d tokens", n)
				}
				tok, ok, err := s.Next()
				if err != nil || !ok {
					break
				}
				if tok.Line < 0 || tok.EndLine < tok.Line-1 {
					t.Fatalf("malformed token %+v", tok)
				}
			}
		}
	})
}
