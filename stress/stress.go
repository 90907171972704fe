package stress

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"go.uber.org/goleak"

	"github.com/parallel-py/parallel/runtime"
)

// Config says how long a scenario runs, how big it is, and which faults
// it suffers. The zero value of a field means its default.
type Config struct {
	// Seed drives every random decision a scenario makes (sizes, fault
	// choices, switch intervals); the same seed makes the same
	// decisions. Default 1.
	Seed uint64
	// Duration bounds the run in time, Iterations in operations; a
	// scenario stops at whichever comes first. With neither, a scenario
	// runs its default operation count.
	Duration   time.Duration
	Iterations int
	// Interps and Threads size the scenario (interpreters, and threads
	// within one interpreter); each scenario has its own defaults.
	Interps, Threads int
	// SwitchInterval is the interpreters' switch interval (down to 1µs,
	// so that races surface quickly). Default: the runtime's.
	SwitchInterval time.Duration
	// Faults are the rates of the faults to inject.
	Faults Faults
	// Watchdog fails the run when no operation completes for this long,
	// printing every goroutine's stack. Default 30s.
	Watchdog time.Duration
	// Progress, when set, receives a line per second while the run goes.
	Progress func(ops int64, elapsed time.Duration)
	// Deterministic runs the scenario's interpreters under seeded
	// schedulers with virtual time and one run slot, so that the same
	// seed gives the same interleaving of their threads; the report's
	// TraceHash tells. Only the scenarios whose interpreters do not wait
	// on each other support it (gil-contention and user scenarios), and
	// the faults that come from wall-clock timers (cancellations, forced
	// drops) and time budgets are refused with it.
	Deterministic bool

	// breakWith is a test-only fault that breaks one invariant on
	// purpose, so that tests can see the run catch it.
	breakWith brokenInvariant
}

// Faults are rates, each the probability (0 to 1) that the fault is
// injected at a point where the scenario offers it.
type Faults struct {
	// Cancel cancels an operation's context while it runs.
	Cancel float64
	// CloseEnd closes a channel in the middle of a stream (channel-storm
	// only, which then uses a PEP 554 channel instead of a queue).
	CloseEnd float64
	// SwitchInterval gives interpreters random switch intervals (1µs to
	// 5ms) instead of Config.SwitchInterval.
	SwitchInterval float64
	// GC forces a cycle collection in an interpreter between operations.
	GC float64
	// Drop forces a GIL and run-slot drop: every 100µs, each live
	// interpreter is asked to switch with this probability.
	Drop float64
}

// brokenInvariant names a deliberately broken variant of the run.
type brokenInvariant int

const (
	breakNothing  brokenInvariant = iota
	breakDropItem                 // a consumer drops one item it received
	breakLeak                     // a goroutine is left blocked forever
	breakDeadlock                 // two threads take two locks in opposite orders
)

// A Scenario is a workload with its invariants.
type Scenario interface {
	// Name is what `parallel stress NAME` calls it.
	Name() string
	// Describe says in one line what it does and checks.
	Describe() string
	// Run runs it in env until env's budget is spent, counting its
	// operations, and returns an error when an invariant fails.
	Run(ctx context.Context, env *Env) error
}

// Invariant is one checked property and its outcome.
type Invariant struct {
	Name string
	OK   bool
	// Detail says what was found, for a failure.
	Detail string
}

// Report is what a run measured and found.
type Report struct {
	Scenario string
	Seed     uint64
	Elapsed  time.Duration
	Ops      int64
	// Rounds is how many times the scenario ran: more than one when a
	// duration without an operation count repeated it.
	Rounds     int64
	OpsPerSec  float64
	Latency    Percentiles
	Faults     map[string]int64
	Invariants []Invariant
	// Replay is the command line that runs the same scenario with the
	// same seed and settings.
	Replay string
	// TraceHash is, in deterministic mode, the hash of every scheduling
	// decision of the run's interpreters (in the order they were made):
	// runs with the same seed have the same one. Empty otherwise.
	TraceHash string `json:",omitempty"`
	// OutsideWaits counts, in deterministic mode, the waits on another
	// interpreter (a cross-interpreter queue, channel or call): they
	// depend on schedules the per-interpreter schedulers do not order,
	// so a run with any may not replay exactly.
	OutsideWaits uint64 `json:",omitempty"`
	// Err is the first failure, or nil when every invariant held.
	Err error `json:"-"`
	// Error is Err's text, for JSON.
	Error string `json:",omitempty"`
}

// Percentiles of operation latencies.
type Percentiles struct {
	P50, P90, P99, Max time.Duration
}

// Failed reports whether an invariant failed.
func (r *Report) Failed() bool { return r.Err != nil }

// Run runs scenario with cfg in a runtime of its own and checks the
// invariants every run has: no Go panic, no goroutine left behind, no
// interpreter left open, no stall longer than the watchdog's limit, and
// the scenario's own. replay is the command line prefix that names the
// scenario (`parallel stress NAME`); Run adds the flags that reproduce the
// run to it.
func Run(ctx context.Context, scenario Scenario, cfg Config, replay string) *Report {
	cfg = cfg.withDefaults()
	report := &Report{Scenario: scenario.Name(), Seed: cfg.Seed, Replay: replayLine(replay, cfg)}
	before := goleak.IgnoreCurrent()
	if err := checkDeterministic(scenario, cfg); err != nil {
		report.Err = err
		report.Error = err.Error()
		return report
	}
	ropts := runtime.Options{SwitchInterval: cfg.SwitchInterval}
	if cfg.Deterministic {
		ropts.Slots = 1
	}
	rt, err := runtime.New(ropts)
	if err != nil {
		report.Err = err
		report.Error = err.Error()
		return report
	}
	if cfg.Faults.CloseEnd > 0 && !closesEnds[scenario.Name()] {
		report.Err = fmt.Errorf("the close-end fault is not implemented for %s (it is for channel-storm)", scenario.Name())
		report.Error = report.Err.Error()
		rt.Close()
		return report
	}
	env := newEnv(rt, cfg)
	if cfg.breakWith == breakLeak {
		// The broken variant: a goroutine that never ends.
		block := make(chan struct{})
		go func() { <-block }()
	}
	ctx, cancel := context.WithCancel(ctx)
	stall := startWatchdog(ctx, env, cfg.Watchdog, cancel)
	stopDrops := env.startDrops()
	start := time.Now()
	runErr := safeRun(func() error { return runRounds(ctx, scenario, env) })
	report.Elapsed = time.Since(start)
	stopDrops()
	stalled := stall.stop()
	cancel()

	add := func(name string, err error) {
		inv := Invariant{Name: name, OK: err == nil}
		if err != nil {
			inv.Detail = err.Error()
			if report.Err == nil {
				report.Err = fmt.Errorf("%s: %w", name, err)
			}
		}
		report.Invariants = append(report.Invariants, inv)
	}
	switch {
	case stalled != "":
		add("progress (watchdog)", errors.New(stalled))
	case errors.Is(runErr, errGoPanic):
		add("no Go panic", runErr)
	default:
		add("no Go panic", nil)
		add(scenario.Name()+" invariants", runErr)
	}
	closeErr := closeAll(rt)
	add("interpreters closed", closeErr)
	if stalled == "" {
		add("no goroutine leak", goleak.Find(before))
	}
	report.Ops = env.ops.Load()
	report.Rounds = env.rounds.Load() + 1
	if s := report.Elapsed.Seconds(); s > 0 {
		report.OpsPerSec = float64(report.Ops) / s
	}
	report.Latency = env.latencies.percentiles()
	report.Faults = env.faultCounts()
	if cfg.Deterministic {
		report.TraceHash, report.OutsideWaits = env.traceHash()
	}
	if report.Err != nil {
		report.Error = report.Err.Error()
	}
	return report
}

// runRounds runs the scenario once or, with a duration and no operation
// count, round after round until the duration is spent: a scenario's
// default size is one round, and `--duration 10m` means ten minutes of
// rounds, not one round cut short.
func runRounds(ctx context.Context, scenario Scenario, env *Env) error {
	for {
		if err := scenario.Run(ctx, env); err != nil {
			return err
		}
		if env.cfg.Duration == 0 || env.cfg.Iterations > 0 || env.Spent() || ctx.Err() != nil {
			return nil
		}
		env.rounds.Add(1)
	}
}

// closesEnds names the scenarios that inject the close-end fault.
var closesEnds = map[string]bool{"channel-storm": true}

// errGoPanic marks a Go panic caught inside a scenario.
var errGoPanic = errors.New("Go panic")

// safeRun runs f, turning a Go panic into an error that says so, with its
// stack.
func safeRun(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v\n%s", errGoPanic, p, debug.Stack())
		}
	}()
	err = f()
	if err != nil && strings.Contains(err.Error(), "Go panic in interpreter") {
		err = fmt.Errorf("%w: %v", errGoPanic, err)
	}
	return err
}

// closeAll closes the runtime, failing when an interpreter could not be
// closed (one still running after the scenario returned).
func closeAll(rt *runtime.Runtime) error {
	open := len(rt.Interpreters())
	if err := rt.Close(); err != nil {
		return err
	}
	if open > 0 {
		return fmt.Errorf("%d interpreters were still open when the scenario returned", open)
	}
	return nil
}

func (cfg Config) withDefaults() Config {
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Watchdog == 0 {
		cfg.Watchdog = 30 * time.Second
	}
	return cfg
}

// replayLine is the command line that reproduces a run of cfg.
func replayLine(prefix string, cfg Config) string {
	if prefix == "" {
		return ""
	}
	parts := []string{prefix, fmt.Sprintf("--seed %d", cfg.Seed)}
	if cfg.Deterministic {
		parts = append(parts, "--deterministic")
	}
	if cfg.Duration > 0 {
		parts = append(parts, "--duration "+cfg.Duration.String())
	}
	if cfg.Iterations > 0 {
		parts = append(parts, fmt.Sprintf("--iterations %d", cfg.Iterations))
	}
	if cfg.Interps > 0 {
		parts = append(parts, fmt.Sprintf("--interps %d", cfg.Interps))
	}
	if cfg.Threads > 0 {
		parts = append(parts, fmt.Sprintf("--threads %d", cfg.Threads))
	}
	if cfg.SwitchInterval > 0 {
		parts = append(parts, "--switch-interval "+cfg.SwitchInterval.String())
	}
	f := cfg.Faults
	for _, r := range []struct {
		flag string
		rate float64
	}{{"--fault-cancel", f.Cancel}, {"--fault-close", f.CloseEnd}, {"--fault-switch", f.SwitchInterval}, {"--fault-gc", f.GC}, {"--fault-drop", f.Drop}} {
		if r.rate > 0 {
			parts = append(parts, fmt.Sprintf("%s %g", r.flag, r.rate))
		}
	}
	return strings.Join(parts, " ")
}

var (
	registryMu sync.Mutex
	registry   = map[string]Scenario{}
)

// register adds a built-in scenario (from init functions only).
func register(s Scenario) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry[s.Name()] = s
}

// Scenarios returns the built-in scenarios, by name.
func Scenarios() []Scenario {
	registryMu.Lock()
	defer registryMu.Unlock()
	out := make([]Scenario, 0, len(registry))
	for _, s := range registry {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// Lookup finds a built-in scenario by name.
func Lookup(name string) (Scenario, bool) {
	registryMu.Lock()
	defer registryMu.Unlock()
	s, ok := registry[name]
	return s, ok
}
