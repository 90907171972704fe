package interp

import (
	"math/rand/v2"
	"sort"
	"sync"
	"time"

	"github.com/parallel-py/parallel/alloc"
)

// Deterministic scheduling. Normally which thread runs next is decided
// by the arrival order at the GIL and by wall-clock switch intervals,
// both facts of Go's scheduler and of the machine's load, so two runs
// of a racy program interleave differently. With Options.Deterministic
// set, an interpreter's threads take turns under a scheduler that
// decides everything from a seed:
//
//   - One token replaces the GIL: exactly one thread of the interpreter
//     runs, and it gives the token up only at points the scheduler
//     controls: a switch after a quota of eval-breaker checks drawn from
//     the seed, a wait (Park, a lock, a queue, sleep), a blocking call
//     (AllowThreads, which runs its call holding the token and then
//     offers a switch), or the thread's end.
//   - The next thread is drawn, with the seeded generator, from the
//     runnable ones in ident order (the one offering a switch included). Wake-ups (Unpark) only mark a thread
//     runnable; they never run it.
//   - Time is virtual: each eval-breaker check advances the clock by one
//     tick (a microsecond), and when every thread waits the clock jumps
//     to the earliest timeout. time.monotonic, time.time, sleep and
//     every timeout read it (Interp.Now).
//   - The embedding program's own calls (Exec, Call) come and go on the
//     main thread: while the main thread is away in Go code, no other
//     thread is scheduled, so where in the other threads' run the
//     program's next call lands does not depend on timing either.
//
// Every decision is folded into an FNV-64a hash (ScheduleTrace): two runs
// with the same seed and the same program give the same hash, which is
// how a replay is checked to be one.
//
// What is outside the model: waits on things no thread of the
// interpreter does (other interpreters, sockets, pipes written by other
// processes, signals). Blocking calls run holding the token, so such a
// wait stops the whole interpreter until it ends.

// Deterministic configures an interpreter's deterministic scheduler.
type Deterministic struct {
	// Seed drives every choice: quotas and which runnable thread runs.
	Seed uint64
}

// detTick is the virtual time one eval-breaker check takes: switch
// intervals are counted in ticks, so 1µs makes every check a switch
// point.
const detTick = time.Microsecond

// detEpoch is the virtual clock's origin for time.time(): a fixed
// instant, so that nothing in a run depends on when it ran.
var detEpoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Thread states under the deterministic scheduler.
type detState uint8

const (
	detAway    detState = iota // running Go code without the token (the main thread between the program's calls)
	detRunning                 // holds the token
	detReady                   // runnable, waiting for the token
	detBlocked                 // waiting for a wake-up, a timeout or a condition
	detGone                    // ended
)

// detThread is the scheduler's record of one thread.
type detThread struct {
	t        *Thread
	state    detState
	deadline int64           // virtual ns when a blocked thread times out; -1: never
	cond     <-chan struct{} // a blocked thread also wakes when this is ready
	woken    bool            // Unpark or cond ended the last block
	pending  bool            // an Unpark came while the thread was not blocked
}

// detScheduler is the token and the run queue of one interpreter.
type detScheduler struct {
	mu      sync.Mutex
	rng     *rand.Rand
	threads map[*Thread]*detThread
	holder  *Thread
	// inspectors are Inspect's threads waiting for the token: served
	// before anyone else and leaving no mark in the trace.
	inspectors []*Thread
	ticksLeft  int64
	now        int64 // virtual ns since the interpreter began
	hash       uint64
	events     uint64
	outside    uint64 // waits on other interpreters (ScheduleTrace.Outside)
	deadlocked bool

	// ids numbers the objects hashed by identity (identityHash); only
	// the token holder uses them.
	ids    map[*alloc.Header]uint64
	nextID uint64
}

// FNV-64a, over a fixed encoding of each event.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Trace event kinds.
const (
	evGrant byte = iota + 1
	evBlock
	evWake
	evTimeout
	evExit
	evAway
	evClock
	evDeadlock
	evSwitch
)

func newDetScheduler(opts *Deterministic, main *Thread) *detScheduler {
	s := &detScheduler{
		rng:     rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		threads: map[*Thread]*detThread{},
		hash:    fnvOffset,
	}
	s.threads[main] = &detThread{t: main, state: detRunning, deadline: -1}
	s.holder = main
	return s
}

// record folds one event into the trace hash.
func (s *detScheduler) record(kind byte, ident int64) {
	h := s.hash
	h = (h ^ uint64(kind)) * fnvPrime
	for _, x := range [2]uint64{uint64(ident), uint64(s.now)} {
		for i := 0; i < 64; i += 8 {
			h = (h ^ (x >> i & 0xff)) * fnvPrime
		}
	}
	s.hash = h
	s.events++
}

// quota draws the number of eval-breaker checks the next holder runs
// before it must offer a switch: uniform in [1, 2q-1] around the switch
// interval q counted in ticks.
func (s *detScheduler) quota(in *Interp) int64 {
	q := int64(in.SwitchInterval() / detTick)
	if q <= 1 {
		return 1
	}
	return 1 + s.rng.Int64N(2*q-1)
}

// add registers a new thread as runnable: the thread that starts it
// holds the token, so the new one joins the run queue at a point the
// schedule decides, not when its goroutine first runs.
func (s *detScheduler) add(t *Thread) {
	s.mu.Lock()
	s.threads[t] = &detThread{t: t, state: detReady, deadline: -1}
	s.record(evWake, t.ident)
	s.mu.Unlock()
}

// acquire waits until t holds the token.
func (s *detScheduler) acquire(in *Interp, t *Thread) {
	s.mu.Lock()
	d := s.threads[t]
	switch {
	case d == nil && t.ident < 0:
		s.inspectors = append(s.inspectors, t)
	case d == nil:
		// A thread the scheduler has not seen (the embedding program's
		// own): it arrives runnable.
		s.threads[t] = &detThread{t: t, state: detReady, deadline: -1}
	case d.state == detAway:
		d.state = detReady
	}
	if s.holder == nil {
		s.decide(in, nil)
	}
	s.mu.Unlock()
	<-t.gilWake
}

// release gives the token up; what t does next is state: detReady (it
// offers a switch and queues again), detBlocked (until deadline, a
// wake-up or cond), detGone or detAway.
func (s *detScheduler) release(in *Interp, t *Thread, state detState, deadline int64, cond <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.threads[t]
	if d == nil {
		// An inspector giving the token back.
		s.holder = nil
		s.decide(in, nil)
		return
	}
	s.holder = nil
	switch state {
	case detGone:
		delete(s.threads, t)
		s.record(evExit, t.ident)
	case detBlocked:
		d.woken = false
		if d.pending {
			// Unpark came first: the wait ends at once.
			d.pending, d.woken = false, true
			d.state = detReady
			break
		}
		d.state, d.deadline, d.cond = detBlocked, deadline, cond
		s.record(evBlock, t.ident)
	case detAway:
		d.state = detAway
		s.record(evAway, t.ident)
	default:
		d.state = detReady
	}
	var avoid *Thread
	if state == detReady {
		avoid = t
	}
	s.decide(in, avoid)
}

// wake marks a blocked t runnable (Unpark), or remembers the wake-up
// for t's next block.
func (s *detScheduler) wake(t *Thread) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.threads[t]
	if d == nil {
		return
	}
	if d.state != detBlocked {
		d.pending = true
		return
	}
	d.state, d.woken, d.cond = detReady, true, nil
	s.record(evWake, t.ident)
	if s.holder == nil && s.deadlocked {
		s.decide(t.in, nil)
	}
}

// clearWake drops a pending wake-up of t (ClearWake).
func (s *detScheduler) clearWake(t *Thread) {
	s.mu.Lock()
	if d := s.threads[t]; d != nil {
		d.pending = false
	}
	s.mu.Unlock()
}

// interrupt ends t's wait for an interruption (a signal, an
// asynchronous exception, the interpreter closing): t runs again when
// the schedule picks it and finds out why.
func (s *detScheduler) interrupt(t *Thread) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.threads[t]
	if d == nil || d.state != detBlocked {
		return
	}
	d.state, d.cond = detReady, nil
	s.record(evWake, t.ident)
	if s.holder == nil {
		s.decide(t.in, nil)
	}
}

// woken reports whether t's last block ended by a wake-up rather than a
// timeout or an interruption.
func (s *detScheduler) wokenUp(t *Thread) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.threads[t]
	return d != nil && d.woken
}

// tick counts one eval-breaker check of the holder and reports whether
// its quota ran out.
func (s *detScheduler) tick(in *Interp) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now += int64(detTick)
	s.ticksLeft--
	return s.ticksLeft <= 0
}

// decide hands the free token to the next thread, if one can run,
// drawn uniformly from the runnable ones: a thread that offers a switch
// (avoid) may go on, so that the interleavings a seed can give include
// every order, not just strict turns. Called with s.mu held and no
// holder.
func (s *detScheduler) decide(in *Interp, avoid *Thread) {
	if len(s.inspectors) > 0 {
		t := s.inspectors[0]
		s.inspectors = s.inspectors[1:]
		s.holder = t
		t.gilWake <- struct{}{}
		return
	}
	order := s.sorted()
	for _, d := range order {
		if d.state == detAway {
			// The embedding program is between calls on this thread:
			// nothing runs until it comes back or lets go for good.
			return
		}
	}
	s.wakeDue(order)
	ready := s.readyOf(order)
	if len(ready) == 0 {
		// Every thread waits: jump the clock to the earliest timeout.
		next := int64(-1)
		for _, d := range order {
			if d.state == detBlocked && d.deadline >= 0 && (next < 0 || d.deadline < next) {
				next = d.deadline
			}
		}
		if next < 0 {
			if len(order) > 0 {
				s.deadlocked = true
				s.record(evDeadlock, 0)
			}
			return
		}
		s.now = max(s.now, next)
		s.record(evClock, 0)
		s.wakeDue(order)
		ready = s.readyOf(order)
	}
	s.deadlocked = false
	d := ready[0]
	if len(ready) > 1 {
		d = ready[s.rng.IntN(len(ready))]
	}
	if avoid != nil && d.t != avoid {
		s.record(evSwitch, avoid.ident)
	}
	d.state = detRunning
	s.holder = d.t
	s.ticksLeft = s.quota(in)
	s.record(evGrant, d.t.ident)
	d.t.gilWake <- struct{}{}
}

// sorted returns the threads in ident order (a map's order is random).
func (s *detScheduler) sorted() []*detThread {
	order := make([]*detThread, 0, len(s.threads))
	for _, d := range s.threads {
		order = append(order, d)
	}
	sort.Slice(order, func(i, j int) bool { return order[i].t.ident < order[j].t.ident })
	return order
}

// wakeDue makes runnable the blocked threads whose timeout has come or
// whose condition holds.
func (s *detScheduler) wakeDue(order []*detThread) {
	for _, d := range order {
		if d.state != detBlocked {
			continue
		}
		if d.cond != nil {
			select {
			case <-d.cond:
				d.state, d.woken, d.cond = detReady, true, nil
				s.record(evWake, d.t.ident)
				continue
			default:
			}
		}
		if d.deadline >= 0 && d.deadline <= s.now {
			d.state, d.cond = detReady, nil
			s.record(evTimeout, d.t.ident)
		}
	}
}

func (s *detScheduler) readyOf(order []*detThread) []*detThread {
	var ready []*detThread
	for _, d := range order {
		if d.state == detReady {
			ready = append(ready, d)
		}
	}
	return ready
}

// wakeAll makes every blocked thread runnable, for Close: they find the
// interpreter finalizing and end.
func (s *detScheduler) wakeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.sorted() {
		if d.state == detBlocked {
			d.state, d.cond = detReady, nil
			s.record(evWake, d.t.ident)
		}
	}
}

// others reports whether a thread other than t is registered.
func (s *detScheduler) others(t *Thread) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for x := range s.threads {
		if x != t {
			n++
		}
	}
	return n
}

// virtualNow is the virtual clock.
func (s *detScheduler) virtualNow() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now
}

// Now is the interpreter's clock: the wall clock, or under a
// deterministic scheduler the virtual one. Timeouts and the time
// module's clocks read it.
func (in *Interp) Now() time.Time {
	if in.det == nil {
		return time.Now()
	}
	return detEpoch.Add(time.Duration(in.det.virtualNow()))
}

// VirtualClock returns the virtual time since the interpreter began,
// and false when it has no deterministic scheduler (then the wall clock
// is the clock).
func (in *Interp) VirtualClock() (time.Duration, bool) {
	if in.det == nil {
		return 0, false
	}
	return time.Duration(in.det.virtualNow()), true
}

// Until is the time left until deadline by the interpreter's clock.
func (in *Interp) Until(deadline time.Time) time.Duration {
	return deadline.Sub(in.Now())
}

// IsDeterministic reports whether the interpreter runs under the
// deterministic scheduler.
func (in *Interp) IsDeterministic() bool { return in.det != nil }

// A ScheduleTrace sums up a deterministic scheduler's decisions.
type ScheduleTrace struct {
	// Hash is the FNV-64a hash of every decision, in order; Events
	// counts them.
	Hash, Events uint64
	// Outside counts the waits on other interpreters (their queues,
	// channels and calls): what they wait for comes from schedules this
	// one does not order, so a run with any may not replay exactly.
	Outside uint64
}

// ScheduleTrace returns the deterministic scheduler's trace so far; ok
// is false when the interpreter has no deterministic scheduler. Safe
// from any goroutine.
func (in *Interp) ScheduleTrace() (trace ScheduleTrace, ok bool) {
	if in.det == nil {
		return ScheduleTrace{}, false
	}
	in.det.mu.Lock()
	defer in.det.mu.Unlock()
	return ScheduleTrace{Hash: in.det.hash, Events: in.det.events, Outside: in.det.outside}, true
}

// noteOutside counts a wait on another interpreter.
func (s *detScheduler) noteOutside() {
	s.mu.Lock()
	s.outside++
	s.mu.Unlock()
}

// detDeadline converts a wait of d (d < 0: none) into a virtual
// deadline.
func (s *detScheduler) detDeadline(d time.Duration) int64 {
	if d < 0 {
		return -1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now + int64(d)
}

// detSwitch offers a switch: the running thread queues again and the
// schedule picks who runs next (another runnable thread if there is
// one).
func (in *Interp) detSwitch() {
	t := in.thread
	t.detRelease(detReady, 0, nil)
	t.Acquire()
	in.exitIfFinalizing()
}

// detRelease is Release under the deterministic scheduler, saying what
// t does next: detReady (it offers a switch and queues again),
// detBlocked (until deadline, a wake-up or cond) or detGone.
func (t *Thread) detRelease(state detState, deadline int64, cond <-chan struct{}) {
	in := t.in
	t.uninstall()
	if in.slots != nil {
		in.slots.Release(in)
	}
	in.det.release(in, t, state, deadline, cond)
}

// detBlock blocks the running thread until Unpark, d passes by the
// virtual clock or cond is ready (if not nil), and reports whether it
// was interrupted meanwhile.
func (in *Interp) detBlock(d time.Duration, cond <-chan struct{}) (interrupted bool) {
	t := in.thread
	t.detRelease(detBlocked, in.det.detDeadline(d), cond)
	t.Acquire()
	in.exitIfFinalizing()
	select {
	case <-t.interrupt:
		return true
	default:
		return false
	}
}

// detPark is park under the deterministic scheduler.
func (in *Interp) detPark(d time.Duration, interruptible bool) (woken bool, err error) {
	interrupted := in.detBlock(d, nil)
	woken = in.det.wokenUp(in.thread)
	if interrupted && interruptible {
		return woken, in.handleBreaker()
	}
	return woken, nil
}

// detStopThreads is stopThreads under the deterministic scheduler: the
// waiting threads are woken and the main thread yields until they have
// all found the interpreter finalizing and ended.
func (in *Interp) detStopThreads() {
	t := in.thread
	in.det.wakeAll()
	for in.det.others(t) > 0 {
		t.detRelease(detReady, 0, nil)
		t.Acquire()
		if in.det.others(t) > 0 && !in.det.anyReady() {
			// What is left waits on something outside the interpreter
			// (it cannot run): leave it, as stopThreads leaves threads
			// in a system call.
			return
		}
	}
}

// anyReady reports whether a thread waits for the token.
func (s *detScheduler) anyReady() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.threads {
		if d.state == detReady {
			return true
		}
	}
	return false
}

// flagDetHashed marks an object the deterministic scheduler gave an
// identity hash, to be forgotten when the object goes.
const flagDetHashed = alloc.FlagUser << 1

// identityHash is object.__hash__ under the deterministic scheduler. The
// address-based hash would make sets of objects iterate in an order that
// depends on where Go's allocator put them, which differs from run to
// run, and a program whose threads look at such a set while another
// changes it would then behave differently under the same schedule. The
// scheduler numbers objects in the order they are first hashed instead.
// Called under the token.
func (s *detScheduler) identityHash(v Value) int64 {
	h := v.Header()
	n, ok := s.ids[h]
	if !ok {
		if s.ids == nil {
			s.ids = map[*alloc.Header]uint64{}
		}
		s.nextID++
		n = s.nextID
		s.ids[h] = n
		if !h.Has(alloc.FlagImmortal) {
			// Immortal objects stay; the others are forgotten at
			// dealloc, so that a new object at a reused address is
			// numbered anew.
			h.SetFlags(flagDetHashed)
		}
	}
	// Spread the numbers over the table, non-negative and never -1.
	return int64((n * 0x9e3779b97f4a7c15) >> 2)
}

// forgetIdentity drops a dying object's number.
func (s *detScheduler) forgetIdentity(h *alloc.Header) { delete(s.ids, h) }
