package interp

import (
	"sort"
	"syscall"
)

// Signals and the _signal module. A signal reaches an interpreter through
// Signal (safe from any goroutine: the embedding program, or the CLI's
// os/signal loop, calls it); it is recorded as pending and the eval
// breaker makes the running code call the Python handler at its next safe
// point, as CPython's PyErr_CheckSignals does. Interpreters do not take
// process signals themselves: when Python code changes how a signal is
// handled, Options.SignalMode tells the embedding program, which decides
// whether to route it (the CLI does, with os/signal).

// SignalMode is how Python code wants a signal handled.
type SignalMode int

// The modes Options.SignalMode is told about.
const (
	SignalDefault SignalMode = iota // the operating system's default action
	SignalIgnore                    // ignored
	SignalCatch                     // delivered to the interpreter (call Signal)
)

// numSignals is NSIG on Linux: signals are 1 .. numSignals-1.
const numSignals = 65

// Signal records that signal sig arrived; the running code handles it at
// its next backward jump or call. It is safe to call from any goroutine.
// Signal(SIGINT) is what Interrupt does.
func (in *Interp) Signal(sig int) {
	if sig <= 0 || sig >= numSignals {
		return
	}
	in.pendingSignals.Or(1 << uint(sig))
	in.breaker.Or(breakSignal)
	// The main thread may be waiting (a lock, a sleep): wake it to run
	// the handler, as a signal interrupts a blocking call in CPython.
	in.threads.main.poke()
}

// Interrupt asks the running program to handle SIGINT (by default:
// raise KeyboardInterrupt) at its next backward jump or call, as SIGINT
// does in CPython. Like Signal, it is safe to call from any goroutine.
func (in *Interp) Interrupt() { in.Signal(int(syscall.SIGINT)) }

// handleSignals runs the handlers of the pending signals, lowest number
// first, stopping at the first that raises.
func (in *Interp) handleSignals() error {
	pending := in.pendingSignals.Swap(0)
	for sig := 1; sig < numSignals; sig++ {
		if pending&(1<<uint(sig)) == 0 {
			continue
		}
		if err := in.runSignalHandler(sig); err != nil {
			// The rest stay pending for the next check.
			if rest := pending &^ (1<<uint(sig+1) - 1); rest != 0 {
				in.pendingSignals.Or(rest)
				in.breaker.Or(breakSignal)
			}
			return err
		}
	}
	return nil
}

func (in *Interp) runSignalHandler(sig int) error {
	h := in.signalHandlers[sig]
	switch {
	case h.IsNil() || h.Is(Int(0)): // SIG_DFL: reached only if routed here anyway
		if sig == int(syscall.SIGINT) {
			return in.keyboardInterrupt()
		}
		return nil
	case h.Is(Int(1)): // SIG_IGN
		return nil
	case h.Is(defaultIntHandler):
		return in.keyboardInterrupt()
	}
	frame := None
	if in.frame != nil {
		f, err := in.frameObjectFor(in.frame)
		if err != nil {
			return err
		}
		frame = f
		defer in.decRef(f)
	}
	incRef(h)
	defer in.decRef(h)
	r, err := in.Call(h, []Value{Int(int64(sig)), frame}, nil)
	if err != nil {
		return err
	}
	in.decRef(r)
	return nil
}

func (in *Interp) keyboardInterrupt() error {
	e, err := in.newException(exceptionTypes["KeyboardInterrupt"])
	if err != nil {
		return err
	}
	return e
}

// initSignals sets the handlers CPython starts with: SIGINT raises
// KeyboardInterrupt; SIGPIPE and SIGXFSZ are ignored.
func (in *Interp) initSignals() {
	in.signalHandlers = make([]Value, numSignals)
	in.signalHandlers[syscall.SIGINT] = defaultIntHandler
	in.signalHandlers[syscall.SIGPIPE] = Int(1)
	in.signalHandlers[syscall.SIGXFSZ] = Int(1)
}

// defaultIntHandler is signal.default_int_handler.
var defaultIntHandler = newBuiltin("default_int_handler", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
	return Value{}, in.keyboardInterrupt()
})

// signalArg reads a signal number argument.
func (in *Interp) signalArg(v Value) (int, error) {
	n, err := in.cIntArg(v)
	if err != nil {
		return 0, err
	}
	if n < 1 || n >= numSignals {
		return 0, in.raise(valueErrorType, "signal number out of range")
	}
	return n, nil
}

var signalFuncs = []Value{
	newBuiltin("signal", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.noKeywords("signal", kwnames); err != nil {
			return Value{}, err
		}
		if err := in.checkArgCount("signal", args, nil, 2, 2); err != nil {
			return Value{}, err
		}
		if !in.handlesSignals() {
			return Value{}, in.raise(valueErrorType, "signal only works in main thread of the main interpreter")
		}
		sig, err := in.signalArg(args[0])
		if err != nil {
			return Value{}, err
		}
		h := args[1]
		mode := SignalCatch
		switch {
		case h.Is(Int(0)) || isInt(h) && h.IsSmallInt() && h.SmallInt() == 0:
			h, mode = Int(0), SignalDefault
		case h.Is(Int(1)) || isInt(h) && h.IsSmallInt() && h.SmallInt() == 1:
			h, mode = Int(1), SignalIgnore
		case !IsCallable(h):
			return Value{}, in.raise(typeErrorType, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
		}
		if sig == int(syscall.SIGKILL) || sig == int(syscall.SIGSTOP) || sig == 32 || sig == 33 {
			return Value{}, in.raise(exceptionTypes["OSError"], "[Errno 22] Invalid argument")
		}
		old := in.signalHandlers[sig]
		if old.IsNil() {
			old = Int(0)
		}
		incRef(h)
		in.signalHandlers[sig] = h
		if in.signalMode != nil {
			in.signalMode(sig, mode)
		}
		return old, nil // the table's reference moves to the caller
	}),
	newBuiltin("getsignal", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("getsignal", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		sig, err := in.signalArg(args[0])
		if err != nil {
			return Value{}, err
		}
		h := in.signalHandlers[sig]
		if h.IsNil() {
			return Int(0), nil
		}
		incRef(h)
		return h, nil
	}),
	newBuiltin("raise_signal", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("raise_signal", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		sig, err := in.signalArg(args[0])
		if err != nil {
			return Value{}, err
		}
		h := in.signalHandlers[sig]
		if (h.IsNil() || h.Is(Int(0))) && sig != int(syscall.SIGINT) {
			return Value{}, in.raise(notImplementedErrorType, "raise_signal() of a signal with its default action (which would end the process) is not implemented yet")
		}
		in.Signal(sig)
		return None, in.handleSignals()
	}),
	newBuiltin("strsignal", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("strsignal", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		sig, err := in.signalArg(args[0])
		if err != nil {
			return Value{}, err
		}
		if sig >= 32 {
			return None, nil
		}
		// Go's descriptions are glibc's with a lower-case first letter.
		d := syscall.Signal(sig).String()
		if d != "" && d[0] >= 'a' && d[0] <= 'z' {
			d = string(d[0]-'a'+'A') + d[1:]
		}
		return in.NewStr(d)
	}),
	newBuiltin("valid_signals", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("valid_signals", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		s, err := in.newSetObject(setType)
		if err != nil {
			return Value{}, err
		}
		for sig := 1; sig < numSignals; sig++ {
			if sig == 32 || sig == 33 {
				continue // glibc keeps these for itself
			}
			if err := in.setAddKey(s, Int(int64(sig))); err != nil {
				in.decRef(valueOf(s))
				return Value{}, err
			}
		}
		return valueOf(s), nil
	}),
	newBuiltin("set_wakeup_fd", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var fd, warn Value
		if err := in.parseArgs("set_wakeup_fd", args, kwnames, []string{"", "warn_on_full_buffer"}, 1, &fd, &warn); err != nil {
			return Value{}, err
		}
		if !in.handlesSignals() {
			return Value{}, in.raise(valueErrorType, "set_wakeup_fd only works in main thread of the main interpreter")
		}
		n, err := in.cIntArg(fd)
		if err != nil {
			return Value{}, err
		}
		if n != -1 {
			return Value{}, in.raise(notImplementedErrorType, "signal.set_wakeup_fd() with a file descriptor is not implemented yet")
		}
		return Int(-1), nil
	}),
	newBuiltin("siginterrupt", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("siginterrupt", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		if _, err := in.signalArg(args[0]); err != nil {
			return Value{}, err
		}
		// Go's runtime restarts interrupted system calls: asking for
		// that is a no-op, asking for interruption is not available.
		interrupt, err := in.Truth(args[1])
		if err != nil {
			return Value{}, err
		}
		if interrupt {
			return Value{}, in.raise(notImplementedErrorType, "signal.siginterrupt(sig, True) (interrupting system calls) is not implemented yet")
		}
		return None, nil
	}),
}

func init() {
	for _, name := range []string{"alarm", "pause", "setitimer", "getitimer", "pthread_sigmask", "pthread_kill", "sigwait", "sigpending", "sigwaitinfo", "sigtimedwait"} {
		name := name
		signalFuncs = append(signalFuncs, newBuiltin(name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return Value{}, in.raise(notImplementedErrorType, "signal.%s() is not implemented yet", name)
		}))
	}
	registerModule("_signal", func(in *Interp, m *Module) error {
		names := map[string]int64{"SIG_DFL": 0, "SIG_IGN": 1, "NSIG": numSignals, "SIG_BLOCK": 0, "SIG_UNBLOCK": 1, "SIG_SETMASK": 2,
			"ITIMER_REAL": 0, "ITIMER_VIRTUAL": 1, "ITIMER_PROF": 2}
		for sig, n := range signalNames {
			if n != "" {
				names[n] = int64(sig)
			}
		}
		names["SIGIOT"] = int64(syscall.SIGABRT)
		names["SIGPOLL"] = int64(syscall.SIGIO)
		names["SIGRTMIN"], names["SIGRTMAX"] = 34, 64
		keys := make([]string, 0, len(names))
		for k := range names {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := in.setGlobal(m, k, Int(names[k])); err != nil {
				return err
			}
		}
		if err := in.setGlobal(m, "default_int_handler", defaultIntHandler); err != nil {
			return err
		}
		if err := in.setGlobal(m, "ItimerError", valueOf(exceptionTypes["OSError"])); err != nil {
			return err
		}
		for _, fn := range signalFuncs {
			if err := in.setGlobal(m, asObject[Builtin](fn).name, fn); err != nil {
				return err
			}
		}
		return nil
	})
}

// signalNames are Linux's signal names, by number.
var signalNames = [...]string{1: "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
	"SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
	"SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",
	"SIGIO", "SIGPWR", "SIGSYS"}

// handlesSignals reports whether the running thread may install signal
// handlers: the main thread of the main interpreter, as in CPython.
func (in *Interp) handlesSignals() bool { return in.thread.main && !in.subinterpreter }
