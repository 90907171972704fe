package modules_test

import (
	"testing"
)

// srePrefilterPrograms exercise the search prefilter (sre_first.go) and
// the pattern's cache of its last long subject: patterns whose head is a
// one-character op behind marks, assertions and repeats, with pos,
// endpos, empty matches and case folding, and long subjects that share a
// length but not a text.
var srePrefilterPrograms = map[string]string{
	"prefilter": `import re
text = "2024-01-02 10:11:12 ip 10.1.2.3 x=12 Mail Bob.X@Example.ORG\n" * 3 + "ÉTÉ été σΣ 1.2.3 a=b k=7"
pats = [r"(\d{4})-(\d{2})", r"\b(?:\d{1,3}\.){3}\d{1,3}\b", r"(?P<key>[a-z]+)=(?P<value>\d+)",
        r"([\w.+-]+)@([\w-]+\.)+([a-z]{2,})", r"\b([a-z])([a-z]*)\b", r"(?i)(é+)t", r"(?i)σ+",
        r"(?:x|k)=\d", r"((a)|b)+", r"(?:\d\.){2,}", r"\Bt", r"(?<=\d)\.", r"(?=\d)\d\d", r"[^\s]+",
        r"(?:ab){0,2}c", r"\d*", r"(\w)+?:", r"(?>\d+)\.", r"\d++", r"$", r"^\w", r"(?m)^\w+"]
for p in pats:
    r = re.compile(p)
    print(p, [m.span() for m in r.finditer(text)][:6], r.search(text, 5, 40), r.findall(text, 30)[:3],
          len(r.sub("#", text)), r.split(text)[:2], r.match(text, 11), r.fullmatch(text, 0, 4))
`,
	"subject_cache": `import re
w = re.compile(r"[ \t\n\r]*")
a = " x" * 400
b = "  " * 400
c = "é " * 400
print([w.match(a, i).end() for i in range(0, 800, 97)])
print([w.match(b, i).end() for i in range(0, 800, 97)])
print([w.match(a, i).end() for i in range(0, 800, 97)])
print([w.match(c, i).end() for i in range(0, 800, 97)])
d = a[1:] + "y"
print(len(d) == len(a), [w.match(d, i).end() for i in range(0, 800, 97)])
class S(str): pass
print([w.match(S(b), i).end() for i in range(0, 800, 97)], w.match(bytearray(b"  " * 400), 3).end())
`,
	"tables": `import re
subjects = ["Straße ſtraße KELVIN \u212aelvin ÀÉÎõü ÿŸ \x00\xff\t_09 αΩ", "x" * 300 + "ſs" * 50]
pats = [r"[a-z]+", r"(?i)[a-z]+", r"(?i)[^a-z]+", r"[\w]+", r"(?a)\w+", r"[^\W\d]+", r"[À-ÿ]+", r"(?i)[à-þ]+",
        r"(?i)s+", r"(?i)k\w*", r"[\s\S]", r"[^\x00-\x7f]+", r"(?i)[ſ]+", r"\D\d", r"[.\-ß]+", r"(?:[a-c]|ß)+",
        r"[\u0100-\uffff]+", r"\S*?\s"]
for p in pats:
    r = re.compile(p)
    for s in subjects:
        print(p, r.findall(s)[:8], len(r.findall(s)), r.search(s, 3))
for p in [rb"[a-z\x80-\xff]+", rb"(?i)[A-Z]+", rb"\w+", rb"[^\x00]+"]:
    print(p, re.findall(p, bytes(range(256))))
`,
}

func TestSrePrefilter(t *testing.T) { checkStdlibModulePrograms(t, srePrefilterPrograms) }
