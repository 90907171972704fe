//go:build linux

package modules

import (
	"math/big"
	"syscall"

	"github.com/parallel-py/parallel/interp"
)

// The file system calls of posix: stat and its kin, directories, links
// and names, each relative to a dir_fd where CPython allows one (the
// permission calls are in posix_perm.go, utime in posix_sys.go).

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

// statPath stats p: the descriptor it holds, or its name relative to
// dirfd, following symlinks unless told not to.
func statPath(in *interp.Interp, p *pathArg, dirfd int, follow bool) (interp.Value, error) {
	var st syscall.Stat_t
	var err error
	switch {
	case p.nullFD():
		err = syscall.EFAULT
	case p.isFD:
		err = retryEINTR(func() error { return syscall.Fstat(p.fd, &st) })
	default:
		err = retryEINTR(func() error { return fstatat(dirfd, p.name, &st, atFlags(follow)) })
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
		dirfd, err := dirFDArg(in, dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		f, err := boolArg(in, follow, true)
		if err != nil {
			return interp.Value{}, err
		}
		if err := dirFDWithFD(in, "stat", &p, dirfd); err != nil {
			return interp.Value{}, err
		}
		if err := fdAndFollow(in, "stat", &p, f); err != nil {
			return interp.Value{}, err
		}
		return statPath(in, &p, dirfd, f)
	})
	defPosix("lstat", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, dirFD interp.Value
		p, err := unpackPath(in, &lstatParams, nameOnly, args, kwnames, &path, &dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		dirfd, err := dirFDArg(in, dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		return statPath(in, &p, dirfd, false)
	})
	defPosix("fstat", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var fdv interp.Value
		if err := in.Unpack(&fstatParams, args, kwnames, &fdv); err != nil {
			return interp.Value{}, err
		}
		fd, err := cInt(in, fdv)
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
		switch {
		case p.nullFD():
			err = syscall.EFAULT
		case p.isFD:
			err = syscall.Fchdir(p.fd)
		default:
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
			if mode, err = cInt(in, modev); err != nil {
				return interp.Value{}, err
			}
		}
		dirfd, err := dirFDArg(in, dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		return noneOr(in, syscall.Mkdirat(dirfd, p.name, uint32(mode)), &p)
	})
	unlinker := func(params *interp.Params, flags int) interp.BuiltinFunc {
		return func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			var path, dirFD interp.Value
			p, err := unpackPath(in, params, nameOnly, args, kwnames, &path, &dirFD)
			if err != nil {
				return interp.Value{}, err
			}
			defer p.release(in)
			dirfd, err := dirFDArg(in, dirFD)
			if err != nil {
				return interp.Value{}, err
			}
			return noneOr(in, unlinkat(dirfd, p.name, flags), &p)
		}
	}
	defPosix("rmdir", unlinker(&rmdirParams, linuxAtRemovedir))
	defPosix("unlink", unlinker(&unlinkParams, 0))
	defPosix("remove", unlinker(&removeParams, 0))
	defPosix("readlink", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, dirFD interp.Value
		p, err := unpackPath(in, &readlinkParam, nameOnly, args, kwnames, &path, &dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		dirfd, err := dirFDArg(in, dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		for size := 256; ; size *= 2 {
			buf := make([]byte, size)
			n, err := readlinkat(dirfd, p.name, buf)
			if err != nil {
				return interp.Value{}, pathError(in, err, &p)
			}
			if n < size {
				return nameResult(in, string(buf[:n]), p.isBytes)
			}
		}
	})
	defPosix("rename", twoPaths(&renameParams))
	defPosix("replace", twoPaths(&replaceParams))
	defPosix("symlink", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var src, dst, isDir, dirFD interp.Value
		if err := in.Unpack(&symlinkParams, args, kwnames, &src, &dst, &isDir, &dirFD); err != nil {
			return interp.Value{}, err
		}
		return withTwoPaths(in, "symlink", src, dst, func(in *interp.Interp) (func(a, b string) error, error) {
			if _, err := boolArg(in, isDir, false); err != nil {
				return nil, err
			}
			dirfd, err := dirFDArg(in, dirFD)
			if err != nil {
				return nil, err
			}
			return func(a, b string) error { return symlinkat(a, dirfd, b) }, nil
		})
	})
	defPosix("link", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var src, dst, srcFD, dstFD, follow interp.Value
		if err := in.Unpack(&linkParams, args, kwnames, &src, &dst, &srcFD, &dstFD, &follow); err != nil {
			return interp.Value{}, err
		}
		return withTwoPaths(in, "link", src, dst, func(in *interp.Interp) (func(a, b string) error, error) {
			sfd, dfd, err := twoDirFDs(in, srcFD, dstFD)
			if err != nil {
				return nil, err
			}
			f, err := boolArg(in, follow, true)
			if err != nil {
				return nil, err
			}
			// CPython calls link(2), which never follows a symlink, unless
			// a dir_fd or follow_symlinks=False asks for linkat; then
			// follow_symlinks=True means AT_SYMLINK_FOLLOW.
			flags := 0
			if f && (sfd != atFDCWD || dfd != atFDCWD) {
				flags = linuxAtSymlinkFollow
			}
			return func(a, b string) error { return linkat(sfd, a, dfd, b, flags) }, nil
		})
	})
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
		switch {
		case p.nullFD():
			err = syscall.EFAULT
		case p.isFD:
			// CPython hands a descriptor to ftruncate, whose error names
			// no file.
			if err := retryEINTR(func() error { return syscall.Ftruncate(p.fd, length) }); err != nil {
				return interp.Value{}, fdError(in, err)
			}
		default:
			err = syscall.Truncate(p.name, length)
		}
		return noneOr(in, err, &p)
	})
	defPosix("umask", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var maskv interp.Value
		if err := in.Unpack(&umaskParams, args, kwnames, &maskv); err != nil {
			return interp.Value{}, err
		}
		mask, err := cInt(in, maskv)
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

// twoDirFDs converts the src_dir_fd and dst_dir_fd arguments.
func twoDirFDs(in *interp.Interp, srcFD, dstFD interp.Value) (int, int, error) {
	sfd, err := dirFDArg(in, srcFD)
	if err != nil {
		return 0, 0, err
	}
	dfd, err := dirFDArg(in, dstFD)
	return sfd, dfd, err
}

// twoPaths makes rename and replace.
func twoPaths(params *interp.Params) interp.BuiltinFunc {
	return func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var src, dst, srcFD, dstFD interp.Value
		if err := in.Unpack(params, args, kwnames, &src, &dst, &srcFD, &dstFD); err != nil {
			return interp.Value{}, err
		}
		return withTwoPaths(in, params.Func, src, dst, func(in *interp.Interp) (func(a, b string) error, error) {
			sfd, dfd, err := twoDirFDs(in, srcFD, dstFD)
			if err != nil {
				return nil, err
			}
			return func(a, b string) error { return syscall.Renameat(sfd, a, dfd, b) }, nil
		})
	}
}

// withTwoPaths converts src and dst, then the other arguments (rest,
// which returns the call to make), and runs the call on the two names;
// an error names both.
func withTwoPaths(in *interp.Interp, fname string, src, dst interp.Value, rest func(*interp.Interp) (func(a, b string) error, error)) (interp.Value, error) {
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
	call, err := rest(in)
	if err != nil {
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

// dirArg converts the path argument of listdir and scandir: None (or
// absent, or the descriptor -1, which CPython takes for none) is ".".
func dirArg(in *interp.Interp, fname string, path interp.Value) (pathArg, error) {
	p := pathArg{none: true}
	if !path.IsNil() {
		var err error
		if p, err = convPath(in, fname, "path", path, pathOpts{allowFD: true, nullable: true}); err != nil {
			return p, err
		}
	}
	if p.nullFD() {
		p.isFD, p.none = false, true
	}
	if p.none {
		p.name = "."
	}
	return p, nil
}

// posixListdir is listdir(path='.'): the names in a directory but . and
// .., as str unless path is bytes.
func posixListdir(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	var path interp.Value
	if err := in.Unpack(&listdirParams, args, kwnames, &path); err != nil {
		return interp.Value{}, err
	}
	p, err := dirArg(in, "listdir", path)
	if err != nil {
		return interp.Value{}, err
	}
	defer p.release(in)
	ents, err := scanDir(in, &p)
	if err != nil {
		return interp.Value{}, err
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
