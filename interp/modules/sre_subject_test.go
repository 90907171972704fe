package modules_test

import (
	"testing"

	"github.com/parallel-py/parallel/interp/stdlib"
)

// sreSubjectPrograms check the code points of subjects (interp.StrRunes)
// and the strs made from them (interp.NewStrRunes) against CPython 3.12:
// ASCII text, filled by index, and non-ASCII text, decoded, both below
// and above the length whose code points a pattern keeps; slices that
// are ASCII, that are not, that turn non-ASCII past their first code
// point, and empty ones.
var sreSubjectPrograms = map[string]string{
	"subjects": `import re
short = "abc def ghi"
long = "abc def ghi " * 60
uni = "héllo wörld ✓ ß " * 50
for s in (short, long, uni, uni[:9], "", "x"):
    print(len(re.findall(r"\w+", s)), re.findall(r"\w+", s)[:4], re.search(r"\s(\w)", s + " z").group(1))
    print(re.sub(r"o", "0", s)[:30], re.split(r"\s+", s)[:5])
print(re.match(r"(a)(é+)(x*)", "aééé").groups(), re.search("(b.)", "aéb✓").group(1))
print(re.match(r"\w*", "abcé").group(0), re.match(r"\w*", "éabc").group(0), re.match(r"[a-z]*(.)", "abc\u00e9def").group(1))
print([m.group(0) for m in re.finditer(r".", "a\u00ff\u0100\U0001f600z")])
print(re.fullmatch(r"(\w+) (\w+)", "straße groß").group(2, 1))
`,
}

func TestSreSubjects(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range sreSubjectPrograms {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			got, gotExc := runWithLib(t, lib.Dir, src)
			if got != want {
				t.Errorf("stdout:\n%s\nCPython 3.12:\n%s", got, want)
			}
			if gotExc != wantExc {
				t.Errorf("uncaught exception:\n%s\nCPython 3.12:\n%s", gotExc, wantExc)
			}
		})
	}
}
