package stress

import (
	"context"
	"math/rand/v2"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/runtime"
)

// An Env is what a scenario runs in: the runtime, the budget, the seeded
// random streams, the fault injector and the counters the report reads.
type Env struct {
	rt       *runtime.Runtime
	cfg      Config
	start    time.Time
	deadline time.Time // zero: no time limit

	ops       atomic.Int64
	rounds    atomic.Int64 // rounds after the first (runRounds)
	latencies reservoir

	mu     sync.Mutex
	faults map[string]int64
	// made are the interpreters of a deterministic run, in the order
	// they were made: their schedule traces make the run's.
	made []*runtime.Interpreter
}

func newEnv(rt *runtime.Runtime, cfg Config) *Env {
	env := &Env{rt: rt, cfg: cfg, start: time.Now(), faults: map[string]int64{}}
	if cfg.Duration > 0 {
		env.deadline = env.start.Add(cfg.Duration)
	}
	return env
}

// Runtime is the runtime the scenario's interpreters belong to.
func (env *Env) Runtime() *runtime.Runtime { return env.rt }

// Config is the run's configuration.
func (env *Env) Config() Config { return env.cfg }

// Budget is the number of operations the scenario should aim for: the
// configured iterations, or def. With a duration, Spent says when to
// stop early.
func (env *Env) Budget(def int) int {
	if env.cfg.Iterations > 0 {
		return env.cfg.Iterations
	}
	return def
}

// Size is n, or the configured count of interpreters (interps) or
// threads when set.
func (env *Env) Size(def int, threads bool) int {
	if threads && env.cfg.Threads > 0 {
		return env.cfg.Threads
	}
	if !threads && env.cfg.Interps > 0 {
		return env.cfg.Interps
	}
	return def
}

// Spent reports whether the time budget is over.
func (env *Env) Spent() bool { return !env.deadline.IsZero() && time.Now().After(env.deadline) }

// Rand returns the random stream number n of the run: the same seed and
// n give the same numbers, whatever the scheduling.
func (env *Env) Rand(n uint64) *rand.Rand {
	return rand.New(rand.NewPCG(env.cfg.Seed, n))
}

// Op records one completed operation that took d.
func (env *Env) Op(d time.Duration) {
	env.ops.Add(1)
	env.latencies.add(d)
}

// Ops records n completed operations whose latencies were not measured
// one by one.
func (env *Env) Ops(n int64) { env.ops.Add(n) }

// Fault reports whether to inject the fault of the given rate now,
// drawing from r, and counts it when so.
func (env *Env) Fault(r *rand.Rand, name string, rate float64) bool {
	if rate <= 0 || r.Float64() >= rate {
		return false
	}
	env.mu.Lock()
	env.faults[name]++
	env.mu.Unlock()
	return true
}

func (env *Env) faultCounts() map[string]int64 {
	env.mu.Lock()
	defer env.mu.Unlock()
	out := make(map[string]int64, len(env.faults))
	for k, v := range env.faults {
		out[k] = v
	}
	return out
}

// NewInterpreter makes an interpreter of the run, with a random switch
// interval when that fault is on.
func (env *Env) NewInterpreter(r *rand.Rand, opts runtime.InterpreterOptions) (*runtime.Interpreter, error) {
	if opts.SwitchInterval == 0 {
		opts.SwitchInterval = env.cfg.SwitchInterval
	}
	if env.Fault(r, "random switch interval", env.cfg.Faults.SwitchInterval) {
		opts.SwitchInterval = time.Microsecond * time.Duration(1+r.IntN(5000))
	}
	if !env.cfg.Deterministic {
		return env.rt.NewInterpreter(opts)
	}
	opts.Deterministic = &interp.Deterministic{Seed: r.Uint64()}
	it, err := env.rt.NewInterpreter(opts)
	if err == nil {
		env.mu.Lock()
		env.made = append(env.made, it)
		env.mu.Unlock()
	}
	return it, err
}

// MaybeCollect forces a cycle collection in it when the GC fault fires.
func (env *Env) MaybeCollect(ctx context.Context, r *rand.Rand, it *runtime.Interpreter) error {
	if !env.Fault(r, "forced collection", env.cfg.Faults.GC) {
		return nil
	}
	return it.Exec(ctx, "import gc\ngc.collect()")
}

// startDrops starts the forced-drop fault (when its rate is set): every
// 100µs each live interpreter is asked to switch with that probability.
// It returns what stops it.
func (env *Env) startDrops() (stop func()) {
	rate := env.cfg.Faults.Drop
	if rate <= 0 {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		r := env.Rand(90)
		tick := time.NewTicker(100 * time.Microsecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				for _, it := range env.rt.Interpreters() {
					if env.Fault(r, "forced drop", rate) {
						it.ForceSwitch()
					}
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// reservoir keeps a bounded, uniform sample of latencies.
type reservoir struct {
	mu     sync.Mutex
	n      int64
	sample []time.Duration
	max    time.Duration
	rng    *rand.Rand
}

const reservoirSize = 4096

func (r *reservoir) add(d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n++
	if d > r.max {
		r.max = d
	}
	if len(r.sample) < reservoirSize {
		r.sample = append(r.sample, d)
		return
	}
	if r.rng == nil {
		r.rng = rand.New(rand.NewPCG(1, 2))
	}
	if i := r.rng.Int64N(r.n); i < reservoirSize {
		r.sample[i] = d
	}
}

func (r *reservoir) percentiles() Percentiles {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.sample) == 0 {
		return Percentiles{}
	}
	s := append([]time.Duration(nil), r.sample...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	at := func(p float64) time.Duration { return s[int(p*float64(len(s)-1))] }
	return Percentiles{P50: at(0.5), P90: at(0.9), P99: at(0.99), Max: r.max}
}
