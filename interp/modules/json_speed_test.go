package modules_test

import (
	"io"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/stdlib"
)

// Benchmarks of the _json paths the json_roundtrip bench program takes
// beyond BenchmarkLibPaths: sort_keys (the encoder sorts str keys
// itself), compact separators, documents of many small objects (dicts
// made at their size from the scanner's stack) and a long non-ASCII
// document decoded by byte offsets.
const jsonSpeedSetup = `import json
def record(i):
    return {"id": i, "name": "user-%05d" % i, "active": i % 3 != 0, "score": i * 1.25 - 17.5,
            "ratio": i / 7, "tags": ["t%d" % (i % k) for k in range(2, 7)],
            "nested": {"level": i % 4, "path": ["a", "b", str(i)], "none": None},
            "text": "caf\u00e9 \u2603 \"quoted\" \\ back\tslash\n" * (i % 3 + 1), "big": 2 ** (i % 70)}
data = {"records": [record(i) for i in range(200)], "version": 3}
small = [{"k%d" % (i % 7): i, "v": [i, i + 1]} for i in range(1000)]
small_doc = json.dumps(small)
uni_doc = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
`

var jsonSpeedSteps = []struct{ name, step string }{
	{"dumps_sort_keys", "json.dumps(data, sort_keys=True)"},
	{"dumps_compact_unicode", "json.dumps(data, ensure_ascii=False, separators=(',', ':'))"},
	{"loads_small_objects", "json.loads(small_doc)"},
	{"loads_unicode_compact", "json.loads(uni_doc)"},
}

func BenchmarkJSONSpeed(b *testing.B) {
	lib, err := stdlib.Find()
	if err != nil {
		b.Skip("no CPython standard library:", err)
	}
	setup := compileBench(b, jsonSpeedSetup)
	for _, c := range jsonSpeedSteps {
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
			b.ReportAllocs()
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
