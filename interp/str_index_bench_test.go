package interp

import "testing"

// Benchmarks of indexing and slicing long strs at code point positions,
// the checksum loop of the json_roundtrip bench program: O(1) for ASCII
// text, and for non-ASCII text a lookup in the str's code point index
// (str_index.go) instead of a scan from one end.
var strIndexBodies = []struct{ name, src string }{
	{"ascii_index", "s = 'abcdefgh' * 5000\nfor i in range(0, len(s), 97):\n    ord(s[i])\n"},
	{"nonascii_index", "s = 'caf\u00e9 \u2603 x' * 5000\nfor i in range(0, len(s), 97):\n    ord(s[i])\n"},
	{"nonascii_slice", "s = 'caf\u00e9 \u2603 x' * 5000\nfor i in range(0, len(s) - 10, 97):\n    s[i:i + 8]\n"},
}

func BenchmarkStrIndex(b *testing.B) {
	for _, c := range strIndexBodies {
		b.Run(c.name, func(b *testing.B) {
			code := compileForTest(b, c.src)
			in := New(Options{})
			cpu := processCPU()
			for b.Loop() {
				execN(b, in, code)
			}
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}
