//go:build linux

package modules

import (
	"crypto/rand"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unsafe"

	"github.com/parallel-py/parallel/interp"
)

// The process side of posix: ids, the environment, fspath, strerror,
// urandom, the terminal, times and uname, and the process calls this
// interpreter does not provide (they raise NotImplementedError); and
// children, signals and wait statuses: kill, waitpid, the W* macros,
// system.

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

// processID is the process's id, asked of the kernel once: a Go process
// cannot fork (see below), so it never changes, and logging asks for it
// for every record (LogRecord.process), a system call each time.
var processID = sync.OnceValue(syscall.Getpid)

func init() {
	idFunc("getpid", processID)
	idFunc("getppid", syscall.Getppid)
	idFunc("getuid", syscall.Getuid)
	idFunc("geteuid", syscall.Geteuid)
	idFunc("getgid", syscall.Getgid)
	idFunc("getegid", syscall.Getegid)
	idFunc("getpgrp", syscall.Getpgrp)
	// fork is absent, not NotImplementedError: a Go process cannot
	// fork and go on running Python in the child, and the standard
	// library and its tests check hasattr(os, 'fork') (subprocess
	// starts children through _posixsubprocess instead).
	notImplemented("wait3", "wait4", "execv", "execve")
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
		n, err := cInt(in, code)
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
		n, err := ssizeArg(in, size)
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
		n, err := cInt(in, status)
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
		name, err := fsConvert(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		value, err := fsConvert(in, args[1])
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
		name, err := fsConvert(in, args[0])
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
			if fd, err = cInt(in, args[0]); err != nil {
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

// fsConvert is PyUnicode_FSConverter: a str, bytes or os.PathLike as
// a file name's bytes, which may not hold NUL (putenv's and unsetenv's
// arguments, subprocess's program and arguments).
func fsConvert(in *interp.Interp, v interp.Value) (string, error) {
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

// Children, signals and wait statuses.

var (
	systemParams = interp.Params{Func: "system", Names: []string{"command"}, Required: 1}
	// waitMacros are the W* functions of a wait status, as glibc's
	// macros compute them.
	waitMacros = []struct {
		name string
		fn   func(s int32) interp.Value
	}{
		{"WIFEXITED", func(s int32) interp.Value { return interp.Bool(s&0x7f == 0) }},
		{"WEXITSTATUS", func(s int32) interp.Value { return interp.Int(int64(s&0xff00) >> 8) }},
		{"WIFSIGNALED", func(s int32) interp.Value { return interp.Bool(int8(s&0x7f+1)>>1 > 0) }},
		{"WTERMSIG", func(s int32) interp.Value { return interp.Int(int64(s & 0x7f)) }},
		{"WIFSTOPPED", func(s int32) interp.Value { return interp.Bool(s&0xff == 0x7f) }},
		{"WSTOPSIG", func(s int32) interp.Value { return interp.Int(int64(s&0xff00) >> 8) }},
		{"WIFCONTINUED", func(s int32) interp.Value { return interp.Bool(s == 0xffff) }},
	}
)

// stackArgs checks the argument count of a function CPython parses
// with PyArg_ParseTuple-style formats: "kill() takes exactly 2
// arguments (1 given)".
func stackArgs(in *interp.Interp, fname string, args, kwnames []interp.Value, n int) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "posix.%s() takes no keyword arguments", fname)
	}
	if len(args) != n {
		plural := "s"
		if n == 1 {
			plural = ""
		}
		return in.Raise(interp.TypeError, "%s() takes exactly %d argument%s (%d given)", fname, n, plural, len(args))
	}
	return nil
}

// posixOneArg checks the call of a function of one positional argument
// (METH_O).
func posixOneArg(in *interp.Interp, fname string, args, kwnames []interp.Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "posix.%s() takes no keyword arguments", fname)
	}
	if len(args) != 1 {
		return in.Raise(interp.TypeError, "posix.%s() takes exactly one argument (%d given)", fname, len(args))
	}
	return nil
}

// waitResult is the (pid, status) tuple of waitpid and wait.
func waitResult(in *interp.Interp, pid int, status int) (interp.Value, error) {
	return in.NewTuple(interp.Int(int64(pid)), interp.Int(int64(status)))
}

// wait4 waits for a child as waitpid(2) does, retrying when a signal
// interrupts it.
func wait4(in *interp.Interp, pid, options int) (interp.Value, error) {
	if r, ok := reapAnyPhantom(pid); ok {
		return waitResult(in, r, phantomStatus)
	}
	var ws syscall.WaitStatus
	var got int
	err := retryEINTRUnlocked(in, func() error {
		var e error
		got, e = syscall.Wait4(pid, &ws, options, nil)
		return e
	})
	if err != nil {
		return interp.Value{}, fdError(in, err)
	}
	return waitResult(in, got, int(ws))
}

// reapAnyPhantom waits for a phantom child (see posixsubprocess_spawn.go)
// when pid asks for it or for any child.
func reapAnyPhantom(pid int) (int, bool) {
	if pid > 0 {
		return pid, reapPhantom(pid)
	}
	if pid == -1 {
		return reapFirstPhantom()
	}
	return 0, false
}

func init() {
	defPosix("kill", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := stackArgs(in, "kill", args, kwnames, 2); err != nil {
			return interp.Value{}, err
		}
		pid, err := intArg(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		// The signal is read as a Py_ssize_t and cast to int.
		sig, err := ssizeArg(in, args[1])
		if err != nil {
			return interp.Value{}, err
		}
		if err := syscall.Kill(pid, syscall.Signal(int32(sig))); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.None, nil
	})
	defPosix("killpg", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := stackArgs(in, "killpg", args, kwnames, 2); err != nil {
			return interp.Value{}, err
		}
		pgid, err := intArg(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		sig, err := intArg(in, args[1])
		if err != nil {
			return interp.Value{}, err
		}
		if err := syscall.Kill(-pgid, syscall.Signal(sig)); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.None, nil
	})
	defPosix("waitpid", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := stackArgs(in, "waitpid", args, kwnames, 2); err != nil {
			return interp.Value{}, err
		}
		pid, err := intArg(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		options, err := intArg(in, args[1])
		if err != nil {
			return interp.Value{}, err
		}
		return wait4(in, pid, options)
	})
	noArgFunc("wait", func(in *interp.Interp) (interp.Value, error) { return wait4(in, -1, 0) })
	for _, m := range waitMacros {
		p := &interp.Params{Func: m.name, Names: []string{"status"}, Required: 1}
		fn := m.fn
		defPosix(m.name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			var status interp.Value
			if err := in.Unpack(p, args, kwnames, &status); err != nil {
				return interp.Value{}, err
			}
			s, err := cInt(in, status)
			if err != nil {
				return interp.Value{}, err
			}
			return fn(int32(s)), nil
		})
	}
	defPosix("WCOREDUMP", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posixOneArg(in, "WCOREDUMP", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		s, err := cInt(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		return interp.Bool(s&0x80 != 0), nil
	})
	statusParams := &interp.Params{Func: "waitstatus_to_exitcode", Names: []string{"status"}, Required: 1}
	defPosix("waitstatus_to_exitcode", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var status interp.Value
		if err := in.Unpack(statusParams, args, kwnames, &status); err != nil {
			return interp.Value{}, err
		}
		n, err := cInt(in, status)
		if err != nil {
			return interp.Value{}, err
		}
		s := int32(n)
		switch {
		case s&0x7f == 0:
			return interp.Int(int64(s&0xff00) >> 8), nil
		case int8(s&0x7f+1)>>1 > 0:
			return interp.Int(-int64(s & 0x7f)), nil
		case s&0xff == 0x7f:
			return interp.Value{}, in.Raise(interp.ValueError, "process stopped by delivery of signal %d", (s&0xff00)>>8)
		}
		return interp.Value{}, in.Raise(interp.ValueError, "invalid wait status: %d", s)
	})
	defPosix("pipe2", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posixOneArg(in, "pipe2", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		flags, err := cInt(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		var fds [2]int
		if err := syscall.Pipe2(fds[:], flags); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return in.NewTuple(interp.Int(int64(fds[0])), interp.Int(int64(fds[1])))
	})
	for _, f := range []struct {
		name string
		call func(pid int) (int, error)
	}{{"getpgid", syscall.Getpgid}, {"getsid", func(pid int) (int, error) {
		r, _, e := syscall.RawSyscall(syscall.SYS_GETSID, uintptr(pid), 0, 0)
		if e != 0 {
			return 0, e
		}
		return int(r), nil
	}}} {
		defPosix(f.name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			if err := posixOneArg(in, f.name, args, kwnames); err != nil {
				return interp.Value{}, err
			}
			pid, err := intArg(in, args[0])
			if err != nil {
				return interp.Value{}, err
			}
			r, err := f.call(pid)
			if err != nil {
				return interp.Value{}, fdError(in, err)
			}
			return interp.Int(int64(r)), nil
		})
	}
	defPosix("system", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var command interp.Value
		if err := in.Unpack(&systemParams, args, kwnames, &command); err != nil {
			return interp.Value{}, err
		}
		cmd, err := fsConvert(in, command)
		if err != nil {
			return interp.Value{}, err
		}
		return posixSystem(in, cmd)
	})
}

// posixSystem runs cmd with /bin/sh -c as C's system() does and
// returns its wait status: the child inherits the standard streams and
// every inheritable descriptor; a shell that cannot be run gives
// status 127, as from system's child.
func posixSystem(in *interp.Interp, cmd string) (interp.Value, error) {
	files := make([]uintptr, 3)
	for i := range files {
		files[i] = closedFD
		if fdOpen(i) {
			files[i] = uintptr(i)
		}
	}
	attr := &syscall.ProcAttr{Env: syscall.Environ(), Files: files}
	pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", cmd}, attr)
	if err != nil {
		switch e := errnoOf(err); e {
		case syscall.EAGAIN, syscall.ENOMEM:
			return interp.Value{}, fdError(in, e)
		}
		return interp.Int(127 << 8), nil
	}
	var ws syscall.WaitStatus
	err = retryEINTRUnlocked(in, func() error {
		_, e := syscall.Wait4(pid, &ws, 0, nil)
		return e
	})
	if err != nil {
		return interp.Value{}, fdError(in, err)
	}
	return interp.Int(int64(ws)), nil
}
