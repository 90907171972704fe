//go:build linux

package modules

import (
	"math/big"
	"syscall"
	"unicode/utf8"
	"unsafe"

	"github.com/parallel-py/parallel/interp"
)

// The fcntl module of CPython 3.12 on Linux: fcntl, ioctl, flock and
// lockf on descriptors (or objects with a fileno() method), and the
// F_*, FD_*, LOCK_*, DN_* constants with Linux's values. A buffer
// argument goes to the system through a private copy at least 1024
// bytes long, so the kernel never writes past Go memory it owns.

var fcntlTable moduleTable

// fcntlConstants are the fcntl module's integer constants, by name.
var fcntlConstants = []struct {
	name  string
	value int64
}{
	{"DN_ACCESS", 1}, {"DN_ATTRIB", 32}, {"DN_CREATE", 4}, {"DN_DELETE", 8},
	{"DN_MODIFY", 2}, {"DN_MULTISHOT", 2147483648}, {"DN_RENAME", 16},
	{"FASYNC", 8192}, {"FD_CLOEXEC", 1}, {"FICLONE", 1074041865},
	{"FICLONERANGE", 1075876877}, {"F_ADD_SEALS", 1033}, {"F_DUPFD", 0},
	{"F_DUPFD_CLOEXEC", 1030}, {"F_EXLCK", 4}, {"F_GETFD", 1}, {"F_GETFL", 3},
	{"F_GETLEASE", 1025}, {"F_GETLK", 5}, {"F_GETLK64", 5}, {"F_GETOWN", 9},
	{"F_GETPIPE_SZ", 1032}, {"F_GETSIG", 11}, {"F_GET_SEALS", 1034},
	{"F_NOTIFY", 1026}, {"F_OFD_GETLK", 36}, {"F_OFD_SETLK", 37},
	{"F_OFD_SETLKW", 38}, {"F_RDLCK", 0}, {"F_SEAL_GROW", 4}, {"F_SEAL_SEAL", 1},
	{"F_SEAL_SHRINK", 2}, {"F_SEAL_WRITE", 8}, {"F_SETFD", 2}, {"F_SETFL", 4},
	{"F_SETLEASE", 1024}, {"F_SETLK", 6}, {"F_SETLK64", 6}, {"F_SETLKW", 7},
	{"F_SETLKW64", 7}, {"F_SETOWN", 8}, {"F_SETPIPE_SZ", 1031}, {"F_SETSIG", 10},
	{"F_SHLCK", 8}, {"F_UNLCK", 2}, {"F_WRLCK", 1}, {"LOCK_EX", 2},
	{"LOCK_MAND", 32}, {"LOCK_NB", 4}, {"LOCK_READ", 64}, {"LOCK_RW", 192},
	{"LOCK_SH", 1}, {"LOCK_UN", 8}, {"LOCK_WRITE", 128},
}

const (
	fcntlDoc = "This module performs file control and I/O control on file\n" +
		"descriptors.  It is an interface to the fcntl() and ioctl() Unix\n" +
		"routines.  File descriptors can be obtained with the fileno() method of\n" +
		"a file or socket object."
	// fcntlBufSize is the longest buffer argument CPython copies.
	fcntlBufSize = 1024
)

func init() {
	fcntlTable.fn("fcntl", fcntlFcntl)
	fcntlTable.fn("ioctl", fcntlIoctl)
	fcntlTable.fn("flock", fcntlFlock)
	fcntlTable.fn("lockf", fcntlLockf)
	interp.RegisterModule("fcntl", func(in *interp.Interp, m *interp.Module) error {
		if err := setModuleDoc(in, m, fcntlDoc); err != nil {
			return err
		}
		if err := fcntlTable.fill(in, m); err != nil {
			return err
		}
		for _, c := range fcntlConstants {
			if err := m.Set(in, c.name, interp.Int(c.value)); err != nil {
				return err
			}
		}
		return nil
	})
}

// strictUTF8 encodes a str as UTF-8, failing on a lone surrogate (the
// "s#" and "s*" formats).
func strictUTF8(v interp.Value) ([]byte, bool) {
	var b []byte
	for _, r := range interp.StrRunes(v) {
		if r >= 0xd800 && r <= 0xdfff {
			return nil, false
		}
		b = utf8.AppendRune(b, r)
	}
	return b, true
}

// sysBuffer copies b into a buffer of at least fcntlBufSize bytes for
// the kernel to read and write.
func sysBuffer(b []byte) []byte {
	buf := make([]byte, max(len(b), fcntlBufSize)+1)
	copy(buf, b)
	return buf
}

// rawFcntl is fcntl(2) retried on EINTR.
func rawFcntl(fd, cmd int, arg uintptr) (int, error) {
	var r uintptr
	err := retryEINTR(func() error {
		var e syscall.Errno
		r, _, e = syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), uintptr(cmd), arg)
		if e != 0 {
			return e
		}
		return nil
	})
	return int(int32(r)), err
}

// rawIoctl is ioctl(2) retried on EINTR.
func rawIoctl(fd int, req, arg uintptr) (int, error) {
	var r uintptr
	err := retryEINTR(func() error {
		var e syscall.Errno
		r, _, e = syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), req, arg)
		if e != 0 {
			return e
		}
		return nil
	})
	return int(int32(r)), err
}

// fcntlFcntl is fcntl(fd, cmd, arg=0, /): an int arg is passed as it
// is and the result is fcntl's; a str or bytes arg (1024 bytes at
// most) is passed as a buffer and the result is the buffer afterwards.
func fcntlFcntl(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.NoKeywords("fcntl.fcntl", kwnames); err != nil {
		return interp.Value{}, err
	}
	if err := in.CheckArgCount("fcntl", args, nil, 2, 3); err != nil {
		return interp.Value{}, err
	}
	fd, err := fildesArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	cmd, err := cInt(in, args[1])
	if err != nil {
		return interp.Value{}, err
	}
	var arg uint32
	if len(args) == 3 {
		// The "s#" format takes str and bytes only (no buffer that
		// needs releasing), then "I" any int, masked.
		var data []byte
		ok := false
		switch a := args[2]; {
		case interp.IsBytes(a):
			data, _ = interp.BufferBytes(a)
			ok = true
		case interp.IsStr(a):
			data, ok = strictUTF8(a)
		}
		if ok {
			if len(data) > fcntlBufSize {
				return interp.Value{}, in.Raise(interp.ValueError, "fcntl string arg too long")
			}
			buf := sysBuffer(data)
			if _, err := rawFcntl(fd, cmd, uintptr(unsafe.Pointer(&buf[0]))); err != nil {
				return interp.Value{}, fdError(in, err)
			}
			return in.NewBytes(buf[:len(data)])
		}
		if arg, err = uint32MaskArg(in, args[2]); err != nil {
			return interp.Value{}, err
		}
	}
	r, err := rawFcntl(fd, cmd, uintptr(arg))
	if err != nil {
		return interp.Value{}, fdError(in, err)
	}
	return interp.Int(int64(r)), nil
}

// ulongMaskArg is the "unsigned long, bitwise" converter: any int,
// reduced modulo 2**64.
func ulongMaskArg(in *interp.Interp, v interp.Value) (uint64, error) {
	iv, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(iv)
	if n, ok := interp.IntValue(iv); ok {
		return uint64(n), nil
	}
	b := interp.BigIntOf(iv)
	mask := new(big.Int).SetUint64(^uint64(0))
	return b.And(b, mask).Uint64(), nil
}

// fcntlIoctl is ioctl(fd, request, arg=0, mutate_flag=True, /).
func fcntlIoctl(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.NoKeywords("fcntl.ioctl", kwnames); err != nil {
		return interp.Value{}, err
	}
	if err := in.CheckArgCount("ioctl", args, nil, 2, 4); err != nil {
		return interp.Value{}, err
	}
	fd, err := fildesArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	req, err := ulongMaskArg(in, args[1])
	if err != nil {
		return interp.Value{}, err
	}
	mutate := true
	if len(args) == 4 {
		if mutate, err = in.Truth(args[3]); err != nil {
			return interp.Value{}, err
		}
	}
	if len(args) < 3 {
		return ioctlInt(in, fd, req, 0)
	}
	a := args[2]
	// A writable buffer is changed in place when mutate_flag is true
	// and the call returns ioctl's result; any other buffer (or a str)
	// is copied and the call returns the copy afterwards.
	w, werr := in.BufferWritable(a)
	if werr == nil {
		if mutate {
			buf := sysBuffer(w)
			r, err := rawIoctl(fd, uintptr(req), uintptr(unsafe.Pointer(&buf[0])))
			if err != nil {
				return interp.Value{}, fdError(in, err)
			}
			copy(w, buf)
			return interp.Int(int64(r)), nil
		}
		return ioctlCopy(in, fd, req, append([]byte(nil), w...))
	}
	in.DiscardError(werr)
	if interp.IsStr(a) {
		if data, ok := strictUTF8(a); ok {
			return ioctlCopy(in, fd, req, data)
		}
	} else if data, berr := in.BufferSimple(a); berr == nil {
		return ioctlCopy(in, fd, req, append([]byte(nil), data...))
	} else {
		in.DiscardError(berr)
	}
	n, err := intArg(in, a)
	if err != nil {
		return interp.Value{}, err
	}
	return ioctlInt(in, fd, req, n)
}

// ioctlInt is ioctl with an int argument.
func ioctlInt(in *interp.Interp, fd int, req uint64, arg int) (interp.Value, error) {
	r, err := rawIoctl(fd, uintptr(req), uintptr(uint32(int32(arg))))
	if err != nil {
		return interp.Value{}, fdError(in, err)
	}
	return interp.Int(int64(r)), nil
}

// ioctlCopy is ioctl on a copy of data, returned afterwards.
func ioctlCopy(in *interp.Interp, fd int, req uint64, data []byte) (interp.Value, error) {
	if len(data) > fcntlBufSize {
		return interp.Value{}, in.Raise(interp.ValueError, "ioctl string arg too long")
	}
	buf := sysBuffer(data)
	if _, err := rawIoctl(fd, uintptr(req), uintptr(unsafe.Pointer(&buf[0]))); err != nil {
		return interp.Value{}, fdError(in, err)
	}
	return in.NewBytes(buf[:len(data)])
}

// fcntlFlock is flock(fd, operation, /).
func fcntlFlock(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.NoKeywords("fcntl.flock", kwnames); err != nil {
		return interp.Value{}, err
	}
	if err := in.CheckArgCount("flock", args, nil, 2, 2); err != nil {
		return interp.Value{}, err
	}
	fd, err := fildesArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	op, err := cInt(in, args[1])
	if err != nil {
		return interp.Value{}, err
	}
	if err := retryEINTR(func() error { return syscall.Flock(fd, op) }); err != nil {
		return interp.Value{}, fdError(in, err)
	}
	return interp.None, nil
}

// The flock operations lockf maps to record locks.
const (
	lockSH = 1
	lockEX = 2
	lockNB = 4
	lockUN = 8
)

// fcntlLockf is lockf(fd, cmd, len=0, start=0, whence=0, /): a
// record lock through fcntl(F_SETLK or F_SETLKW).
func fcntlLockf(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.NoKeywords("fcntl.lockf", kwnames); err != nil {
		return interp.Value{}, err
	}
	if err := in.CheckArgCount("lockf", args, nil, 2, 5); err != nil {
		return interp.Value{}, err
	}
	fd, err := fildesArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	code, err := cInt(in, args[1])
	if err != nil {
		return interp.Value{}, err
	}
	whence := 0
	if len(args) == 5 {
		if whence, err = cInt(in, args[4]); err != nil {
			return interp.Value{}, err
		}
	}
	var lk syscall.Flock_t
	switch {
	case code == lockUN:
		lk.Type = syscall.F_UNLCK
	case code&lockSH != 0:
		lk.Type = syscall.F_RDLCK
	case code&lockEX != 0:
		lk.Type = syscall.F_WRLCK
	default:
		return interp.Value{}, in.Raise(interp.ValueError, "unrecognized lockf argument")
	}
	if len(args) >= 4 {
		if lk.Start, err = int64Arg(in, args[3]); err != nil {
			return interp.Value{}, err
		}
	}
	if len(args) >= 3 {
		if lk.Len, err = int64Arg(in, args[2]); err != nil {
			return interp.Value{}, err
		}
	}
	lk.Whence = int16(whence)
	cmd := syscall.F_SETLKW
	if code&lockNB != 0 {
		cmd = syscall.F_SETLK
	}
	if err := retryEINTR(func() error { return syscall.FcntlFlock(uintptr(fd), cmd, &lk) }); err != nil {
		return interp.Value{}, fdError(in, err)
	}
	return interp.None, nil
}
