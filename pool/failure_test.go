package pool

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallel-py/parallel/runtime"
)

// A task past TaskTimeout is interrupted; its worker stays.
func TestTaskTimeout(t *testing.T) {
	p := newPool(t, Config{Workers: 1, TaskTimeout: 50 * time.Millisecond})
	ctx := context.Background()
	_, err := p.Call(ctx, "spin")
	var te *TimeoutError
	if !errors.As(err, &te) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("spin past the timeout: %v", err)
	}
	var pe *runtime.PythonError
	if !errors.As(err, &pe) || pe.Type != "KeyboardInterrupt" || !strings.Contains(pe.Traceback, "in spin") {
		t.Errorf("no KeyboardInterrupt traceback in %v", err)
	}
	if !strings.Contains(err.Error(), "pool: task spin timed out after 50ms") {
		t.Errorf("message: %v", err)
	}
	if got, err := p.Call(ctx, "count"); err != nil || got != int64(1) {
		t.Errorf("count() after a timeout = %v, %v (the worker should be the same)", got, err)
	}
	if s := p.Stats(); s.Recycles != 0 || s.Failed != 1 || s.Completed != 1 {
		t.Errorf("stats: %+v", s)
	}
}

// The caller's context cancels a running call inside the interpreter.
func TestCancelRunning(t *testing.T) {
	p := newPool(t, Config{Workers: 1})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		eventually(t, "spin runs", func() bool { return p.Stats().Running == 1 })
		cancel()
	}()
	_, err := p.Call(ctx, "spin")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled spin: %v", err)
	}
	if s := p.Stats(); s.Cancelled != 1 || s.Recycles != 0 {
		t.Errorf("stats: %+v", s)
	}
	if _, err := p.Call(context.Background(), "add", 1, 2); err != nil {
		t.Errorf("after a cancel: %v", err)
	}
}

// A MemoryError fails the task and replaces the worker: the module
// state starts again.
func TestMemoryLimit(t *testing.T) {
	p := newPool(t, Config{Workers: 1, MemoryLimit: 20 << 20})
	ctx := context.Background()
	if got, _ := p.Call(ctx, "count"); got != int64(1) {
		t.Fatalf("count() = %v", got)
	}
	_, err := p.Call(ctx, "hog")
	var pe *runtime.PythonError
	if !errors.As(err, &pe) || pe.Type != "MemoryError" {
		t.Fatalf("hog under a memory limit: %v", err)
	}
	if got, err := p.Call(ctx, "count"); err != nil || got != int64(1) {
		t.Errorf("count() after the MemoryError = %v, %v; want 1 from a fresh worker", got, err)
	}
	if s := p.Stats(); s.Recycles != 1 || s.PerWorker[0].Recycles != 1 {
		t.Errorf("stats: %+v", s)
	}
}

func TestRecycleAfter(t *testing.T) {
	p := newPool(t, Config{Workers: 1, RecycleAfter: 3})
	var got []any
	for range 7 {
		v, err := p.Call(context.Background(), "count")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	want := []any{int64(1), int64(2), int64(3), int64(1), int64(2), int64(3), int64(1)}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("counts %v, want %v", got, want)
		}
	}
	// The last recycle happens after the result is returned.
	eventually(t, "the second recycle", func() bool { return p.Stats().Recycles == 2 })
}

// A worker dies mid-task: SystemExit, a Go panic while it is lent out,
// its interpreter closed under the pool. Each time the task fails with
// a WorkerError, and the next task runs on a fresh worker.
func TestWorkerDies(t *testing.T) {
	tests := []struct {
		name   string
		do     func(p *Pool) error
		reason string
		cause  func(error) bool
	}{
		{"SystemExit", func(p *Pool) error {
			_, err := p.Call(context.Background(), "leave", 3)
			return err
		}, "the task raised SystemExit", func(err error) bool {
			var exit *runtime.ExitError
			return errors.As(err, &exit) && exit.Code == 3
		}},
		{"Go panic", func(p *Pool) error {
			testHookBeforeCall = func(fn string) {
				if fn == "add" {
					panic("injected")
				}
			}
			defer func() { testHookBeforeCall = nil }()
			_, err := p.Call(context.Background(), "add", 1, 2)
			return err
		}, "Go code panicked", func(err error) bool { return strings.Contains(err.Error(), "Go panic: injected") }},
		{"Go panic in a submitted task", func(p *Pool) error {
			testHookBeforeCall = func(string) { panic("injected") }
			defer func() { testHookBeforeCall = nil }()
			_, err := p.Submit(context.Background(), "add", 1, 2).Result()
			return err
		}, "Go code panicked", func(err error) bool { return strings.Contains(err.Error(), "Go panic: injected") }},
		{"interpreter closed", func(p *Pool) error {
			for _, it := range p.rt.Interpreters() {
				if err := it.Close(); err != nil {
					return err
				}
			}
			_, err := p.Call(context.Background(), "add", 1, 2)
			return err
		}, "its interpreter failed", func(err error) bool { return errors.Is(err, runtime.ErrClosed) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var hooked []error
			var mu sync.Mutex
			p := newPool(t, Config{Workers: 1, OnError: func(fn string, err error) {
				mu.Lock()
				hooked = append(hooked, err)
				mu.Unlock()
			}})
			ctx := context.Background()
			p.Call(ctx, "count")
			err := tc.do(p)
			var we *WorkerError
			if !errors.As(err, &we) || we.Reason != tc.reason || !tc.cause(err) {
				t.Fatalf("error %v (%T), want a WorkerError because %s", err, err, tc.reason)
			}
			if !strings.Contains(err.Error(), "pool: worker 0 died running") || !strings.HasSuffix(err.Error(), "(the worker has been replaced)") {
				t.Errorf("message: %v", err)
			}
			if got, err := p.Call(ctx, "count"); err != nil || got != int64(1) {
				t.Errorf("count() on the replacement = %v, %v", got, err)
			}
			s := p.Stats()
			if s.Recycles != 1 || s.Failed != 1 || s.Completed != 2 {
				t.Errorf("stats: %+v", s)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(hooked) != 1 || !errors.As(hooked[0], &we) {
				t.Errorf("OnError saw %v", hooked)
			}
		})
	}
}

// Tasks queued behind a dying worker run on its replacement, in order.
func TestWorkerDiesWithQueue(t *testing.T) {
	p := newPool(t, Config{Workers: 1})
	ctx := context.Background()
	first := p.Submit(ctx, "nap", 0.05)
	exit := p.Submit(ctx, "leave", 1)
	var rest []*Future
	for range 5 {
		rest = append(rest, p.Submit(ctx, "count"))
	}
	if _, err := first.Result(); err != nil {
		t.Fatal(err)
	}
	var we *WorkerError
	if _, err := exit.Result(); !errors.As(err, &we) {
		t.Fatalf("sys.exit task: %v", err)
	}
	for i, f := range rest {
		if got, err := f.Result(); err != nil || got != int64(i+1) {
			t.Errorf("task %d after the exit = %v, %v", i, got, err)
		}
	}
}

// A worker that cannot be restarted is dead; with none left, tasks fail
// with ErrNoWorkers instead of waiting for ever.
func TestAllWorkersDead(t *testing.T) {
	file := filepath.Join(t.TempDir(), "setup.py")
	if err := os.WriteFile(file, []byte(testSetup), 0o644); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var hooked []string
	p := newPool(t, Config{Workers: 1, SetupFile: file, OnError: func(fn string, err error) {
		mu.Lock()
		hooked = append(hooked, err.Error())
		mu.Unlock()
	}})
	ctx := context.Background()
	os.Remove(file)
	exit := p.Submit(ctx, "leave", 1)
	queued := p.Submit(ctx, "count")
	if err := exit.Err(); err != nil && !errors.As(err, new(*WorkerError)) {
		t.Fatal(err)
	}
	if _, err := queued.Result(); !errors.Is(err, ErrNoWorkers) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("task queued behind the last worker: %v", err)
	}
	if _, err := p.Call(ctx, "count"); !errors.Is(err, ErrNoWorkers) {
		t.Errorf("a call with no workers: %v", err)
	}
	s := p.Stats()
	if s.DeadWorkers != 1 || !s.PerWorker[0].Dead {
		t.Errorf("stats: %+v", s)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(hooked) != 2 || !strings.Contains(hooked[1], "pool: worker 0 could not be restarted") {
		t.Errorf("OnError saw %q", hooked)
	}
}

// OnError sees failures but not cancellations, and its panics do not
// reach the pool.
func TestOnError(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	p := newPool(t, Config{Workers: 2, OnError: func(fn string, err error) {
		mu.Lock()
		seen = append(seen, fn)
		mu.Unlock()
		panic("a broken hook")
	}})
	ctx := context.Background()
	p.Call(ctx, "fail", "x")
	p.Submit(ctx, "fail", "y").Result()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	p.Call(cancelled, "spin")
	if got, err := p.Call(ctx, "add", 1, 2); err != nil || got != int64(3) {
		t.Errorf("after a panicking hook: %v, %v", got, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(seen, ",") != "fail,fail" {
		t.Errorf("OnError saw %v", seen)
	}
}
