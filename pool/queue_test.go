package pool

import (
	"context"
	"errors"
	"testing"
	"time"
)

// occupy starts hold() on every worker of p and waits until they all
// run it; cancel ends them.
func occupy(t *testing.T, p *Pool) (cancel func(), futs []*Future) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	for range len(p.workers) {
		futs = append(futs, p.Submit(ctx, "hold"))
	}
	eventually(t, "every worker runs hold", func() bool { return p.Stats().Running == int64(len(p.workers)) })
	return cancel, futs
}

func TestQueueFailFast(t *testing.T) {
	p := newPool(t, Config{Workers: 1, QueueSize: 2, FailFast: true})
	release, held := occupy(t, p)
	ctx := context.Background()
	queued := []*Future{p.Submit(ctx, "add", 1, 1), p.Submit(ctx, "add", 2, 2)}
	if _, err := p.Call(ctx, "add", 3, 3); !errors.Is(err, ErrQueueFull) {
		t.Errorf("Call on a full queue: %v", err)
	}
	if err := p.Submit(ctx, "add", 4, 4).Err(); !errors.Is(err, ErrQueueFull) {
		t.Errorf("Submit on a full queue: %v", err)
	}
	s := p.Stats()
	if s.Queued != 2 || s.Rejected != 2 || s.Running != 1 {
		t.Errorf("stats with a full queue: %+v", s)
	}
	release()
	if err := held[0].Err(); err != nil && !errors.Is(err, context.Canceled) {
		t.Error(err)
	}
	for i, f := range queued {
		if got, err := f.Result(); err != nil || got != int64(2*(i+1)) {
			t.Errorf("queued task %d = %v, %v", i, got, err)
		}
	}
}

func TestQueueBlocks(t *testing.T) {
	p := newPool(t, Config{Workers: 1, QueueSize: 1})
	release, _ := occupy(t, p)
	ctx := context.Background()
	queued := p.Submit(ctx, "add", 1, 1)
	// A call finding the queue full waits for room: its context ends
	// the wait.
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := p.Call(short, "add", 2, 2); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Call waiting for room past its deadline: %v", err)
	}
	if err := p.Submit(short, "add", 2, 2).Err(); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Submit waiting for room past its deadline: %v", err)
	}
	// Or room comes, and it runs.
	done := make(chan any)
	go func() {
		v, err := p.Call(ctx, "add", 3, 3)
		if err != nil {
			t.Error(err)
		}
		done <- v
	}()
	select {
	case v := <-done:
		t.Fatalf("Call on a full queue returned %v without waiting", v)
	case <-time.After(20 * time.Millisecond):
	}
	release()
	if got := <-done; got != int64(6) {
		t.Errorf("blocked call = %v", got)
	}
	if got, err := queued.Result(); err != nil || got != int64(2) {
		t.Errorf("queued task = %v, %v", got, err)
	}
	if s := p.Stats(); s.Rejected != 0 || s.Queued != 0 {
		t.Errorf("stats: %+v", s)
	}
}

// Close wakes callers waiting for room in the queue.
func TestQueueBlockedClose(t *testing.T) {
	p := newPool(t, Config{Workers: 1, QueueSize: 1})
	release, _ := occupy(t, p)
	p.Submit(context.Background(), "add", 1, 1)
	errc := make(chan error)
	go func() {
		_, err := p.Call(context.Background(), "add", 2, 2)
		errc <- err
	}()
	time.Sleep(10 * time.Millisecond)
	closed := make(chan error)
	go func() { closed <- p.Close() }()
	if err := <-errc; !errors.Is(err, ErrClosed) {
		t.Errorf("call waiting for room when the pool closed: %v", err)
	}
	release()
	if err := <-closed; err != nil {
		t.Error(err)
	}
}

// A queued task whose context ends leaves the queue at once.
func TestCancelQueued(t *testing.T) {
	p := newPool(t, Config{Workers: 1})
	release, _ := occupy(t, p)
	defer release()
	ctx, cancel := context.WithCancel(context.Background())
	f := p.Submit(ctx, "add", 1, 1)
	errc := make(chan error)
	go func() {
		_, err := p.Call(ctx, "add", 1, 1)
		errc <- err
	}()
	eventually(t, "both queued", func() bool { return p.Stats().Queued == 2 })
	cancel()
	if _, err := f.Wait(context.Background()); !errors.Is(err, context.Canceled) {
		t.Errorf("queued future: %v", err)
	}
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("queued call: %v", err)
	}
	if s := p.Stats(); s.Queued != 0 || s.Cancelled != 2 {
		t.Errorf("stats: %+v", s)
	}
}

func TestFuture(t *testing.T) {
	p := newPool(t, Config{Workers: 2})
	ctx := context.Background()
	f := p.Submit(ctx, "nap", 0.05, "slept")
	if err := f.Err(); err != nil {
		t.Errorf("Err before the end: %v", err)
	}
	short, cancel := context.WithTimeout(ctx, time.Millisecond)
	defer cancel()
	if _, err := f.Wait(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Wait past its deadline: %v", err)
	}
	<-f.Done()
	if v, err := f.Result(); v != "slept" || err != nil {
		t.Errorf("Result = %v, %v", v, err)
	}
	if v, err := f.Wait(ctx); v != "slept" || err != nil {
		t.Errorf("Wait = %v, %v", v, err)
	}
	bad := p.Submit(ctx, "fail", "no")
	<-bad.Done()
	if bad.Err() == nil || bad.Err().Error() != "ValueError: no" {
		t.Errorf("Err = %v", bad.Err())
	}
	if err := p.Submit(ctx, "no such").Err(); err == nil {
		t.Error("a bad name submitted without error")
	}
}
