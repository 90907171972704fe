//go:build linux

package modules

import (
	"strings"
	"syscall"

	"github.com/parallel-py/parallel/interp"
)

// The posix module of CPython 3.12 on Linux, the part os.py and the
// file modules built on it (os.path, shutil, tempfile, pathlib, glob)
// use: the file system calls with CPython's argument conversion and
// OSError subclasses, descriptors, the environment and process facts.
// Functions of CPython's posix that are missing here are missing from
// os too, so `hasattr(os, name)` tells programs the truth. The dir_fd,
// follow_symlinks and path-as-descriptor arguments work as on Linux
// (through the *at system calls), and _have_functions says so, so that
// os.supports_dir_fd and its kin let shutil.rmtree and os.fwalk take
// their descriptor-based paths.
//
// This file holds the module table, the conversion of path, descriptor
// and dir_fd arguments, and the errors.

var posixTable moduleTable

// defPosix adds a function to the posix module.
func defPosix(name string, fn interp.BuiltinFunc) { posixTable.fn(name, fn) }

// posixHave is posix._have_functions: the HAVE_* features os.py reads
// to fill supports_dir_fd, supports_fd, supports_follow_symlinks and
// supports_effective_ids. These are CPython 3.12's on Linux, in its
// order, less those for functions this module lacks (eventfd, fexecve,
// fpathconf, memfd_create).
var posixHave = []string{
	"HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN",
	"HAVE_FCHOWNAT", "HAVE_FDOPENDIR", "HAVE_FSTATAT", "HAVE_FSTATVFS",
	"HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_FUTIMES", "HAVE_FUTIMESAT", "HAVE_LINKAT",
	"HAVE_LCHOWN", "HAVE_LSTAT", "HAVE_LUTIMES", "HAVE_MKDIRAT", "HAVE_MKFIFOAT",
	"HAVE_MKNODAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT",
	"HAVE_UNLINKAT", "HAVE_UTIMENSAT",
}

// initPosix fills a new posix module.
func initPosix(in *interp.Interp, m *interp.Module) error {
	if err := posixTable.fill(in, m); err != nil {
		return err
	}
	for _, c := range posixConstants {
		if err := m.Set(in, c.name, interp.Int(c.value)); err != nil {
			return err
		}
	}
	have := make([]interp.Value, len(posixHave))
	for i, h := range posixHave {
		have[i] = interp.ImmortalStr(h)
	}
	list, err := in.NewList(have...)
	if err != nil {
		return err
	}
	defer in.DecRef(list)
	if err := m.Set(in, "_have_functions", list); err != nil {
		return err
	}
	if err := initSysconfNames(in, m); err != nil {
		return err
	}
	env, err := newEnviron(in)
	if err != nil {
		return err
	}
	defer in.DecRef(env)
	return m.Set(in, "environ", env)
}

func init() {
	posixTable.set("error", interp.TypeValue(interp.OSError))
	posixTable.typ("stat_result", statResultType)
	posixTable.typ("statvfs_result", statvfsResultType)
	posixTable.typ("terminal_size", terminalSizeType)
	posixTable.typ("times_result", timesResultType)
	posixTable.typ("uname_result", unameResultType)
	posixTable.typ("DirEntry", dirEntryType)
	interp.RegisterModule("posix", initPosix)
	interp.RegisterModule("errno", initErrno)
}

// pathArg is a converted path argument (CPython's path_t): a file name
// or, where the function allows, a descriptor.
type pathArg struct {
	// obj is what errors name as the filename: the str or bytes (after
	// __fspath__), or the descriptor's int; a reference the caller
	// releases with release.
	obj interp.Value
	// name is the file name's bytes; isBytes says the argument was
	// bytes, so results are bytes too.
	name    string
	isBytes bool
	// fd is the descriptor when isFD.
	fd   int
	isFD bool
	// none says the argument was None (allowed where nullable).
	none bool
}

func (p *pathArg) release(in *interp.Interp) { in.XDecRef(p.obj) }

// pathOpts says what a path argument may be besides a name.
type pathOpts struct {
	allowFD, nullable bool
}

// pathTypeError is path_converter's message for an argument of the
// wrong type.
func pathTypeError(in *interp.Interp, fname, argname string, o pathOpts, v interp.Value) error {
	var what string
	switch {
	case o.allowFD && o.nullable:
		what = "string, bytes, os.PathLike, integer or None"
	case o.allowFD:
		what = "string, bytes, os.PathLike or integer"
	case o.nullable:
		what = "string, bytes, os.PathLike or None"
	default:
		what = "string, bytes or os.PathLike"
	}
	return in.Raise(interp.TypeError, "%s: %s should be %s, not %s", fname, argname, what, v.Type().Name)
}

// convPath converts a path argument as CPython's path_converter does.
func convPath(in *interp.Interp, fname, argname string, v interp.Value, o pathOpts) (pathArg, error) {
	var p pathArg
	if v.IsNone() && o.nullable {
		p.none = true
		return p, nil
	}
	if o.allowFD && !interp.IsStr(v) && !interp.IsBytes(v) {
		if _, found, err := lookupIndex(in, v); err != nil {
			return p, err
		} else if found {
			fd, err := convFD(in, v)
			if err != nil {
				return p, err
			}
			p.fd, p.isFD, p.obj = fd, true, interp.Int(int64(fd))
			return p, nil
		}
	}
	path := v
	interp.IncRef(path)
	if !interp.IsStr(v) && !interp.IsBytes(v) {
		in.DecRef(path)
		r, found, err := in.CallSpecial(v, "__fspath__")
		if err != nil {
			return p, err
		}
		if !found {
			return p, pathTypeError(in, fname, argname, o, v)
		}
		if !interp.IsStr(r) && !interp.IsBytes(r) {
			in.DecRef(r)
			return p, in.Raise(interp.TypeError, "expected %s.__fspath__() to return str or bytes, not %s", v.Type().Name, r.Type().Name)
		}
		path = r
	}
	if interp.IsBytes(path) {
		b, _ := interp.BufferBytes(path)
		p.name, p.isBytes = string(b), true
	} else {
		b, err := in.FSEncode(path)
		if err != nil {
			in.DecRef(path)
			return p, err
		}
		p.name = string(b)
	}
	p.obj = path
	if strings.IndexByte(p.name, 0) >= 0 {
		p.release(in)
		p.obj = interp.Value{}
		if p.isBytes {
			return p, in.Raise(interp.ValueError, "%s: embedded null character in %s", fname, argname)
		}
		// A str goes through PyUnicode_FSConverter, whose message this is.
		return p, in.Raise(interp.ValueError, "embedded null byte")
	}
	return p, nil
}

// lookupIndex reports whether v has __index__ (is usable as an int).
func lookupIndex(in *interp.Interp, v interp.Value) (interp.Value, bool, error) {
	if interp.IsInt(v) {
		return v, true, nil
	}
	m, err := in.LookupSpecial(v.Type(), "__index__")
	return m, err == nil && !m.IsNil(), err
}

// convFD converts a descriptor argument to a C int, with CPython's
// messages for one out of range.
func convFD(in *interp.Interp, v interp.Value) (int, error) {
	if v.IsFloat() {
		return 0, in.Raise(interp.TypeError, "'float' object cannot be interpreted as an integer")
	}
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	n, ok := intValueOf(i)
	switch {
	case !ok && interp.BigIntOf(i).Sign() < 0, ok && n < -1<<31:
		return 0, in.Raise(interp.OverflowError, "fd is less than minimum")
	case !ok, n > 1<<31-1:
		return 0, in.Raise(interp.OverflowError, "fd is greater than maximum")
	}
	return int(n), nil
}

// intArg converts an int argument that must fit a C int (the "i"
// format).
func intArg(in *interp.Interp, v interp.Value) (int, error) {
	if v.IsFloat() {
		return 0, in.Raise(interp.TypeError, "'float' object cannot be interpreted as an integer")
	}
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	n, ok := intValueOf(i)
	switch {
	case !ok && interp.BigIntOf(i).Sign() < 0, ok && n < -1<<31:
		return 0, in.Raise(interp.OverflowError, "signed integer is less than minimum")
	case !ok, n > 1<<31-1:
		return 0, in.Raise(interp.OverflowError, "signed integer is greater than maximum")
	}
	return int(n), nil
}

// int64Arg converts an int argument that must fit a C long (offsets,
// lengths).
func int64Arg(in *interp.Interp, v interp.Value) (int64, error) {
	if v.IsFloat() {
		return 0, in.Raise(interp.TypeError, "'float' object cannot be interpreted as an integer")
	}
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	n, ok := intValueOf(i)
	if !ok {
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C long")
	}
	return n, nil
}

// cInt converts an int argument to a C int as argument clinic's
// _PyLong_AsInt does.
func cInt(in *interp.Interp, v interp.Value) (int, error) {
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	n, ok := intValueOf(i)
	if !ok || n < -1<<31 || n > 1<<31-1 {
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	return int(n), nil
}

// ssizeArg converts an int argument to a Py_ssize_t (the "n" format).
func ssizeArg(in *interp.Interp, v interp.Value) (int64, error) {
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	n, ok := intValueOf(i)
	if !ok {
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C ssize_t")
	}
	return n, nil
}

// intValueOf is the value of an int when it fits in an int64. Index
// returns an instance of an int subclass (an IntEnum such as
// signal.SIGKILL) as it is, which IntValue does not read.
func intValueOf(v interp.Value) (int64, bool) {
	if n, ok := interp.IntValue(v); ok {
		return n, true
	}
	if !interp.IsInt(v) {
		return 0, false
	}
	b := interp.BigIntOf(v)
	return b.Int64(), b.IsInt64()
}

// boolArg is a flag argument's truth (absent: def).
func boolArg(in *interp.Interp, v interp.Value, def bool) (bool, error) {
	if v.IsNil() {
		return def, nil
	}
	return in.Truth(v)
}

// atFDCWD is AT_FDCWD, which CPython's DEFAULT_DIR_FD is: a dir_fd of
// None, so that an explicit -100 behaves as None does.
const atFDCWD = -100

// dirFDArg converts a dir_fd argument as CPython's dir_fd_converter
// does: absent or None is AT_FDCWD, else an int that fits a C int.
func dirFDArg(in *interp.Interp, v interp.Value) (int, error) {
	if v.IsNil() || v.IsNone() {
		return atFDCWD, nil
	}
	if _, found, err := lookupIndex(in, v); err != nil {
		return 0, err
	} else if !found {
		return 0, in.Raise(interp.TypeError, "argument should be integer or None, not %s", v.Type().Name)
	}
	return convFD(in, v)
}

// dirFDWithFD is CPython's path_and_dir_fd_invalid: a dir_fd needs a
// path given as a name.
func dirFDWithFD(in *interp.Interp, fname string, p *pathArg, dirfd int) error {
	if p.isFD && dirfd != atFDCWD {
		return in.Raise(interp.ValueError, "%s: can't specify dir_fd without matching path", fname)
	}
	return nil
}

// dirFDAndFD is CPython's dir_fd_and_fd_invalid (a descriptor of -1
// stands for no descriptor there).
func dirFDAndFD(in *interp.Interp, fname string, p *pathArg, dirfd int) error {
	if p.isFD && p.fd != -1 && dirfd != atFDCWD {
		return in.Raise(interp.ValueError, "%s: can't specify both dir_fd and fd", fname)
	}
	return nil
}

// fdAndFollow is CPython's fd_and_follow_symlinks_invalid, which lets
// descriptor 0 through.
func fdAndFollow(in *interp.Interp, fname string, p *pathArg, follow bool) error {
	if p.isFD && p.fd > 0 && !follow {
		return in.Raise(interp.ValueError, "%s: cannot use fd and follow_symlinks together", fname)
	}
	return nil
}

// nullFD reports whether p is the descriptor -1, which CPython takes
// for "no descriptor" and then passes a NULL name to the name-based
// call: the system answers EFAULT.
func (p *pathArg) nullFD() bool { return p.isFD && p.fd == -1 }

// atFlags is AT_SYMLINK_NOFOLLOW unless follow.
func atFlags(follow bool) int {
	if follow {
		return 0
	}
	return linuxAtSymlinkNofollow
}

// errnoOf extracts the errno of a failed system call.
func errnoOf(err error) syscall.Errno {
	if e, ok := err.(syscall.Errno); ok {
		return e
	}
	return syscall.EIO
}

// pathError raises the OSError for a failed call on p.
func pathError(in *interp.Interp, err error, p *pathArg) error {
	return in.OSErrorErrno(errnoOf(err), p.obj, interp.Value{})
}

// pathError2 raises the OSError for a failed call on two paths.
func pathError2(in *interp.Interp, err error, p, q *pathArg) error {
	return in.OSErrorErrno(errnoOf(err), p.obj, q.obj)
}

// fdError raises the OSError for a failed call on a descriptor (no
// filename).
func fdError(in *interp.Interp, err error) error {
	return in.OSErrorErrno(errnoOf(err), interp.Value{}, interp.Value{})
}

// retryEINTR runs a system call again while a signal interrupts it, as
// CPython does (PEP 475).
func retryEINTR(call func() error) error {
	for {
		err := call()
		if err != syscall.EINTR {
			return err
		}
	}
}

// retryEINTRUnlocked is retryEINTR for a call that may block (reading a
// pipe, waiting for a child): it runs with the GIL released, so that
// the interpreter's other threads run meanwhile.
func retryEINTRUnlocked(in *interp.Interp, call func() error) error {
	for {
		var err error
		in.AllowThreads(func() { err = call() })
		if err != syscall.EINTR {
			return err
		}
	}
}

// nameResult returns a file name as the kind of the argument: bytes
// for a bytes argument, else str.
func nameResult(in *interp.Interp, name string, asBytes bool) (interp.Value, error) {
	if asBytes {
		return in.NewBytes([]byte(name))
	}
	return in.FSDecode([]byte(name))
}

// unpackPath parses a function's arguments (p) and converts the first,
// the path, with o.
func unpackPath(in *interp.Interp, p *interp.Params, o pathOpts, args, kwnames []interp.Value, out ...*interp.Value) (pathArg, error) {
	if err := in.Unpack(p, args, kwnames, out...); err != nil {
		return pathArg{}, err
	}
	v := *out[0]
	if v.IsNil() {
		if o.nullable {
			return pathArg{none: true}, nil
		}
	}
	return convPath(in, p.Func, p.Names[0], v, o)
}
