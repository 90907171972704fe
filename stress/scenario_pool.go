package stress

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/parallel-py/parallel/pool"
)

func init() { register(poolSaturation{}) }

// poolSaturation: bursts of tasks beyond a small fail-fast queue, some
// cancelled while they wait or run; every task ends exactly one way
// (result, rejected, cancelled), results are right, and the pool's own
// counters agree with what the callers saw.
type poolSaturation struct{}

func (poolSaturation) Name() string { return "pool-saturation" }
func (poolSaturation) Describe() string {
	return "bursts of pool tasks beyond queue capacity, with cancellations; every task accounted for once"
}

const poolSetup = `
def square(x):
    s = 0
    for i in range(200):
        s += i
    return x * x
`

func (poolSaturation) Run(ctx context.Context, env *Env) error {
	workers := env.Size(2, false)
	p, err := pool.New(ctx, env.rt, pool.Config{Name: "stress", Workers: workers, Setup: poolSetup, QueueSize: 8, FailFast: true})
	if err != nil {
		return err
	}
	defer p.Close()
	total := env.Budget(5000)
	r := env.Rand(80)
	var completed, rejected, cancelled int
	var mu sync.Mutex
	sent := 0
	for sent < total && !env.Spent() {
		burst := min(total-sent, 4+r.IntN(60))
		type task struct {
			f      *pool.Future
			x      int
			cancel context.CancelFunc
		}
		tasks := make([]task, burst)
		for i := range tasks {
			tctx, cancel := context.WithCancel(ctx)
			x := sent + i
			tasks[i] = task{p.Submit(tctx, "square", x), x, cancel}
			if env.Fault(r, "cancel", env.cfg.Faults.Cancel) {
				if r.IntN(2) == 0 {
					cancel()
				} else {
					time.AfterFunc(time.Duration(r.IntN(300))*time.Microsecond, cancel)
				}
			}
		}
		for _, t := range tasks {
			start := time.Now()
			v, err := t.f.Result()
			t.cancel()
			mu.Lock()
			switch {
			case err == nil:
				if v != int64(t.x*t.x) {
					mu.Unlock()
					return fmt.Errorf("square(%d) = %v", t.x, v)
				}
				completed++
				env.Op(time.Since(start))
			case errors.Is(err, pool.ErrQueueFull):
				rejected++
			case errors.Is(err, context.Canceled):
				cancelled++
			default:
				mu.Unlock()
				return fmt.Errorf("task %d: %w", t.x, err)
			}
			mu.Unlock()
		}
		sent += burst
	}
	st := p.Stats()
	if completed+rejected+cancelled != sent {
		return fmt.Errorf("%d tasks sent, %d completed + %d rejected + %d cancelled", sent, completed, rejected, cancelled)
	}
	if int(st.Completed) != completed || int(st.Rejected) != rejected {
		return fmt.Errorf("the pool counted %d completed and %d rejected; the callers saw %d and %d", st.Completed, st.Rejected, completed, rejected)
	}
	if completed == 0 {
		return errors.New("no task completed")
	}
	return nil
}
