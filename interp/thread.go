package interp

import (
	"strings"
	"syscall"
	"time"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/traceback"
)

// The _thread module: locks, RLocks, starting threads, thread identity.
// CPython's own threading, queue and concurrent.futures run on top of
// it. Lock state is read and written only under the GIL, so it needs no
// lock of its own; a thread that must wait parks (Park) with the GIL
// released in a queue in arrival order. Release unlocks and wakes the
// longest waiter, and a blocking acquire queues behind waiters, so a
// thread cannot starve the others by re-acquiring (see acquireLock).

type lockObject struct {
	alloc.Header
	locked    bool
	reentrant bool
	owner     int64 // ident of the holder (RLock) or of the last acquirer
	count     int   // RLock recursion depth
	waiters   []*Thread
}

var (
	lockType  = newBuiltinType("lock", objectType, TypeWeakrefs)
	rlockType = newBuiltinType("RLock", objectType, TypeWeakrefs)
)

const lockSize = unsafe.Sizeof(lockObject{})

// timeoutMax is _thread.TIMEOUT_MAX, in seconds: CPython's bound on a
// wait, which Go's time.Duration also keeps within range.
const timeoutMax = 9223372036.0

func (in *Interp) newLock(t *Type) (*lockObject, error) {
	l := &lockObject{reentrant: t == rlockType}
	if err := in.account(&l.Header, t, lockSize); err != nil {
		return nil, err
	}
	return l, nil
}

// lockTimeout parses acquire's blocking and timeout arguments into a
// wait: -1 for none, else the longest wait.
func (in *Interp) lockTimeout(blocking, timeout Value) (block bool, wait time.Duration, err error) {
	block, wait = true, -1
	if !blocking.IsNil() {
		if block, err = in.Truth(blocking); err != nil {
			return false, 0, err
		}
	}
	if timeout.IsNil() {
		return block, wait, nil
	}
	f, err := in.ToFloat(timeout)
	if err != nil {
		return false, 0, err
	}
	if !block && f != -1 {
		return false, 0, in.raise(valueErrorType, "can't specify a timeout for a non-blocking call")
	}
	if f < 0 && f != -1 {
		return false, 0, in.raise(valueErrorType, "timeout value must be positive")
	}
	if f > timeoutMax {
		return false, 0, in.raise(overflowErrorType, "timeout value is too large")
	}
	if f >= 0 {
		wait = time.Duration(f * float64(time.Second))
	}
	return block, wait, nil
}

// lockAcquire is acquire(blocking=True, timeout=-1).
func (in *Interp) lockAcquire(args []Value, kwnames []Value) (Value, error) {
	var blocking, timeout Value
	if err := in.parseArgs("acquire", args[1:], kwnames, []string{"blocking", "timeout"}, 0, &blocking, &timeout); err != nil {
		return Value{}, err
	}
	block, wait, err := in.lockTimeout(blocking, timeout)
	if err != nil {
		return Value{}, err
	}
	ok, err := in.acquireLock(asObject[lockObject](args[0]), block, wait, true)
	if err != nil {
		return Value{}, err
	}
	return Bool(ok), nil
}

// acquireLock takes l for the running thread, waiting at most wait
// (-1: without limit) if block is set. An interruptible wait ends with
// the exception a signal handler or SetAsyncExc raises; otherwise that
// stays pending until the lock is held.
//
// Waiters queue in arrival order, and a blocking acquire finding
// others queued joins the queue even if the lock is free at that
// moment: a thread that releases and retakes the lock in a loop cannot
// starve them. Release unlocks at once, as CPython's does (threading
// asserts it: Thread._stop after join), and wakes the head of the
// queue, which takes the lock when it runs unless a non-blocking
// acquire took it first.
func (in *Interp) acquireLock(l *lockObject, block bool, wait time.Duration, interruptible bool) (bool, error) {
	me := in.thread
	if l.reentrant && l.locked && l.owner == me.ident {
		l.count++
		return true, nil
	}
	if !l.locked && (len(l.waiters) == 0 || !block || wait == 0) {
		l.locked, l.owner, l.count = true, me.ident, 1
		return true, nil
	}
	if !block || wait == 0 {
		return false, nil
	}
	var deadline time.Time
	if wait > 0 {
		deadline = in.Now().Add(wait)
	}
	in.ClearWake()
	l.waiters = append(l.waiters, me)
	// A daemon thread stopped at shutdown leaves its wait by Goexit:
	// its place in the queue must go with it.
	defer l.leaveQueue(me)
	for {
		if !l.locked && l.waiters[0] == me {
			l.locked, l.owner, l.count = true, me.ident, 1
			// CPython checks the eval breaker as the call returns, so a
			// signal that came during the wait is raised inside the
			// caller's try block (Condition.wait's), not at its next
			// call; the lock is given back first.
			if interruptible && in.breaker.Load() != 0 {
				if err := in.handleBreaker(); err != nil {
					in.releaseLock(l)
					return false, err
				}
			}
			return true, nil
		}
		d := time.Duration(-1)
		if wait > 0 {
			if d = in.Until(deadline); d <= 0 {
				return false, nil
			}
		}
		if _, err := in.park(d, interruptible); err != nil {
			return false, err
		}
	}
}

// leaveQueue takes t out of l's waiters if it is there still, waking
// the next one if the lock is free for it.
func (l *lockObject) leaveQueue(t *Thread) {
	if !l.removeWaiter(t) {
		return
	}
	if !l.locked && len(l.waiters) > 0 {
		l.waiters[0].Unpark()
	}
}

// releaseLock unlocks l and wakes the longest waiter, if there is one.
func (in *Interp) releaseLock(l *lockObject) {
	l.locked, l.count = false, 0
	if len(l.waiters) > 0 {
		l.waiters[0].Unpark()
	}
}

// removeWaiter takes t out of l's waiters; false if it was not there.
func (l *lockObject) removeWaiter(t *Thread) bool {
	for i, w := range l.waiters {
		if w == t {
			l.waiters = append(l.waiters[:i], l.waiters[i+1:]...)
			return true
		}
	}
	return false
}

func init() {
	acquire := func(in *Interp, args []Value, kwnames []Value) (Value, error) { return in.lockAcquire(args, kwnames) }
	for _, t := range []*Type{lockType, rlockType} {
		t := t
		t.Module = "_thread"
		t.dealloc = func(in *Interp, v Value) { in.heap.Free(v.Header(), lockSize) }
		t.hash = identityHash
		defMethod(t, "acquire", acquire)
		defMethod(t, "__enter__", acquire)
		defMethod(t, "_at_fork_reinit", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			l := asObject[lockObject](args[0])
			l.locked, l.count, l.owner, l.waiters = false, 0, 0, nil
			return None, nil
		})
	}
	lockType.repr = func(in *Interp, v Value) (Value, error) {
		state := "unlocked"
		if asObject[lockObject](v).locked {
			state = "locked"
		}
		return in.NewStr(sprintf("<%s _thread.lock object at 0x%s>", state, hexAddr(v)))
	}
	rlockType.repr = func(in *Interp, v Value) (Value, error) {
		l := asObject[lockObject](v)
		state, owner := "unlocked", int64(0)
		if l.locked {
			state, owner = "locked", l.owner
		}
		return in.NewStr(sprintf("<%s _thread.RLock object owner=%d count=%d at 0x%s>", state, owner, l.count, hexAddr(v)))
	}
	lockRelease := func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		l := asObject[lockObject](args[0])
		if !l.locked {
			return Value{}, in.raise(runtimeErrorType, "release unlocked lock")
		}
		in.releaseLock(l)
		return None, nil
	}
	lockLocked := func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return Bool(asObject[lockObject](args[0]).locked), nil
	}
	defMethod(lockType, "acquire_lock", acquire)
	defMethod(lockType, "release", lockRelease)
	defMethod(lockType, "release_lock", lockRelease)
	defMethod(lockType, "__exit__", lockRelease)
	defMethod(lockType, "locked", lockLocked)
	defMethod(lockType, "locked_lock", lockLocked)

	rlockRelease := func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		l := asObject[lockObject](args[0])
		if !l.locked || l.owner != in.thread.ident {
			return Value{}, in.raise(runtimeErrorType, "cannot release un-acquired lock")
		}
		if l.count--; l.count == 0 {
			in.releaseLock(l)
		}
		return None, nil
	}
	defMethod(rlockType, "release", rlockRelease)
	defMethod(rlockType, "__exit__", rlockRelease)
	defMethod(rlockType, "_is_owned", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		l := asObject[lockObject](args[0])
		return Bool(l.locked && l.owner == in.thread.ident), nil
	})
	defMethod(rlockType, "_recursion_count", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		l := asObject[lockObject](args[0])
		if l.locked && l.owner == in.thread.ident {
			return Int(int64(l.count)), nil
		}
		return Int(0), nil
	})
	// _release_save and _acquire_restore let threading.Condition wait on
	// an RLock held several levels deep.
	defMethod(rlockType, "_release_save", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		l := asObject[lockObject](args[0])
		if !l.locked || l.count == 0 {
			return Value{}, in.raise(runtimeErrorType, "cannot release un-acquired lock")
		}
		count, owner := l.count, l.owner
		in.releaseLock(l)
		return in.NewTuple(Int(int64(count)), Int(owner))
	})
	defMethod(rlockType, "_acquire_restore", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("_acquire_restore", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		items, ok := TupleItems(args[1])
		if !ok || len(items) != 2 {
			return Value{}, in.raise(typeErrorType, "_acquire_restore() argument must be a 2-tuple (count, owner)")
		}
		count, ok1 := IntValue(items[0])
		owner, ok2 := IntValue(items[1])
		if !ok1 || !ok2 {
			return Value{}, in.raise(typeErrorType, "_acquire_restore() argument must be a 2-tuple of ints")
		}
		// Condition.wait calls this in a finally block: it must take
		// the lock back, or the with statement around the wait fails to
		// release it. A cancellation arriving meanwhile is raised after.
		l := asObject[lockObject](args[0])
		if _, err := in.acquireLock(l, true, -1, false); err != nil {
			return Value{}, err
		}
		l.owner, l.count = owner, int(count)
		return None, nil
	})
	lockType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		return Value{}, in.raise(typeErrorType, "cannot create '_thread.lock' instances")
	}
	rlockType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		l, err := in.newLock(rlockType)
		if err != nil {
			return Value{}, err
		}
		return valueOf(l), nil
	}
	registerModule("_thread", initThreadModule)
}

func allocateLock(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("allocate_lock", args, kwnames, 0, 0); err != nil {
		return Value{}, err
	}
	l, err := in.newLock(lockType)
	if err != nil {
		return Value{}, err
	}
	return valueOf(l), nil
}

func initThreadModule(in *Interp, m *Module) error {
	for name, v := range map[string]Value{
		"LockType": valueOf(lockType), "RLock": valueOf(rlockType),
		"error": valueOf(runtimeErrorType), "TIMEOUT_MAX": Float(timeoutMax),
		"_ExceptHookArgs": valueOf(exceptHookArgsType),
		"_local":          valueOf(localType),
	} {
		if err := in.setGlobal(m, name, v); err != nil {
			return err
		}
	}
	ident := func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return Int(in.thread.ident), nil
	}
	for _, fn := range []Value{
		newBuiltin("allocate_lock", allocateLock),
		newBuiltin("allocate", allocateLock),
		newBuiltin("get_ident", ident),
		newBuiltin("get_native_id", ident),
		newBuiltin("_count", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return Int(int64(in.threadCount())), nil
		}),
		newBuiltin("daemon_threads_allowed", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return True, nil
		}),
		newBuiltin("stack_size", threadStackSize),
		newBuiltin("start_new_thread", startNewThread),
		newBuiltin("start_new", startNewThread),
		newBuiltin("_set_sentinel", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("_set_sentinel", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return in.setSentinel()
		}),
		newBuiltin("_is_main_interpreter", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return Bool(!in.subinterpreter), nil
		}),
		newBuiltin("interrupt_main", interruptMain),
		newBuiltin("_excepthook", threadExcepthook),
		newBuiltin("exit", threadExit),
		newBuiltin("exit_thread", threadExit),
	} {
		if err := in.setGlobal(m, asObject[Builtin](fn).name, fn); err != nil {
			return err
		}
	}
	return nil
}

// setSentinel is _thread._set_sentinel: a lock that threading acquires
// and the thread's end releases; threading's join waits on it.
func (in *Interp) setSentinel() (Value, error) {
	l, err := in.newLock(lockType)
	if err != nil {
		return Value{}, err
	}
	t := in.thread
	if t.sentinel != nil {
		in.decRef(valueOf(t.sentinel))
	}
	incRef(valueOf(l))
	t.sentinel = l
	return valueOf(l), nil
}

// threadStackSize is _thread.stack_size([size]): threads are goroutines,
// whose stacks grow on demand, so the size is remembered and reported
// but changes nothing.
func threadStackSize(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("stack_size", args, kwnames, 0, 1); err != nil {
		return Value{}, err
	}
	old := in.threads.stackSize
	if len(args) == 1 {
		n, ok := IntValue(args[0])
		if !ok {
			if !isInt(args[0]) {
				return Value{}, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			return Value{}, in.raise(valueErrorType, "size not valid: %s bytes", "huge")
		}
		if n != 0 && n < 32768 {
			return Value{}, in.raise(valueErrorType, "size not valid: %d bytes", n)
		}
		if n < 0 {
			return Value{}, in.raise(valueErrorType, "size must be 0 or a positive value")
		}
		in.threads.stackSize = n
	}
	return Int(old), nil
}

// interruptMain is _thread.interrupt_main(signum=SIGINT): the signal is
// delivered to the main thread as if the process had received it.
func interruptMain(in *Interp, args []Value, kwnames []Value) (Value, error) {
	var signum Value
	if err := in.parseArgs("interrupt_main", args, kwnames, []string{"signum"}, 0, &signum); err != nil {
		return Value{}, err
	}
	sig := int64(syscall.SIGINT)
	if !signum.IsNil() {
		n, err := in.signalArg(signum) // an IntEnum (signal.SIGINT) too
		if err != nil {
			return Value{}, err
		}
		sig = int64(n)
	}
	// A signal ignored or left at its default is not delivered, as
	// PyErr_SetInterruptEx does.
	if h := in.signalHandlers[sig]; h.IsNil() || h.Is(Int(0)) || h.Is(Int(1)) {
		if !(sig == int64(syscall.SIGINT) && h.IsNil()) {
			return None, nil
		}
	}
	// Unlike a signal from outside, it does not interrupt a wait of
	// the main thread (CPython only trips the flag the eval loop
	// checks): a wait ended here would leave threading's Condition
	// half way.
	in.pendingSignals.Or(1 << uint(sig))
	in.breaker.Or(breakSignal)
	if in.thread.main {
		// CPython handles it as the call returns, inside the caller's
		// try or with block: handle it now rather than at the next
		// eval-breaker check, which may lie past the block's end.
		return None, in.handleSignals()
	}
	return None, nil
}

// startNewThread is _thread.start_new_thread(function, args[, kwargs]).
func startNewThread(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.noKeywords("start_new_thread", kwnames); err != nil {
		return Value{}, err
	}
	if err := in.checkArgCount("start_new_thread", args, nil, 2, 3); err != nil {
		return Value{}, err
	}
	fn, fargs := args[0], args[1]
	if fn.Type().call == nil {
		return Value{}, in.raise(typeErrorType, "first arg must be callable")
	}
	if fargs.Type() != tupleType && !fargs.Type().IsSubtype(tupleType) {
		return Value{}, in.raise(typeErrorType, "2nd arg must be a tuple")
	}
	var kwargs Value
	if len(args) == 3 {
		kwargs = args[2]
		if kwargs.Type() != dictType && !kwargs.Type().IsSubtype(dictType) {
			return Value{}, in.raise(typeErrorType, "optional 3rd arg must be a dictionary")
		}
	}
	if in.noNewThreads.Load() {
		return Value{}, in.raise(runtimeErrorType, "can't create new thread at interpreter shutdown")
	}
	t := in.newThread()
	incRef(fn)
	incRef(fargs)
	in.xincRef(kwargs)
	in.threads.running.Add(1)
	if in.det != nil {
		in.det.add(t)
	}
	go t.run(fn, fargs, kwargs)
	return Int(t.ident), nil
}

// run is the goroutine of a started thread: it calls fn(*args,
// **kwargs) holding the GIL, reports an exception that escapes (other
// than SystemExit) through sys.unraisablehook, and ends the thread.
func (t *Thread) run(fn, args, kwargs Value) {
	in := t.in
	defer in.threads.running.Add(-1)
	defer t.exit() // also when a daemon thread stops at shutdown (Goexit)
	t.Acquire()
	in.exitIfFinalizing()
	r, err := in.callEx(fn, args, kwargs)
	if err != nil {
		if !ErrorIs(err, systemExitType) {
			in.unraisableIn("Exception ignored in thread started by", err, fn)
		} else {
			in.DiscardError(err)
		}
	} else {
		in.decRef(r)
	}
	in.decRef(fn)
	in.decRef(args)
	in.xdecRef(kwargs)
}

// exit ends the running thread t: its sentinel lock is released (waking
// joiners), its state goes, and the GIL passes on.
func (t *Thread) exit() {
	in := t.in
	if l := t.sentinel; l != nil {
		t.sentinel = nil
		if l.locked {
			in.releaseLock(l)
		}
		in.decRef(valueOf(l))
	}
	for _, hook := range in.threads.exitHooks {
		hook(t)
	}
	in.clearField(&in.threadState.context)
	in.xdecRef(in.excInfo)
	in.excInfo = Value{}
	delete(in.threads.byIdent, t.ident)
	if in.det != nil {
		t.detRelease(detGone, 0, nil)
		return
	}
	t.Release()
}

// threadExit is _thread.exit: SystemExit, which ends the thread quietly.
func threadExit(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("exit", args, kwnames, 0, 0); err != nil {
		return Value{}, err
	}
	e, err := in.newException(systemExitType)
	if err != nil {
		return Value{}, err
	}
	return Value{}, e
}

var exceptHookArgsType = newStructSeqType("_thread._ExceptHookArgs", []string{"exc_type", "exc_value", "exc_traceback", "thread"})

// threadExcepthook is _thread._excepthook, threading.excepthook's
// default: SystemExit passes silently; anything else is printed to
// sys.stderr under "Exception in thread NAME:".
func threadExcepthook(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("_excepthook", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	if args[0].Type() != exceptHookArgsType {
		return Value{}, in.raise(typeErrorType, "_thread._excepthook argument type must be ExceptHookArgs")
	}
	fields := StructSeqFields(args[0])
	excType, exc, thread := fields[0], fields[1], fields[3]
	if excType.Is(valueOf(systemExitType)) {
		return None, nil
	}
	file, ok, err := in.sysAttr("stderr")
	if err != nil {
		return Value{}, err
	}
	if ok && !file.IsNone() {
		incRef(file) // borrowed, and the write below may rebind sys.stderr
	} else {
		if thread.IsNone() {
			return None, nil
		}
		if file, err = in.GetAttr(thread, internName("_stderr")); err != nil {
			return Value{}, err
		}
		if file.IsNone() {
			in.decRef(file)
			return None, nil
		}
	}
	defer in.decRef(file)
	name := sprintf("%d", in.thread.ident)
	if !thread.IsNone() {
		n, err := in.GetAttr(thread, internName("name"))
		if err != nil {
			return Value{}, err
		}
		s, err := in.Str(n)
		in.decRef(n)
		if err != nil {
			return Value{}, err
		}
		name = s.GoString()
		in.decRef(s)
	}
	var b strings.Builder
	b.WriteString("Exception in thread " + name + ":\n")
	if exc.Type().IsSubtype(baseExceptionType) {
		if err := in.PrintException(&b, asObject[Exception](exc), traceback.DiskSource); err != nil {
			return Value{}, err
		}
	}
	text, err := in.NewStr(b.String())
	if err != nil {
		return Value{}, err
	}
	r, err := in.CallMethod(file, "write", []Value{text}, nil)
	in.decRef(text)
	if err != nil {
		return Value{}, err
	}
	in.decRef(r)
	if r, found, err := in.callSpecial(file, "flush"); err != nil {
		return Value{}, err
	} else if found {
		in.decRef(r)
	}
	return None, nil
}

// mustGet is get for a name the module was just given.
func (m *Module) mustGet(name string) Value {
	v, _ := m.get(name)
	return v
}
