package interp

import (
	"strconv"
	"syscall"
)

// The part of the exported API that the posix, errno and _stat modules
// need: bytes objects, the file system encoding, and OSError raised
// from an errno or a Go error with CPython's fields.

// NewBytes returns a bytes object holding a copy of b.
func (in *Interp) NewBytes(b []byte) (Value, error) {
	return in.newBytes(append([]byte(nil), b...))
}

// IsBytes reports whether v is a bytes object (or an instance of a
// bytes subclass).
func IsBytes(v Value) bool { return v.Type().IsSubtype(bytesType) }

// FSEncode converts the str v to a file name's bytes as os.fsencode
// does on Linux: UTF-8 with surrogateescape (a character that cannot be
// encoded is UnicodeEncodeError).
func (in *Interp) FSEncode(v Value) ([]byte, error) {
	return in.encodeStr(v, "utf-8", "surrogateescape")
}

// FSDecode converts a file name's bytes to a str as os.fsdecode does on
// Linux: UTF-8 with surrogateescape, so every name round-trips.
func (in *Interp) FSDecode(b []byte) (Value, error) {
	return in.decodeToStr(b, "utf-8", "surrogateescape")
}

// Strerror is the C library's message for errno n as CPython's
// os.strerror shows it ("No such file or directory"; "Unknown error
// 1000" for numbers the system does not know).
func Strerror(n syscall.Errno) string {
	if n == 0 {
		return "Success"
	}
	s := strerror(n)
	if s == "Errno "+strconv.Itoa(int(n)) {
		return "Unknown error " + strconv.Itoa(int(n))
	}
	return s
}

// OSErrorErrno returns the OSError subclass CPython raises for errno n
// (FileNotFoundError for ENOENT) with errno, strerror and the file
// names set: filename and filename2 may be the zero Value for none.
func (in *Interp) OSErrorErrno(n syscall.Errno, filename, filename2 Value) error {
	msg, err := in.NewStr(Strerror(n))
	if err != nil {
		return err
	}
	defer in.decRef(msg)
	args := []Value{Int(int64(n)), msg}
	switch {
	case !filename2.IsNil():
		if filename.IsNil() {
			filename = None
		}
		args = append(args, filename, None, filename2)
	case !filename.IsNil():
		args = append(args, filename)
	}
	v, err := osErrorNew(in, osErrorType, args, nil)
	if err != nil {
		return err
	}
	return asObject[Exception](v)
}

// OSErrorFrom turns an error from Go's os or syscall packages into the
// exception CPython raises for the same failure (an errno it carries
// picks the OSError subclass); filename may be the zero Value.
func (in *Interp) OSErrorFrom(err error, filename Value) error {
	return in.osErrorFrom(err, filename)
}

// sys.getfilesystemencoding and sys.getfilesystemencodeerrors, which
// os.py calls to build os.environ and os.fsencode: the file system
// encoding is UTF-8 with surrogateescape, as CPython's on Linux in a
// UTF-8 locale, and FSEncode and FSDecode use it. And sys.audit, which
// os.walk, os.scandir's callers and shutil call: no audit hook can be
// installed here, so an event goes nowhere.
func init() {
	sysFuncs = append(sysFuncs,
		newBuiltin("audit", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if len(kwnames) > 0 {
				return Value{}, in.raise(typeErrorType, "sys.audit() takes no keyword arguments")
			}
			if len(args) == 0 {
				return Value{}, in.raise(typeErrorType, "audit() missing 1 required positional argument: 'event'")
			}
			return None, nil
		}),
		newBuiltin("getfilesystemencoding", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("getfilesystemencoding", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return internName("utf-8"), nil
		}),
		newBuiltin("getfilesystemencodeerrors", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("getfilesystemencodeerrors", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return internName("surrogateescape"), nil
		}))
}
