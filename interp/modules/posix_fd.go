//go:build linux

package modules

import (
	"syscall"

	"github.com/parallel-py/parallel/interp"
)

// The descriptor calls of posix: open, close, read, write, lseek, pipe,
// dup and the descriptor flags. Descriptors CPython creates are not
// inherited by child processes (PEP 446), so these set close-on-exec.

var (
	openParams  = interp.Params{Func: "open", Names: []string{"path", "flags", "mode", "dir_fd"}, KwOnly: 1, Required: 2}
	dup2Params  = interp.Params{Func: "dup2", Names: []string{"fd", "fd2", "inheritable"}, Required: 2}
	fdEncParams = interp.Params{Func: "device_encoding", Names: []string{"fd"}, Required: 1}
)

// posixPosArgs checks the call of a function of n > 1 positional-only
// parameters as argument clinic does (_PyArg_CheckPositional).
func posixPosArgs(in *interp.Interp, fname string, args, kwnames []interp.Value, n int) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "posix.%s() takes no keyword arguments", fname)
	}
	if len(args) != n {
		return in.Raise(interp.TypeError, "%s expected %d arguments, got %d", fname, n, len(args))
	}
	return nil
}

// posInts checks a call of n > 1 positional-only C ints (descriptors
// among them) and converts them.
func posInts(in *interp.Interp, fname string, args, kwnames []interp.Value, n int) ([]int, error) {
	if err := posixPosArgs(in, fname, args, kwnames, n); err != nil {
		return nil, err
	}
	out := make([]int, n)
	for i, a := range args {
		var err error
		if out[i], err = cInt(in, a); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// oneFD converts the argument of a function of one positional-only
// descriptor (METH_O in CPython).
func oneFD(in *interp.Interp, fname string, args, kwnames []interp.Value) (int, error) {
	if err := posixOneArg(in, fname, args, kwnames); err != nil {
		return 0, err
	}
	return cInt(in, args[0])
}

// fildesArg converts a descriptor as PyObject_AsFileDescriptor does: an
// int, or what the object's fileno() returns; never negative.
func fildesArg(in *interp.Interp, v interp.Value) (int, error) {
	fdv := v
	if !interp.IsInt(v) {
		m, err := in.LookupAttr(v, interp.ImmortalStr("fileno"))
		if err != nil {
			return 0, err
		}
		if m.IsNil() {
			return 0, in.Raise(interp.TypeError, "argument must be an int, or have a fileno() method.")
		}
		r, err := in.Call(m, nil, nil)
		in.DecRef(m)
		if err != nil {
			return 0, err
		}
		defer in.DecRef(r)
		if !interp.IsInt(r) {
			return 0, in.Raise(interp.TypeError, "fileno() returned a non-integer")
		}
		fdv = r
	}
	fd, err := cInt(in, fdv)
	if err != nil {
		return 0, err
	}
	if fd < 0 {
		return 0, in.Raise(interp.ValueError, "file descriptor cannot be a negative integer (%d)", fd)
	}
	return fd, nil
}

// fdFunc adds a function of one descriptor (which may be passed as
// fd=) that returns None; fildes says it also takes an object with a
// fileno() method.
func fdFunc(name string, fildes bool, call func(fd int) error) {
	params := &interp.Params{Func: name, Names: []string{"fd"}, Required: 1}
	defPosix(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var fdv interp.Value
		if err := in.Unpack(params, args, kwnames, &fdv); err != nil {
			return interp.Value{}, err
		}
		var fd int
		var err error
		if fildes {
			fd, err = fildesArg(in, fdv)
		} else {
			fd, err = cInt(in, fdv)
		}
		if err != nil {
			return interp.Value{}, err
		}
		if err := call(fd); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.None, nil
	})
}

func init() {
	defPosix("open", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, flagsv, modev, dirFD interp.Value
		p, err := unpackPath(in, &openParams, nameOnly, args, kwnames, &path, &flagsv, &modev, &dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		flags, err := cInt(in, flagsv)
		if err != nil {
			return interp.Value{}, err
		}
		mode := 0o777
		if !modev.IsNil() {
			if mode, err = cInt(in, modev); err != nil {
				return interp.Value{}, err
			}
		}
		dirfd, err := dirFDArg(in, dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		var fd int
		err = retryEINTR(func() error {
			var e error
			fd, e = syscall.Openat(dirfd, p.name, flags|syscall.O_CLOEXEC, uint32(mode))
			return e
		})
		if err != nil {
			return interp.Value{}, pathError(in, err, &p)
		}
		return interp.Int(int64(fd)), nil
	})
	fdFunc("close", false, func(fd int) error {
		// close is not retried: the descriptor is gone even on EINTR.
		if err := syscall.Close(fd); err != nil && err != syscall.EINTR {
			return err
		}
		return nil
	})
	fdFunc("fsync", true, func(fd int) error { return retryEINTR(func() error { return syscall.Fsync(fd) }) })
	fdFunc("fdatasync", true, func(fd int) error { return retryEINTR(func() error { return syscall.Fdatasync(fd) }) })
	fdFunc("fchdir", true, syscall.Fchdir)
	defPosix("closerange", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		fds, err := posInts(in, "closerange", args, kwnames, 2)
		if err != nil {
			return interp.Value{}, err
		}
		for fd := max(fds[0], 0); fd < fds[1]; fd++ {
			syscall.Close(fd)
		}
		return interp.None, nil
	})
	defPosix("read", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posixPosArgs(in, "read", args, kwnames, 2); err != nil {
			return interp.Value{}, err
		}
		fd, err := cInt(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		n, err := ssizeArg(in, args[1])
		if err != nil {
			return interp.Value{}, err
		}
		if n < 0 {
			return interp.Value{}, fdError(in, syscall.EINVAL)
		}
		if n > 1<<30 {
			n = 1 << 30
		}
		buf := make([]byte, n)
		var got int
		err = retryEINTRUnlocked(in, func() error {
			var e error
			got, e = syscall.Read(fd, buf)
			return e
		})
		if err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return in.NewBytes(buf[:got])
	})
	defPosix("write", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posixPosArgs(in, "write", args, kwnames, 2); err != nil {
			return interp.Value{}, err
		}
		fd, err := cInt(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		data, ok := interp.BufferBytes(args[1])
		if !ok {
			return interp.Value{}, in.Raise(interp.TypeError, "a bytes-like object is required, not '%s'", args[1].Type().Name)
		}
		var n int
		err = retryEINTRUnlocked(in, func() error {
			var e error
			n, e = syscall.Write(fd, data)
			return e
		})
		if err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.Int(int64(n)), nil
	})
	defPosix("lseek", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posixPosArgs(in, "lseek", args, kwnames, 3); err != nil {
			return interp.Value{}, err
		}
		fd, err := cInt(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		pos, err := int64Arg(in, args[1])
		if err != nil {
			return interp.Value{}, err
		}
		how, err := cInt(in, args[2])
		if err != nil {
			return interp.Value{}, err
		}
		off, err := syscall.Seek(fd, pos, how)
		if err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.Int(off), nil
	})
	defPosix("ftruncate", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posixPosArgs(in, "ftruncate", args, kwnames, 2); err != nil {
			return interp.Value{}, err
		}
		fd, err := cInt(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		length, err := int64Arg(in, args[1])
		if err != nil {
			return interp.Value{}, err
		}
		if err := retryEINTR(func() error { return syscall.Ftruncate(fd, length) }); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.None, nil
	})
	defPosix("isatty", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		fd, err := oneFD(in, "isatty", args, kwnames)
		if err != nil {
			return interp.Value{}, err
		}
		return interp.Bool(isatty(fd)), nil
	})
	defPosix("device_encoding", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var fdv interp.Value
		if err := in.Unpack(&fdEncParams, args, kwnames, &fdv); err != nil {
			return interp.Value{}, err
		}
		fd, err := cInt(in, fdv)
		if err != nil {
			return interp.Value{}, err
		}
		if !isatty(fd) {
			return interp.None, nil
		}
		// The interpreter runs in UTF-8 mode: a terminal speaks UTF-8.
		return in.NewStr("UTF-8")
	})
	defPosix("pipe", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if len(args) > 0 || len(kwnames) > 0 {
			return interp.Value{}, in.Raise(interp.TypeError, "posix.pipe() takes no arguments (%d given)", len(args))
		}
		var fds [2]int
		if err := syscall.Pipe2(fds[:], syscall.O_CLOEXEC); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return in.NewTuple(interp.Int(int64(fds[0])), interp.Int(int64(fds[1])))
	})
	defPosix("dup", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		fd, err := oneFD(in, "dup", args, kwnames)
		if err != nil {
			return interp.Value{}, err
		}
		fd, err = fcntl(fd, syscall.F_DUPFD_CLOEXEC, 0)
		if err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.Int(int64(fd)), nil
	})
	defPosix("dup2", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var fdv, fd2v, inh interp.Value
		if err := in.Unpack(&dup2Params, args, kwnames, &fdv, &fd2v, &inh); err != nil {
			return interp.Value{}, err
		}
		fd, err := cInt(in, fdv)
		if err != nil {
			return interp.Value{}, err
		}
		fd2, err := cInt(in, fd2v)
		if err != nil {
			return interp.Value{}, err
		}
		inheritable, err := boolArg(in, inh, true)
		if err != nil {
			return interp.Value{}, err
		}
		flags := 0
		if !inheritable {
			flags = syscall.O_CLOEXEC
		}
		if fd == fd2 {
			// dup3 refuses equal descriptors; dup2 checks fd and keeps it.
			_, err = fcntl(fd, syscall.F_GETFD, 0)
		} else {
			err = syscall.Dup3(fd, fd2, flags)
		}
		if err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.Int(int64(fd2)), nil
	})
	flagGetter := func(name string, cmd, bit int, set bool) {
		defPosix(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			fd, err := oneFD(in, name, args, kwnames)
			if err != nil {
				return interp.Value{}, err
			}
			flags, err := fcntl(fd, cmd, 0)
			if err != nil {
				return interp.Value{}, fdError(in, err)
			}
			return interp.Bool((flags&bit != 0) == set), nil
		})
	}
	flagSetter := func(name string, getCmd, setCmd, bit int, set bool) {
		defPosix(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			if err := posixPosArgs(in, name, args, kwnames, 2); err != nil {
				return interp.Value{}, err
			}
			fd, err := cInt(in, args[0])
			if err != nil {
				return interp.Value{}, err
			}
			on, err := in.Truth(args[1])
			if err != nil {
				return interp.Value{}, err
			}
			flags, err := fcntl(fd, getCmd, 0)
			if err == nil {
				if on == set {
					flags |= bit
				} else {
					flags &^= bit
				}
				_, err = fcntl(fd, setCmd, flags)
			}
			if err != nil {
				return interp.Value{}, fdError(in, err)
			}
			return interp.None, nil
		})
	}
	// get_blocking is true when O_NONBLOCK is clear; get_inheritable
	// when FD_CLOEXEC is.
	flagGetter("get_blocking", syscall.F_GETFL, syscall.O_NONBLOCK, false)
	flagSetter("set_blocking", syscall.F_GETFL, syscall.F_SETFL, syscall.O_NONBLOCK, false)
	flagGetter("get_inheritable", syscall.F_GETFD, syscall.FD_CLOEXEC, false)
	flagSetter("set_inheritable", syscall.F_GETFD, syscall.F_SETFD, syscall.FD_CLOEXEC, false)
}
