package cycles_test

import (
	"testing"

	"github.com/parallel-py/parallel/cycles"
)

// Run with
//
//	go test ./cycles -run '^$' -bench . -benchmem

// BenchmarkCollectCycles frees 100,000 objects in rings of 4 with one full
// collection; building them is not timed.
func BenchmarkCollectCycles(b *testing.B) {
	const rings, size = 25000, 4
	w := newWorld(b, cycles.Options{})
	w.byName = nil
	w.c.SetEnabled(false)
	names := make([]string, size)
	for b.Loop() {
		b.StopTimer()
		for range rings {
			w.cycle(names...)
		}
		b.StartTimer()
		if r := w.c.Collect(2); r.Collected != rings*size {
			b.Fatalf("collected %d", r.Collected)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rings*size), "ns/object")
}

// BenchmarkCollectLive is a full collection of 100,000 live objects (in
// chains of 100, one root each) that finds nothing: the pause an
// incremental old generation would split.
func BenchmarkCollectLive(b *testing.B) {
	const chains, size = 1000, 100
	w := newWorld(b, cycles.Options{})
	w.byName = nil
	w.c.SetEnabled(false)
	for range chains {
		objs := w.chain(size, true)
		w.root(&objs[size-1].Header)
		w.releaseAll(objs)
	}
	for b.Loop() {
		if r := w.c.Collect(2); r.Collected != 0 || r.Examined != chains*size {
			b.Fatalf("%+v", r)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*chains*size), "ns/object")
	b.StopTimer()
	w.finish()
}

// BenchmarkTrackUntrack is what every container pays: Allocated, Track,
// and Untrack in its dealloc.
func BenchmarkTrackUntrack(b *testing.B) {
	w := newWorld(b, cycles.Options{})
	w.c.SetEnabled(false)
	o := w.obj("o")
	w.c.Untrack(&o.Header)
	for b.Loop() {
		w.c.Allocated()
		w.c.Track(&o.Header)
		w.c.Untrack(&o.Header)
	}
}
