package modules

import (
	"math/big"

	"github.com/parallel-py/parallel/interp"
)

// The _stat module of CPython 3.12: the file mode constants and tests
// stat.py re-exports (it has its own Python definitions, which these
// replace as in CPython), with the values of Linux.

var statTable moduleTable

// statConstants are _stat's integer constants in CPython's order.
var statConstants = []struct {
	name  string
	value int64
}{
	{"S_IFDIR", 0o040000}, {"S_IFCHR", 0o020000}, {"S_IFBLK", 0o060000}, {"S_IFREG", 0o100000},
	{"S_IFIFO", 0o010000}, {"S_IFLNK", 0o120000}, {"S_IFSOCK", 0o140000},
	{"S_IFDOOR", 0}, {"S_IFPORT", 0}, {"S_IFWHT", 0},
	{"S_ISUID", 0o4000}, {"S_ISGID", 0o2000}, {"S_ISVTX", 0o1000}, {"S_ENFMT", 0o2000},
	{"S_IREAD", 0o400}, {"S_IWRITE", 0o200}, {"S_IEXEC", 0o100},
	{"S_IRWXU", 0o700}, {"S_IRUSR", 0o400}, {"S_IWUSR", 0o200}, {"S_IXUSR", 0o100},
	{"S_IRWXG", 0o070}, {"S_IRGRP", 0o040}, {"S_IWGRP", 0o020}, {"S_IXGRP", 0o010},
	{"S_IRWXO", 0o007}, {"S_IROTH", 0o004}, {"S_IWOTH", 0o002}, {"S_IXOTH", 0o001},
	{"UF_NODUMP", 0x1}, {"UF_IMMUTABLE", 0x2}, {"UF_APPEND", 0x4}, {"UF_OPAQUE", 0x8},
	{"UF_NOUNLINK", 0x10}, {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000},
	{"SF_ARCHIVED", 0x10000}, {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000},
	{"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
	{"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4},
	{"ST_GID", 5}, {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9},
}

const sIFMT = 0o170000

// modeArg converts a mode argument as CPython's _PyLong_AsMode_t does:
// an int (no __index__) that fits a mode_t.
func modeArg(in *interp.Interp, v interp.Value) (uint32, error) {
	if !interp.IsInt(v) {
		return 0, in.Raise(interp.TypeError, "an integer is required")
	}
	n, ok := interp.IntValue(v)
	if !ok {
		b := interp.BigIntOf(v)
		switch {
		case b.Sign() < 0:
			return 0, in.Raise(interp.OverflowError, "can't convert negative value to unsigned int")
		case b.Cmp(new(big.Int).SetUint64(^uint64(0))) > 0:
			return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C unsigned long")
		}
		return 0, in.Raise(interp.OverflowError, "mode out of range")
	}
	switch {
	case n < 0:
		return 0, in.Raise(interp.OverflowError, "can't convert negative value to unsigned int")
	case n > 1<<32-1:
		return 0, in.Raise(interp.OverflowError, "mode out of range")
	}
	return uint32(n), nil
}

// modeFunc adds a function of one mode.
func modeFunc(name string, fn func(mode uint32) (interp.Value, error)) {
	statTable.fn(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.NoKeywords("_stat."+name, kwnames); err != nil {
			return interp.Value{}, err
		}
		if len(args) != 1 {
			return interp.Value{}, in.Raise(interp.TypeError, "_stat.%s() takes exactly one argument (%d given)", name, len(args))
		}
		mode, err := modeArg(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		return fn(mode)
	})
}

// fileTypeChar is the first character filemode shows.
func fileTypeChar(mode uint32) byte {
	switch mode & sIFMT {
	case 0o100000:
		return '-'
	case 0o040000:
		return 'd'
	case 0o120000:
		return 'l'
	case 0o020000:
		return 'c'
	case 0o060000:
		return 'b'
	case 0o010000:
		return 'p'
	case 0o140000:
		return 's'
	}
	return '?'
}

// fileMode is stat.filemode(mode): "-rwxr-xr-x".
func fileMode(mode uint32) string {
	b := []byte{fileTypeChar(mode)}
	// Each class: read, write, then execute merged with its special bit.
	classes := []struct {
		shift   uint
		special uint32
		on, off byte
	}{{6, 0o4000, 's', 'S'}, {3, 0o2000, 's', 'S'}, {0, 0o1000, 't', 'T'}}
	for _, c := range classes {
		bits := mode >> c.shift
		b = append(b, "-r"[bits>>2&1], "-w"[bits>>1&1])
		x := bits&1 != 0
		switch {
		case mode&c.special != 0 && x:
			b = append(b, c.on)
		case mode&c.special != 0:
			b = append(b, c.off)
		case x:
			b = append(b, 'x')
		default:
			b = append(b, '-')
		}
	}
	return string(b)
}

func init() {
	for _, t := range []struct {
		name string
		fmt  uint32
	}{
		{"S_ISDIR", 0o040000}, {"S_ISCHR", 0o020000}, {"S_ISBLK", 0o060000}, {"S_ISREG", 0o100000},
		{"S_ISFIFO", 0o010000}, {"S_ISLNK", 0o120000}, {"S_ISSOCK", 0o140000},
	} {
		t := t
		modeFunc(t.name, func(mode uint32) (interp.Value, error) { return interp.Bool(mode&sIFMT == t.fmt), nil })
	}
	// Solaris doors, event ports and whiteouts do not exist on Linux.
	for _, name := range []string{"S_ISDOOR", "S_ISPORT", "S_ISWHT"} {
		modeFunc(name, func(mode uint32) (interp.Value, error) { return interp.False, nil })
	}
	modeFunc("S_IMODE", func(mode uint32) (interp.Value, error) { return interp.Int(int64(mode & 0o7777)), nil })
	modeFunc("S_IFMT", func(mode uint32) (interp.Value, error) { return interp.Int(int64(mode & sIFMT)), nil })
	statTable.fn("filemode", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.NoKeywords("_stat.filemode", kwnames); err != nil {
			return interp.Value{}, err
		}
		if len(args) != 1 {
			return interp.Value{}, in.Raise(interp.TypeError, "_stat.filemode() takes exactly one argument (%d given)", len(args))
		}
		mode, err := modeArg(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		return in.NewStr(fileMode(mode))
	})
	for _, c := range statConstants {
		statTable.set(c.name, interp.Int(c.value))
	}
}

// initStat fills a new _stat module.
func initStat(in *interp.Interp, m *interp.Module) error { return statTable.fill(in, m) }
