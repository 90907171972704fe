package interp

import (
	"math"
	"runtime"
	"slices"
	"strings"
)

// The sys module: what the interpreter knows about itself and the
// program's command line. Its namespace is made when the interpreter is
// created, since the import system reads sys.path and sys.modules.

// Version is the CPython version whose language and library this
// interpreter implements.
var Version = struct {
	Major, Minor, Micro int
}{3, 12, 1}

// ImplementationVersion is parallel's own version (sys.implementation).
const ImplementationVersion = "0.1.0"

// The sys module itself is made by initSys (init_sys.go), from a
// template all interpreters share.

// multiarch is the Debian multiarch triplet of this platform
// (sys.implementation._multiarch).
func multiarch() string {
	arch := map[string]string{"amd64": "x86_64", "arm64": "aarch64", "386": "i386", "riscv64": "riscv64", "ppc64le": "powerpc64le", "s390x": "s390x"}[runtime.GOARCH]
	if arch == "" {
		arch = runtime.GOARCH
	}
	switch runtime.GOOS {
	case "linux":
		return arch + "-linux-gnu"
	case "darwin":
		return "darwin"
	}
	return arch + "-" + runtime.GOOS
}

func platformName() string {
	switch runtime.GOOS {
	case "windows":
		return "win32"
	default:
		return runtime.GOOS
	}
}

var versionInfoType = newStructSeqType("sys.version_info", []string{"major", "minor", "micro", "releaselevel", "serial"})

var sysFuncs = []Value{
	newBuiltin("exit", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("exit", args, kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		e, err := in.newException(systemExitType, args...)
		if err != nil {
			return Value{}, err
		}
		in.setDerived(e, args)
		return Value{}, e
	}),
	newBuiltin("getrecursionlimit", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("getrecursionlimit", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return Int(int64(in.recursionLimit)), nil
	}),
	newBuiltin("setrecursionlimit", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("setrecursionlimit", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if !args[0].IsSmallInt() {
			if args[0].Type() == floatType {
				return Value{}, in.raise(typeErrorType, "'float' object cannot be interpreted as an integer")
			}
			if !isInt(args[0]) {
				return Value{}, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			return Value{}, in.raise(overflowErrorType, "Python int too large to convert to C int")
		}
		n := args[0].SmallInt()
		if n < 1 {
			return Value{}, in.raise(valueErrorType, "recursion limit must be greater or equal than 1")
		}
		if n > math.MaxInt32 {
			return Value{}, in.raise(overflowErrorType, "Python int too large to convert to C int")
		}
		if int(n) <= in.depth {
			return Value{}, in.raise(recursionErrorType, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, in.depth)
		}
		in.recursionLimit = int(n)
		return None, nil
	}),
	newBuiltin("exception", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("exception", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		cur := in.currentException()
		if cur.IsNil() {
			return None, nil
		}
		incRef(cur)
		return cur, nil
	}),
	newBuiltin("exc_info", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("exc_info", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		cur := in.currentException()
		if cur.IsNil() {
			return in.NewTuple(None, None, None)
		}
		tb, err := in.tracebackValue(asObject[Exception](cur))
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(tb)
		return in.NewTuple(valueOf(cur.Type()), cur, tb)
	}),
	newBuiltin("intern", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("intern", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if args[0].Type() != strType {
			return Value{}, in.raise(typeErrorType, "intern() argument must be str, not %s", args[0].Type().Name)
		}
		incRef(args[0])
		return args[0], nil
	}),
}

// sortStrs sorts str values by their text.
func sortStrs(vs []Value) {
	slices.SortFunc(vs, func(a, b Value) int { return strings.Compare(a.GoString(), b.GoString()) })
}

// xOptionsDict is sys._xoptions: "-X name" maps name to True, "-X
// name=value" to the string value.
func (in *Interp) xOptionsDict(opts []string) (Value, error) {
	d, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	for _, o := range opts {
		name, value, hasValue := strings.Cut(o, "=")
		k, err := in.NewStr(name)
		if err != nil {
			in.decRef(d)
			return Value{}, err
		}
		v := True
		if hasValue {
			if v, err = in.NewStr(value); err != nil {
				in.decRef(k)
				in.decRef(d)
				return Value{}, err
			}
		}
		err = in.DictSet(asObject[Dict](d), k, v)
		in.decRef(k)
		in.decRef(v)
		if err != nil {
			in.decRef(d)
			return Value{}, err
		}
	}
	return d, nil
}
