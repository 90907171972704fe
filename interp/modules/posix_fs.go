//go:build linux

package modules

import (
	"math/big"
	"syscall"

	"github.com/parallel-py/parallel/interp"
)

// The file system calls of posix: stat and its kin, directories, links,
// names, permissions and times.

// statResultType is os.stat_result: ten items (the times as ints at 7
// to 9, which the repr names st_atime...), then the float and
// nanosecond times and the Linux extras as attributes. The names at 7
// to 9 are defined again at 10 to 12, so the attributes st_atime...
// read the floats, as in CPython, while the repr shows the ints.
var statResultType = newStructSeq("os.stat_result", []string{
	"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
	"st_atime", "st_mtime", "st_ctime",
	"st_atime", "st_mtime", "st_ctime",
	"st_atime_ns", "st_mtime_ns", "st_ctime_ns",
	"st_blksize", "st_blocks", "st_rdev",
}, 10, 3)

// newStructSeq makes a struct sequence type with CPython's
// n_sequence_fields, n_fields and n_unnamed_fields attributes.
func newStructSeq(name string, fields []string, visible, unnamed int) *interp.Type {
	t := interp.NewStructSeqType(name, fields, visible)
	t.AddAttr("n_sequence_fields", interp.Int(int64(visible)))
	t.AddAttr("n_fields", interp.Int(int64(len(fields))))
	t.AddAttr("n_unnamed_fields", interp.Int(int64(unnamed)))
	return t
}

// uintValue returns an unsigned number as an int.
func uintValue(in *interp.Interp, n uint64) (interp.Value, error) {
	if n < 1<<63 {
		return interp.Int(int64(n)), nil
	}
	return in.NewInt(new(big.Int).SetUint64(n))
}

// nsValue returns sec*1e9+nsec as an int.
func nsValue(in *interp.Interp, sec, nsec int64) (interp.Value, error) {
	if sec > -9e9 && sec < 9e9 {
		return interp.Int(sec*1e9 + nsec), nil
	}
	z := new(big.Int).Mul(big.NewInt(sec), big.NewInt(1e9))
	return in.NewInt(z.Add(z, big.NewInt(nsec)))
}

// newStatResult makes the os.stat_result of st.
func newStatResult(in *interp.Interp, st *syscall.Stat_t) (interp.Value, error) {
	items := make([]interp.Value, 0, 19)
	defer func() { releaseAll(in, items) }()
	add := func(v interp.Value, err error) error {
		if err == nil {
			items = append(items, v)
		}
		return err
	}
	times := [3]syscall.Timespec{st.Atim, st.Mtim, st.Ctim}
	if err := add(interp.Int(int64(st.Mode)), nil); err != nil {
		return interp.Value{}, err
	}
	if err := add(uintValue(in, uint64(st.Ino))); err != nil {
		return interp.Value{}, err
	}
	if err := add(uintValue(in, uint64(st.Dev))); err != nil {
		return interp.Value{}, err
	}
	for _, n := range []int64{int64(st.Nlink), int64(st.Uid), int64(st.Gid), int64(st.Size)} {
		items = append(items, interp.Int(n))
	}
	for _, ts := range times {
		items = append(items, interp.Int(int64(ts.Sec)))
	}
	for _, ts := range times {
		items = append(items, interp.Float(float64(ts.Sec)+float64(ts.Nsec)*1e-9))
	}
	for _, ts := range times {
		if err := add(nsValue(in, int64(ts.Sec), int64(ts.Nsec))); err != nil {
			return interp.Value{}, err
		}
	}
	items = append(items, interp.Int(int64(st.Blksize)), interp.Int(int64(st.Blocks)))
	if err := add(uintValue(in, uint64(st.Rdev))); err != nil {
		return interp.Value{}, err
	}
	return in.NewStructSeq(statResultType, items...)
}

// statPath stats p (a name or a descriptor), following symlinks unless
// told not to.
func statPath(in *interp.Interp, p *pathArg, follow bool) (interp.Value, error) {
	var st syscall.Stat_t
	var err error
	switch {
	case p.isFD:
		err = retryEINTR(func() error { return syscall.Fstat(p.fd, &st) })
	case follow:
		err = retryEINTR(func() error { return syscall.Stat(p.name, &st) })
	default:
		err = retryEINTR(func() error { return syscall.Lstat(p.name, &st) })
	}
	if err != nil {
		return interp.Value{}, pathError(in, err, p)
	}
	return newStatResult(in, &st)
}

var (
	statParams    = interp.Params{Func: "stat", Names: []string{"path", "dir_fd", "follow_symlinks"}, KwOnly: 2, Required: 1}
	lstatParams   = interp.Params{Func: "lstat", Names: []string{"path", "dir_fd"}, KwOnly: 1, Required: 1}
	fstatParams   = interp.Params{Func: "fstat", Names: []string{"fd"}, Required: 1}
	listdirParams = interp.Params{Func: "listdir", Names: []string{"path"}}
	chdirParams   = interp.Params{Func: "chdir", Names: []string{"path"}, Required: 1}
	mkdirParams   = interp.Params{Func: "mkdir", Names: []string{"path", "mode", "dir_fd"}, KwOnly: 1, Required: 1}
	rmdirParams   = interp.Params{Func: "rmdir", Names: []string{"path", "dir_fd"}, KwOnly: 1, Required: 1}
	unlinkParams  = interp.Params{Func: "unlink", Names: []string{"path", "dir_fd"}, KwOnly: 1, Required: 1}
	removeParams  = interp.Params{Func: "remove", Names: []string{"path", "dir_fd"}, KwOnly: 1, Required: 1}
	renameParams  = interp.Params{Func: "rename", Names: []string{"src", "dst", "src_dir_fd", "dst_dir_fd"}, KwOnly: 2, Required: 2}
	replaceParams = interp.Params{Func: "replace", Names: []string{"src", "dst", "src_dir_fd", "dst_dir_fd"}, KwOnly: 2, Required: 2}
	readlinkParam = interp.Params{Func: "readlink", Names: []string{"path", "dir_fd"}, KwOnly: 1, Required: 1}
	symlinkParams = interp.Params{Func: "symlink", Names: []string{"src", "dst", "target_is_directory", "dir_fd"}, KwOnly: 1, Required: 2}
	linkParams    = interp.Params{Func: "link", Names: []string{"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"}, KwOnly: 3, Required: 2}
	accessParams  = interp.Params{Func: "access", Names: []string{"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, KwOnly: 3, Required: 2}
	chmodParams   = interp.Params{Func: "chmod", Names: []string{"path", "mode", "dir_fd", "follow_symlinks"}, KwOnly: 2, Required: 2}
	utimeParams   = interp.Params{Func: "utime", Names: []string{"path", "times", "ns", "dir_fd", "follow_symlinks"}, KwOnly: 3, Required: 1}
	truncParams   = interp.Params{Func: "truncate", Names: []string{"path", "length"}, Required: 2}
	umaskParams   = interp.Params{Func: "umask", Names: []string{"mask"}, PosOnly: 1, Required: 1}
)

var (
	fdOrPath = pathOpts{allowFD: true}
	nameOnly = pathOpts{}
)

func init() {
	defPosix("stat", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, dirFD, follow interp.Value
		p, err := unpackPath(in, &statParams, fdOrPath, args, kwnames, &path, &dirFD, &follow)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		if err := noDirFD(in, "stat", dirFD); err != nil {
			return interp.Value{}, err
		}
		f, err := boolArg(in, follow, true)
		if err != nil {
			return interp.Value{}, err
		}
		return statPath(in, &p, f)
	})
	defPosix("lstat", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, dirFD interp.Value
		p, err := unpackPath(in, &lstatParams, nameOnly, args, kwnames, &path, &dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		if err := noDirFD(in, "lstat", dirFD); err != nil {
			return interp.Value{}, err
		}
		return statPath(in, &p, false)
	})
	defPosix("fstat", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var fdv interp.Value
		if err := in.Unpack(&fstatParams, args, kwnames, &fdv); err != nil {
			return interp.Value{}, err
		}
		fd, err := convFD(in, fdv)
		if err != nil {
			return interp.Value{}, err
		}
		var st syscall.Stat_t
		if err := retryEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return newStatResult(in, &st)
	})
	defPosix("listdir", posixListdir)
	defPosix("getcwd", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		return getcwd(in, "getcwd", false, args, kwnames)
	})
	defPosix("getcwdb", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		return getcwd(in, "getcwdb", true, args, kwnames)
	})
	defPosix("chdir", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path interp.Value
		p, err := unpackPath(in, &chdirParams, fdOrPath, args, kwnames, &path)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		if p.isFD {
			err = syscall.Fchdir(p.fd)
		} else {
			err = syscall.Chdir(p.name)
		}
		return noneOr(in, err, &p)
	})
	defPosix("mkdir", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, modev, dirFD interp.Value
		p, err := unpackPath(in, &mkdirParams, nameOnly, args, kwnames, &path, &modev, &dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		mode := 0o777
		if !modev.IsNil() {
			if mode, err = intArg(in, modev); err != nil {
				return interp.Value{}, err
			}
		}
		if err := noDirFD(in, "mkdir", dirFD); err != nil {
			return interp.Value{}, err
		}
		return noneOr(in, syscall.Mkdir(p.name, uint32(mode)), &p)
	})
	simple := func(params *interp.Params, call func(string) error) interp.BuiltinFunc {
		return func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			var path, dirFD interp.Value
			p, err := unpackPath(in, params, nameOnly, args, kwnames, &path, &dirFD)
			if err != nil {
				return interp.Value{}, err
			}
			defer p.release(in)
			if err := noDirFD(in, params.Func, dirFD); err != nil {
				return interp.Value{}, err
			}
			return noneOr(in, call(p.name), &p)
		}
	}
	defPosix("rmdir", simple(&rmdirParams, syscall.Rmdir))
	defPosix("unlink", simple(&unlinkParams, syscall.Unlink))
	defPosix("remove", simple(&removeParams, syscall.Unlink))
	defPosix("readlink", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, dirFD interp.Value
		p, err := unpackPath(in, &readlinkParam, nameOnly, args, kwnames, &path, &dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		if err := noDirFD(in, "readlink", dirFD); err != nil {
			return interp.Value{}, err
		}
		for size := 256; ; size *= 2 {
			buf := make([]byte, size)
			n, err := syscall.Readlink(p.name, buf)
			if err != nil {
				return interp.Value{}, pathError(in, err, &p)
			}
			if n < size {
				return nameResult(in, string(buf[:n]), p.isBytes)
			}
		}
	})
	defPosix("rename", twoPaths(&renameParams, syscall.Rename))
	defPosix("replace", twoPaths(&replaceParams, syscall.Rename))
	defPosix("symlink", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var src, dst, isDir, dirFD interp.Value
		if err := in.Unpack(&symlinkParams, args, kwnames, &src, &dst, &isDir, &dirFD); err != nil {
			return interp.Value{}, err
		}
		return withTwoPaths(in, "symlink", src, dst, []interp.Value{dirFD}, syscall.Symlink)
	})
	defPosix("link", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var src, dst, srcFD, dstFD, follow interp.Value
		if err := in.Unpack(&linkParams, args, kwnames, &src, &dst, &srcFD, &dstFD, &follow); err != nil {
			return interp.Value{}, err
		}
		f, err := boolArg(in, follow, true)
		if err != nil {
			return interp.Value{}, err
		}
		return withTwoPaths(in, "link", src, dst, []interp.Value{srcFD, dstFD}, func(a, b string) error {
			flags := 0
			if f {
				flags = linuxAtSymlinkFollow
			}
			return linkat(a, b, flags)
		})
	})
	defPosix("access", posixAccess)
	defPosix("chmod", posixChmod)
	defPosix("utime", posixUtime)
	defPosix("truncate", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, lengthv interp.Value
		p, err := unpackPath(in, &truncParams, fdOrPath, args, kwnames, &path, &lengthv)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		length, err := int64Arg(in, lengthv)
		if err != nil {
			return interp.Value{}, err
		}
		if p.isFD {
			err = retryEINTR(func() error { return syscall.Ftruncate(p.fd, length) })
		} else {
			err = syscall.Truncate(p.name, length)
		}
		return noneOr(in, err, &p)
	})
	defPosix("umask", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var maskv interp.Value
		if err := in.Unpack(&umaskParams, args, kwnames, &maskv); err != nil {
			return interp.Value{}, err
		}
		mask, err := intArg(in, maskv)
		if err != nil {
			return interp.Value{}, err
		}
		return interp.Int(int64(syscall.Umask(mask))), nil
	})
}

// noneOr is a call's result: None, or the OSError for err on p.
func noneOr(in *interp.Interp, err error, p *pathArg) (interp.Value, error) {
	if err != nil {
		return interp.Value{}, pathError(in, err, p)
	}
	return interp.None, nil
}

// twoPaths makes rename and replace.
func twoPaths(params *interp.Params, call func(a, b string) error) interp.BuiltinFunc {
	return func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var src, dst, srcFD, dstFD interp.Value
		if err := in.Unpack(params, args, kwnames, &src, &dst, &srcFD, &dstFD); err != nil {
			return interp.Value{}, err
		}
		return withTwoPaths(in, params.Func, src, dst, []interp.Value{srcFD, dstFD}, call)
	}
}

// withTwoPaths converts src and dst and runs call on them; an error
// names both.
func withTwoPaths(in *interp.Interp, fname string, src, dst interp.Value, dirFDs []interp.Value, call func(a, b string) error) (interp.Value, error) {
	p, err := convPath(in, fname, "src", src, nameOnly)
	if err != nil {
		return interp.Value{}, err
	}
	defer p.release(in)
	q, err := convPath(in, fname, "dst", dst, nameOnly)
	if err != nil {
		return interp.Value{}, err
	}
	defer q.release(in)
	if err := noDirFD(in, fname, dirFDs...); err != nil {
		return interp.Value{}, err
	}
	if err := call(p.name, q.name); err != nil {
		return interp.Value{}, pathError2(in, err, &p, &q)
	}
	return interp.None, nil
}

// getcwd is getcwd() and getcwdb().
func getcwd(in *interp.Interp, fname string, asBytes bool, args, kwnames []interp.Value) (interp.Value, error) {
	if len(args) > 0 || len(kwnames) > 0 {
		if len(kwnames) > 0 {
			return interp.Value{}, in.Raise(interp.TypeError, "posix.%s() takes no keyword arguments", fname)
		}
		return interp.Value{}, in.Raise(interp.TypeError, "posix.%s() takes no arguments (%d given)", fname, len(args))
	}
	for size := 1024; ; size *= 4 {
		buf := make([]byte, size)
		n, err := syscall.Getcwd(buf)
		if err == syscall.ERANGE && size < 1<<20 {
			continue
		}
		if err != nil {
			return interp.Value{}, fdError(in, err)
		}
		// The system call counts the terminating NUL.
		if n > 0 && buf[n-1] == 0 {
			n--
		}
		return nameResult(in, string(buf[:n]), asBytes)
	}
}

// posixListdir is listdir(path='.'): the names in a directory but . and
// .., as str unless path is bytes.
func posixListdir(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	var path interp.Value
	if err := in.Unpack(&listdirParams, args, kwnames, &path); err != nil {
		return interp.Value{}, err
	}
	p := pathArg{none: true}
	if !path.IsNil() {
		var err error
		if p, err = convPath(in, "listdir", "path", path, pathOpts{allowFD: true, nullable: true}); err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
	}
	if p.none {
		p.name = "."
	}
	ents, err := readDir(&p)
	if err != nil {
		return interp.Value{}, pathError(in, err, &p)
	}
	list, err := in.NewList()
	if err != nil {
		return interp.Value{}, err
	}
	l := interp.AsList(list)
	for _, e := range ents {
		name, err := nameResult(in, e.name, p.isBytes)
		if err == nil {
			err = in.Append(l, name)
			in.DecRef(name)
		}
		if err != nil {
			in.DecRef(list)
			return interp.Value{}, err
		}
	}
	return list, nil
}

// posixAccess is access(path, mode, *, dir_fd=None, effective_ids=False,
// follow_symlinks=True): whether the real ids may use path so.
func posixAccess(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	var path, modev, dirFD, effective, follow interp.Value
	p, err := unpackPath(in, &accessParams, nameOnly, args, kwnames, &path, &modev, &dirFD, &effective, &follow)
	if err != nil {
		return interp.Value{}, err
	}
	defer p.release(in)
	mode, err := intArg(in, modev)
	if err != nil {
		return interp.Value{}, err
	}
	if err := noDirFD(in, "access", dirFD); err != nil {
		return interp.Value{}, err
	}
	eff, err := boolArg(in, effective, false)
	if err != nil {
		return interp.Value{}, err
	}
	f, err := boolArg(in, follow, true)
	if err != nil {
		return interp.Value{}, err
	}
	if eff || !f {
		return interp.Value{}, in.Raise(interp.NotImplementedError, "access: effective_ids and follow_symlinks are not implemented yet")
	}
	return interp.Bool(syscall.Access(p.name, uint32(mode)) == nil), nil
}

// posixChmod is chmod(path, mode, *, dir_fd=None, follow_symlinks=True).
func posixChmod(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	var path, modev, dirFD, follow interp.Value
	p, err := unpackPath(in, &chmodParams, fdOrPath, args, kwnames, &path, &modev, &dirFD, &follow)
	if err != nil {
		return interp.Value{}, err
	}
	defer p.release(in)
	mode, err := intArg(in, modev)
	if err != nil {
		return interp.Value{}, err
	}
	if err := noDirFD(in, "chmod", dirFD); err != nil {
		return interp.Value{}, err
	}
	f, err := boolArg(in, follow, true)
	if err != nil {
		return interp.Value{}, err
	}
	switch {
	case p.isFD:
		err = syscall.Fchmod(p.fd, uint32(mode))
	case f:
		err = syscall.Chmod(p.name, uint32(mode))
	default:
		// glibc's fchmodat(AT_SYMLINK_NOFOLLOW): a symlink's own mode
		// cannot be changed on Linux.
		var st syscall.Stat_t
		if err = syscall.Lstat(p.name, &st); err == nil {
			if st.Mode&syscall.S_IFMT == syscall.S_IFLNK {
				err = syscall.EOPNOTSUPP
			} else {
				err = syscall.Chmod(p.name, uint32(mode))
			}
		}
	}
	return noneOr(in, err, &p)
}
