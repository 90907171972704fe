package stress

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/parallel-py/parallel/runtime"
)

// A user scenario is a Python file with module-level functions setup(),
// worker(i) and check(): setup runs once, worker runs over and over from
// many threads of one interpreter (Threads, sharing its globals) or in
// many interpreters (Interps, one worker each, each with its own setup
// and check), and check fails the run by raising.

// UserScenario returns the scenario of the Python file at path.
func UserScenario(path string) (Scenario, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(path)
	return &userScenario{path: abs, src: string(src)}, nil
}

type userScenario struct {
	path, src string
}

func (s *userScenario) Name() string     { return filepath.Base(s.path) }
func (s *userScenario) Describe() string { return "the setup, worker and check of " + s.path }

// userDriver runs worker(i) in a loop from Python, so that one Go call
// covers many operations: until n calls are made or the deadline (a
// time.monotonic() value, 0 for none) passes. With threads > 1 it starts
// that many threads, worker i in thread i.
const userDriver = `
def __stress_now():
    import time
    return time.monotonic()

def __stress_run(threads, first, n, deadline):
    import threading, time
    counts = [0] * threads
    errors = []
    def loop(k):
        try:
            i, c = first + k, 0
            while c < n and (deadline == 0 or time.monotonic() < deadline):
                worker(i)
                c += 1
            counts[k] = c
        except BaseException as e:
            errors.append(e)
            counts[k] = c
    if threads == 1:
        loop(0)
    else:
        ts = [threading.Thread(target=loop, args=(k,)) for k in range(threads)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    if errors:
        raise errors[0]
    return sum(counts)
`

func (s *userScenario) Run(ctx context.Context, env *Env) error {
	cfg := env.cfg
	threads, interps := 1, 1
	switch {
	case cfg.Threads > 0 && cfg.Interps > 0:
		return fmt.Errorf("a user scenario takes --threads or --interps, not both")
	case cfg.Threads > 0:
		threads = cfg.Threads
	case cfg.Interps > 0:
		interps = cfg.Interps
	default:
		threads = 4
	}
	perWorker := env.Budget(10_000) / (threads * interps)
	var its []*runtime.Interpreter
	defer func() { closeInterps(its) }()
	for k := range interps {
		it, err := env.NewInterpreter(env.Rand(uint64(60+k)), runtime.InterpreterOptions{Argv: []string{s.path}, Path: []string{filepath.Dir(s.path)}})
		if err != nil {
			return err
		}
		its = append(its, it)
		if err := it.ExecFile(ctx, s.path); err != nil {
			return fmt.Errorf("interpreter %d: %w", k, err)
		}
		for _, fn := range []string{"setup", "worker", "check"} {
			if err := it.Exec(ctx, fmt.Sprintf("if not callable(globals().get(%q)):\n    raise NameError(\"the scenario has no function %s()\")", fn, fn)); err != nil {
				return err
			}
		}
		if err := it.Exec(ctx, userDriver); err != nil {
			return err
		}
		if _, err := it.Call(ctx, "setup"); err != nil {
			return fmt.Errorf("setup: %w", err)
		}
	}
	g := &group{}
	for k, it := range its {
		g.Go(func() error {
			r := env.Rand(uint64(70 + k))
			deadline := 0.0
			if !env.deadline.IsZero() {
				// The driver compares with time.monotonic() in Python.
				now, err := it.Call(ctx, "__stress_now")
				if err != nil {
					return err
				}
				deadline = now.(float64) + time.Until(env.deadline).Seconds()
			}
			done := 0
			const batch = 200
			for done < perWorker && !env.Spent() {
				n := min(batch, perWorker-done)
				start := time.Now()
				got, err := it.Call(ctx, "__stress_run", threads, k*threads, n, deadline)
				if err != nil {
					return fmt.Errorf("worker: %w", err)
				}
				c := int(got.(int64))
				if c > 0 {
					env.Op(time.Since(start) / time.Duration(c))
					env.Ops(int64(c - 1))
				}
				done += max(1, c/threads)
				if err := env.MaybeCollect(ctx, r, it); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for k, it := range its {
		if _, err := it.Call(ctx, "check"); err != nil {
			return fmt.Errorf("check (interpreter %d): %w", k, err)
		}
	}
	return nil
}
