package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent reads the current GC percent.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// A watching tuner follows the live heap from collection to collection:
// down to 100% while 70 MiB are live, back up once they are dropped;
// stop puts back the percent it found.
func TestGCTunerWatch(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: the tuner leaves it alone")
	}
	orig := debug.SetGCPercent(150)
	defer debug.SetGCPercent(orig)
	g := newGCTuner()
	g.watch()
	waitFor := func(what string, ok func(int) bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !ok(gcPercent()) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: the percent stayed %d after collections", what, gcPercent())
			}
			runtime.GC()
			time.Sleep(time.Millisecond) // the finalizer goroutine runs the update
		}
	}
	// The test binary's live heap is a few megabytes: 64 MiB of
	// headroom is well over 100%.
	waitFor("small heap", func(p int) bool { return p > 100 })
	big := make([]byte, 70<<20)
	waitFor("big heap", func(p int) bool { return p == 100 })
	runtime.KeepAlive(big)
	big = nil
	waitFor("big heap dropped", func(p int) bool { return p > 100 })
	g.stop()
	if p := gcPercent(); p != 150 {
		t.Fatalf("after stop the percent is %d, want 150", p)
	}
	// A collection after stop changes nothing.
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if p := gcPercent(); p != 150 {
		t.Fatalf("a collection after stop set the percent to %d", p)
	}
}
