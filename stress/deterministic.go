package stress

import (
	"fmt"
	"hash/fnv"

	"github.com/parallel-py/parallel/runtime"
)

// Deterministic mode: each interpreter of the run gets a seeded
// scheduler (interp.Deterministic) and the runtime one run slot, so the
// threads of an interpreter interleave the same way for the same seed.
// The run's trace hash folds the interpreters' own, in the order the
// scenario made them, so it is reproducible when the scenario makes its
// interpreters in a fixed order and they do not wait on one another:
// a wait on another interpreter (a queue, a channel, a call) is a fact
// of two schedules, which the per-interpreter schedulers do not order.

// deterministicScenario is a scenario that says whether it supports
// deterministic mode with a configuration.
type deterministicScenario interface {
	// Deterministic returns nil when the scenario's runs with cfg are
	// reproducible, or why not.
	Deterministic(cfg Config) error
}

// checkDeterministic refuses a deterministic run that could not be one.
func checkDeterministic(s Scenario, cfg Config) error {
	if !cfg.Deterministic {
		return nil
	}
	switch {
	case cfg.Duration > 0:
		return fmt.Errorf("--deterministic takes --iterations, not --duration: a time budget would make the amount of work depend on the machine's speed")
	case cfg.Faults.Cancel > 0:
		return fmt.Errorf("--deterministic does not take --fault-cancel: cancellations come from wall-clock timers")
	case cfg.Faults.Drop > 0:
		return fmt.Errorf("--deterministic does not take --fault-drop: the seed decides every switch already (use --switch-interval to make them frequent)")
	}
	d, ok := s.(deterministicScenario)
	if !ok {
		return fmt.Errorf("%s does not run in deterministic mode: its interpreters wait on one another, which the per-interpreter schedulers cannot order (deterministic mode runs gil-contention and user scenarios)", s.Name())
	}
	return d.Deterministic(cfg)
}

// traceHash folds the schedule traces of the run's interpreters, and
// counts their waits on other interpreters (which may not replay).
func (env *Env) traceHash() (hash string, outside uint64) {
	env.mu.Lock()
	made := append([]*runtime.Interpreter(nil), env.made...)
	env.mu.Unlock()
	h := fnv.New64a()
	for _, it := range made {
		tr, ok := it.ScheduleTrace()
		if !ok {
			continue
		}
		var b [16]byte
		for i := range 8 {
			b[i] = byte(tr.Hash >> (8 * i))
			b[8+i] = byte(tr.Events >> (8 * i))
		}
		h.Write(b[:])
		outside += tr.Outside
	}
	return fmt.Sprintf("%016x", h.Sum64()), outside
}

// Deterministic implements deterministicScenario: gil-contention's
// threads share one interpreter.
func (gilContention) Deterministic(Config) error { return nil }

// Deterministic implements deterministicScenario: a user scenario's
// interpreters run their workers on their own.
func (s *userScenario) Deterministic(Config) error { return nil }
