//go:build linux

package modules

import (
	"syscall"

	"github.com/parallel-py/parallel/interp"
)

// statvfs and fstatvfs (os.statvfs_result, which shutil.disk_usage
// reads), the calls that make special files (mkfifo, mknod) with the
// device-number functions, and sync.

// statvfsResultType is os.statvfs_result: ten items, then f_fsid as an
// attribute only.
var statvfsResultType = newStructSeq("os.statvfs_result", []string{
	"f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail",
	"f_files", "f_ffree", "f_favail", "f_flag", "f_namemax", "f_fsid",
}, 10, 0)

// linuxStValid is ST_VALID, which Linux sets in statfs's f_flags to say
// the flags are meaningful and glibc's statvfs clears.
const linuxStValid = 0x20

var (
	statvfsParams = interp.Params{Func: "statvfs", Names: []string{"path"}, Required: 1}
	mkfifoParams  = interp.Params{Func: "mkfifo", Names: []string{"path", "mode", "dir_fd"}, KwOnly: 1, Required: 1}
	mknodParams   = interp.Params{Func: "mknod", Names: []string{"path", "mode", "device", "dir_fd"}, KwOnly: 1, Required: 1}
)

// newStatvfsResult makes the os.statvfs_result of st as glibc's
// statvfs converts statfs.
func newStatvfsResult(in *interp.Interp, st *syscall.Statfs_t) (interp.Value, error) {
	frsize := st.Frsize
	if frsize == 0 {
		frsize = st.Bsize
	}
	// f_fsid is the two ints of the kernel's fsid, the first
	// sign-extended, the second above it, as glibc combines them.
	fsid := uint64(int64(st.Fsid.X__val[0])) | uint64(int64(st.Fsid.X__val[1]))<<32
	nums := []uint64{uint64(st.Bsize), uint64(frsize), st.Blocks, st.Bfree, st.Bavail,
		st.Files, st.Ffree, st.Ffree, uint64(st.Flags &^ linuxStValid), uint64(st.Namelen), fsid}
	items := make([]interp.Value, 0, len(nums))
	defer func() { releaseAll(in, items) }()
	for _, n := range nums {
		v, err := uintValue(in, n)
		if err != nil {
			return interp.Value{}, err
		}
		items = append(items, v)
	}
	return in.NewStructSeq(statvfsResultType, items...)
}

// devArg converts a device number as CPython's _Py_Dev_Converter does
// (PyLong_AsUnsignedLongLong: an int, not merely an __index__).
func devArg(in *interp.Interp, v interp.Value) (uint64, error) {
	if !interp.IsInt(v) {
		return 0, in.Raise(interp.TypeError, "an integer is required")
	}
	if n, ok := intValueOf(v); ok {
		if n < 0 {
			return 0, in.Raise(interp.OverflowError, "can't convert negative int to unsigned")
		}
		return uint64(n), nil
	}
	b := interp.BigIntOf(v)
	switch {
	case b.Sign() < 0:
		return 0, in.Raise(interp.OverflowError, "can't convert negative int to unsigned")
	case !b.IsUint64():
		return 0, in.Raise(interp.OverflowError, "int too big to convert")
	}
	return b.Uint64(), nil
}

// mknodat is glibc's mknodat: the kernel's device number is 32 bits
// wide, so a wider one is EINVAL.
func mknodat(dirfd int, path string, mode uint32, dev uint64) error {
	if dev > 1<<32-1 {
		return syscall.EINVAL
	}
	return retryEINTR(func() error { return syscall.Mknodat(dirfd, path, mode, int(dev)) })
}

func init() {
	defPosix("statvfs", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path interp.Value
		p, err := unpackPath(in, &statvfsParams, fdOrPath, args, kwnames, &path)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		var st syscall.Statfs_t
		switch {
		case p.nullFD():
			err = syscall.EFAULT
		case p.isFD:
			err = retryEINTR(func() error { return syscall.Fstatfs(p.fd, &st) })
		default:
			err = retryEINTR(func() error { return syscall.Statfs(p.name, &st) })
		}
		if err != nil {
			return interp.Value{}, pathError(in, err, &p)
		}
		return newStatvfsResult(in, &st)
	})
	defPosix("fstatvfs", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		fd, err := oneFD(in, "fstatvfs", args, kwnames)
		if err != nil {
			return interp.Value{}, err
		}
		var st syscall.Statfs_t
		if err := retryEINTR(func() error { return syscall.Fstatfs(fd, &st) }); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return newStatvfsResult(in, &st)
	})
	defPosix("mkfifo", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, modev, dirFD interp.Value
		p, err := unpackPath(in, &mkfifoParams, nameOnly, args, kwnames, &path, &modev, &dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		mode := 0o666
		if !modev.IsNil() {
			if mode, err = cInt(in, modev); err != nil {
				return interp.Value{}, err
			}
		}
		dirfd, err := dirFDArg(in, dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		// CPython's mkfifo and mknod name no file in their errors.
		if err := mknodat(dirfd, p.name, uint32(mode)|syscall.S_IFIFO, 0); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.None, nil
	})
	defPosix("mknod", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path, modev, devv, dirFD interp.Value
		p, err := unpackPath(in, &mknodParams, nameOnly, args, kwnames, &path, &modev, &devv, &dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		mode := 0o600
		if !modev.IsNil() {
			if mode, err = cInt(in, modev); err != nil {
				return interp.Value{}, err
			}
		}
		var dev uint64
		if !devv.IsNil() {
			if dev, err = devArg(in, devv); err != nil {
				return interp.Value{}, err
			}
		}
		dirfd, err := dirFDArg(in, dirFD)
		if err != nil {
			return interp.Value{}, err
		}
		if err := mknodat(dirfd, p.name, uint32(mode), dev); err != nil {
			return interp.Value{}, fdError(in, err)
		}
		return interp.None, nil
	})
	// major, minor and makedev are glibc's gnu_dev_* encodings.
	for _, f := range []struct {
		name string
		fn   func(dev uint64) uint32
	}{
		{"major", func(dev uint64) uint32 { return uint32(dev>>8&0xfff) | uint32(dev>>32)&^0xfff }},
		{"minor", func(dev uint64) uint32 { return uint32(dev&0xff) | uint32(dev>>12)&^0xff }},
	} {
		defPosix(f.name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			if err := posixOneArg(in, f.name, args, kwnames); err != nil {
				return interp.Value{}, err
			}
			dev, err := devArg(in, args[0])
			if err != nil {
				return interp.Value{}, err
			}
			return interp.Int(int64(f.fn(dev))), nil
		})
	}
	defPosix("makedev", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		n, err := posInts(in, "makedev", args, kwnames, 2)
		if err != nil {
			return interp.Value{}, err
		}
		major, minor := uint64(uint32(n[0])), uint64(uint32(n[1]))
		dev := (major&0xfff)<<8 | (major&^0xfff)<<32 | minor&0xff | (minor&^0xff)<<12
		// CPython returns the dev_t as a signed long long.
		return interp.Int(int64(dev)), nil
	})
	noArgFunc("sync", func(in *interp.Interp) (interp.Value, error) {
		syscall.Sync()
		return interp.None, nil
	})
}
