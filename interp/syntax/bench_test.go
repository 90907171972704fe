// Benchmarks. BenchmarkParseStdlib parses every stdlib file (read into
// memory first) and reports lines/s; its "cpython" sub-benchmark runs
// testdata/cpython_parse_speed.py on the same files, so one command gives
// both numbers:
//
//	go test ./interp/syntax -run '^$' -bench 'ParseStdlib|DumpStdlib' -benchtime 5x
//
// -benchtime 5x makes the Go side five passes over the whole stdlib. The
// CPython side runs the script once per process (three passes, about 35 s
// on the reference machine) and reports the median pass as ns/op and
// lines/s, whatever b.N is.

package syntax

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

type benchCorpus struct {
	files []string
	srcs  [][]byte
	lines int
	bytes int
}

func loadBenchCorpus(b *testing.B) *benchCorpus {
	b.Helper()
	py := loadCPython()
	if py.err != nil {
		b.Skipf("no CPython 3.12 to locate the stdlib: %v", py.err)
	}
	c := &benchCorpus{files: stdlibFiles(b, py)}
	for _, f := range c.files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		c.srcs = append(c.srcs, src)
		c.lines += bytes.Count(src, []byte{'\n'})
		c.bytes += len(src)
	}
	return c
}

func BenchmarkParseStdlib(b *testing.B) {
	c := loadBenchCorpus(b)
	b.Run("go", func(b *testing.B) {
		b.SetBytes(int64(c.bytes))
		b.ReportAllocs()
		errs := 0
		for b.Loop() {
			errs = 0
			for i, src := range c.srcs {
				if _, err := Parse(c.files[i], src, ModeExec); err != nil {
					errs++
				}
			}
		}
		b.ReportMetric(float64(c.lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
		b.ReportMetric(float64(errs), "errors")
	})
	b.Run("cpython", func(b *testing.B) {
		// CPython is measured once per process however often the
		// framework calls this function; ns/op is its median pass.
		r := cpythonParseSpeed(b, c)
		b.ReportMetric(r.secs*1e9, "ns/op")
		b.ReportMetric(r.rate, "lines/s")
	})
}

type cpythonSpeed struct {
	secs, rate float64
	err        error
}

var (
	cpythonSpeedOnce sync.Once
	cpythonSpeedRes  cpythonSpeed
)

// cpythonParseSpeed runs testdata/cpython_parse_speed.py on the corpus.
func cpythonParseSpeed(b *testing.B, c *benchCorpus) cpythonSpeed {
	py := cpython(b)
	cpythonSpeedOnce.Do(func() {
		r := &cpythonSpeedRes
		dir, err := os.MkdirTemp("", "parse-speed-")
		if err != nil {
			r.err = err
			return
		}
		defer os.RemoveAll(dir)
		list := filepath.Join(dir, "files.txt")
		if r.err = os.WriteFile(list, []byte(strings.Join(c.files, "\n")+"\n"), 0o644); r.err != nil {
			return
		}
		cmd := exec.Command(py.python, filepath.Join("testdata", "cpython_parse_speed.py"), list)
		cmd.Env = py.env
		out, err := cmd.Output()
		if err != nil {
			r.err = fmt.Errorf("cpython_parse_speed.py: %v", err)
			return
		}
		line := string(bytes.TrimSpace(out))
		line = line[strings.LastIndex(line, "\n")+1:]
		var files, lines, nbytes int
		if _, err := fmt.Sscanf(line, "result files=%d lines=%d bytes=%d seconds=%g lines_per_sec=%g", &files, &lines, &nbytes, &r.secs, &r.rate); err != nil {
			r.err = fmt.Errorf("cannot read %q: %v", line, err)
			return
		}
		if files != len(c.files) || lines != c.lines {
			r.err = fmt.Errorf("CPython read %d files, %d lines; we read %d, %d", files, lines, len(c.files), c.lines)
		}
	})
	if cpythonSpeedRes.err != nil {
		b.Fatal(cpythonSpeedRes.err)
	}
	return cpythonSpeedRes
}

// BenchmarkDumpStdlib measures Dump(include_attributes) over the trees of
// all the stdlib files our parser accepts.
func BenchmarkDumpStdlib(b *testing.B) {
	c := loadBenchCorpus(b)
	var mods []Mod
	for i, src := range c.srcs {
		if mod, err := Parse(c.files[i], src, ModeExec); err == nil {
			mods = append(mods, mod)
		}
	}
	if len(mods) == 0 {
		b.Skip("the parser accepts no stdlib file")
	}
	var buf []byte
	out := 0
	for b.Loop() {
		out = 0
		for _, m := range mods {
			buf = AppendDump(buf[:0], m, DumpOptions{Indent: -1, IncludeAttributes: true})
			out += len(buf)
		}
	}
	b.SetBytes(int64(out))
	b.ReportMetric(float64(c.lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

func BenchmarkReprString(b *testing.B) {
	for _, s := range []string{"plain_identifier", "a line of text with a newline\n", "ünïcödé テキスト \u2028"} {
		b.Run(fmt.Sprintf("%d", len(s)), func(b *testing.B) {
			var buf []byte
			for b.Loop() {
				buf = AppendReprString(buf[:0], s)
			}
		})
	}
}

func BenchmarkReprFloat(b *testing.B) {
	var buf []byte
	vals := []float64{0.1, 1e16, 123.456, math.Pi}
	for b.Loop() {
		for _, f := range vals {
			buf = AppendReprFloat(buf[:0], f)
		}
	}
}
