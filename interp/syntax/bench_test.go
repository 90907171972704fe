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
	// CPython is measured once per process however often the framework
	// calls these functions; ns/op is the median of three passes.
	// "cpython3.12" is the oracle's ast.parse; "cpython3.11" is Debian's
	// PGO+LTO build, the fastest CPython on these machines (it rejects the
	// files that use 3.12 syntax, which only makes its pass shorter).
	for _, v := range []struct{ name, pyenv string }{{"cpython3.12", ""}, {"cpython3.11", "system"}} {
		b.Run(v.name, func(b *testing.B) {
			r := cpythonParseSpeed(b, c, v.pyenv)
			b.ReportMetric(r.secs*1e9, "ns/op")
			b.ReportMetric(r.rate, "lines/s")
		})
	}
}

type cpythonSpeed struct {
	secs, rate float64
	err        error
}

var (
	cpythonSpeedMu  sync.Mutex
	cpythonSpeedRes = map[string]*cpythonSpeed{}
)

// cpythonParseSpeed runs testdata/cpython_parse_speed.py on the corpus
// with the oracle CPython, or with PYENV_VERSION=pyenv when it is set.
func cpythonParseSpeed(b *testing.B, c *benchCorpus, pyenv string) *cpythonSpeed {
	py := cpython(b)
	cpythonSpeedMu.Lock()
	defer cpythonSpeedMu.Unlock()
	r := cpythonSpeedRes[pyenv]
	if r == nil {
		r = measureCPythonParse(py, c, pyenv)
		cpythonSpeedRes[pyenv] = r
	}
	if r.err != nil {
		b.Skipf("CPython (PYENV_VERSION=%q): %v", pyenv, r.err)
	}
	return r
}

func measureCPythonParse(py *pyOracle, c *benchCorpus, pyenv string) *cpythonSpeed {
	r := &cpythonSpeed{}
	dir, err := os.MkdirTemp("", "parse-speed-")
	if err != nil {
		r.err = err
		return r
	}
	defer os.RemoveAll(dir)
	list := filepath.Join(dir, "files.txt")
	if r.err = os.WriteFile(list, []byte(strings.Join(c.files, "\n")+"\n"), 0o644); r.err != nil {
		return r
	}
	cmd := exec.Command(py.python, filepath.Join("testdata", "cpython_parse_speed.py"), list)
	cmd.Env = py.env
	if pyenv != "" {
		cmd.Env = append(os.Environ(), "PYENV_VERSION="+pyenv)
	}
	out, err := cmd.Output()
	if err != nil {
		r.err = fmt.Errorf("cpython_parse_speed.py: %v", err)
		return r
	}
	line := string(bytes.TrimSpace(out))
	line = line[strings.LastIndex(line, "\n")+1:]
	var files, lines, nbytes int
	if _, err := fmt.Sscanf(line, "result files=%d lines=%d bytes=%d seconds=%g lines_per_sec=%g", &files, &lines, &nbytes, &r.secs, &r.rate); err != nil {
		r.err = fmt.Errorf("cannot read %q: %v", line, err)
		return r
	}
	if files != len(c.files) || lines != c.lines {
		r.err = fmt.Errorf("CPython read %d files, %d lines; we read %d, %d", files, lines, len(c.files), c.lines)
	}
	return r
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
