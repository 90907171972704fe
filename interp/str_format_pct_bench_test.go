package interp

import "testing"

// Benchmarks of the formatting paths logging takes and of comparing
// tuples as sorting (key, value) pairs does: a record's mapping format
// (%(key)s against a dict), bare %s/%d conversions, a spec with only
// ASCII in it, and sorted() over pairs with str keys.
var pctSpeedBodies = []struct{ name, src string }{
	{"percent_mapping", "d = {'levelname': 'WARNING', 'name': 'bench.app', 'request': 17, 'funcName': 'f', 'message': 'm'}\n" +
		"for i in range(2000):\n    '%(levelname)-8s %(name)s #%(request)05d %(funcName)s: %(message)s' % d\n"},
	{"percent_bare", "for i in range(2000):\n    'handled %s %s -> %d' % ('GET', 'x', i)\n"},
	{"format_spec", "for i in range(2000):\n    format(i, '05d')\n"},
	{"sort_pairs", "pairs = [('k%03d' % (i * 7 % 100), i) for i in range(100)]\nfor i in range(20):\n    sorted(pairs)\n"},
}

func BenchmarkPercentSpeed(b *testing.B) {
	for _, c := range pctSpeedBodies {
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
