package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Go's collector, at its default GOGC=100, runs whenever the heap has
// doubled. A jobs run makes and frees an interpreter per job (some 50 KB
// of Go objects for a tiny one) over a live heap of a few megabytes, so
// it would collect every few dozen jobs, and the collections cost more
// than the jobs: 1,000 tiny jobs ran in 85-118 us each at GOGC=100 and
// 46-56 us at 400 (BenchmarkJobsTiny). A single program that makes and
// drops objects fast pays the same way: at GOGC=100 the collector took
// a fifth to a third of the CPU time of raytrace, chaos and
// json_roundtrip (bench/programs), marking a live heap of a few
// megabytes again and again.
//
// The tuner lets the heap grow by up to gcHeadroom past the live heap
// while that is small, and falls back to GOGC=100 as the live heap
// grows, so that programs with big heaps still use at most twice
// theirs. A GOGC set by the user is left alone.

// gcHeadroom is how far past the live heap the next collection may wait.
const gcHeadroom = 64 << 20

// gcTuner sets the GC percent from the live heap. Its methods are safe
// to call from several goroutines (watch updates it from the finalizer
// goroutine).
type gcTuner struct {
	enabled bool

	mu      sync.Mutex
	stopped bool
	orig    int // the percent to restore
	cur     int
	sample  []metrics.Sample
}

func newGCTuner() *gcTuner {
	if os.Getenv("GOGC") != "" {
		return &gcTuner{}
	}
	t := &gcTuner{enabled: true, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.orig = debug.SetGCPercent(100)
	t.cur = 100
	t.update()
	return t
}

// update sets the percent for the live heap the last collection left:
// headroom/live, between 100 and 1000, in steps of 100 (so that it
// changes seldom).
func (t *gcTuner) update() {
	if !t.enabled {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	metrics.Read(t.sample)
	live := int64(1 << 20)
	if s := t.sample[0]; s.Value.Kind() == metrics.KindUint64 && s.Value.Uint64() > uint64(live) {
		live = int64(s.Value.Uint64())
	}
	pct := int(gcHeadroom*100/live) / 100 * 100
	pct = min(max(pct, 100), 1000)
	if pct != t.cur {
		debug.SetGCPercent(pct)
		t.cur = pct
	}
}

// gcSentinel is garbage made to learn when a collection ran: its
// finalizer runs after the first collection that finds it unreachable.
// It is 16 bytes and holds a pointer, so that the allocator does not
// batch it with other tiny objects (whose finalizers may never run).
type gcSentinel struct {
	t *gcTuner
	_ int64
}

// watch updates the percent after every collection until stop: for a
// single program (parallel run), which has no jobs to update between.
func (t *gcTuner) watch() {
	if t.enabled {
		runtime.SetFinalizer(&gcSentinel{t: t}, afterCollection)
	}
}

func afterCollection(s *gcSentinel) {
	t := s.t
	t.update()
	t.mu.Lock()
	stopped := t.stopped
	t.mu.Unlock()
	if !stopped {
		t.watch()
	}
}

// stop puts the GC percent back as it was.
func (t *gcTuner) stop() {
	if !t.enabled {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.stopped {
		t.stopped = true
		debug.SetGCPercent(t.orig)
	}
}
