package pool

import (
	"context"
	"encoding/json"
	"expvar"
	"sync"
	"testing"
	"time"
)

func TestBuckets(t *testing.T) {
	// Every value falls in a bucket whose middle is within 1/16 of it,
	// and buckets grow with their values.
	prev := -1
	for _, v := range []uint64{0, 1, 15, 31, 32, 33, 47, 48, 100, 1000, 12345, 1 << 20, 1<<20 + 1, 1 << 40, 1<<63 + 5, ^uint64(0)} {
		b := bucketOf(v)
		if b < prev || b >= len(histogram{}.buckets) {
			t.Fatalf("bucketOf(%d) = %d after %d", v, b, prev)
		}
		prev = b
		mid := bucketMid(b)
		diff := float64(mid) - float64(v)
		if diff < 0 {
			diff = -diff
		}
		if diff > float64(v)/16+1 {
			t.Errorf("bucket %d of %d has middle %d", b, v, mid)
		}
	}
}

func TestPercentiles(t *testing.T) {
	var h histogram
	if l := h.summary(); l.Count != 0 || l.P99 != 0 {
		t.Errorf("empty histogram: %+v", l)
	}
	// 1..1000 microseconds.
	for i := 1; i <= 1000; i++ {
		h.record(uint64(i) * 1000)
	}
	l := h.summary()
	near := func(got time.Duration, want time.Duration) bool {
		return got > want*93/100 && got < want*107/100
	}
	if l.Count != 1000 || !near(l.P50, 500*time.Microsecond) || !near(l.P90, 900*time.Microsecond) || !near(l.P99, 990*time.Microsecond) {
		t.Errorf("percentiles of 1..1000us: %+v", l)
	}
}

func TestStats(t *testing.T) {
	p := newPool(t, Config{Name: "stats", Workers: 2})
	ctx := context.Background()
	for range 10 {
		p.Call(ctx, "add", 1, 2)
	}
	p.Call(ctx, "fail", "x")
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	p.Call(cancelled, "add", 1, 2)
	s := p.Stats()
	if s.Submitted != 12 || s.Completed != 10 || s.Failed != 1 || s.Cancelled != 1 || s.Running != 0 || s.Queued != 0 {
		t.Errorf("stats: %+v", s)
	}
	var tasks uint64
	for _, w := range s.PerWorker {
		tasks += w.Tasks
	}
	if s.PerWorker[0].Interpreter == s.PerWorker[1].Interpreter {
		t.Errorf("workers share interpreter %d", s.PerWorker[0].Interpreter)
	}
	if tasks != 11 {
		t.Errorf("per-worker tasks add up to %d, want 11", tasks)
	}
	if s.Latency.Count != 12 || s.Latency.P50 <= 0 || s.Latency.P99 < s.Latency.P50 || s.Latency.Max <= 0 {
		t.Errorf("latency: %+v", s.Latency)
	}
	// The expvar export is the same, as JSON.
	var v expvar.Var = p.Var()
	var back Stats
	if err := json.Unmarshal([]byte(v.String()), &back); err != nil {
		t.Fatalf("Var().String() = %s: %v", v.String(), err)
	}
	if back.Name != "stats" || back.Completed != 10 || len(back.PerWorker) != 2 || back.Latency.Count != 12 {
		t.Errorf("exported %+v", back)
	}
}

// Many goroutines call, submit and map at once (run with -race): every
// task gets its own answer and the counters add up.
func TestHammer(t *testing.T) {
	p := newPool(t, Config{Workers: 2, QueueSize: 8, RecycleAfter: 50})
	const goroutines = 8
	n := 100
	if testing.Short() {
		n = 20
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range n {
				want := int64(g*1000 + i)
				var v any
				var err error
				switch i % 3 {
				case 0:
					v, err = p.Call(ctx, "add", g*1000, i)
				case 1:
					v, err = p.Submit(ctx, "add", g*1000, i).Result()
				case 2:
					var vs []any
					vs, err = p.Map(ctx, "add", []any{Args{g * 1000, i}})
					if err == nil {
						v = vs[0]
					}
				}
				if err != nil || v != want {
					t.Errorf("goroutine %d task %d = %v, %v", g, i, v, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	s := p.Stats()
	total := uint64(goroutines * n)
	if s.Submitted != total || s.Completed != total || s.PerWorker[0].Tasks+s.PerWorker[1].Tasks != total {
		t.Errorf("stats: %+v", s)
	}
	if s.Recycles < total/50-2 {
		t.Errorf("%d recycles for %d tasks at RecycleAfter 50", s.Recycles, total)
	}
}
