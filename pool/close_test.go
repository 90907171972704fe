package pool

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// Close finishes the queued work before it returns.
func TestCloseDrains(t *testing.T) {
	rt := newRuntime(t)
	p, err := New(context.Background(), rt, Config{Workers: 2, Setup: testSetup})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var futs []*Future
	for i := range 20 {
		futs = append(futs, p.Submit(ctx, "nap", 0.002, i))
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	for i, f := range futs {
		select {
		case <-f.Done():
		default:
			t.Fatalf("task %d unfinished after Close", i)
		}
		if v, err := f.Result(); err != nil || v != int64(i) {
			t.Errorf("task %d = %v, %v", i, v, err)
		}
	}
	if _, err := p.Call(ctx, "add", 1, 2); !errors.Is(err, ErrClosed) {
		t.Errorf("Call after Close: %v", err)
	}
	if err := p.Submit(ctx, "add", 1, 2).Err(); !errors.Is(err, ErrClosed) {
		t.Errorf("Submit after Close: %v", err)
	}
	if n := len(rt.Interpreters()); n != 0 {
		t.Errorf("%d interpreters left after Close", n)
	}
	if err := p.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if s := p.Stats(); s.Completed != 20 || s.Rejected != 2 {
		t.Errorf("stats: %+v", s)
	}
}

// Shutdown whose context ends interrupts the running tasks and fails
// the queued ones.
func TestShutdownInFlight(t *testing.T) {
	rt := newRuntime(t)
	p, err := New(context.Background(), rt, Config{Workers: 1, Setup: testSetup})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	running := p.Submit(ctx, "spin")
	eventually(t, "spin runs", func() bool { return p.Stats().Running == 1 })
	queued := p.Submit(ctx, "add", 1, 2)
	callErr := make(chan error)
	go func() {
		_, err := p.Call(ctx, "add", 1, 2)
		callErr <- err
	}()
	eventually(t, "both queued", func() bool { return p.Stats().Queued == 2 })
	sctx, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	if err := p.Shutdown(sctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown = %v", err)
	}
	if err := running.Err(); !errors.Is(err, ErrClosed) || !strings.Contains(err.Error(), "pool: closed: task spin interrupted by Shutdown: KeyboardInterrupt: pool shut down") {
		t.Errorf("running task: %v", err)
	}
	if err := queued.Err(); !errors.Is(err, ErrClosed) {
		t.Errorf("queued task: %v", err)
	}
	if err := <-callErr; !errors.Is(err, ErrClosed) {
		t.Errorf("queued call: %v", err)
	}
	if n := len(rt.Interpreters()); n != 0 {
		t.Errorf("%d interpreters left after Shutdown", n)
	}
	s := p.Stats()
	if s.Cancelled != 3 || s.Submitted != 3 {
		t.Errorf("stats: %+v", s)
	}
}

// Shutdown in time is Close.
func TestShutdownInTime(t *testing.T) {
	rt := newRuntime(t)
	p, err := New(context.Background(), rt, Config{Workers: 2, Setup: testSetup, RecycleAfter: 1})
	if err != nil {
		t.Fatal(err)
	}
	f := p.Submit(context.Background(), "nap", 0.01, "done")
	if err := p.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v, err := f.Result(); v != "done" || err != nil {
		t.Errorf("task = %v, %v", v, err)
	}
	if n := len(rt.Interpreters()); n != 0 {
		t.Errorf("%d interpreters left after Shutdown", n)
	}
}

// Goroutines keep calling and submitting while the pool shuts down
// (run with -race): every task ends, none hangs, and the counters add
// up.
func TestHammerShutdown(t *testing.T) {
	rt := newRuntime(t)
	p, err := New(context.Background(), rt, Config{Workers: 2, Setup: testSetup, QueueSize: 4, RecycleAfter: 7})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var futs []*Future
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				var err error
				switch (g + i) % 3 {
				case 0:
					_, err = p.Call(ctx, "nap", 0.001)
				case 1:
					f := p.Submit(ctx, "spin")
					mu.Lock()
					futs = append(futs, f)
					mu.Unlock()
					err = f.Err()
				case 2:
					_, err = p.Call(ctx, "add", i, g)
				}
				if errors.Is(err, ErrClosed) {
					return
				}
			}
		}()
	}
	eventually(t, "the queue fills", func() bool { return p.Stats().Queued == 4 })
	sctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := p.Shutdown(sctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown = %v", err)
	}
	wg.Wait()
	for _, f := range futs {
		<-f.Done()
	}
	s := p.Stats()
	if ended := s.Completed + s.Failed + s.Cancelled + s.Rejected; ended != s.Submitted || s.Running != 0 || s.Queued != 0 {
		t.Errorf("stats after Shutdown: %+v", s)
	}
	if n := len(rt.Interpreters()); n != 0 {
		t.Errorf("%d interpreters left", n)
	}
}
