package modules_test

import (
	"io"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Benchmarks of the library paths the json_roundtrip and regex bench
// programs spend their time in: the _json scanner and encoder, and _sre
// searches (patterns without a literal prefix, and many matches at
// offsets of one long subject). Each case runs its setup once, then its
// step per iteration, in one interpreter.

const libBenchSetup = `import json, re
def record(i):
    return {"id": i, "name": "user-%05d" % i, "active": i % 3 != 0, "score": i * 1.25,
            "tags": ["t%d" % (i % k) for k in range(2, 7)],
            "nested": {"level": i % 4, "path": ["a", "b", str(i)], "none": None},
            "text": "caf\u00e9 \u2603 \"quoted\" \\ back\tslash\n" * (i % 3 + 1)}
data = [record(i) for i in range(100)]
ascii_doc = json.dumps(data)
uni_doc = json.dumps(data, ensure_ascii=False)
WORDS = ["alpha", "beta", "error", "user", "host", "retry"]
lines = []
seed = 12345
for i in range(300):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    w = WORDS[seed % len(WORDS)]
    lines.append("2024-%02d-%02d 10:%02d:00 [%s] from 10.%d.%d.1: %s=%d took %dms"
                 % (seed % 12 + 1, seed % 28 + 1, seed % 60, w.upper(), seed % 256, (seed >> 8) % 256, w, seed % 1000, seed % 500))
log = "\n".join(lines)
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})")
IP = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
PAIR = re.compile(r"(?P<key>[a-z]+)=(?P<value>\d+)")
WORD = re.compile(r"\b([a-z])([a-z]*)\b")
WS = re.compile(r"[ \t\n\r]*")
`

var libBenchSteps = []struct{ name, step string }{
	{"json_loads_ascii", "json.loads(ascii_doc)"},
	{"json_loads_nonascii", "json.loads(uni_doc)"},
	{"json_dumps", "json.dumps(data)"},
	{"json_dumps_nonascii", "json.dumps(data, ensure_ascii=False)"},
	{"re_date_findall", "DATE.findall(log)"},
	{"re_ip_findall", "IP.findall(log)"},
	{"re_pair_finditer", "for m in PAIR.finditer(log): pass"},
	{"re_word_sub", "WORD.sub('-', log)"},
	{"re_match_at_offsets", "for i in range(0, len(uni_doc), 997): WS.match(uni_doc, i)"},
}

func compileBench(b *testing.B, src string) *compile.Code {
	b.Helper()
	mod, err := syntax.Parse("<bench>", []byte(src), syntax.ModeExec)
	if err != nil {
		b.Fatal(err)
	}
	code, err := compile.Compile(mod, "<bench>", syntax.ModeExec, compile.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return code
}

func BenchmarkLibPaths(b *testing.B) {
	lib, err := stdlib.Find()
	if err != nil {
		b.Skip("no CPython standard library:", err)
	}
	setup := compileBench(b, libBenchSetup)
	for _, c := range libBenchSteps {
		b.Run(c.name, func(b *testing.B) {
			step := compileBench(b, c.step)
			in := interp.New(interp.Options{Stdout: io.Discard, Path: []string{"", lib.Dir}})
			g, err := in.NewDict()
			if err != nil {
				b.Fatal(err)
			}
			defer in.DecRef(g)
			if err := in.ExecModule(setup, interp.AsDict(g)); err != nil {
				b.Fatal(err)
			}
			cpu := processCPU()
			for b.Loop() {
				if err := in.ExecModule(step, interp.AsDict(g)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}
