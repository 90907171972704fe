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
