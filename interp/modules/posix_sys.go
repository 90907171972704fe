//go:build linux

package modules

import (
	"encoding/binary"
	"math"
	"strconv"
	"syscall"
	"unsafe"

	"github.com/parallel-py/parallel/interp"
)

// Linux system calls the syscall package lacks or wraps too narrowly,
// the reading of directories, and utime, which converts Python times to
// timespecs.

const (
	linuxAtSymlinkNofollow = 0x100
	linuxAtRemovedir       = 0x200
	linuxAtEaccess         = 0x200
	linuxAtSymlinkFollow   = 0x400
	linuxTCGETS            = 0x5401
	linuxOPath             = 0x200000
)

// fstatat is fstatat(2): path's status relative to dirfd, not following
// a final symlink with AT_SYMLINK_NOFOLLOW.
func fstatat(dirfd int, path string, st *syscall.Stat_t, flags int) error {
	p := cString(path)
	_, _, e := syscall.Syscall6(sysFstatat, uintptr(dirfd), uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(st)), uintptr(flags), 0, 0)
	if e != 0 {
		return e
	}
	return nil
}

// cString returns s NUL-terminated for a system call.
func cString(s string) *byte {
	b := make([]byte, len(s)+1)
	copy(b, s)
	return &b[0]
}

// linkat is linkat(2): AT_SYMLINK_FOLLOW in flags links what a symlink
// names.
func linkat(olddirfd int, oldpath string, newdirfd int, newpath string, flags int) error {
	o, n := cString(oldpath), cString(newpath)
	_, _, e := syscall.Syscall6(syscall.SYS_LINKAT, uintptr(olddirfd), uintptr(unsafe.Pointer(o)), uintptr(newdirfd), uintptr(unsafe.Pointer(n)), uintptr(flags), 0)
	if e != 0 {
		return e
	}
	return nil
}

// unlinkat is unlinkat(2): a file, or a directory with AT_REMOVEDIR.
func unlinkat(dirfd int, path string, flags int) error {
	p := cString(path)
	_, _, e := syscall.Syscall(syscall.SYS_UNLINKAT, uintptr(dirfd), uintptr(unsafe.Pointer(p)), uintptr(flags))
	if e != 0 {
		return e
	}
	return nil
}

// readlinkat is readlinkat(2): the length of the target read into buf.
func readlinkat(dirfd int, path string, buf []byte) (int, error) {
	p := cString(path)
	r, _, e := syscall.Syscall6(syscall.SYS_READLINKAT, uintptr(dirfd), uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), 0, 0)
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}

// symlinkat is symlinkat(2): newpath (relative to dirfd) made a link to
// target.
func symlinkat(target string, dirfd int, newpath string) error {
	t, n := cString(target), cString(newpath)
	_, _, e := syscall.Syscall(syscall.SYS_SYMLINKAT, uintptr(unsafe.Pointer(t)), uintptr(dirfd), uintptr(unsafe.Pointer(n)))
	if e != 0 {
		return e
	}
	return nil
}

// fchmodat is fchmodat(3) as glibc 2.36 does it: the kernel's call
// takes no flags, so AT_SYMLINK_NOFOLLOW opens the file itself with
// O_PATH and changes it through /proc; a symlink's own mode cannot be
// changed (EOPNOTSUPP).
func fchmodat(dirfd int, path string, mode uint32, follow bool) error {
	if follow {
		return syscall.Fchmodat(dirfd, path, mode, 0)
	}
	fd, err := syscall.Openat(dirfd, path, linuxOPath|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return err
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFLNK {
		return syscall.EOPNOTSUPP
	}
	err = syscall.Chmod("/proc/self/fd/"+strconv.Itoa(fd), mode)
	if err == syscall.ENOENT {
		// No /proc: glibc reports the flag as unsupported.
		return syscall.EOPNOTSUPP
	}
	return err
}

// utimensat sets the times of path (relative to dirfd), or of the
// descriptor dirfd itself when path is nil; ts nil means now.
func utimensat(dirfd int, path *byte, ts *[2]syscall.Timespec, flags int) error {
	_, _, e := syscall.Syscall6(syscall.SYS_UTIMENSAT, uintptr(dirfd), uintptr(unsafe.Pointer(path)), uintptr(unsafe.Pointer(ts)), uintptr(flags), 0, 0)
	if e != 0 {
		return e
	}
	return nil
}

// ioctlPtr is ioctl(fd, req, p).
func ioctlPtr(fd int, req uintptr, p unsafe.Pointer) error {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), req, uintptr(p))
	if e != 0 {
		return e
	}
	return nil
}

// fcntl is fcntl(fd, cmd, arg).
func fcntl(fd, cmd, arg int) (int, error) {
	r, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), uintptr(cmd), uintptr(arg))
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}

// isatty reports whether fd is a terminal (tcgetattr succeeds).
func isatty(fd int) bool {
	var t syscall.Termios
	return ioctlPtr(fd, linuxTCGETS, unsafe.Pointer(&t)) == nil
}

// dirent is one entry of a directory: its name, inode and d_type.
type dirent struct {
	name  string
	ino   uint64
	dtype uint8
}

// scanDir reads the entries of the directory p names, or of the
// descriptor p holds, but . and .., and raises CPython's error when it
// cannot. A descriptor is read as glibc's fdopendir reads it: through a
// duplicate, from its current offset, rewound afterwards so that it can
// be read again.
func scanDir(in *interp.Interp, p *pathArg) ([]dirent, error) {
	var fd int
	var err error
	if p.isFD {
		fd, err = fcntl(p.fd, syscall.F_DUPFD_CLOEXEC, 0)
		if err != nil {
			// CPython's _Py_dup names no file.
			return nil, fdError(in, err)
		}
		var st syscall.Stat_t
		err = syscall.Fstat(fd, &st)
		if err == nil && st.Mode&syscall.S_IFMT != syscall.S_IFDIR {
			err = syscall.ENOTDIR
		}
		if err == nil {
			var fl int
			if fl, err = fcntl(fd, syscall.F_GETFL, 0); err == nil && fl&syscall.O_ACCMODE == syscall.O_WRONLY {
				err = syscall.EINVAL
			}
		}
		if err != nil {
			syscall.Close(fd)
		}
	} else {
		err = retryEINTR(func() error {
			var e error
			fd, e = syscall.Open(p.name, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
			return e
		})
	}
	if err != nil {
		return nil, pathError(in, err, p)
	}
	ents, err := readDirents(fd)
	if p.isFD {
		// The duplicate shares the offset: rewind it for the next reader.
		syscall.Seek(fd, 0, 0)
	}
	syscall.Close(fd)
	if err != nil {
		return nil, pathError(in, err, p)
	}
	return ents, nil
}

// readDir reads the entries of the directory p names, but . and ..
// (for the module's own use: no Python error).
func readDir(p *pathArg) ([]dirent, error) {
	fd, err := syscall.Open(p.name, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	return readDirents(fd)
}

// readDirents reads the entries of the open directory fd to its end.
func readDirents(fd int) ([]dirent, error) {
	var ents []dirent
	buf := make([]byte, 16<<10)
	for {
		var n int
		err := retryEINTR(func() error {
			var e error
			n, e = syscall.ReadDirent(fd, buf)
			return e
		})
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return ents, nil
		}
		// struct linux_dirent64: u64 ino, s64 off, u16 reclen, u8 type,
		// then the NUL-terminated name.
		for b := buf[:n]; len(b) >= 19; {
			reclen := int(binary.NativeEndian.Uint16(b[16:18]))
			if reclen < 19 || reclen > len(b) {
				break
			}
			rec := b[:reclen]
			b = b[reclen:]
			name := rec[19:]
			for i, c := range name {
				if c == 0 {
					name = name[:i]
					break
				}
			}
			if s := string(name); s != "." && s != ".." {
				ents = append(ents, dirent{name: s, ino: binary.NativeEndian.Uint64(rec[0:8]), dtype: rec[18]})
			}
		}
	}
}

var utimeParams = interp.Params{Func: "utime", Names: []string{"path", "times", "ns", "dir_fd", "follow_symlinks"}, KwOnly: 3, Required: 1}

// posixUtime is utime(path, times=None, *, ns=None, dir_fd=None,
// follow_symlinks=True).
func posixUtime(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	var path, times, ns, dirFD, follow interp.Value
	p, err := unpackPath(in, &utimeParams, fdOrPath, args, kwnames, &path, &times, &ns, &dirFD, &follow)
	if err != nil {
		return interp.Value{}, err
	}
	defer p.release(in)
	// Argument clinic converts dir_fd and follow_symlinks with the
	// other arguments, before utime looks at times and ns.
	dirfd, err := dirFDArg(in, dirFD)
	if err != nil {
		return interp.Value{}, err
	}
	f, err := boolArg(in, follow, true)
	if err != nil {
		return interp.Value{}, err
	}
	hasTimes := !times.IsNil() && !times.IsNone()
	hasNs := !ns.IsNil()
	if hasTimes && hasNs {
		return interp.Value{}, in.Raise(interp.ValueError, "utime: you may specify either 'times' or 'ns' but not both")
	}
	var ts *[2]syscall.Timespec
	switch {
	case hasTimes:
		items, ok := interp.TupleItems(times)
		if !ok || times.Type() != interp.TupleType || len(items) != 2 {
			return interp.Value{}, in.Raise(interp.TypeError, "utime: 'times' must be either a tuple of two ints or None")
		}
		ts = new([2]syscall.Timespec)
		for i, x := range items {
			if ts[i], err = timespecOf(in, x); err != nil {
				return interp.Value{}, err
			}
		}
	case hasNs:
		items, ok := interp.TupleItems(ns)
		if !ok || ns.Type() != interp.TupleType || len(items) != 2 {
			return interp.Value{}, in.Raise(interp.TypeError, "utime: 'ns' must be a tuple of two ints")
		}
		ts = new([2]syscall.Timespec)
		for i, x := range items {
			if ts[i], err = timespecOfNs(in, x); err != nil {
				return interp.Value{}, err
			}
		}
	}
	if err := dirFDWithFD(in, "utime", &p, dirfd); err != nil {
		return interp.Value{}, err
	}
	if err := dirFDAndFD(in, "utime", &p, dirfd); err != nil {
		return interp.Value{}, err
	}
	if err := fdAndFollow(in, "utime", &p, f); err != nil {
		return interp.Value{}, err
	}
	if p.isFD && p.fd != -1 && f {
		err = utimensat(p.fd, nil, ts, 0)
	} else {
		// A descriptor here (-1, or 0 with follow_symlinks=False) goes
		// to utimensat as CPython passes it, with a NULL name.
		if p.isFD {
			// glibc's utimensat refuses a NULL name.
			err = syscall.EINVAL
		} else {
			err = utimensat(dirfd, cString(p.name), ts, atFlags(f))
		}
	}
	if err != nil {
		// CPython's utime names no file in its error.
		return interp.Value{}, fdError(in, err)
	}
	return interp.None, nil
}

// timespecOf converts a time in seconds (int or float) to a timespec,
// rounding toward minus infinity as CPython does for utime.
func timespecOf(in *interp.Interp, v interp.Value) (syscall.Timespec, error) {
	if v.IsFloat() {
		f := v.FloatValue()
		if math.IsNaN(f) {
			return syscall.Timespec{}, in.Raise(interp.ValueError, "Invalid value NaN (not a number)")
		}
		sec := math.Floor(f)
		if sec < -(1<<63) || sec >= 1<<63 {
			return syscall.Timespec{}, in.Raise(interp.OverflowError, "timestamp out of range for platform time_t")
		}
		nsec := math.Floor((f - sec) * 1e9)
		if nsec >= 1e9 {
			sec++
			nsec -= 1e9
		}
		return syscall.Timespec{Sec: int64(sec), Nsec: int64(nsec)}, nil
	}
	if !interp.IsInt(v) {
		if _, found, err := lookupIndex(in, v); err != nil || !found {
			if err == nil {
				err = in.Raise(interp.TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
			}
			return syscall.Timespec{}, err
		}
	}
	n, err := int64Arg(in, v)
	if err != nil {
		in.DiscardError(err)
		return syscall.Timespec{}, in.Raise(interp.OverflowError, "timestamp out of range for platform time_t")
	}
	return syscall.Timespec{Sec: n}, nil
}

// timespecOfNs converts a time in nanoseconds to a timespec.
func timespecOfNs(in *interp.Interp, v interp.Value) (syscall.Timespec, error) {
	if !interp.IsInt(v) {
		return syscall.Timespec{}, in.Raise(interp.TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	n, ok := interp.IntValue(v)
	if !ok {
		return syscall.Timespec{}, in.Raise(interp.OverflowError, "timestamp too large to convert to C _PyTime_t")
	}
	sec, nsec := n/1e9, n%1e9
	if nsec < 0 {
		sec, nsec = sec-1, nsec+1e9
	}
	return syscall.Timespec{Sec: sec, Nsec: nsec}, nil
}
