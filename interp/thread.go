package interp

import (
	"strings"
	"time"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// The _thread module as far as one thread goes: locks, RLocks and thread
// identity, which the standard library uses even in single-threaded
// programs (functools, reprlib, threading's bookkeeping). Starting threads
// comes with the runtime (issue 6) and raises NotImplementedError until
// then; a blocking acquire of a lock nobody else can release would wait
// forever, so it raises instead of hanging.

type lockObject struct {
	alloc.Header
	locked    bool
	reentrant bool
	count     int // RLock recursion depth
}

var (
	lockType  = newBuiltinType("lock", objectType, 0)
	rlockType = newBuiltinType("RLock", objectType, 0)
)

const lockSize = unsafe.Sizeof(lockObject{})

// mainThreadIdent is the identity of the interpreter's only thread.
const mainThreadIdent = 1

func (in *Interp) newLock(t *Type) (Value, error) {
	l := &lockObject{reentrant: t == rlockType}
	if err := in.account(&l.Header, t, lockSize); err != nil {
		return Value{}, err
	}
	return valueOf(l), nil
}

// lockAcquire is acquire(blocking=True, timeout=-1).
func (in *Interp) lockAcquire(args []Value, kwnames []Value) (Value, error) {
	var blocking, timeout Value
	if err := in.parseArgs("acquire", args[1:], kwnames, []string{"blocking", "timeout"}, 0, &blocking, &timeout); err != nil {
		return Value{}, err
	}
	l := asObject[lockObject](args[0])
	block := true
	if !blocking.IsNil() {
		b, err := in.Truth(blocking)
		if err != nil {
			return Value{}, err
		}
		block = b
	}
	wait := -1.0
	if !timeout.IsNil() {
		f, err := in.ToFloat(timeout)
		if err != nil {
			return Value{}, err
		}
		wait = f
		if !block && wait != -1 {
			return Value{}, in.raise(valueErrorType, "can't specify a timeout for a non-blocking call")
		}
		if wait < 0 && wait != -1 {
			return Value{}, in.raise(valueErrorType, "timeout value must be a non-negative number")
		}
	}
	if l.reentrant && l.locked {
		l.count++
		return True, nil
	}
	if !l.locked {
		l.locked = true
		l.count = 1
		return True, nil
	}
	if !block {
		return False, nil
	}
	if wait >= 0 {
		time.Sleep(time.Duration(wait * float64(time.Second)))
		return False, nil
	}
	return Value{}, in.raise(notImplementedErrorType, "acquiring a lock held by the only thread would wait forever (threads are not implemented yet)")
}

func init() {
	for _, t := range []*Type{lockType, rlockType} {
		t := t
		t.Module = "_thread"
		t.dealloc = func(in *Interp, v Value) { in.heap.Free(v.Header(), lockSize) }
		t.hash = identityHash
		t.repr = func(in *Interp, v Value) (Value, error) {
			l := asObject[lockObject](v)
			state := "unlocked"
			if l.locked {
				state = "locked"
			}
			if t == rlockType {
				owner := 0
				if l.locked {
					owner = mainThreadIdent
				}
				return in.NewStr(sprintf("<%s _thread.RLock object owner=%d count=%d at 0x%s>", state, owner, l.count, hexAddr(v)))
			}
			return in.NewStr(sprintf("<%s _thread.lock object at 0x%s>", state, hexAddr(v)))
		}
		acquire := func(in *Interp, args []Value, kwnames []Value) (Value, error) { return in.lockAcquire(args, kwnames) }
		defMethod(t, "acquire", acquire)
		defMethod(t, "__enter__", acquire)
		release := func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			l := asObject[lockObject](args[0])
			if !l.locked {
				if t == rlockType {
					return Value{}, in.raise(runtimeErrorType, "cannot release un-acquired lock")
				}
				return Value{}, in.raise(runtimeErrorType, "release unlocked lock")
			}
			l.count--
			if !l.reentrant || l.count == 0 {
				l.locked, l.count = false, 0
			}
			return None, nil
		}
		defMethod(t, "release", release)
		defMethod(t, "__exit__", release)
		defMethod(t, "locked", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return Bool(asObject[lockObject](args[0]).locked), nil
		})
		defMethod(t, "_is_owned", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return Bool(asObject[lockObject](args[0]).locked), nil
		})
		defMethod(t, "_at_fork_reinit", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			l := asObject[lockObject](args[0])
			l.locked, l.count = false, 0
			return None, nil
		})
	}
	rlockType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		return in.newLock(rlockType)
	}
	registerModule("_thread", func(in *Interp, m *Module) error {
		for name, v := range map[string]Value{
			"LockType": valueOf(lockType), "RLock": valueOf(rlockType),
			"error": valueOf(runtimeErrorType), "TIMEOUT_MAX": Float(9223372036.0),
			"_ExceptHookArgs": valueOf(exceptHookArgsType),
		} {
			if err := in.setGlobal(m, name, v); err != nil {
				return err
			}
		}
		for _, fn := range []Value{
			newBuiltin("allocate_lock", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				return in.newLock(lockType)
			}),
			newBuiltin("get_ident", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				return Int(mainThreadIdent), nil
			}),
			newBuiltin("get_native_id", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				return Int(mainThreadIdent), nil
			}),
			newBuiltin("_count", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				return Int(0), nil
			}),
			newBuiltin("daemon_threads_allowed", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				return True, nil
			}),
			newBuiltin("stack_size", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				return Int(0), nil
			}),
			newBuiltin("start_new_thread", startNewThread),
			newBuiltin("start_new", startNewThread),
			// threading keeps a lock per thread that is released when the
			// thread's state goes away; the main thread's never is.
			newBuiltin("_set_sentinel", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := in.checkArgCount("_set_sentinel", args, kwnames, 0, 0); err != nil {
					return Value{}, err
				}
				return in.newLock(lockType)
			}),
			newBuiltin("_is_main_interpreter", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				return True, nil
			}),
			newBuiltin("interrupt_main", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				var signum Value
				if err := in.parseArgs("interrupt_main", args, kwnames, []string{"signum"}, 0, &signum); err != nil {
					return Value{}, err
				}
				if !signum.IsNil() && !(signum.IsSmallInt() && signum.SmallInt() == 2) {
					return Value{}, in.raise(notImplementedErrorType, "interrupt_main() with a signal other than SIGINT is not implemented yet")
				}
				in.Interrupt()
				return None, nil
			}),
			newBuiltin("_excepthook", threadExcepthook),
			newBuiltin("exit", threadExit),
			newBuiltin("exit_thread", threadExit),
		} {
			if err := in.setGlobal(m, asObject[Builtin](fn).name, fn); err != nil {
				return err
			}
		}
		if err := in.setGlobal(m, "allocate", m.mustGet("allocate_lock")); err != nil {
			return err
		}
		return nil
	})
}

func startNewThread(in *Interp, args []Value, kwnames []Value) (Value, error) {
	return Value{}, in.raise(notImplementedErrorType, "threads are not implemented yet")
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
	name := sprintf("%d", mainThreadIdent)
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
		if err := in.PrintException(&b, asObject[Exception](exc), nil); err != nil {
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
