package pool

import (
	"context"
	"testing"
	"time"

	"github.com/parallel-py/parallel/runtime"
)

const tinySetup = "def tiny(x):\n    return x + 1\n"

// BenchmarkPoolCallTiny measures the throughput of tiny tasks through
// Call with 2 workers, from 4 goroutines per GOMAXPROCS, and reports
// tasks/s: it is the pool's overhead plus runtime.Interpreter.Call's.
func BenchmarkPoolCallTiny(b *testing.B) {
	p := newPool(b, Config{Workers: 2, Setup: tinySetup})
	ctx := context.Background()
	b.SetParallelism(4)
	b.ReportAllocs()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := p.Call(ctx, "tiny", 1); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "tasks/s")
}

// BenchmarkPoolSubmitTiny is BenchmarkPoolCallTiny through Submit and
// Future.Result.
func BenchmarkPoolSubmitTiny(b *testing.B) {
	p := newPool(b, Config{Workers: 2, Setup: tinySetup})
	ctx := context.Background()
	b.SetParallelism(4)
	b.ReportAllocs()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := p.Submit(ctx, "tiny", 1).Result(); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "tasks/s")
}

// BenchmarkPoolMapTiny maps tiny over 1,000 inputs per op.
func BenchmarkPoolMapTiny(b *testing.B) {
	p := newPool(b, Config{Workers: 2, Setup: tinySetup})
	ctx := context.Background()
	inputs := make([]any, 1000)
	for i := range inputs {
		inputs[i] = i
	}
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		if _, err := p.Map(ctx, "tiny", inputs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(inputs))/time.Since(start).Seconds(), "tasks/s")
}

// BenchmarkPoolCallSerial is one goroutine calling through a pool of
// one worker: beside BenchmarkInterpreterCall, it shows what the pool
// adds to a call when nothing contends.
func BenchmarkPoolCallSerial(b *testing.B) {
	p := newPool(b, Config{Workers: 1, Setup: tinySetup})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Call(ctx, "tiny", 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInterpreterCall is runtime.Interpreter.Call of tiny, with no
// pool.
func BenchmarkInterpreterCall(b *testing.B) {
	rt := newRuntime(b)
	it, err := rt.NewInterpreter(runtime.InterpreterOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer it.Close()
	ctx := context.Background()
	if err := it.Exec(ctx, tinySetup); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := it.Call(ctx, "tiny", 1); err != nil {
			b.Fatal(err)
		}
	}
}
