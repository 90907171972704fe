package runtime

import (
	"context"
	goruntime "runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkCreateClose measures making an interpreter and tearing it
// down again.
func BenchmarkCreateClose(b *testing.B) {
	rt := newRuntime(b, Options{})
	b.ReportAllocs()
	for b.Loop() {
		it, err := rt.NewInterpreter(InterpreterOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := it.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecPass measures the round trip of Exec: taking the
// interpreter, finding the cached template, running, giving it back.
func BenchmarkExecPass(b *testing.B) {
	rt := newRuntime(b, Options{})
	it := newInterpreter(b, rt, InterpreterOptions{})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := it.Exec(ctx, "pass"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCallTrivial measures Call of a function returning 1.
func BenchmarkCallTrivial(b *testing.B) {
	rt := newRuntime(b, Options{})
	it := newInterpreter(b, rt, InterpreterOptions{})
	mustExec(b, it, "def f(): return 1")
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := it.Call(ctx, "f"); err != nil {
			b.Fatal(err)
		}
	}
}

// heapAlloc returns the live Go heap after a full collection.
func heapAlloc() uint64 {
	var ms goruntime.MemStats
	goruntime.GC()
	goruntime.GC()
	goruntime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkIdleMemory reports the Go heap an idle interpreter keeps
// (idle-B/interp) and what 100 of them leave behind once closed
// (closed-B/interp).
func BenchmarkIdleMemory(b *testing.B) {
	const n = 100
	rt := newRuntime(b, Options{})
	// One interpreter first, so that what the process makes once (code
	// templates, interned names, the stdlib lookup) is not counted.
	warm := newInterpreter(b, rt, InterpreterOptions{})
	warm.Close()
	var idle, kept float64
	for b.Loop() {
		before := heapAlloc()
		its := make([]*Interpreter, n)
		for i := range its {
			its[i] = newInterpreter(b, rt, InterpreterOptions{})
		}
		during := heapAlloc()
		for _, it := range its {
			it.Close()
		}
		its = nil
		after := heapAlloc()
		idle += (float64(during) - float64(before)) / n
		kept += (float64(after) - float64(before)) / n
	}
	b.ReportMetric(idle/float64(b.N), "idle-B/interp")
	b.ReportMetric(kept/float64(b.N), "closed-B/interp")
	b.ReportMetric(0, "ns/op")
}

// scalingSrc is a CPU-bound job of some tens of milliseconds.
const scalingSrc = `
def job():
    t = 0
    for i in range(300000):
        t += i * i % 7
    return t
`

// BenchmarkScaling runs one CPU-bound job on one interpreter, then K
// copies on K interpreters at once (K = GOMAXPROCS), and reports the
// ratio of the two wall times: 1.0 is perfect scaling. The wall time of
// K jobs is that of the slowest, so the ratio also grows with how much
// one job's speed varies from run to run (on this VM about 14%, which
// alone gives about 1.08); job-ratio, the mean time of a job run beside
// the others over that of a job run alone, leaves that out.
func BenchmarkScaling(b *testing.B) {
	k := goruntime.GOMAXPROCS(0)
	rt := newRuntime(b, Options{})
	its := make([]*Interpreter, k)
	for i := range its {
		its[i] = newInterpreter(b, rt, InterpreterOptions{})
		mustExec(b, its[i], scalingSrc)
	}
	ctx := context.Background()
	// run returns the round's wall time and the sum of its jobs' own.
	run := func(its []*Interpreter) (wall, jobs time.Duration) {
		start := time.Now()
		var wg sync.WaitGroup
		took := make([]time.Duration, len(its))
		for i, it := range its {
			wg.Add(1)
			go func() {
				defer wg.Done()
				t := time.Now()
				if _, err := it.Call(ctx, "job"); err != nil {
					b.Error(err)
				}
				took[i] = time.Since(t)
			}()
		}
		wg.Wait()
		wall = time.Since(start)
		for _, d := range took {
			jobs += d
		}
		return wall, jobs
	}
	// The same measure for a plain Go loop tells what the machine allows
	// (other processes share its cores).
	goRun := func(k int) time.Duration {
		start := time.Now()
		var wg sync.WaitGroup
		for range k {
			wg.Add(1)
			go func() {
				defer wg.Done()
				spin(20_000_000)
			}()
		}
		wg.Wait()
		return time.Since(start)
	}
	// CPU time tells whether running side by side costs more work (lock
	// or cache-line contention) whatever else the machine runs:
	// cpu-ratio is the CPU time of the K jobs run together over K times
	// that of one, 1.0 when they do not hinder each other.
	var one, all, jobOne, jobAll, goOne, goAll, cpuOne, cpuAll time.Duration
	for b.Loop() {
		c0 := processCPU()
		w, j := run(its[:1])
		one, jobOne = one+w, jobOne+j
		c1 := processCPU()
		w, j = run(its)
		all, jobAll = all+w, jobAll+j
		c2 := processCPU()
		cpuOne += c1 - c0
		cpuAll += c2 - c1
		goOne += goRun(1)
		goAll += goRun(k)
	}
	b.ReportMetric(float64(k), "K")
	b.ReportMetric(float64(all)/float64(one), "ratio")
	b.ReportMetric(float64(jobAll)/float64(jobOne)/float64(k), "job-ratio")
	b.ReportMetric(float64(goAll)/float64(goOne), "go-ratio")
	if cpuOne > 0 {
		b.ReportMetric(float64(cpuAll)/float64(cpuOne)/float64(k), "cpu-ratio")
	}
}

// spinSink keeps spin's work observable.
var spinSink uint64

// spin is CPU-bound Go work.
func spin(n int) {
	x := uint64(1)
	for i := 0; i < n; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	atomic.AddUint64(&spinSink, x)
}

// BenchmarkImportStdlib measures a fresh interpreter importing standard
// library modules from the code cache: their module bodies' run, the
// code objects' loading, and the interpreter's making and closing.
func BenchmarkImportStdlib(b *testing.B) {
	for _, mods := range []string{"logging", "json", "re", "random"} {
		b.Run(mods, func(b *testing.B) {
			rt := newRuntime(b, Options{})
			ctx := context.Background()
			if it := newInterpreter(b, rt, InterpreterOptions{}); it.Exec(ctx, "import "+mods) != nil {
				b.Skip("no standard library here")
			}
			b.ReportAllocs()
			for b.Loop() {
				it, err := rt.NewInterpreter(InterpreterOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if err := it.Exec(ctx, "import "+mods); err != nil {
					b.Fatal(err)
				}
				if err := it.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
