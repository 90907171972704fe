package interp

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Threads and the GIL. Each interpreter has one lock, its GIL; only the
// thread holding it runs the interpreter's code or touches its objects.
// A thread's private state (its frames, the exception it handles, its
// recursion depth) lives in a threadState that the thread installs into
// the Interp when it takes the GIL and takes back when it drops it, so
// the eval loop reads it as plain fields of the Interp, with no
// indirection on the hot path.
//
// The GIL is handed over first come, first served: a thread that
// releases it with others waiting gives it to the longest waiter
// directly, so a thread that drops and retakes it cannot starve the
// others. A waiter that has waited one switch interval sets a drop
// request in the eval breaker, which the holder honours at its next
// backward jump or call, as CPython's switch interval works.

// threadState is one thread's own part of the interpreter.
type threadState struct {
	// thread is the Thread this state belongs to.
	thread *Thread

	frameSlots *alloc.Stack[Value] // locals and value stacks of frames
	depth      int                 // Python frames on the stack

	// frame is the running Python frame (or, inside a builtin, the
	// frame that called it), for the builtins that read their caller's
	// namespace and for sys._getframe; nil outside Python code.
	frame *frame

	excInfo Value // the exception being handled (sys.exception()), or nil
	// excOuter holds the callers' excInfo while generators run, each
	// with its own (CPython's exc_info stack); innermost last.
	excOuter []Value

	cDepth    int              // Go-level recursion, see enterCall
	reprStack []unsafe.Pointer // containers being repr'd, see reprEnter

	// context is the thread's current contextvars.Context (owned), or
	// nil before the first use.
	context Value
}

// A Thread is one Python thread of an interpreter: the main thread, a
// thread started by _thread.start_new_thread, or a thread the embedding
// program runs code on. It is not tied to a goroutine: whichever
// goroutine holds the GIL on its behalf runs it.
type Thread struct {
	in    *Interp
	ident int64
	main  bool

	// state is the thread's state while another thread runs.
	state threadState

	// gilWake receives the GIL when it is handed to this thread.
	gilWake chan struct{}
	// wake receives Unpark's signal; interrupt is signalled when the
	// thread must leave a wait (a signal for the main thread, an
	// asynchronous exception). Both hold at most one pending signal.
	wake      chan struct{}
	interrupt chan struct{}

	// asyncExc is an exception to raise in the thread at its next
	// eval-breaker check (SetAsyncExc), made when it is raised: only
	// the GIL holder may allocate. Guarded by the Interp's gil.mu.
	asyncExc *asyncExc

	// granted is set under the GIL by the one who hands this waiting
	// thread what it waits for (a lock, a queue item).
	granted bool
	item    Value

	// sentinel is the lock _thread._set_sentinel gave the thread,
	// released when the thread ends (threading's join waits on it).
	sentinel *lockObject
}

// Ident is the thread's identity, as _thread.get_ident() reports it.
func (t *Thread) Ident() int64 { return t.ident }

// Interp is the interpreter the thread belongs to.
func (t *Thread) Interp() *Interp { return t.in }

// RunSlots is the runtime's scheduler as an interpreter sees it: to run
// bytecode, a thread holds its interpreter's GIL and one of a bounded
// number of run slots shared by all interpreters. Acquire blocks until
// in may have a slot; a scheduler that wants a slot back calls
// RequestDrop on its holder.
type RunSlots interface {
	Acquire(in *Interp)
	Release(in *Interp)
}

// gil is the interpreter's lock, handed over in arrival order.
type gil struct {
	mu      sync.Mutex
	held    bool
	waiters []*Thread
}

// threadTable is the interpreter's live threads. It is read and written
// only under the GIL.
type threadTable struct {
	main      *Thread
	byIdent   map[int64]*Thread
	nextIdent int64
	stackSize int64 // _thread.stack_size(), remembered only
	// exitHooks run, under the GIL, as each started thread ends.
	exitHooks []func(t *Thread)

	// running counts the goroutines of started threads; inSyscall the
	// threads inside AllowThreads (a system call nothing interrupts).
	running, inSyscall atomic.Int32
}

// firstThreadIdent is the main thread's ident; later threads count up.
const firstThreadIdent = 1

// defaultSwitchInterval is CPython's sys.getswitchinterval() at start.
const defaultSwitchInterval = 5 * time.Millisecond

// initThreads makes the main thread and gives it the GIL: a new
// interpreter belongs to the goroutine that made it until that one
// releases the main thread.
func (in *Interp) initThreads(opts Options) {
	in.slots = opts.Slots
	in.subinterpreter = opts.Subinterpreter
	in.host = opts.Host
	in.closing = make(chan struct{})
	in.switchUs.Store(int64(defaultSwitchInterval / time.Microsecond))
	in.threads.byIdent = map[int64]*Thread{}
	in.threads.nextIdent = firstThreadIdent
	t := in.newThread()
	t.main = true
	in.threads.main = t
	in.gil.held = true
	in.threadState = t.state
	t.state = threadState{}
	if opts.Deterministic != nil {
		in.det = newDetScheduler(opts.Deterministic, t)
		in.breaker.Or(breakTick)
	}
	if in.slots != nil {
		in.slots.Acquire(in)
	}
}

// newThread registers a new thread with an empty frame stack.
func (in *Interp) newThread() *Thread {
	t := &Thread{
		in:        in,
		ident:     in.threads.nextIdent,
		gilWake:   make(chan struct{}, 1),
		wake:      make(chan struct{}, 1),
		interrupt: make(chan struct{}, 1),
	}
	in.threads.nextIdent++
	t.state = threadState{thread: t, frameSlots: alloc.NewStack[Value](1024)}
	in.threads.byIdent[t.ident] = t
	return t
}

// onThreadExit registers hook to run, holding the GIL, as each started
// thread ends (its state is still installed): per-thread data such as
// _thread._local's dicts is dropped there.
func (in *Interp) onThreadExit(hook func(t *Thread)) {
	in.threads.exitHooks = append(in.threads.exitHooks, hook)
}

// Host returns Options.Host: the embedding runtime's handle for this
// interpreter, or nil.
func (in *Interp) Host() any { return in.host }

// MainThread returns the interpreter's main thread: the one New's
// caller holds, and the one the embedding program runs code on.
func (in *Interp) MainThread() *Thread { return in.threads.main }

// CurrentThread returns the thread holding the GIL: the caller's.
func (in *Interp) CurrentThread() *Thread { return in.thread }

// Acquire takes the interpreter's GIL (and a run slot) for t and makes
// t the running thread. The caller must not hold the GIL.
func (t *Thread) Acquire() {
	t.takeGIL()
	t.install()
}

// Release gives up the GIL that t holds, saving t's state for its next
// Acquire.
func (t *Thread) Release() {
	t.uninstall()
	t.dropGIL()
}

// install makes t's state the interpreter's and arms the eval breaker
// for anything t must handle at once.
func (t *Thread) install() {
	in := t.in
	in.threadState = t.state
	t.state = threadState{}
	in.gil.mu.Lock()
	pending := t.asyncExc != nil
	in.gil.mu.Unlock()
	if pending {
		in.breaker.Or(breakAsyncExc)
	}
	if t.main && in.pendingSignals.Load() != 0 {
		in.breaker.Or(breakSignal)
	}
}

// uninstall saves the running thread's state into t.
func (t *Thread) uninstall() {
	in := t.in
	t.state = in.threadState
	in.threadState = threadState{}
}

// takeGIL waits for the GIL and then for a run slot.
func (t *Thread) takeGIL() {
	in := t.in
	if in.det != nil {
		in.det.acquire(in, t)
		if in.slots != nil {
			in.slots.Acquire(in)
		}
		return
	}
	g := &in.gil
	g.mu.Lock()
	if !g.held {
		g.held = true
		g.mu.Unlock()
	} else {
		g.waiters = append(g.waiters, t)
		g.mu.Unlock()
		timer := time.NewTimer(in.SwitchInterval())
		select {
		case <-t.gilWake:
		case <-timer.C:
			// Waited a whole interval: ask the holder to let go.
			in.breaker.Or(breakDrop)
			<-t.gilWake
		}
		timer.Stop()
	}
	if in.slots != nil {
		in.slots.Acquire(in)
	}
}

// dropGIL gives the run slot back and hands the GIL to the longest
// waiter, if any.
func (t *Thread) dropGIL() {
	in := t.in
	if in.slots != nil {
		in.slots.Release(in)
	}
	if in.det != nil {
		// A plain Release is the embedding program's: the thread is
		// away until its next Acquire (detRelease says otherwise).
		in.det.release(in, t, detAway, 0, nil)
		return
	}
	g := &in.gil
	g.mu.Lock()
	if len(g.waiters) == 0 {
		g.held = false
		g.mu.Unlock()
		return
	}
	next := g.waiters[0]
	copy(g.waiters, g.waiters[1:])
	g.waiters[len(g.waiters)-1] = nil
	g.waiters = g.waiters[:len(g.waiters)-1]
	g.mu.Unlock()
	next.gilWake <- struct{}{}
}

// gilWanted reports whether another thread waits for the GIL.
func (in *Interp) gilWanted() bool {
	in.gil.mu.Lock()
	n := len(in.gil.waiters)
	in.gil.mu.Unlock()
	return n > 0
}

// RequestDrop asks the thread running the interpreter to release its
// GIL and run slot at the next eval-breaker check and queue for them
// again. The scheduler calls it to take a run slot back; any goroutine
// may.
func (in *Interp) RequestDrop() { in.breaker.Or(breakDrop | breakSlot) }

// yieldGIL lets the waiting threads run, then queues for the GIL again.
// slot says the scheduler wants the run slot back even if no thread of
// this interpreter waits.
func (in *Interp) yieldGIL(slot bool) {
	if in.det != nil {
		// Switches come from the tick quotas; the run slot is given
		// back and retaken with the token kept.
		if slot && in.slots != nil {
			in.slots.Release(in)
			in.slots.Acquire(in)
		}
		return
	}
	if !slot && !in.gilWanted() {
		return
	}
	t := in.thread
	t.Release()
	t.Acquire()
	in.exitIfFinalizing()
}

// exitIfFinalizing ends the calling goroutine when the interpreter is
// being closed and the running thread is not its main thread: daemon
// threads stop where they are, as CPython's do at exit. The GIL stays
// held while the goroutine unwinds (its deferred calls may touch the
// interpreter); the thread's outermost deferred call releases it.
func (in *Interp) exitIfFinalizing() {
	if in.finalizing.Load() && !in.thread.main {
		runtime.Goexit()
	}
}

// AllowThreads runs block with the GIL released, so that other threads
// run while the caller waits (I/O, a sleep, a lock); block must not
// touch the interpreter or its objects.
func (in *Interp) AllowThreads(block func()) {
	t := in.thread
	if in.det != nil {
		// The call runs holding the token, and its end is a switch
		// point.
		block()
		in.detSwitch()
		return
	}
	t.Release()
	in.threads.inSyscall.Add(1)
	block()
	in.threads.inSyscall.Add(-1)
	t.Acquire()
	in.exitIfFinalizing()
}

// allowThreadsIfHeld is AllowThreads when a thread of the interpreter
// runs it, else a plain call (during start-up and the last steps of
// Close, where there is no thread state to release).
func (in *Interp) allowThreadsIfHeld(block func()) {
	if in.thread == nil {
		block()
		return
	}
	in.AllowThreads(block)
}

// AllowThreadsInterruptible is AllowThreads for a long wait that the
// running thread's interruptions must cut short (a call into another
// interpreter): stop is closed when the thread is interrupted (a signal
// for the main thread, an asynchronous exception, the interpreter
// closing) while block runs. Afterwards the interruption is handled as
// at an eval-breaker check: the exception it raises is returned.
func (in *Interp) AllowThreadsInterruptible(block func(stop <-chan struct{})) error {
	t := in.thread
	stop, done := make(chan struct{}), make(chan struct{})
	if in.det == nil {
		t.Release()
	} else {
		in.det.noteOutside()
	}
	go func() {
		select {
		case <-t.interrupt:
			close(stop)
		case <-in.closing:
			close(stop)
		case <-done:
		}
	}()
	block(stop)
	close(done)
	if in.det == nil {
		t.Acquire()
	}
	in.exitIfFinalizing()
	if in.breaker.Load() != 0 {
		return in.handleBreaker()
	}
	return nil
}

// Park waits, with the GIL released, until the running thread is
// unparked (Unpark), d passes (d < 0: no limit) or the wait is
// interrupted. It reports whether Unpark woke it; a false result with
// a nil error is a spurious wake-up the caller treats like a timeout or
// retries. An interruption returns the exception to raise (a signal
// handler's, a pending asynchronous exception) or nil after handling a
// signal whose handler did not raise.
func (in *Interp) Park(d time.Duration) (woken bool, err error) {
	return in.park(d, true)
}

// park is Park; with interruptible unset, an interruption only ends the
// wait early and what it brought (a signal, an asynchronous exception)
// stays pending for the next eval-breaker check.
func (in *Interp) park(d time.Duration, interruptible bool) (woken bool, err error) {
	t := in.thread
	if in.det != nil {
		return in.detPark(d, interruptible)
	}
	var timeout <-chan time.Time
	if d >= 0 {
		timer := time.NewTimer(d)
		defer timer.Stop()
		timeout = timer.C
	}
	t.Release()
	interrupted := false
	select {
	case <-t.wake:
		woken = true
	case <-timeout:
	case <-t.interrupt:
		interrupted = true
	case <-in.closing:
	}
	t.Acquire()
	in.exitIfFinalizing()
	if interrupted && interruptible {
		return woken, in.handleBreaker()
	}
	return woken, nil
}

// ClearWake discards a stale Unpark signal of the running thread; call
// it, under the GIL, before registering as a waiter.
func (in *Interp) ClearWake() {
	if in.det != nil {
		in.det.clearWake(in.thread)
	}
	select {
	case <-in.thread.wake:
	default:
	}
}

// Unpark wakes t from Park; it holds until t's next Park if t is not
// parked yet. Call it under the GIL.
func (t *Thread) Unpark() {
	if t.in.det != nil {
		t.in.det.wake(t)
		return
	}
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// poke interrupts t's current or next wait.
func (t *Thread) poke() {
	select {
	case t.interrupt <- struct{}{}:
	default:
	}
	if t.in.det != nil {
		t.in.det.interrupt(t)
	}
}

// asyncExc is a pending SetAsyncExc.
type asyncExc struct {
	typ *Type
	msg string
}

// SetAsyncExc arranges for an exception of type typ (a built-in
// exception type, such as KeyboardInterrupt) with message msg to be
// raised in t at its next eval-breaker check, or at once if t waits;
// safe from any goroutine. A later call replaces a pending one. It is
// how the embedding program cancels code running in an interpreter.
func (t *Thread) SetAsyncExc(typ *Type, msg string) {
	in := t.in
	in.gil.mu.Lock()
	t.asyncExc = &asyncExc{typ, msg}
	in.gil.mu.Unlock()
	in.breaker.Or(breakAsyncExc)
	t.poke()
}

// ClearAsyncExc drops t's pending asynchronous exception, if it has
// not been raised yet; safe from any goroutine.
func (t *Thread) ClearAsyncExc() {
	t.in.gil.mu.Lock()
	t.asyncExc = nil
	t.in.gil.mu.Unlock()
}

// takeAsyncExc raises and clears the running thread's pending
// asynchronous exception; nil if there is none.
func (in *Interp) takeAsyncExc() error {
	t := in.thread
	in.gil.mu.Lock()
	a := t.asyncExc
	t.asyncExc = nil
	in.gil.mu.Unlock()
	if a == nil {
		return nil
	}
	if a.msg == "" {
		e, err := in.newException(a.typ)
		if err != nil {
			return err
		}
		return e
	}
	return in.raise(a.typ, "%s", a.msg)
}

// SwitchInterval is how long a thread waits for the GIL before it asks
// the holder to let go: sys.getswitchinterval(), at least a
// microsecond. Safe from any goroutine.
func (in *Interp) SwitchInterval() time.Duration {
	return time.Duration(max(in.switchUs.Load(), 1)) * time.Microsecond
}

// SetSwitchInterval is sys.setswitchinterval for the embedding program;
// d is rounded down to whole microseconds, as CPython keeps it.
func (in *Interp) SetSwitchInterval(d time.Duration) {
	if d > 0 {
		in.switchUs.Store(int64(d / time.Microsecond))
	}
}

// ThreadCounts returns how many threads the interpreter has started
// (its main thread not counted) and how many of them are alive.
func (in *Interp) ThreadCounts() (started, alive int) {
	return int(in.threads.nextIdent - firstThreadIdent - 1), in.threadCount()
}

// threadCount is _thread._count(): threads started and not yet ended.
func (in *Interp) threadCount() int { return len(in.threads.byIdent) - 1 }

// ThreadContext is where the running thread keeps its current
// contextvars.Context (owned; nil before first use). The address stays
// valid under the GIL and always refers to the running thread's slot.
func (in *Interp) ThreadContext() *Value { return &in.threadState.context }

// WaitForThreads waits until the threads threading started that are not
// daemons have ended, as CPython does when the main program is done and
// before the atexit functions run (threading._shutdown, if threading
// was imported). Call it from the main thread.
func (in *Interp) WaitForThreads() {
	// No new threads from here on, as in CPython's finalization (an
	// atexit function cannot start one).
	defer in.noNewThreads.Store(true)
	m, ok, err := in.DictGet(in.modules, internName("threading"))
	if err != nil || !ok {
		in.DiscardError(err)
		return
	}
	incRef(m)
	defer in.decRef(m)
	r, err := in.CallMethod(m, "_shutdown", nil, nil)
	if err != nil {
		in.unraisable(err, m)
		return
	}
	in.decRef(r)
}

// closeWaitForDaemons bounds how long Close waits for daemon threads
// blocked in a system call that nothing can interrupt.
const closeWaitForDaemons = time.Second

// stopThreads ends the threads still running at Close (daemon threads):
// each stops at its next eval-breaker check or wait, unwinding its
// goroutine. The calling main thread waits for them with the GIL
// released, then holds it again.
func (in *Interp) stopThreads() {
	in.finalizing.Store(true)
	close(in.closing)
	if in.det != nil {
		in.detStopThreads()
		return
	}
	if len(in.threads.byIdent) <= 1 && !in.gilWanted() {
		return
	}
	for _, t := range in.threads.byIdent {
		if t != in.thread {
			t.poke()
		}
	}
	// Wait until they are gone, or until all that are left sit in a
	// system call nothing can interrupt (accept, a blocking read): those
	// end when the call returns, and the process need not wait for them
	// (CPython does not wait for daemon threads at all).
	t := in.thread
	t.Release()
	deadline := time.Now().Add(closeWaitForDaemons)
	for in.threads.running.Load() > in.threads.inSyscall.Load() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	t.Acquire()
}
