package stress

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// smallConfig is a budget that keeps each scenario under a few seconds
// with -race on two cores.
func smallConfig() Config {
	cfg := Config{Seed: 7, Iterations: 2000, Interps: 4, Threads: 4, Watchdog: 20 * time.Second,
		Faults: Faults{Cancel: 0.2, SwitchInterval: 0.5, GC: 0.1, Drop: 0.3}}
	if testing.Short() {
		cfg.Iterations, cfg.Interps = 400, 2
	}
	return cfg
}

// Every built-in scenario passes with faults on.
func TestScenarios(t *testing.T) {
	for _, s := range Scenarios() {
		t.Run(s.Name(), func(t *testing.T) {
			cfg := smallConfig()
			switch s.Name() {
			case "cancel-storm", "memory-pressure":
				cfg.Iterations = min(cfg.Iterations, 40)
				if testing.Short() {
					cfg.Iterations = 8
				}
			case "mixed":
				cfg.Iterations = min(cfg.Iterations, 200)
			}
			r := Run(context.Background(), s, cfg, "parallel stress "+s.Name())
			if r.Failed() {
				var b strings.Builder
				r.WriteTable(&b)
				t.Fatalf("%v\n%s", r.Err, b.String())
			}
			if r.Ops == 0 {
				t.Fatal("no operations counted")
			}
		})
	}
}

// A broken variant of each invariant is caught, and the report names
// the command line that replays it.
func TestBrokenInvariantsAreCaught(t *testing.T) {
	for _, c := range []struct {
		scenario  string
		broken    brokenInvariant
		invariant string
	}{
		{"channel-storm", breakDropItem, "channel-storm invariants"},
		{"cancel-storm", breakLeak, "no goroutine leak"},
		{"gil-contention", breakDeadlock, "progress (watchdog)"},
	} {
		t.Run(c.invariant, func(t *testing.T) {
			s, _ := Lookup(c.scenario)
			cfg := Config{Seed: 3, Iterations: 1000, Interps: 2, Threads: 2, Watchdog: 2 * time.Second, breakWith: c.broken}
			if c.scenario == "cancel-storm" {
				cfg.Iterations = 10
			}
			r := Run(context.Background(), s, cfg, "parallel stress "+c.scenario)
			if !r.Failed() {
				t.Fatal("the broken invariant went unnoticed")
			}
			var failed []string
			for _, inv := range r.Invariants {
				if !inv.OK {
					failed = append(failed, inv.Name)
				}
			}
			if len(failed) == 0 || failed[0] != c.invariant {
				t.Fatalf("failed invariants %v, want %q first", failed, c.invariant)
			}
			var b strings.Builder
			r.WriteTable(&b)
			if !strings.Contains(b.String(), "replay          parallel stress "+c.scenario+" --seed 3") {
				t.Fatalf("no replay line:\n%s", b.String())
			}
			// The deadlock's report names where the Python threads wait.
			if c.broken == breakDeadlock && (!strings.Contains(b.String(), "in one") || !strings.Contains(b.String(), "Main thread")) {
				t.Fatalf("the watchdog's report lacks the Python stacks:\n%s", b.String())
			}
		})
	}
}

// A user scenario runs its worker from many threads or interpreters; a
// correct one passes, a racy one is caught by its check at a 1µs switch
// interval, with a replay line.
func TestUserScenarios(t *testing.T) {
	for _, c := range []struct {
		file     string
		cfg      Config
		wantFail bool
	}{
		{"counter_locked.py", Config{Threads: 4, Iterations: 4000, SwitchInterval: time.Microsecond}, false},
		{"counter_locked.py", Config{Interps: 2, Iterations: 2000}, false},
		{"counter_racy.py", Config{Threads: 4, Iterations: 20000, SwitchInterval: time.Microsecond}, true},
	} {
		t.Run(c.file, func(t *testing.T) {
			s, err := UserScenario("testdata/" + c.file)
			if err != nil {
				t.Fatal(err)
			}
			// A racy run loses an update only when the threads happen to
			// interleave inside the window; on a loaded machine one run
			// may not, so the racy case gets a few seeds, as a user
			// would run the stress command again.
			attempts := 1
			if c.wantFail {
				attempts = 8
			}
			var r *Report
			var b strings.Builder
			for seed := uint64(1); seed <= uint64(attempts); seed++ {
				c.cfg.Seed = seed
				r = Run(context.Background(), s, c.cfg, "parallel stress testdata/"+c.file)
				b.Reset()
				r.WriteTable(&b)
				if r.Failed() {
					break
				}
			}
			if r.Failed() != c.wantFail {
				t.Fatalf("failed %v, want %v:\n%s", r.Failed(), c.wantFail, b.String())
			}
			if c.wantFail && (!strings.Contains(b.String(), "lost updates") || !strings.Contains(b.String(), fmt.Sprintf("replay          parallel stress testdata/%s --seed %d", c.file, c.cfg.Seed))) {
				t.Fatalf("report:\n%s", b.String())
			}
			if r.Ops == 0 {
				t.Fatal("no operations counted")
			}
		})
	}
	if _, err := UserScenario("testdata/missing.py"); err == nil {
		t.Fatal("a missing file was accepted")
	}
}

// The close-end fault closes channel-storm's channel mid-stream: every
// accepted int still comes out once; other scenarios refuse the fault.
func TestCloseEndFault(t *testing.T) {
	s, _ := Lookup("channel-storm")
	r := Run(context.Background(), s, Config{Seed: 5, Iterations: 20000, Faults: Faults{CloseEnd: 0.3}}, "parallel stress channel-storm")
	if r.Failed() {
		var b strings.Builder
		r.WriteTable(&b)
		t.Fatal(b.String())
	}
	if r.Faults["close end"] == 0 || r.Ops >= 20000 {
		t.Fatalf("faults %v, %d operations: the channel did not close mid-stream", r.Faults, r.Ops)
	}
	g, _ := Lookup("gil-contention")
	if r := Run(context.Background(), g, Config{Faults: Faults{CloseEnd: 0.5}}, ""); !r.Failed() || !strings.Contains(r.Error, "not implemented for gil-contention") {
		t.Fatalf("gil-contention with close-end: %v", r.Err)
	}
}
