package interp

import (
	"io"
	"sync/atomic"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/cycles"
)

// Interp is one Python interpreter: its heap, its modules, its threads'
// state. It shares nothing mutable with any other Interp; only immortal
// objects (built-in types, code constants, interned names) are seen by
// several. An Interp is not safe for concurrent use: the goroutine that
// holds its GIL (package runtime) is the only one that may call it.
type Interp struct {
	heap *alloc.Allocator

	// Free lists of the hot object types and of value arrays, held by
	// value (not to be copied).
	strs         alloc.Pool[Str]
	tuples       alloc.Pool[Tuple]
	inlineTuples inlineTuplePools // small tuples (tuple_inline.go)
	lastSlice    *Slice           // a dead slice object for the next (slice.go)
	excs         alloc.Pool[Exception]
	bigs         alloc.Pool[BigInt]
	values       alloc.SlicePool[Value]
	free         freeLists // recyclers of other kinds (recycle.go)

	builtins *Dict        // the builtins module's namespace
	stdout   io.Writer    // where print writes
	frames   frameRecords // frame records, reused (frame_records.go)

	// threadState is the running thread's own state (its frames, the
	// exception it handles, ...), installed by whichever thread holds
	// the GIL; see threadstate.go.
	threadState

	// gil is the interpreter's lock; threads lists the live threads by
	// ident; the rest is thread bookkeeping (threadstate.go).
	gil            gil
	threads        threadTable
	slots          RunSlots      // the runtime's run slots, or nil
	det            *detScheduler // the deterministic scheduler, or nil
	subinterpreter bool          // Options.Subinterpreter
	host           any           // Options.Host
	finalizing     atomic.Bool   // Close has begun: threads must stop
	noNewThreads   atomic.Bool   // finalization: start_new_thread refuses
	closing        chan struct{} // closed when finalizing begins
	switchUs       atomic.Int64  // sys.getswitchinterval() in microseconds

	flags Flags // the command-line options sys.flags shows
	// maxStrDigits is the int/str conversion limit in decimal digits
	// (sys.set_int_max_str_digits; 0: none).
	maxStrDigits int

	// agFirstIter and agFinalizer are sys.set_asyncgen_hooks' hooks
	// (owned), or nil.
	agFirstIter, agFinalizer Value

	modules         *Dict          // sys.modules
	sys             *Module        // the sys module
	builtinsModule  *Module        // the builtins module
	initializing    map[string]int // modules whose code is running
	importlib       *Module        // _frozen_importlib once installed (owned)
	importLockDepth int            // _imp.acquire_lock's count
	overrideFrozen  int            // _imp._override_frozen_modules_for_tests
	typeVersion     uint32         // numbers classes' versions
	spec            specState      // adaptive code, counters and stats (adaptive.go)
	recursionLimit  int            // sys.getrecursionlimit()
	stderr          io.Writer
	stdin           io.Reader

	debug    bool // Options.Debug
	noStdlib bool // Options.NoStdlib

	// breaker is the eval breaker: non-zero asks the running code to
	// stop at its next backward jump or call (see Interrupt and gc.go).
	breaker atomic.Int32

	// pendingSignals has bit n set when signal n arrived and has not
	// been handled; signalHandlers are the Python handlers by number
	// (nil: SIG_DFL); signalMode is Options.SignalMode.
	pendingSignals atomic.Uint64
	signalHandlers []Value
	signalMode     func(sig int, mode SignalMode)

	gc          *cycles.Collector // the cycle finder
	gcCallbacks Value             // gc.callbacks once gc is imported (owned)
	// gcVisit is the visit function of the traverse under way and
	// gcVisitValue, made once, the traverse slots' adapter to it (see
	// gcOps.Traverse).
	gcVisit      func(*alloc.Header)
	gcVisitValue func(Value)

	weakrefs map[unsafe.Pointer][]*WeakRef // each object's weak references
	atexit   []atexitCall                  // atexit.register's callbacks

	// noMemory is raised when the memory limit is hit; it is made before
	// the limit can matter, so raising it never allocates.
	noMemory *Exception
}

// Options configure a new interpreter.
type Options struct {
	// MemoryLimit bounds the bytes of objects the interpreter may hold
	// (0: no limit); going past it raises MemoryError inside it.
	MemoryLimit int64

	// Stdout and Stderr receive the program's output (nil discards it);
	// Stdin is its input (nil: empty).
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader

	// Argv is sys.argv; Path is sys.path; Executable is sys.executable;
	// OrigArgv is sys.orig_argv, the whole command line (by default
	// "parallel" and Argv).
	Argv       []string
	OrigArgv   []string
	Path       []string
	Executable string

	// Debug adds the Go stack to the SystemError a Go panic inside the
	// interpreter becomes.
	Debug bool

	// SignalMode, if set, is told when Python code changes how signal
	// sig is handled (signal.signal), so that the embedding program can
	// route the signal to Signal, ignore it or restore its default.
	SignalMode func(sig int, mode SignalMode)

	// NoStdlib says that no CPython standard library was found for
	// Path; importing one of its modules then fails with a hint naming
	// the PARALLEL_STDLIB variable.
	NoStdlib bool

	// Flags are the command-line options sys.flags reports; WarnOptions
	// and XOptions are python3's -W and -X options (sys.warnoptions,
	// sys._xoptions: "name" or "name=value").
	Flags       Flags
	WarnOptions []string
	XOptions    []string

	// Subinterpreter marks an interpreter that is not the process's
	// main one (_thread._is_main_interpreter() is false in it).
	Subinterpreter bool

	// Host is the embedding runtime's handle for this interpreter,
	// returned by Host(): the Go modules the runtime registers
	// (_interpreters, queues) find their runtime through it.
	Host any

	// Slots is the runtime's scheduler, which bounds how many
	// interpreters run bytecode at once; nil: no bound.
	Slots RunSlots

	// Deterministic, if set, runs the interpreter's threads under a
	// seeded scheduler with virtual time, so that the same seed gives
	// the same interleaving (see Deterministic); nil: the GIL's usual
	// first-come, first-served order and the wall clock.
	Deterministic *Deterministic
}

// Flags are the interpreter options of python3's command line, as
// sys.flags shows them. The zero value is a plain `python3 script.py`.
type Flags struct {
	Debug, Inspect, Interactive, Optimize  int  // -d, -i, -i, -O (-OO: 2)
	NoUserSite, NoSite, IgnoreEnvironment  int  // -s, -S, -E
	Verbose, BytesWarning, Quiet, Isolated int  // -v, -b (-bb: 2), -q, -I
	DevMode                                bool // -X dev
	UTF8Mode, WarnDefaultEncoding          int  // -X utf8, -X warn_default_encoding
	SafePath                               bool // -P (and -I)
	// IntMaxStrDigits is -X int_max_str_digits (nil: CPython's 4300).
	IntMaxStrDigits *int
}

// New creates an interpreter.
func New(opts Options) *Interp {
	typesSealed.Store(true) // see NewType
	in := &Interp{
		// The built-in types' classes come from the table every
		// interpreter shares; only the counts are this one's.
		heap: alloc.New(alloc.Options{Classes: builtinClassTable()}),
	}
	in.strs.Init(1024)
	in.tuples.Init(1024)
	in.inlineTuples.init()
	in.excs.Init(64)
	in.bigs.Init(256)
	in.values.Init(1<<16, 64)
	in.gc = in.newCollector()
	e, err := in.newException(memoryErrorType)
	if err != nil {
		panic("interp: cannot create the MemoryError instance: " + err.Error())
	}
	in.noMemory = e
	in.frames.Init(256)
	in.recursionLimit = defaultRecursionLimit
	in.initThreads(opts)
	in.signalMode = opts.SignalMode
	in.initSignals()
	in.initializing = map[string]int{}
	in.stderr, in.stdin = opts.Stderr, opts.Stdin
	in.debug = opts.Debug
	in.spec.init(opts)
	in.noStdlib = opts.NoStdlib
	in.flags = opts.Flags
	in.maxStrDigits = maxStrDigits
	if opts.Flags.IntMaxStrDigits != nil {
		in.maxStrDigits = *opts.Flags.IntMaxStrDigits
	}
	if in.stderr == nil {
		in.stderr = io.Discard
	}
	if in.stdin == nil {
		in.stdin = emptyInput{}
	}
	if err := in.initBuiltins(opts); err != nil {
		panic("interp: cannot create the builtins: " + err.Error())
	}
	in.heap.SetLimit(opts.MemoryLimit)
	return in
}

// emptyInput is the standard input of an interpreter given none: always
// at its end. It has no state, so every interpreter shares it (as an
// interface value it needs no allocation).
type emptyInput struct{}

func (emptyInput) Read([]byte) (int, error) { return 0, io.EOF }

// Heap returns the interpreter's allocator, for statistics and tests.
func (in *Interp) Heap() *alloc.Allocator { return in.heap }

// dealloc frees an object whose last reference was just released.
func (in *Interp) dealloc(v Value) {
	t := v.Type()
	h := v.Header()
	if (t.finalize == nil || genNothingToFinalize(t, v)) && t.Flags&TypeHasFinalizer == 0 &&
		h.Flags()&(flagWeakrefs|flagDetHashed) == 0 && t.dealloc != nil {
		// The common case, an object with no finalizer and no weak
		// references: one test for all of deallocSlow's.
		if f := h.Flags(); f&alloc.FlagContainer != 0 {
			switch {
			case f&flagTupleInline != 0 && in.tupleKept(asObject[Tuple](v)):
				if !in.gc.TryUntrackUncounted(h) { // see newInlineTuple
					in.gc.UntrackUncounted(h)
				}
			case !in.gc.TryUntrack(h):
				in.gc.Untrack(h)
			}
		}
		t.dealloc(in, v)
		if t.Flags&TypeHeapType != 0 {
			in.decRef(valueOf(t)) // instances hold their class
		}
		return
	}
	in.deallocSlow(v)
}

// deallocSlow is dealloc for an object that has or may have a finalizer
// to run or weak references to clear.
func (in *Interp) deallocSlow(v Value) {
	t := v.Type()
	if t.dealloc == nil {
		panic("interp: no dealloc for " + t.Name)
	}
	h := v.Header()
	if t.finalize != nil && h.Flags()&alloc.FlagFinalized == 0 {
		alloc.IncRef(h)
		h.SetFlags(alloc.FlagFinalized)
		t.finalize(in, v)
		if !alloc.DecRef(h) {
			return
		}
	}
	if t.Flags&TypeHasFinalizer != 0 && h.Flags()&alloc.FlagFinalized == 0 {
		// __del__ runs with the object alive again; if it stored the
		// object somewhere, the object is resurrected and stays.
		alloc.IncRef(h)
		runFinalizer(in, v)
		if !alloc.DecRef(h) {
			return
		}
	}
	if h.Flags()&(flagWeakrefs|flagDetHashed) != 0 {
		if h.Flags()&flagDetHashed != 0 {
			in.det.forgetIdentity(h)
		}
		if h.Flags()&flagWeakrefs != 0 {
			clearWeakRefsHook(in, h)
		}
	}
	if f := h.Flags(); f&alloc.FlagContainer != 0 {
		switch {
		case f&flagTupleInline != 0 && in.tupleKept(asObject[Tuple](v)):
			in.gc.UntrackUncounted(h) // see newInlineTuple
		case !in.gc.TryUntrack(h):
			in.gc.Untrack(h)
		}
	}
	t.dealloc(in, v)
	if t.Flags&TypeHeapType != 0 {
		in.decRef(valueOf(t)) // instances hold their class
	}
}

// handleBreaker does what the eval breaker was set for: a due cycle
// collection, a pending signal (in the main thread only, as CPython
// handles them), an exception another goroutine asked the running
// thread to raise, and giving the GIL to a waiting thread.
func (in *Interp) handleBreaker() error {
	b := in.breaker.Swap(0)
	if in.det != nil {
		// Every check is a tick: the bit stays set.
		in.breaker.Or(breakTick)
	}
	if b&breakGC != 0 {
		in.gc.CollectDue()
	}
	if b&(breakDrop|breakSlot) != 0 {
		in.yieldGIL(b&breakSlot != 0)
	}
	if b&breakAsyncExc != 0 {
		if err := in.takeAsyncExc(); err != nil {
			return err
		}
	}
	if b&breakSignal != 0 && in.thread.main {
		if err := in.handleSignals(); err != nil {
			return err
		}
	}
	if b&breakTick != 0 && in.det.tick(in) {
		in.detSwitch()
	}
	return nil
}

// runFinalizer is callDel, reached through a variable so that dealloc,
// which package initialization depends on everywhere, does not depend
// on the whole call machinery (an initialization cycle otherwise).
var runFinalizer func(in *Interp, v Value)

// clearWeakRefsHook is clearWeakRefs, for the same reason.
var clearWeakRefsHook func(in *Interp, h *alloc.Header)

func init() {
	runFinalizer = (*Interp).callDel
	clearWeakRefsHook = (*Interp).clearWeakRefs
}
