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
	// ASCII strs and bytes-like objects are matched in place as bytes
	// (the engine's byte instantiation), other strs as code points; a
	// match's groups slice a bytearray as it is when asked, as
	// CPython's. The search prefilters: a first op's table, an INFO
	// charset's table, a literal prefix; characters past U+00FF take
	// the op's own test. A pattern with more registers than reset
	// copies at once.
	"narrow_subjects": `import re
class S(str): pass
for subj in ("abc 123 def", S("abc 123 def"), "", "a", "x" * 600 + " 42", b"abc 123 def", bytearray(b"ab 12"), memoryview(b"cd 34")):
    pat = re.compile(rb"(\w+) (\d+)" if not isinstance(subj, str) else r"(\w+) (\d+)")
    m = pat.search(subj)
    print(type(subj).__name__, m and (m.span(), m.groups(), type(m.group(1)).__name__), pat.findall(subj)[:3])
    print(pat.sub(lambda m: m.group(2), subj)[-8:], len(pat.split(subj)))
ba = bytearray(b"xy 99 zz")
m = re.search(rb"(\w+) (\d+)", ba)
ba[0:2] = b"QQ"
print(m.group(1), m.group(0), m.string)
print(re.findall(r"[aé✓]x", "ax éx ✓x bx ✓y"), re.findall(r"[a-c]+", "zzabcé✓cba"), re.findall(r"\d+", "a1 ✓22 é333"))
print(re.search(r"[xyz]\d", "✓✓✓é z9").span(), re.search(r"(?:[xyz]|✓)\d", "aaa ✓7 x8").group(), re.findall(r"(?i)[k]", "K k \u212a"))
print(re.search(r"abc", "xxabxabc").span(), re.search(r"é✓", "aé✓").span(), re.search(r"\bé", "aé é").span())
print(re.fullmatch(r"[a-z]+", "abc"), re.fullmatch(r"[a-z]+", "abcé"), re.match(r"\w+", "straße 1").group())
many = re.compile("(a)(b)?" * 20 + "|(c)")
print(many.search("xab" + "a" * 40).groups()[-4:], many.search("aaxc").groups()[-3:], many.findall("ac")[:2])
print(re.search(r"[ \t\n\r]*", "   x", 1).span(), re.compile(r"\s*").match("a  b", 1, 3).span(), re.search(r"b", "abcb", 2, 3))
`,
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
