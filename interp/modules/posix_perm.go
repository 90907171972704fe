//go:build linux

package modules

import (
	"syscall"

	"github.com/parallel-py/parallel/interp"
)

// The permission calls of posix: access, chmod and fchmod, chown,
// lchown and fchown, with their dir_fd, follow_symlinks and descriptor
// forms, and CPython's conversion of user and group ids.

var (
	accessParams = interp.Params{Func: "access", Names: []string{"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, KwOnly: 3, Required: 2}
	chmodParams  = interp.Params{Func: "chmod", Names: []string{"path", "mode", "dir_fd", "follow_symlinks"}, KwOnly: 2, Required: 2}
	fchmodParams = interp.Params{Func: "fchmod", Names: []string{"fd", "mode"}, Required: 2}
	chownParams  = interp.Params{Func: "chown", Names: []string{"path", "uid", "gid", "dir_fd", "follow_symlinks"}, KwOnly: 2, Required: 3}
	lchownParams = interp.Params{Func: "lchown", Names: []string{"path", "uid", "gid"}, Required: 3}
	fchownParams = interp.Params{Func: "fchown", Names: []string{"fd", "uid", "gid"}, Required: 3}
)

func init() {
	defPosix("access", posixAccess)
	defPosix("chmod", posixChmod)
	defPosix("fchmod", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var fdv, modev interp.Value
		if err := in.Unpack(&fchmodParams, args, kwnames, &fdv, &modev); err != nil {
			return interp.Value{}, err
		}
		fd, err := cInt(in, fdv)
		if err != nil {
			return interp.Value{}, err
		}
		mode, err := cInt(in, modev)
		if err != nil {
			return interp.Value{}, err
		}
		if err := retryEINTR(func() error { return syscall.Fchmod(fd, uint32(mode)) }); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.None, nil
	})
	defPosix("chown", posixChown)
	defPosix("lchown", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, uidv, gidv interp.Value
		p, err := unpackPath(in, &lchownParams, nameOnly, args, kwnames, &path, &uidv, &gidv)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		uid, gid, err := idArgs(in, uidv, gidv)
		if err != nil {
			return interp.Value{}, err
		}
		return noneOr(in, syscall.Lchown(p.name, uid, gid), &p)
	})
	defPosix("fchown", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var fdv, uidv, gidv interp.Value
		if err := in.Unpack(&fchownParams, args, kwnames, &fdv, &uidv, &gidv); err != nil {
			return interp.Value{}, err
		}
		fd, err := cInt(in, fdv)
		if err != nil {
			return interp.Value{}, err
		}
		uid, gid, err := idArgs(in, uidv, gidv)
		if err != nil {
			return interp.Value{}, err
		}
		if err := retryEINTR(func() error { return syscall.Fchown(fd, uid, gid) }); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.None, nil
	})
}

// posixAccess is access(path, mode, *, dir_fd=None, effective_ids=False,
// follow_symlinks=True): whether the real (or effective) ids may use
// path so. It answers False rather than raise.
func posixAccess(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	var path, modev, dirFD, effective, follow interp.Value
	p, err := unpackPath(in, &accessParams, nameOnly, args, kwnames, &path, &modev, &dirFD, &effective, &follow)
	if err != nil {
		return interp.Value{}, err
	}
	defer p.release(in)
	mode, err := cInt(in, modev)
	if err != nil {
		return interp.Value{}, err
	}
	dirfd, err := dirFDArg(in, dirFD)
	if err != nil {
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
	flags := atFlags(f)
	if eff {
		flags |= linuxAtEaccess
	}
	// syscall.Faccessat does what glibc's faccessat does with flags the
	// kernel's older call lacks.
	return interp.Bool(syscall.Faccessat(dirfd, p.name, uint32(mode), flags) == nil), nil
}

// posixChmod is chmod(path, mode, *, dir_fd=None, follow_symlinks=True).
// CPython 3.12 checks neither dir_fd nor follow_symlinks against a
// descriptor: fchmod takes it.
func posixChmod(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	var path, modev, dirFD, follow interp.Value
	p, err := unpackPath(in, &chmodParams, fdOrPath, args, kwnames, &path, &modev, &dirFD, &follow)
	if err != nil {
		return interp.Value{}, err
	}
	defer p.release(in)
	mode, err := cInt(in, modev)
	if err != nil {
		return interp.Value{}, err
	}
	dirfd, err := dirFDArg(in, dirFD)
	if err != nil {
		return interp.Value{}, err
	}
	f, err := boolArg(in, follow, true)
	if err != nil {
		return interp.Value{}, err
	}
	switch {
	case p.nullFD():
		err = syscall.EFAULT
	case p.isFD:
		err = syscall.Fchmod(p.fd, uint32(mode))
	default:
		err = fchmodat(dirfd, p.name, uint32(mode), f)
		if !f && (err == syscall.ENOTSUP || err == syscall.EOPNOTSUPP) {
			if dirfd != atFDCWD {
				return interp.Value{}, in.Raise(interp.ValueError, "chmod: cannot use dir_fd and follow_symlinks together")
			}
			return interp.Value{}, in.Raise(interp.NotImplementedError, "chmod: follow_symlinks unavailable on this platform")
		}
	}
	return noneOr(in, err, &p)
}

// posixChown is chown(path, uid, gid, *, dir_fd=None,
// follow_symlinks=True).
func posixChown(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	var path, uidv, gidv, dirFD, follow interp.Value
	p, err := unpackPath(in, &chownParams, fdOrPath, args, kwnames, &path, &uidv, &gidv, &dirFD, &follow)
	if err != nil {
		return interp.Value{}, err
	}
	defer p.release(in)
	uid, gid, err := idArgs(in, uidv, gidv)
	if err != nil {
		return interp.Value{}, err
	}
	dirfd, err := dirFDArg(in, dirFD)
	if err != nil {
		return interp.Value{}, err
	}
	f, err := boolArg(in, follow, true)
	if err != nil {
		return interp.Value{}, err
	}
	if err := dirFDAndFD(in, "chown", &p, dirfd); err != nil {
		return interp.Value{}, err
	}
	if err := fdAndFollow(in, "chown", &p, f); err != nil {
		return interp.Value{}, err
	}
	switch {
	case p.nullFD():
		err = syscall.EFAULT
	case p.isFD:
		err = retryEINTR(func() error { return syscall.Fchown(p.fd, uid, gid) })
	default:
		err = syscall.Fchownat(dirfd, p.name, uid, gid, atFlags(f))
	}
	return noneOr(in, err, &p)
}

// idArgs converts a uid and a gid.
func idArgs(in *interp.Interp, uidv, gidv interp.Value) (int, int, error) {
	uid, err := posixIDArg(in, "uid", uidv)
	if err != nil {
		return 0, 0, err
	}
	gid, err := posixIDArg(in, "gid", gidv)
	return uid, gid, err
}

// posixIDArg converts a user or group id as CPython's _Py_Uid_Converter
// does: -1 (leave alone) or a number that fits a uid_t; 2**32-1 is -1
// too. Its messages are odd but exact: a number of 2**32 or more that
// fits a C long is "less than minimum".
func posixIDArg(in *interp.Interp, what string, v interp.Value) (int, error) {
	i, err := in.Index(v)
	if err != nil {
		in.DiscardError(err)
		return 0, in.Raise(interp.TypeError, "%s should be integer, not %s", what, v.Type().Name)
	}
	defer in.DecRef(i)
	n, ok := intValueOf(i)
	if !ok {
		if interp.BigIntOf(i).Sign() < 0 {
			return 0, in.Raise(interp.OverflowError, "%s is less than minimum", what)
		}
		return 0, in.Raise(interp.OverflowError, "%s is greater than maximum", what)
	}
	switch {
	case n == -1:
		return -1, nil
	case n < 0, n > 1<<32-1:
		return 0, in.Raise(interp.OverflowError, "%s is less than minimum", what)
	}
	return int(uint32(n)), nil
}
