package interp

import "testing"

// Benchmarks of the three formatting styles of the logging_format bench
// program: str % tuple, str.format and f-strings with format specs.
var strFormatBodies = []struct{ name, src string }{
	{"percent", "for i in range(2000):\n    '%-8s %s #%05d: %s' % ('INFO', 'bench', i, 'value')\n"},
	{"format_method", "for i in range(2000):\n    '{:<8} {} #{:05d}: {!r}'.format('INFO', 'bench', i, 'v')\n"},
	{"fstring", "for i in range(2000):\n    f'{i:<8} bench #{i:05d}: {i * 1.5:.3f} {i:x} {i:,}'\n"},
}

func BenchmarkStrFormatting(b *testing.B) {
	for _, c := range strFormatBodies {
		b.Run(c.name, func(b *testing.B) {
			code := compileForTest(b, c.src)
			in := New(Options{})
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				execN(b, in, code)
			}
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}
