package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"
)

// disOracle prints, for every code object of a file in the order dis.dis
// visits them, its name and its opnames (CPython's CACHE and
// EXTENDED_ARG entries left out: our encoding has neither).
const disOracle = `
import dis, sys
src = open(sys.argv[1]).read()
def walk(c):
    print(c.co_name + " " + " ".join(i.opname for i in dis.get_instructions(c) if i.opname not in ("CACHE", "EXTENDED_ARG")))
    for k in c.co_consts:
        if hasattr(k, "co_code"):
            walk(k)
walk(compile(src, sys.argv[1], "exec"))
`

var (
	disSection = regexp.MustCompile(`(?m)^Disassembly of <code object (\S+) `)
	disOpname  = regexp.MustCompile(`(?m)^\s*(?:\d+)?\s+(?:>>)?\s*\d+ ([A-Z_0-9]+)`)
)

// TestDis checks that "parallel dis" lists every code object of a file,
// nested ones included, with the same instructions in the same order as
// CPython 3.12's dis (operands and offsets aside: ours have no inline
// cache entries). It skips when CPython 3.12 is absent.
func TestDis(t *testing.T) {
	const file = "testdata/dis_example.py"
	cmd := pyoracle.Command("-c", disOracle, file)
	want, err := cmd.Output()
	if err != nil {
		t.Skipf("no CPython 3.12 to compare with: %v", err)
	}
	code, out, errOut := runApp(t, "", "dis", file)
	if code != 0 || errOut != "" {
		t.Fatalf("exit status %d, stderr:\n%s", code, errOut)
	}
	// Split our listing into code objects: the module first, then each
	// "Disassembly of" section.
	var got strings.Builder
	starts := disSection.FindAllStringSubmatchIndex(out, -1)
	names := []string{"<module>"}
	bodies := []string{out}
	if len(starts) > 0 {
		bodies = []string{out[:starts[0][0]]}
		for k, m := range starts {
			names = append(names, out[m[2]:m[3]])
			end := len(out)
			if k+1 < len(starts) {
				end = starts[k+1][0]
			}
			bodies = append(bodies, out[m[1]:end])
		}
	}
	for k, body := range bodies {
		got.WriteString(names[k])
		for _, m := range disOpname.FindAllStringSubmatch(body, -1) {
			got.WriteString(" " + m[1])
		}
		got.WriteString("\n")
	}
	if got.String() != string(want) {
		t.Errorf("instructions differ from CPython 3.12's dis\ngot:\n%s\nwant:\n%s\nour listing:\n%s", got.String(), want, out)
	}
}

func TestDisStdin(t *testing.T) {
	src, err := os.ReadFile("testdata/dis_example.py")
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runApp(t, string(src), "dis", "--depth", "0", "-")
	if code != 0 {
		t.Fatalf("exit status %d", code)
	}
	if strings.Contains(out, "Disassembly of") || !strings.Contains(out, "STORE_NAME") {
		t.Errorf("--depth 0 should print only the module:\n%s", out)
	}
}

func TestDisErrors(t *testing.T) {
	for _, tc := range []struct {
		name, stdin string
		args        []string
		code        int
		stderr      string
	}{
		{"syntax", "x = (\n", []string{"dis", "-"}, 1, "SyntaxError"},
		{"compile", "def f():\n    pass\nbreak\n", []string{"dis", "-"}, 1, "SyntaxError: 'break' outside loop"},
		{"no file", "", []string{"dis"}, 2, "dis takes one FILE"},
		{"missing", "", []string{"dis", "testdata/no_such_file.py"}, 1, "can't open file"},
		{"optimize", "", []string{"dis", "--optimize", "3", "-"}, 2, "--optimize must be 0, 1 or 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runApp(t, tc.stdin, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tc.code, tc.stderr)
			}
		})
	}
}
