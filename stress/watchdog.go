package stress

import (
	"context"
	"fmt"
	goruntime "runtime"
	"strings"
	"sync"
	"time"
)

// The watchdog fails a run that stops making progress: when no operation
// completes for its limit, it captures every goroutine's stack (the
// interpreters' goroutines among them, each parked where it waits) and
// cancels the run, so that a deadlock ends in a report instead of a hang.

type watchdog struct {
	done    chan struct{}
	wg      sync.WaitGroup
	mu      sync.Mutex
	stalled string
}

func startWatchdog(ctx context.Context, env *Env, limit time.Duration, cancel context.CancelFunc) *watchdog {
	w := &watchdog{done: make(chan struct{})}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		tick := time.NewTicker(limit / 10)
		defer tick.Stop()
		last, since := env.ops.Load(), time.Now()
		progressAt := time.Now()
		for {
			select {
			case <-w.done:
				return
			case <-ctx.Done():
				return
			case now := <-tick.C:
				ops := env.ops.Load()
				if ops != last {
					last, since = ops, now
				} else if now.Sub(since) >= limit {
					w.mu.Lock()
					w.stalled = fmt.Sprintf("no operation completed for %v (after %d operations)\n%s\nevery goroutine:\n%s",
						limit, ops, pythonStacks(env), allStacks())
					w.mu.Unlock()
					cancel()
					return
				}
				if p := env.cfg.Progress; p != nil && now.Sub(progressAt) >= time.Second {
					progressAt = now
					p(ops, now.Sub(env.start))
				}
			}
		}
	}()
	return w
}

// stop ends the watchdog and returns what it found ("" when the run kept
// making progress).
func (w *watchdog) stop() string {
	close(w.done)
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.stalled
}

// pythonStacks is every interpreter's Python threads' stacks, each read
// holding that interpreter's GIL for a moment (a thread that holds it
// and never lets go is reported as such).
func pythonStacks(env *Env) string {
	var b strings.Builder
	for _, it := range env.rt.Interpreters() {
		s, ok := it.Stacks(time.Second)
		fmt.Fprintf(&b, "interpreter %d:\n", it.ID())
		if !ok {
			b.WriteString("  (a thread holds its GIL and does not let go)\n")
			continue
		}
		for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
			b.WriteString("  " + line + "\n")
		}
	}
	return b.String()
}

// allStacks is every goroutine's stack.
func allStacks() string {
	buf := make([]byte, 1<<20)
	for {
		n := goruntime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}
