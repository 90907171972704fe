package stress

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

// In deterministic mode a run is a replay: the racy user scenario fails
// the same way, with the same trace hash, every time its seed is used;
// another seed interleaves differently. CI runs this (under -race too),
// which is the "same seed twice, same trace hash" check of issue 9.
func TestDeterministicReplays(t *testing.T) {
	s, err := UserScenario("testdata/counter_racy.py")
	if err != nil {
		t.Fatal(err)
	}
	run := func(seed uint64) *Report {
		cfg := Config{Seed: seed, Threads: 4, Iterations: 2000, SwitchInterval: time.Microsecond, Deterministic: true, Faults: Faults{GC: 0.2, SwitchInterval: 0.3}}
		return Run(context.Background(), s, cfg, "parallel stress testdata/counter_racy.py")
	}
	first := run(5)
	var b strings.Builder
	first.WriteTable(&b)
	if !first.Failed() || !strings.Contains(first.Error, "lost updates") {
		t.Fatalf("the race was not caught:\n%s", b.String())
	}
	if first.TraceHash == "" || !strings.Contains(b.String(), "trace hash: "+first.TraceHash) {
		t.Fatalf("no trace hash in the report:\n%s", b.String())
	}
	if !strings.Contains(b.String(), "replay          parallel stress testdata/counter_racy.py --seed 5 --deterministic") {
		t.Fatalf("the replay line does not ask for deterministic mode:\n%s", b.String())
	}
	for range 2 {
		again := run(5)
		if again.TraceHash != first.TraceHash || again.Error != first.Error {
			t.Fatalf("the replay differs: %s %q, first run %s %q", again.TraceHash, again.Error, first.TraceHash, first.Error)
		}
	}
	if other := run(6); other.TraceHash == first.TraceHash {
		t.Errorf("seeds 5 and 6 gave the same trace hash %s", other.TraceHash)
	}
}

// gil-contention and a correct user scenario pass in deterministic mode
// with the same hash twice.
func TestDeterministicScenariosPass(t *testing.T) {
	locked, err := UserScenario("testdata/counter_locked.py")
	if err != nil {
		t.Fatal(err)
	}
	gil, _ := Lookup("gil-contention")
	for _, c := range []struct {
		s   Scenario
		cfg Config
	}{
		{gil, Config{Seed: 11, Iterations: 2000, Threads: 3, SwitchInterval: 5 * time.Microsecond}},
		{locked, Config{Seed: 12, Iterations: 1000, Threads: 3, SwitchInterval: time.Microsecond}},
		{locked, Config{Seed: 13, Iterations: 600, Interps: 2, SwitchInterval: time.Microsecond}},
	} {
		t.Run(c.s.Name(), func(t *testing.T) {
			c.cfg.Deterministic = true
			var hashes []string
			for range 2 {
				r := Run(context.Background(), c.s, c.cfg, "parallel stress "+c.s.Name())
				if r.Failed() {
					var b strings.Builder
					r.WriteTable(&b)
					t.Fatalf("failed:\n%s", b.String())
				}
				hashes = append(hashes, r.TraceHash)
			}
			if hashes[0] == "" || hashes[0] != hashes[1] {
				t.Fatalf("trace hashes %q", hashes)
			}
		})
	}
}

// The deliberately broken variants are caught in deterministic mode
// too: the deadlock (every thread waits, virtual time cannot help) by
// the watchdog with the Python stacks, the leaked goroutine by goleak.
func TestDeterministicBrokenInvariants(t *testing.T) {
	gil, _ := Lookup("gil-contention")
	for _, c := range []struct {
		broken    brokenInvariant
		invariant string
	}{
		{breakDeadlock, "progress (watchdog)"},
		{breakLeak, "no goroutine leak"},
	} {
		t.Run(c.invariant, func(t *testing.T) {
			cfg := Config{Seed: 3, Iterations: 400, Threads: 2, Watchdog: 2 * time.Second, Deterministic: true, breakWith: c.broken}
			r := Run(context.Background(), gil, cfg, "parallel stress gil-contention")
			var b strings.Builder
			r.WriteTable(&b)
			if !r.Failed() {
				t.Fatalf("the broken invariant went unnoticed:\n%s", b.String())
			}
			for _, inv := range r.Invariants {
				if !inv.OK {
					if inv.Name != c.invariant {
						t.Fatalf("first failed invariant %q, want %q:\n%s", inv.Name, c.invariant, b.String())
					}
					break
				}
			}
			if !strings.Contains(b.String(), "replay          parallel stress gil-contention --seed 3 --deterministic") {
				t.Fatalf("no replay line:\n%s", b.String())
			}
			if c.broken == breakDeadlock && !strings.Contains(b.String(), "in one") {
				t.Fatalf("the watchdog's report lacks the Python stacks:\n%s", b.String())
			}
		})
	}
}

// What deterministic mode cannot make reproducible is refused, saying
// why.
func TestDeterministicRefusals(t *testing.T) {
	gil, _ := Lookup("gil-contention")
	storm, _ := Lookup("channel-storm")
	for _, c := range []struct {
		s    Scenario
		cfg  Config
		want string
	}{
		{storm, Config{Iterations: 100}, "channel-storm does not run in deterministic mode"},
		{gil, Config{Duration: time.Second}, "takes --iterations, not --duration"},
		{gil, Config{Faults: Faults{Cancel: 0.1}}, "does not take --fault-cancel"},
		{gil, Config{Faults: Faults{Drop: 0.1}}, "does not take --fault-drop"},
	} {
		c.cfg.Deterministic = true
		r := Run(context.Background(), c.s, c.cfg, "")
		if !r.Failed() || !strings.Contains(r.Error, c.want) {
			t.Errorf("%s %+v: error %q, want %q", c.s.Name(), c.cfg, r.Error, c.want)
		}
	}
}

// A worker that waits on a cross-interpreter queue runs, and the report
// says such waits may not replay.
func TestDeterministicOutsideWaits(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/cross.py"
	src := "from concurrent import interpreters\nq = None\ndef setup():\n    global q\n    q = interpreters.create_queue()\ndef worker(i):\n    try:\n        q.get(timeout=0.001)\n    except interpreters.QueueEmpty:\n        pass\ndef check():\n    pass\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := UserScenario(path)
	if err != nil {
		t.Fatal(err)
	}
	r := Run(context.Background(), s, Config{Threads: 2, Iterations: 20, Deterministic: true}, "")
	var b strings.Builder
	r.WriteTable(&b)
	if r.Failed() || r.OutsideWaits == 0 || !strings.Contains(b.String(), "outside the deterministic schedule") {
		t.Fatalf("outside waits %d:\n%s", r.OutsideWaits, b.String())
	}
}
