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

// fdArgs parses the positional-only arguments of a descriptor function
// (CPython's "i" formats: the descriptor, then ints).
func fdArgs(in *interp.Interp, fname string, args, kwnames []interp.Value, n int) ([]int, error) {
	if err := in.NoKeywords(fname, kwnames); err != nil {
		return nil, err
	}
	if len(args) != n {
		plural := "s"
		if n == 1 {
			plural = ""
		}
		return nil, in.Raise(interp.TypeError, "%s expected %d argument%s, got %d", fname, n, plural, len(args))
	}
	out := make([]int, n)
	for i, a := range args {
		var err error
		if i == 0 {
			out[i], err = convFD(in, a)
		} else {
			out[i], err = intArg(in, a)
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// fdFunc adds a function of one descriptor that returns None.
func fdFunc(name string, call func(fd int) error) {
	defPosix(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		fds, err := fdArgs(in, name, args, kwnames, 1)
		if err != nil {
			return interp.Value{}, err
		}
		if err := call(fds[0]); err != nil {
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
		flags, err := intArg(in, flagsv)
		if err != nil {
			return interp.Value{}, err
		}
		mode := 0o777
		if !modev.IsNil() {
			if mode, err = intArg(in, modev); err != nil {
				return interp.Value{}, err
			}
		}
		if err := noDirFD(in, "open", dirFD); err != nil {
			return interp.Value{}, err
		}
		var fd int
		err = retryEINTR(func() error {
			var e error
			fd, e = syscall.Open(p.name, flags|syscall.O_CLOEXEC, uint32(mode))
			return e
		})
		if err != nil {
			return interp.Value{}, pathError(in, err, &p)
		}
		return interp.Int(int64(fd)), nil
	})
	fdFunc("close", func(fd int) error {
		// close is not retried: the descriptor is gone even on EINTR.
		if err := syscall.Close(fd); err != nil && err != syscall.EINTR {
			return err
		}
		return nil
	})
	fdFunc("fsync", func(fd int) error { return retryEINTR(func() error { return syscall.Fsync(fd) }) })
	fdFunc("fdatasync", func(fd int) error { return retryEINTR(func() error { return syscall.Fdatasync(fd) }) })
	fdFunc("fchdir", syscall.Fchdir)
	defPosix("closerange", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		fds, err := fdArgs(in, "closerange", args, kwnames, 2)
		if err != nil {
			return interp.Value{}, err
		}
		for fd := max(fds[0], 0); fd < fds[1]; fd++ {
			syscall.Close(fd)
		}
		return interp.None, nil
	})
	defPosix("read", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.NoKeywords("read", kwnames); err != nil {
			return interp.Value{}, err
		}
		if len(args) != 2 {
			return interp.Value{}, in.Raise(interp.TypeError, "read expected 2 arguments, got %d", len(args))
		}
		fd, err := convFD(in, args[0])
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
		err = retryEINTR(func() error {
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
		if err := in.NoKeywords("write", kwnames); err != nil {
			return interp.Value{}, err
		}
		if len(args) != 2 {
			return interp.Value{}, in.Raise(interp.TypeError, "write expected 2 arguments, got %d", len(args))
		}
		fd, err := convFD(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		data, ok := interp.BufferBytes(args[1])
		if !ok {
			return interp.Value{}, in.Raise(interp.TypeError, "a bytes-like object is required, not '%s'", args[1].Type().Name)
		}
		var n int
		err = retryEINTR(func() error {
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
		if err := in.NoKeywords("lseek", kwnames); err != nil {
			return interp.Value{}, err
		}
		if len(args) != 3 {
			return interp.Value{}, in.Raise(interp.TypeError, "lseek expected 3 arguments, got %d", len(args))
		}
		fd, err := convFD(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		pos, err := int64Arg(in, args[1])
		if err != nil {
			return interp.Value{}, err
		}
		how, err := intArg(in, args[2])
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
		if err := in.NoKeywords("ftruncate", kwnames); err != nil {
			return interp.Value{}, err
		}
		if len(args) != 2 {
			return interp.Value{}, in.Raise(interp.TypeError, "ftruncate expected 2 arguments, got %d", len(args))
		}
		fd, err := convFD(in, args[0])
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
		fds, err := fdArgs(in, "isatty", args, kwnames, 1)
		if err != nil {
			return interp.Value{}, err
		}
		return interp.Bool(isatty(fds[0])), nil
	})
	defPosix("device_encoding", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var fdv interp.Value
		if err := in.Unpack(&fdEncParams, args, kwnames, &fdv); err != nil {
			return interp.Value{}, err
		}
		fd, err := intArg(in, fdv)
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
		fds, err := fdArgs(in, "dup", args, kwnames, 1)
		if err != nil {
			return interp.Value{}, err
		}
		fd, err := fcntl(fds[0], syscall.F_DUPFD_CLOEXEC, 0)
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
		fd, err := convFD(in, fdv)
		if err != nil {
			return interp.Value{}, err
		}
		fd2, err := convFD(in, fd2v)
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
			fds, err := fdArgs(in, name, args, kwnames, 1)
			if err != nil {
				return interp.Value{}, err
			}
			flags, err := fcntl(fds[0], cmd, 0)
			if err != nil {
				return interp.Value{}, fdError(in, err)
			}
			return interp.Bool((flags&bit != 0) == set), nil
		})
	}
	flagSetter := func(name string, getCmd, setCmd, bit int, set bool) {
		defPosix(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			if err := in.NoKeywords(name, kwnames); err != nil {
				return interp.Value{}, err
			}
			if len(args) != 2 {
				return interp.Value{}, in.Raise(interp.TypeError, "%s expected 2 arguments, got %d", name, len(args))
			}
			fd, err := convFD(in, args[0])
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
