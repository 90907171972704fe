package runtime

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/parallel-py/parallel/interp"
	_ "github.com/parallel-py/parallel/interp/modules" // the built-in modules register themselves
)

// InterpreterOptions configure one interpreter.
type InterpreterOptions struct {
	// Name is for the embedding program's own use (logs, listings).
	Name string
	// MemoryLimit bounds the bytes of Python objects the interpreter
	// may hold, as its allocator accounts them (0: no limit). Code that
	// would pass it gets MemoryError, inside this interpreter only.
	MemoryLimit int64
	// Stdout and Stderr receive what the interpreter's sys.stdout and
	// sys.stderr write (nil discards it); Stdin is its sys.stdin (nil:
	// empty). A writer shared by several interpreters must be safe for
	// concurrent use, since they run in parallel.
	Stdout, Stderr io.Writer
	Stdin          io.Reader
	// Argv is sys.argv (default [""], as in an embedded CPython).
	Argv []string
	// Path is put in front of the standard library in sys.path.
	Path []string
	// SwitchInterval is the interpreter's sys.getswitchinterval() at
	// start (default: the runtime's).
	SwitchInterval time.Duration
	// Deterministic, if set, runs the interpreter's threads under a
	// seeded scheduler with virtual time (interp.Deterministic): the
	// same seed gives the same interleaving, and ScheduleTrace tells
	// whether two runs had the same one. For stress tests and replays;
	// waits on other interpreters are outside what it makes
	// reproducible.
	Deterministic *interp.Deterministic
	// Base, for programs that drive package interp themselves (the
	// parallel command line), is the whole interp.Options to make the
	// interpreter with instead of Argv and Path: command-line flags,
	// warning options, signal routing. MemoryLimit and the streams
	// above still apply, and the runtime sets its own Slots, Host and
	// Subinterpreter.
	Base *interp.Options
}

// An Interpreter is one isolated Python interpreter of a Runtime, with
// its own modules, globals, objects, GIL and memory limit. It runs one
// Exec, ExecFile or Call at a time (others fail with ErrRunning); the
// Python threads its code starts go on running between calls, and run in
// parallel with other interpreters. Its methods are safe for concurrent
// use.
type Interpreter struct {
	rt     *Runtime
	id     int64
	name   string
	stderr io.Writer // where SystemExit's message goes

	// in and main are used only by the goroutine that has marked the
	// interpreter running (or is closing it), holding the GIL.
	in   *interp.Interp
	main *interp.Thread

	// opts are the options it was made with, and base the interp
	// options they came to: interpreters that its Python code creates
	// take their streams, argv, path and flags from them.
	opts InterpreterOptions
	base interp.Options

	mu      sync.Mutex
	running bool
	closed  bool
	// whence says who made the interpreter (CPython's WHENCE_*
	// numbers); xiRefs counts the references _interpreters.incref took,
	// whose last decref closes it.
	whence int
	xiRefs int
	// trace is the deterministic scheduler's trace, kept at Close.
	trace   interp.ScheduleTrace
	traceOK bool

	// slot is the interpreter's user of the run slots and hostRef its
	// host handle (Options.Slots and Options.Host of its interp).
	slot    slotUser
	hostRef host
}

// defaultArgv is sys.argv of an interpreter given none; it is only read.
var defaultArgv = []string{""}

// pathWith returns sys.path for an interpreter given path: path, then
// the standard library's directory. With no path of its own it is the
// runtime's one shared slice, which is only read.
func (rt *Runtime) pathWith(path []string) []string {
	if len(path) == 0 && rt.stdlib != "" {
		return rt.stdlibPath
	}
	p := append([]string{}, path...)
	if rt.stdlib != "" {
		p = append(p, rt.stdlib)
	}
	return p
}

// NewInterpreter creates an interpreter and lists it in the runtime.
// The runtime's first interpreter is its main one (ID 0); later ones are
// subinterpreters. A new interpreter holds no run slot and no goroutine
// until it is given code to run.
func (rt *Runtime) NewInterpreter(opts InterpreterOptions) (*Interpreter, error) {
	if opts.MemoryLimit < 0 || opts.SwitchInterval < 0 {
		return nil, fmt.Errorf("runtime: new interpreter: negative MemoryLimit (%d) or SwitchInterval (%v)", opts.MemoryLimit, opts.SwitchInterval)
	}
	id, err := rt.reserveID()
	if err != nil {
		return nil, err
	}
	stderr := opts.Stderr
	if stderr == nil {
		stderr = io.Discard
	}
	// The Interpreter is made first, so that its run slots and host
	// handle live inside it rather than in allocations of their own.
	it := &Interpreter{rt: rt, id: id, name: opts.Name, stderr: stderr, opts: opts, whence: whenceCAPI}
	slots := &it.slot
	rt.sched.initUser(slots)
	// The interpreter's Go modules (_xi) find it through its host; the
	// handle is filled in once the interpreter is made.
	hostRef := &it.hostRef
	var base interp.Options
	if opts.Base != nil {
		base = *opts.Base
	} else {
		base = interp.Options{Argv: opts.Argv, Path: rt.pathWith(opts.Path), NoStdlib: rt.stdlib == ""}
		if len(base.Argv) == 0 {
			base.Argv = defaultArgv
		}
	}
	base.MemoryLimit = opts.MemoryLimit
	base.Stdout, base.Stderr, base.Stdin = opts.Stdout, stderr, opts.Stdin
	inherit := base
	base.Subinterpreter, base.Slots, base.Host = id != 0, slots, hostRef
	base.Deterministic = opts.Deterministic
	in, err := newInterp(slots, base)
	if err != nil {
		return nil, fmt.Errorf("runtime: new interpreter: %w", err)
	}
	interval := opts.SwitchInterval
	if interval == 0 {
		interval = rt.interval
	}
	in.SetSwitchInterval(interval)
	it.in, it.main, it.base = in, in.MainThread(), inherit
	if id == 0 {
		it.whence = whenceRuntime
	}
	hostRef.it = it
	it.main.Release()
	if err := rt.register(it); err != nil {
		it.Close()
		return nil, err
	}
	return it, nil
}

// newInterp is interp.New, with a panic (a bug in package interp)
// turned into an error. The slot the half-made interpreter may hold is
// given back.
func newInterp(slots *slotUser, opts interp.Options) (in *interp.Interp, err error) {
	defer func() {
		if p := recover(); p != nil {
			slots.Release(nil)
			in, err = nil, fmt.Errorf("Go panic creating the interpreter: %v", p)
		}
	}()
	return interp.New(opts), nil
}

// ID is the interpreter's number, unique in its runtime: 0 for the main
// interpreter, then counting up, as CPython numbers interpreters.
func (it *Interpreter) ID() int64 { return it.id }

// Name is InterpreterOptions.Name.
func (it *Interpreter) Name() string { return it.name }

// Runtime is the runtime the interpreter belongs to.
func (it *Interpreter) Runtime() *Runtime { return it.rt }

// IsRunning reports whether an Exec, ExecFile or Call is in progress.
func (it *Interpreter) IsRunning() bool {
	it.mu.Lock()
	defer it.mu.Unlock()
	return it.running
}

// begin marks the interpreter running for op, or says why it cannot
// run.
func (it *Interpreter) begin(op string) error {
	it.mu.Lock()
	defer it.mu.Unlock()
	switch {
	case it.closed:
		return fmt.Errorf("runtime: %s: interpreter %d %w", op, it.id, ErrClosed)
	case it.running:
		return fmt.Errorf("runtime: %s: interpreter %d: %w", op, it.id, ErrRunning)
	}
	it.running = true
	return nil
}

// end marks the interpreter idle again.
func (it *Interpreter) end() {
	it.mu.Lock()
	it.running = false
	it.mu.Unlock()
}

// Close tears the interpreter down as CPython finalizes one: it waits
// for the Python threads that are not daemons, runs the atexit
// functions, flushes sys.stdout and sys.stderr, stops daemon threads
// and frees every object; then it leaves the runtime's list. Closing a
// closed interpreter does nothing; closing one that is running code
// fails with ErrRunning.
func (it *Interpreter) Close() error {
	it.mu.Lock()
	switch {
	case it.closed:
		it.mu.Unlock()
		return nil
	case it.running:
		it.mu.Unlock()
		return fmt.Errorf("runtime: close: interpreter %d: %w", it.id, ErrRunning)
	}
	it.closed = true
	it.mu.Unlock()
	it.main.Acquire()
	err := guard(it.id, func() error {
		it.in.Close()
		return nil
	})
	it.main.Release()
	it.mu.Lock() // Stacks and ForceSwitch read in under mu
	it.trace, it.traceOK = it.in.ScheduleTrace()
	it.in, it.main = nil, nil
	it.mu.Unlock()
	// What the interpreter still held of the shared queues and channels
	// goes, and the items it put follow their UNBOUND rules.
	it.rt.chans.ReleaseInterpreter(it.id)
	it.rt.unregister(it)
	if err != nil {
		return fmt.Errorf("runtime: close: %w", err)
	}
	return nil
}

// Do runs f on the interpreter's main thread, holding its GIL, for
// programs that drive package interp directly (the command line runs
// its main program so). f's error comes back as it is, and a Go panic
// in f as an error. Like Exec, it fails with ErrRunning while other
// code runs, and ctx cancels f's Python code with KeyboardInterrupt.
func (it *Interpreter) Do(ctx context.Context, f func(in *interp.Interp) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := it.begin("do"); err != nil {
		return err
	}
	defer it.end()
	t := it.main
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() {
			t.SetAsyncExc(interp.ExcType("KeyboardInterrupt"), ctx.Err().Error())
		})
		defer stop()
	}
	t.Acquire()
	defer t.Release()
	return guard(it.id, func() error { return f(it.in) })
}

// guard runs f, turning a Go panic (a bug in package interp or here)
// into an error: the embedding program never sees one.
func guard(id int64, f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("Go panic in interpreter %d: %v", id, p)
		}
	}()
	return f()
}
