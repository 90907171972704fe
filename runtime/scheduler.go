package runtime

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallel-py/parallel/interp"
)

// The scheduler bounds how many interpreters run bytecode at once: a
// thread needs its interpreter's GIL and one of the runtime's run slots.
// Slots are handed out first come, first served, and a releaser gives
// its slot straight to the longest waiter, so an interpreter that drops
// and retakes a slot queues behind the others instead of barging.
//
// Holders do not give slots back on their own while they compute, so a
// waiter that has waited a whole switch interval has the holder that has
// held its slot longest asked to drop it (RequestDrop, honoured at that
// interpreter's next eval-breaker check). One timer per runtime, armed
// only while someone waits, does the asking: waiters themselves just
// block on a channel, and idle interpreters cost nothing.

// scheduler implements the run slots of one Runtime.
type scheduler struct {
	interval time.Duration // how long a waiter waits before a drop request

	mu      sync.Mutex
	free    int         // slots nobody holds; > 0 only when none wait
	holders []*slotUser // slot holders, longest holder first
	// head and tail are the waiters' queue (linked through next), in
	// arrival order: an intrusive list, so waiting allocates nothing.
	head, tail *slotUser
	timer      *time.Timer // runs tick; nil until first needed
	armed      bool        // timer is due to fire

	waits, handoffs, drops atomic.Uint64
}

// slotUser is one interpreter as the scheduler sees it: the
// interp.RunSlots each interpreter is given. An interpreter holds at
// most one slot, since only the GIL holder takes one.
type slotUser struct {
	s    *scheduler
	in   *interp.Interp
	wake chan struct{} // receives the slot a releaser hands over

	// Guarded by s.mu.
	holding bool
	// since is when it started waiting, or holding; a holder that took
	// a free slot (nobody waiting) is stamped only when the first
	// waiter comes (zero until then), so that an uncontended take does
	// not read the clock.
	since time.Time
	asked bool      // a drop request is pending since it took the slot
	next  *slotUser // the next waiter
}

func newScheduler(slots int, interval time.Duration) *scheduler {
	return &scheduler{interval: interval, free: slots}
}

// user returns the RunSlots for one new interpreter.
func (s *scheduler) user() *slotUser {
	u := &slotUser{}
	s.initUser(u)
	return u
}

// initUser makes the zero u the RunSlots of one new interpreter.
func (s *scheduler) initUser(u *slotUser) {
	u.s, u.wake = s, make(chan struct{}, 1)
}

// Acquire implements interp.RunSlots: it takes a free slot or waits in
// line for one.
func (u *slotUser) Acquire(in *interp.Interp) {
	s := u.s
	s.mu.Lock()
	u.in = in
	if s.free > 0 {
		s.free--
		s.hold(u)
		s.mu.Unlock()
		return
	}
	s.waits.Add(1)
	u.since = time.Now()
	if s.tail == nil {
		// The first waiter: holders that took free slots are stamped
		// now. They held at least that long, and every waiter that
		// comes while the queue stays non-empty came later, so a tick
		// that finds a waiter due finds them due too, as it would with
		// their true start; the longest holder still comes first, by
		// its place in s.holders.
		for _, h := range s.holders {
			if h.since.IsZero() {
				h.since = u.since
			}
		}
		s.head = u
	} else {
		s.tail.next = u
	}
	s.tail = u
	s.arm(s.interval)
	s.mu.Unlock()
	<-u.wake
}

// Release implements interp.RunSlots: the slot goes to the longest
// waiter, or back to the free ones.
func (u *slotUser) Release(in *interp.Interp) {
	s := u.s
	s.mu.Lock()
	if !u.holding {
		// Nothing to give: only an interpreter whose creation failed
		// part way releases without knowing whether it holds a slot.
		s.mu.Unlock()
		return
	}
	s.unhold(u)
	w := s.head
	if w == nil {
		s.free++
		s.mu.Unlock()
		return
	}
	s.head = w.next
	if s.head == nil {
		s.tail = nil
	}
	w.next = nil
	s.hold(w)
	s.handoffs.Add(1)
	s.mu.Unlock()
	w.wake <- struct{}{}
}

// hold records u as the newest slot holder, stamped now if others wait
// (see slotUser.since). Called with s.mu held.
func (s *scheduler) hold(u *slotUser) {
	u.holding, u.asked, u.since = true, false, time.Time{}
	if s.head != nil {
		u.since = time.Now()
	}
	s.holders = append(s.holders, u)
}

// unhold forgets u as a slot holder. Called with s.mu held.
func (s *scheduler) unhold(u *slotUser) {
	u.holding, u.asked = false, false
	for i, h := range s.holders {
		if h == u {
			copy(s.holders[i:], s.holders[i+1:])
			s.holders[len(s.holders)-1] = nil
			s.holders = s.holders[:len(s.holders)-1]
			return
		}
	}
}

// arm makes the timer fire after d unless it is due already. Called
// with s.mu held.
func (s *scheduler) arm(d time.Duration) {
	if s.armed {
		return
	}
	s.armed = true
	if s.timer == nil {
		s.timer = time.AfterFunc(d, s.tick)
		return
	}
	s.timer.Reset(d)
}

// tick asks holders to drop their slots for the waiters that have waited
// a whole interval: one holder per such waiter, longest holders first,
// each asked once per holding. It re-arms itself for the next waiter to
// come due.
func (s *scheduler) tick() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.armed = false
	if s.head == nil {
		return
	}
	now := time.Now()
	due := 0
	var next time.Duration = s.interval
	for w := s.head; w != nil; w = w.next {
		if waited := now.Sub(w.since); waited < s.interval {
			// Later waiters came later still.
			next = s.interval - waited
			break
		}
		due++
	}
	pending := 0
	for _, h := range s.holders {
		if h.asked {
			pending++
		}
	}
	for _, h := range s.holders {
		if pending >= due {
			break
		}
		if !h.asked && now.Sub(h.since) >= s.interval {
			h.asked = true
			pending++
			s.drops.Add(1)
			h.in.RequestDrop()
		}
	}
	s.arm(next)
}

// stop disarms the timer, for Runtime.Close.
func (s *scheduler) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
	}
	s.armed = false
}
