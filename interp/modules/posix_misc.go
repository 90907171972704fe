//go:build linux

package modules

import (
	"crypto/rand"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"unsafe"

	"github.com/parallel-py/parallel/interp"
)

// The process side of posix: ids, the environment, fspath, strerror,
// urandom, the terminal, times and uname, and the process calls this
// interpreter does not provide (they raise NotImplementedError).

var (
	terminalSizeType = newStructSeq("os.terminal_size", []string{"columns", "lines"}, 2, 0)
	timesResultType  = newStructSeq("posix.times_result", []string{"user", "system", "children_user", "children_system", "elapsed"}, 5, 0)
	unameResultType  = newStructSeq("posix.uname_result", []string{"sysname", "nodename", "release", "version", "machine"}, 5, 0)
)

var (
	fspathParams   = interp.Params{Func: "fspath", Names: []string{"path"}, Required: 1}
	urandomParams  = interp.Params{Func: "urandom", Names: []string{"size"}, PosOnly: 1, Required: 1}
	strerrorParams = interp.Params{Func: "strerror", Names: []string{"code"}, PosOnly: 1, Required: 1}
	atForkParams   = interp.Params{Func: "register_at_fork", Names: []string{"before", "after_in_child", "after_in_parent"}, KwOnly: 3}
	exitParams     = interp.Params{Func: "_exit", Names: []string{"status"}, Required: 1}
)

// noArgFunc adds a function that takes no arguments.
func noArgFunc(name string, fn func(in *interp.Interp) (interp.Value, error)) {
	defPosix(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if len(kwnames) > 0 {
			return interp.Value{}, in.Raise(interp.TypeError, "posix.%s() takes no keyword arguments", name)
		}
		if len(args) > 0 {
			return interp.Value{}, in.Raise(interp.TypeError, "posix.%s() takes no arguments (%d given)", name, len(args))
		}
		return fn(in)
	})
}

// idFunc adds a function returning a process fact.
func idFunc(name string, id func() int) {
	noArgFunc(name, func(in *interp.Interp) (interp.Value, error) { return interp.Int(int64(id())), nil })
}

// notImplemented adds a function that raises NotImplementedError.
func notImplemented(names ...string) {
	for _, name := range names {
		defPosix(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			return interp.Value{}, in.Raise(interp.NotImplementedError, "os.%s() is not implemented yet", name)
		})
	}
}

func init() {
	idFunc("getpid", syscall.Getpid)
	idFunc("getppid", syscall.Getppid)
	idFunc("getuid", syscall.Getuid)
	idFunc("geteuid", syscall.Geteuid)
	idFunc("getgid", syscall.Getgid)
	idFunc("getegid", syscall.Getegid)
	idFunc("getpgrp", syscall.Getpgrp)
	notImplemented("fork", "kill", "killpg", "waitpid", "wait", "wait3", "wait4", "execv", "execve", "system", "waitstatus_to_exitcode")
	defPosix("fspath", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path interp.Value
		if err := in.Unpack(&fspathParams, args, kwnames, &path); err != nil {
			return interp.Value{}, err
		}
		return fspath(in, path)
	})
	defPosix("strerror", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var code interp.Value
		if err := in.Unpack(&strerrorParams, args, kwnames, &code); err != nil {
			return interp.Value{}, err
		}
		n, err := intArg(in, code)
		if err != nil {
			return interp.Value{}, err
		}
		return in.NewStr(interp.Strerror(syscall.Errno(n)))
	})
	defPosix("urandom", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var size interp.Value
		if err := in.Unpack(&urandomParams, args, kwnames, &size); err != nil {
			return interp.Value{}, err
		}
		n, err := in.AsSsize(size)
		if err != nil {
			return interp.Value{}, err
		}
		if n < 0 {
			return interp.Value{}, in.Raise(interp.ValueError, "negative argument not allowed")
		}
		if n > 1<<30 {
			return interp.Value{}, in.NoMemory()
		}
		b := make([]byte, n)
		if _, err := rand.Read(b); err != nil {
			return interp.Value{}, fdError(in, syscall.EIO)
		}
		return in.NewBytes(b)
	})
	defPosix("register_at_fork", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var before, child, parent interp.Value
		if err := in.Unpack(&atForkParams, args, kwnames, &before, &child, &parent); err != nil {
			return interp.Value{}, err
		}
		if before.IsNil() && child.IsNil() && parent.IsNil() {
			return interp.Value{}, in.Raise(interp.TypeError, "At least one argument is required.")
		}
		for i, v := range []interp.Value{before, child, parent} {
			if !v.IsNil() && !interp.IsCallable(v) {
				return interp.Value{}, in.Raise(interp.TypeError, "'%s' must be callable, not %s", atForkParams.Names[i], v.Type().Name)
			}
		}
		// This interpreter never forks: there is nothing to run.
		return interp.None, nil
	})
	defPosix("_exit", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var status interp.Value
		if err := in.Unpack(&exitParams, args, kwnames, &status); err != nil {
			return interp.Value{}, err
		}
		n, err := intArg(in, status)
		if err != nil {
			return interp.Value{}, err
		}
		os.Exit(n)
		return interp.None, nil
	})
	defPosix("putenv", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.CheckArgCount("putenv", args, kwnames, 2, 2); err != nil {
			return interp.Value{}, err
		}
		name, err := envString(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		value, err := envString(in, args[1])
		if err != nil {
			return interp.Value{}, err
		}
		if strings.IndexByte(name, '=') >= 0 {
			return interp.Value{}, in.Raise(interp.ValueError, "illegal environment variable name")
		}
		if name == "" {
			return interp.Value{}, fdError(in, syscall.EINVAL)
		}
		if err := syscall.Setenv(name, value); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.None, nil
	})
	defPosix("unsetenv", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.CheckArgCount("unsetenv", args, kwnames, 1, 1); err != nil {
			return interp.Value{}, err
		}
		name, err := envString(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		if name == "" || strings.IndexByte(name, '=') >= 0 {
			return interp.Value{}, fdError(in, syscall.EINVAL)
		}
		if err := syscall.Unsetenv(name); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.None, nil
	})
	defPosix("get_terminal_size", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.CheckArgCount("get_terminal_size", args, kwnames, 0, 1); err != nil {
			return interp.Value{}, err
		}
		fd := 1
		if len(args) == 1 {
			var err error
			if fd, err = intArg(in, args[0]); err != nil {
				return interp.Value{}, err
			}
		}
		var ws struct{ row, col, xpixel, ypixel uint16 }
		if err := ioctlPtr(fd, syscall.TIOCGWINSZ, unsafe.Pointer(&ws)); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return in.NewStructSeq(terminalSizeType, interp.Int(int64(ws.col)), interp.Int(int64(ws.row)))
	})
	noArgFunc("cpu_count", func(in *interp.Interp) (interp.Value, error) {
		if n := onlineCPUs(); n > 0 {
			return interp.Int(int64(n)), nil
		}
		return interp.Int(int64(runtime.NumCPU())), nil
	})
	noArgFunc("times", func(in *interp.Interp) (interp.Value, error) {
		var t syscall.Tms
		ticks, err := syscall.Times(&t)
		if err != nil {
			return interp.Value{}, fdError(in, err)
		}
		// Linux counts in USER_HZ, 100 a second.
		const hz = 100.0
		return in.NewStructSeq(timesResultType,
			interp.Float(float64(t.Utime)/hz), interp.Float(float64(t.Stime)/hz),
			interp.Float(float64(t.Cutime)/hz), interp.Float(float64(t.Cstime)/hz),
			interp.Float(float64(ticks)/hz))
	})
	noArgFunc("uname", func(in *interp.Interp) (interp.Value, error) {
		var u syscall.Utsname
		if err := syscall.Uname(&u); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		fields := [][65]int8{u.Sysname, u.Nodename, u.Release, u.Version, u.Machine}
		items := make([]interp.Value, 0, len(fields))
		defer func() { releaseAll(in, items) }()
		for _, f := range fields {
			var b []byte
			for _, c := range f {
				if c == 0 {
					break
				}
				b = append(b, byte(c))
			}
			s, err := in.FSDecode(b)
			if err != nil {
				return interp.Value{}, err
			}
			items = append(items, s)
		}
		return in.NewStructSeq(unameResultType, items...)
	})
}

// onlineCPUs counts the processors online as sysconf(_SC_NPROCESSORS_ONLN)
// does, from Linux's list of ranges ("0-3,6"); 0 when unknown.
func onlineCPUs() int {
	data, err := os.ReadFile("/sys/devices/system/cpu/online")
	if err != nil {
		return 0
	}
	n := 0
	for _, r := range strings.Split(strings.TrimSpace(string(data)), ",") {
		lo, hi, found := strings.Cut(r, "-")
		a, err1 := strconv.Atoi(lo)
		b := a
		var err2 error
		if found {
			b, err2 = strconv.Atoi(hi)
		}
		if err1 != nil || err2 != nil || b < a {
			return 0
		}
		n += b - a + 1
	}
	return n
}

// fspath is os.fspath(path): a str or bytes as it is, else what
// __fspath__ returns.
func fspath(in *interp.Interp, path interp.Value) (interp.Value, error) {
	if interp.IsStr(path) || interp.IsBytes(path) {
		interp.IncRef(path)
		return path, nil
	}
	r, found, err := in.CallSpecial(path, "__fspath__")
	if err != nil {
		return interp.Value{}, err
	}
	if !found {
		return interp.Value{}, in.Raise(interp.TypeError, "expected str, bytes or os.PathLike object, not %s", path.Type().Name)
	}
	if !interp.IsStr(r) && !interp.IsBytes(r) {
		in.DecRef(r)
		return interp.Value{}, in.Raise(interp.TypeError, "expected %s.__fspath__() to return str or bytes, not %s", path.Type().Name, r.Type().Name)
	}
	return r, nil
}

// envString converts a putenv/unsetenv argument (str, bytes or
// os.PathLike) to its bytes.
func envString(in *interp.Interp, v interp.Value) (string, error) {
	p, err := fspath(in, v)
	if err != nil {
		return "", err
	}
	defer in.DecRef(p)
	var b []byte
	if interp.IsBytes(p) {
		b, _ = interp.BufferBytes(p)
	} else if b, err = in.FSEncode(p); err != nil {
		return "", err
	}
	if strings.IndexByte(string(b), 0) >= 0 {
		return "", in.Raise(interp.ValueError, "embedded null byte")
	}
	return string(b), nil
}

// newEnviron makes posix.environ: a dict of the environment's names
// and values as bytes, in the order the process holds them.
func newEnviron(in *interp.Interp) (interp.Value, error) {
	env, err := in.NewDict()
	if err != nil {
		return interp.Value{}, err
	}
	d := interp.AsDict(env)
	for _, kv := range syscall.Environ() {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		key, err := in.NewBytes([]byte(k))
		if err != nil {
			in.DecRef(env)
			return interp.Value{}, err
		}
		// The first of two equal names wins, as in CPython.
		if _, found, _ := in.DictGet(d, key); found {
			in.DecRef(key)
			continue
		}
		val, err := in.NewBytes([]byte(v))
		if err == nil {
			err = in.DictSet(d, key, val)
			in.DecRef(val)
		}
		in.DecRef(key)
		if err != nil {
			in.DecRef(env)
			return interp.Value{}, err
		}
	}
	return env, nil
}
