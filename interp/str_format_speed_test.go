package interp

import (
	"fmt"
	"runtime"
	"testing"
)

// Benchmarks of the single operations logging_format spends its time in,
// one per sub-benchmark, each reported per iteration of its loop (ns/iter,
// allocs/iter) so that a change to one path shows on its own.
var formatOpBodies = []struct{ name, setup, body string }{
	{"pct_int", "", "'%05d' % i"},
	{"pct_tuple", "level = 'INFO'", "'%-8s %s #%05d: %s' % (level, 'bench', i, 'value')"},
	{"pct_float", "x = 0.37", "'%.2f ms' % x"},
	{"pct_dict", "d = {'levelname': 'INFO', 'name': 'bench.app', 'request': 17, 'message': 'hello'}",
		"'%(levelname)-8s %(name)s #%(request)05d: %(message)s' % d"},
	{"format_str", "s = 'INFO'", "'{:<8}'.format(s)"},
	{"format_int", "", "'{:05d}'.format(i)"},
	{"fstr_comma", "", "f'{i:,}'"},
	{"fstr_hex", "", "f'{i:x}'"},
	{"fstr_float", "", "f'{i * 1.5:.3f}'"},
	{"fstr_mixed", "level = 'INFO'", "f'{level:<8} bench #{i:05d}: {i * 1.5:.3f} {i:x} {i:,}'"},
	{"stringio_write", "import _io\ns = _io.StringIO()", "s.write('INFO     bench.app #00017 log_work: handled GET\\n')"},
	{"frame_lineno", "import sys\ndef f(n):\n    if n:\n" + manyLines(200) + "    return sys._getframe().f_lineno\n", "f(0)"},
}

// manyLines returns n statements, so that the line of the code after them
// is far into the function's position table.
func manyLines(n int) string {
	s := ""
	for i := range n {
		s += fmt.Sprintf("        x%d = %d\n", i, i)
	}
	return s
}

// BenchmarkFormatOps times each formatting operation in a loop of 1,000
// iterations in a fresh namespace.
func BenchmarkFormatOps(b *testing.B) {
	const n = 1000
	for _, c := range formatOpBodies {
		b.Run(c.name, func(b *testing.B) {
			src := fmt.Sprintf("%s\nfor i in range(%d):\n    %s\n", c.setup, n, c.body)
			code := compileForTest(b, src)
			in := New(Options{})
			defer in.Close()
			execN(b, in, code) // warm up the adaptive interpreter
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			b.ResetTimer()
			for b.Loop() {
				execN(b, in, code)
			}
			b.StopTimer()
			runtime.ReadMemStats(&after)
			iters := float64(b.N * n)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/iters, "ns/iter")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/iters, "allocs/iter")
		})
	}
}
