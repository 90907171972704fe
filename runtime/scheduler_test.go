package runtime

import (
	"testing"
	"time"
)

// waiting returns how many users wait for a slot.
func (s *scheduler) waiting() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for w := s.head; w != nil; w = w.next {
		n++
	}
	return n
}

// TestSchedulerFIFO checks that slots go to waiters in arrival order and
// that a releaser hands its slot over rather than freeing it.
func TestSchedulerFIFO(t *testing.T) {
	// An interval long enough that no drop request is made: these users
	// have no interpreter to ask.
	s := newScheduler(1, time.Hour)
	defer s.stop()
	first := s.user()
	first.Acquire(nil)
	const n = 4
	users := make([]*slotUser, n)
	order := make(chan int, n)
	for i := range users {
		users[i] = s.user()
		go func() {
			users[i].Acquire(nil)
			order <- i
		}()
		// Let it queue before the next one comes.
		for s.waiting() != i+1 {
			time.Sleep(time.Millisecond)
		}
	}
	first.Release(nil)
	for want := 0; want < n; want++ {
		if got := <-order; got != want {
			t.Fatalf("slot went to waiter %d, want %d", got, want)
		}
		// A newcomer queues behind the remaining waiters, not before.
		if want < n-1 {
			s.mu.Lock()
			free := s.free
			s.mu.Unlock()
			if free != 0 {
				t.Fatalf("a slot is free while %d wait", n-1-want)
			}
		}
		users[want].Release(nil)
	}
	if s.waits.Load() != n || s.handoffs.Load() != n {
		t.Errorf("waits %d, handoffs %d; want %d each", s.waits.Load(), s.handoffs.Load(), n)
	}
	if s.free != 1 || len(s.holders) != 0 {
		t.Errorf("after all released: free %d, holders %d", s.free, len(s.holders))
	}
}

// TestSchedulerStampsLazily checks when holders read the clock: not
// when they take a free slot or nobody waits, but when the first waiter
// comes, and at a handoff while others still wait.
func TestSchedulerStampsLazily(t *testing.T) {
	s := newScheduler(1, time.Hour)
	defer s.stop()
	a, w1, w2 := s.user(), s.user(), s.user()
	since := func(u *slotUser) time.Time {
		s.mu.Lock()
		defer s.mu.Unlock()
		return u.since
	}
	a.Acquire(nil)
	if !since(a).IsZero() {
		t.Fatal("taking a free slot read the clock")
	}
	got := make(chan *slotUser, 2)
	for i, w := range []*slotUser{w1, w2} {
		go func() {
			w.Acquire(nil)
			got <- w
		}()
		for s.waiting() != i+1 {
			time.Sleep(time.Millisecond)
		}
	}
	if since(a).IsZero() || since(a) != since(w1) {
		t.Fatalf("the first waiter came at %v, the holder is stamped %v", since(w1), since(a))
	}
	a.Release(nil)
	if u := <-got; u != w1 {
		t.Fatal("the slot did not go to the first waiter")
	}
	if since(w1).IsZero() {
		t.Error("a handoff while others wait did not stamp the new holder")
	}
	w1.Release(nil)
	if u := <-got; u != w2 {
		t.Fatal("the slot did not go to the second waiter")
	}
	if !since(w2).IsZero() {
		t.Error("a handoff to the last waiter read the clock")
	}
	w2.Release(nil)
}

// TestSchedulerAsksLongestHolder checks the drop requests when the
// holders took free slots (so were stamped only when a waiter came):
// after the waiter has waited a switch interval, and not before, the
// longest holder is asked, and only it.
func TestSchedulerAsksLongestHolder(t *testing.T) {
	rt := newRuntime(t, Options{})
	var ins [3]*Interpreter
	for i := range ins {
		ins[i] = newInterpreter(t, rt, InterpreterOptions{})
	}
	const interval = 20 * time.Millisecond
	s := newScheduler(2, interval)
	defer s.stop()
	first, second, w := s.user(), s.user(), s.user()
	first.Acquire(ins[0].in)
	second.Acquire(ins[1].in)
	// Both have held longer than an interval when the waiter comes.
	time.Sleep(2 * interval)
	arrived := time.Now()
	done := make(chan struct{})
	go func() {
		w.Acquire(ins[2].in)
		close(done)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for s.drops.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no drop request for a waiter")
		}
		time.Sleep(time.Millisecond)
	}
	if waited := time.Since(arrived); waited < interval {
		t.Errorf("drop request after the waiter waited %v, before the interval %v", waited, interval)
	}
	s.mu.Lock()
	firstAsked, secondAsked := first.asked, second.asked
	s.mu.Unlock()
	if !firstAsked || secondAsked {
		t.Errorf("asked: longest holder %v, newer holder %v; want only the longest", firstAsked, secondAsked)
	}
	first.Release(ins[0].in)
	<-done
	second.Release(ins[1].in)
	w.Release(ins[2].in)
	if n := s.drops.Load(); n != 1 {
		t.Errorf("%d drop requests for one waiter", n)
	}
}
