package interp

import (
	"io"
	"math"
	"strings"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/traceback"
)

// The parts of sys that look at the running interpreter: its frames
// (_getframe), reference counts and sizes, the switch interval, and the
// hooks for tracing and profiling, which this interpreter does not
// support yet (setting one raises NotImplementedError rather than
// silently never calling it).

var threadInfoType = newStructSeqType("sys.thread_info", []string{"name", "lock", "version"})

// frameAt is the frame depth calls above the running one.
// depthArg (nil: 0) counts the frames.
func (in *Interp) frameAt(depthArg Value) (*frame, error) {
	depth := 0
	if !depthArg.IsNil() {
		d, err := in.seqSsizeArg(depthArg, overflowSsize)
		if err != nil {
			return nil, err
		}
		depth = d
	}
	f := in.frame
	for ; depth > 0 && f != nil; depth-- {
		f = frameCaller(f)
	}
	return f, nil
}

func init() {
	sysFuncs = append(sysFuncs,
		newBuiltin("_getframe", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("_getframe", args, kwnames, 0, 1); err != nil {
				return Value{}, err
			}
			var depth Value
			if len(args) == 1 {
				depth = args[0]
			}
			f, err := in.frameAt(depth)
			if err != nil {
				return Value{}, err
			}
			if f == nil {
				return Value{}, in.raise(valueErrorType, "call stack is not deep enough")
			}
			return in.frameObjectFor(f)
		}),
		newBuiltin("_getframemodulename", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			var depth Value
			if err := in.parseArgs("_getframemodulename", args, kwnames, []string{"depth"}, 0, &depth); err != nil {
				return Value{}, err
			}
			f, err := in.frameAt(depth)
			if err != nil || f == nil {
				return None, err
			}
			// The module of the function running there, as CPython reads
			// f_funcobj.__module__; module code has its globals' __name__.
			if !f.fn.IsNil() {
				if m := asObject[Function](f.fn).module; !m.IsNil() {
					incRef(m)
					return m, nil
				}
				return None, nil
			}
			if f.globals != nil {
				if m, ok, err := in.DictGet(f.globals, internName("__name__")); err != nil || ok {
					if ok {
						incRef(m)
					}
					return m, err
				}
			}
			return None, nil
		}),
		newBuiltin("getrefcount", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("getrefcount", args, kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			// Unboxed and immortal objects report CPython 3.12's immortal
			// count; others their count plus the argument's reference.
			v := args[0]
			if !v.IsObject() || v.Header().Has(alloc.FlagImmortal) {
				return Int(math.MaxUint32), nil
			}
			return Int(int64(v.Header().Refs()) + 1), nil
		}),
		newBuiltin("getsizeof", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			var obj, def Value
			if err := in.parseArgs("getsizeof", args, kwnames, []string{"object", "default"}, 1, &obj, &def); err != nil {
				return Value{}, err
			}
			n, err := in.sizeOf(obj)
			if err != nil {
				if !def.IsNil() && ErrorIs(err, typeErrorType) {
					in.decRef(valueOf(err.(*Exception)))
					incRef(def)
					return def, nil
				}
				return Value{}, err
			}
			return Int(n + preHeaderSize(obj.Type())), nil
		}),
		newBuiltin("getdefaultencoding", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("getdefaultencoding", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return internName("utf-8"), nil
		}),
		newBuiltin("getswitchinterval", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("getswitchinterval", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return Float(float64(in.switchUs.Load()) / 1e6), nil
		}),
		newBuiltin("setswitchinterval", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			var iv Value
			if err := in.parseArgs("setswitchinterval", args, kwnames, []string{"interval"}, 1, &iv); err != nil {
				return Value{}, err
			}
			x, err := in.ToFloat(iv)
			if err != nil {
				return Value{}, err
			}
			if x <= 0 {
				return Value{}, in.raise(valueErrorType, "switch interval must be strictly positive")
			}
			// Kept in whole microseconds, as CPython keeps it.
			in.switchUs.Store(int64(x * 1e6))
			return None, nil
		}),
		newBuiltin("is_finalizing", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("is_finalizing", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return False, nil
		}),
		newBuiltin("getallocatedblocks", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("getallocatedblocks", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return Int(in.heap.Stats().Live), nil
		}),
		newBuiltin("_clear_type_cache", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("_clear_type_cache", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return None, nil
		}),
		newBuiltin("call_tracing", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("call_tracing", args, kwnames, 2, 2); err != nil {
				return Value{}, err
			}
			if args[1].Type() != tupleType && !args[1].Type().IsSubtype(tupleType) {
				return Value{}, in.raise(typeErrorType, "call_tracing(): argument 2 must be tuple, not %s", args[1].Type().Name)
			}
			return in.Call(args[0], asObject[Tuple](args[1]).items, nil)
		}),
		noHook("settrace", "tracing (sys.settrace)"),
		noHook("setprofile", "profiling (sys.setprofile)"),
		getNone("gettrace"),
		getNone("getprofile"),
		newBuiltin("displayhook", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("displayhook", args, kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			return None, in.displayValue(args[0])
		}),
		newBuiltin("excepthook", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("excepthook", args, kwnames, 3, 3); err != nil {
				return Value{}, err
			}
			exc := args[1]
			if !exc.Type().IsSubtype(baseExceptionType) {
				return Value{}, in.raise(typeErrorType, "print_exception(): Exception expected for value, %s found", exc.Type().Name)
			}
			var b strings.Builder
			if err := in.PrintException(&b, asObject[Exception](exc), traceback.DiskSource); err != nil {
				return Value{}, err
			}
			return None, in.writeSysStderr(b.String())
		}),
		newBuiltin("breakpointhook", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return Value{}, in.raise(notImplementedErrorType, "breakpoint() is not implemented yet")
		}),
	)
}

// writeSysStderr writes text to sys.stderr and flushes it, as CPython's
// hooks print; with sys.stderr missing or None the text goes to the
// interpreter's own stderr.
func (in *Interp) writeSysStderr(text string) error {
	file, ok, err := in.sysAttr("stderr")
	if err != nil {
		return err
	}
	if !ok || file.IsNone() {
		_, err := io.WriteString(in.stderr, text)
		if err != nil {
			return in.ioError(err)
		}
		return nil
	}
	incRef(file) // borrowed, and the write below may rebind sys.stderr
	defer in.decRef(file)
	s, err := in.NewStr(text)
	if err != nil {
		return err
	}
	r, err := in.CallMethod(file, "write", []Value{s}, nil)
	in.decRef(s)
	if err != nil {
		return err
	}
	in.decRef(r)
	if r, found, err := in.callSpecial(file, "flush"); err != nil {
		return err
	} else if found {
		in.decRef(r)
	}
	return nil
}

// noHook is a sys.set* function for a hook this interpreter cannot call:
// None (no hook) is accepted, anything else is NotImplementedError.
func noHook(name, what string) Value {
	return newBuiltin(name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount(name, args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if !args[0].IsNone() {
			return Value{}, in.raise(notImplementedErrorType, "%s is not implemented yet", what)
		}
		return None, nil
	})
}

// getNone is a sys.get* function for a hook that is never set.
func getNone(name string) Value {
	return newBuiltin(name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount(name, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return None, nil
	})
}

// displayValue is sys.displayhook: the repr of v on sys.stdout and v
// kept as builtins._, except for None.
func (in *Interp) displayValue(v Value) error {
	if v.IsNone() {
		return nil
	}
	under := internName("_")
	if err := in.DictSet(in.builtins, under, None); err != nil {
		return err
	}
	out, ok, err := in.sysAttr("stdout")
	if err != nil {
		return err
	}
	if !ok || out.IsNone() {
		return in.raise(runtimeErrorType, "lost sys.stdout")
	}
	incRef(out) // borrowed, and write may rebind sys.stdout
	defer in.decRef(out)
	r, err := in.Repr(v)
	if err != nil {
		return err
	}
	text := r.GoString() + "\n"
	in.decRef(r)
	s, err := in.NewStr(text)
	if err != nil {
		return err
	}
	w, err := in.CallMethod(out, "write", []Value{s}, nil)
	in.decRef(s)
	if err != nil {
		return err
	}
	in.decRef(w)
	return in.DictSet(in.builtins, under, v)
}
