//go:build linux

package modules

import (
	"encoding/binary"
	"math"
	"strconv"
	"syscall"
	"time"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _socket module of CPython 3.12 on Linux, on raw descriptors: the
// module, its state and the socket type's life cycle and attributes.
// Data transfer is in socket_io.go, the module functions in
// socket_funcs.go, addresses in socket_addr.go, names in
// socket_resolve.go. Blocking calls block the interpreter (threads do
// not run yet); timeouts work as CPython's: the descriptor is made
// non-blocking and each operation first polls it.

// sockObject is a _socket.socket.
type sockObject struct {
	alloc.Header
	fd      int
	family  int
	typ     int
	proto   int
	timeout time.Duration // negative: blocking (None); 0: non-blocking
}

// socketState is the module's state in one interpreter.
type socketState struct {
	gaierror, herror Value         // the exception classes, owned
	defaultTimeout   time.Duration // negative: None
}

var socketStateKey byte

func socketStateOf(in *interp.Interp) *socketState {
	return in.ModuleState(&socketStateKey, func() any { return &socketState{defaultTimeout: -1} }).(*socketState)
}

var (
	socketType  *interp.Type
	socketTable moduleTable
)

const socketDoc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\n" +
	"socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\n" +
	"Open a socket of the given type.  The family argument specifies the\n" +
	"address family; it defaults to AF_INET.  The type argument specifies\n" +
	"whether this is a stream (SOCK_STREAM, this is the default)\n" +
	"or datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,\n" +
	"specifying the default protocol.  Keyword arguments are accepted.\n" +
	"The socket is created as non-inheritable.\n\n" +
	"When a fileno is passed in, family, type and proto are auto-detected,\n" +
	"unless they are explicitly set.\n\n" +
	"A socket object represents one endpoint of a network connection."

func init() {
	interp.RegisterModule("_socket", initSocket)
	socketType = interp.NewType[sockObject](interp.TypeSpec{
		Name:         "socket",
		Module:       "_socket",
		Doc:          socketDoc,
		Subclassable: true,
		New:          sockNew,
		Init:         sockInit,
		Dealloc: func(in *interp.Interp, v Value) {
			s := interp.ObjectOf[sockObject](v)
			if s.fd >= 0 {
				syscall.Close(s.fd)
				s.fd = -1
			}
		},
		Repr: sockRepr,
	})
	t := socketType
	intAttr := func(name string, get func(s *sockObject) int) {
		t.AddGetSet(name, func(in *interp.Interp, obj Value) (Value, error) {
			return interp.Int(int64(get(interp.ObjectOf[sockObject](obj)))), nil
		}, func(in *interp.Interp, obj, value Value) error {
			// Read-only members, as CPython's T_INT READONLY ones.
			return in.Raise(interp.AttributeError, "readonly attribute")
		})
	}
	intAttr("family", func(s *sockObject) int { return s.family })
	intAttr("type", func(s *sockObject) int { return s.typ })
	intAttr("proto", func(s *sockObject) int { return s.proto })
	t.AddGetSet("timeout", func(in *interp.Interp, obj Value) (Value, error) {
		return sockTimeoutValue(interp.ObjectOf[sockObject](obj).timeout), nil
	}, nil)
	initSocketMethods(t)
	initSocketIO(t)

	c := &socketTable
	c.typ("socket", socketType)
	c.typ("SocketType", socketType)
	c.set("error", interp.TypeValue(interp.OSError))
	c.set("timeout", interp.TypeValue(interp.ExcType("TimeoutError")))
	c.set("has_ipv6", interp.True)
	for _, k := range socketConsts {
		c.set(k.name, interp.Int(k.value))
	}
	initSocketFuncs(c)
}

func initSocket(in *interp.Interp, m *interp.Module) error {
	if err := socketTable.fill(in, m); err != nil {
		return err
	}
	st := socketStateOf(in)
	if st.gaierror.IsNil() {
		h, err := newModuleException(in, "socket", "herror", interp.OSError)
		if err != nil {
			return err
		}
		st.herror = h
		g, err := newModuleException(in, "socket", "gaierror", interp.OSError)
		if err != nil {
			return err
		}
		st.gaierror = g
	}
	if err := m.Set(in, "herror", st.herror); err != nil {
		return err
	}
	return m.Set(in, "gaierror", st.gaierror)
}

// sockOf returns the socket struct of v (an instance of the type or of
// a subclass).
func sockOf(v Value) *sockObject { return interp.ObjectOf[sockObject](v) }

func sockNew(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
	s, err := interp.NewObject[sockObject](in, t)
	if err != nil {
		return Value{}, err
	}
	s.fd, s.family, s.typ, s.proto, s.timeout = -1, syscall.AF_INET, syscall.SOCK_STREAM, 0, -1
	return interp.ValueOf(s), nil
}

var sockInitParams = interp.Params{Func: "socket", Names: []string{"family", "type", "proto", "fileno"}}

func sockInit(in *interp.Interp, self Value, args []Value, kwnames []Value) error {
	var famv, typv, protov, filenov Value
	if err := in.Unpack(&sockInitParams, args, kwnames, &famv, &typv, &protov, &filenov); err != nil {
		return err
	}
	family, typ, proto := -1, -1, -1
	for _, p := range []struct {
		v   Value
		dst *int
	}{{famv, &family}, {typv, &typ}, {protov, &proto}} {
		if p.v.IsNil() {
			continue
		}
		n, err := intArg(in, p.v)
		if err != nil {
			return err
		}
		*p.dst = n
	}
	s := sockOf(self)
	if s.fd >= 0 {
		// __init__ called again: CPython leaks the old descriptor; close it.
		syscall.Close(s.fd)
		s.fd = -1
	}
	var fd int
	if !filenov.IsNil() && !filenov.IsNone() {
		n, err := sockFilenoArg(in, filenov)
		if err != nil {
			return err
		}
		fd = n
		if family == -1 {
			sa, err := sysSockname(fd, false)
			if err != nil {
				return sockError(in, err)
			}
			family = syscall.AF_UNSPEC
			if len(sa) >= 2 {
				family = int(binary.NativeEndian.Uint16(sa))
			}
		}
		if typ == -1 {
			v, err := sockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_TYPE)
			if err != nil {
				return sockError(in, err)
			}
			typ = v
		}
		if proto == -1 {
			v, err := sockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_PROTOCOL)
			if err != nil {
				return sockError(in, err)
			}
			proto = v
		}
	} else {
		if family == -1 {
			family = syscall.AF_INET
		}
		if typ == -1 {
			typ = syscall.SOCK_STREAM
		}
		if proto == -1 {
			proto = 0
		}
		n, err := syscall.Socket(family, typ|syscall.SOCK_CLOEXEC, proto)
		if err != nil {
			return sockError(in, err)
		}
		fd = n
	}
	return initSockObject(in, s, fd, family, typ, proto)
}

// initSockObject fills a socket as CPython's init_sockobject does: the
// type without its creation flags, the default timeout (which makes the
// descriptor non-blocking), unless SOCK_NONBLOCK asked for timeout 0.
func initSockObject(in *interp.Interp, s *sockObject, fd, family, typ, proto int) error {
	s.fd, s.family, s.proto = fd, family, proto
	s.typ = typ &^ (syscall.SOCK_NONBLOCK | syscall.SOCK_CLOEXEC)
	if typ&syscall.SOCK_NONBLOCK != 0 {
		s.timeout = 0
		return nil
	}
	s.timeout = socketStateOf(in).defaultTimeout
	if s.timeout >= 0 {
		if err := sockSetBlocking(fd, false); err != nil {
			return sockError(in, err)
		}
	}
	return nil
}

// sockFilenoArg reads the fileno argument of socket().
func sockFilenoArg(in *interp.Interp, v Value) (int, error) {
	if v.IsFloat() {
		return 0, in.Raise(interp.TypeError, "'float' object cannot be interpreted as an integer")
	}
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	n, ok := interp.IntValue(i)
	switch {
	case !ok && interp.BigIntOf(i).Sign() < 0, ok && n < 0:
		return 0, in.Raise(interp.ValueError, "negative file descriptor")
	case !ok, n > math.MaxInt32:
		return 0, in.Raise(interp.OverflowError, "file descriptor out of range")
	}
	return int(n), nil
}

// sockSetBlocking sets or clears O_NONBLOCK.
func sockSetBlocking(fd int, block bool) error {
	flags, _, e := syscall.RawSyscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFL, 0)
	if e != 0 {
		return e
	}
	nf := flags | syscall.O_NONBLOCK
	if block {
		nf = flags &^ syscall.O_NONBLOCK
	}
	if nf == flags {
		return nil
	}
	_, _, e = syscall.RawSyscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_SETFL, nf)
	return sockErrno(e)
}

func sockRepr(in *interp.Interp, v Value) (Value, error) {
	s := sockOf(v)
	return in.NewStr("<socket object, fd=" + strconv.Itoa(s.fd) + ", family=" + strconv.Itoa(s.family) +
		", type=" + strconv.Itoa(s.typ) + ", proto=" + strconv.Itoa(s.proto) + ">")
}

// sockError raises the OSError for a failed system call.
func sockError(in *interp.Interp, err error) error {
	if e, ok := err.(syscall.Errno); ok {
		return in.OSErrorErrno(e, Value{}, Value{})
	}
	return in.OSErrorFrom(err, Value{})
}

// sockTimeoutValue is a timeout as Python shows it: None or float seconds.
func sockTimeoutValue(d time.Duration) Value {
	if d < 0 {
		return interp.None
	}
	return interp.Float(float64(d) / 1e9)
}

// sockTimeoutArg converts a timeout in seconds (None: blocking, -1) as
// CPython's socket_parse_timeout does, rounding up to the nanosecond.
func sockTimeoutArg(in *interp.Interp, v Value) (time.Duration, error) {
	if v.IsNone() {
		return -1, nil
	}
	d, err := sockDurationArg(in, v, 1e9)
	if err != nil {
		return 0, err
	}
	if d < 0 {
		return 0, in.Raise(interp.ValueError, "Timeout value out of range")
	}
	return d, nil
}

// sockDurationArg is _PyTime_FromSecondsObject (unit 1e9) or
// _PyTime_FromMillisecondsObject (unit 1e6) with rounding up: a float or
// an int of units as a duration.
func sockDurationArg(in *interp.Interp, v Value, unit float64) (time.Duration, error) {
	if v.IsFloat() || interp.IsInstance(v, interp.FloatType) {
		f, err := in.ToFloat(v)
		if err != nil {
			return 0, err
		}
		if math.IsNaN(f) {
			return 0, in.Raise(interp.ValueError, "Invalid value NaN (not a number)")
		}
		ns := f * unit
		if ns >= 0 {
			ns = math.Ceil(ns)
		} else {
			ns = math.Floor(ns)
		}
		if ns >= math.MaxInt64 || ns < math.MinInt64 {
			return 0, in.Raise(interp.OverflowError, "timestamp too large to convert to C _PyTime_t")
		}
		return time.Duration(ns), nil
	}
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	n, ok := interp.IntValue(i)
	if !ok || n > math.MaxInt64/int64(unit) || n < math.MinInt64/int64(unit) {
		return 0, in.Raise(interp.OverflowError, "timestamp too large to convert to C _PyTime_t")
	}
	return time.Duration(n * int64(unit)), nil
}

// sockClassicArgs checks a PyArg_ParseTuple-style method call: no keywords
// and between lo and hi arguments besides self.
func sockClassicArgs(in *interp.Interp, qual, name string, args, kwnames []Value, lo, hi int) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "%s() takes no keyword arguments", qual)
	}
	n := len(args) - 1
	plural := func(k int) string {
		if k == 1 {
			return ""
		}
		return "s"
	}
	switch {
	case lo == hi && (n < lo || n > hi):
		return in.Raise(interp.TypeError, "%s() takes exactly %d argument%s (%d given)", name, lo, plural(lo), n)
	case n < lo:
		return in.Raise(interp.TypeError, "%s() takes at least %d argument%s (%d given)", name, lo, plural(lo), n)
	case n > hi:
		return in.Raise(interp.TypeError, "%s() takes at most %d argument%s (%d given)", name, hi, plural(hi), n)
	}
	return nil
}

// sockNoArgs wraps a method without arguments.
func sockNoArgs(name string, fn func(in *interp.Interp, s *sockObject) (Value, error)) interp.MethodFunc {
	qual := "socket." + name
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		return fn(in, sockOf(args[0]))
	}
}

// sockOneArg wraps a METH_O method.
func sockOneArg(name string, fn func(in *interp.Interp, s *sockObject, arg Value) (Value, error)) interp.MethodFunc {
	qual := "socket." + name
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		return fn(in, sockOf(args[0]), args[1])
	}
}

// initSocketMethods adds the methods that do not move data.
func initSocketMethods(t *interp.Type) {
	t.AddMethod("fileno", sockNoArgs("fileno", func(in *interp.Interp, s *sockObject) (Value, error) {
		return interp.Int(int64(s.fd)), nil
	}))
	t.AddMethod("detach", sockNoArgs("detach", func(in *interp.Interp, s *sockObject) (Value, error) {
		fd := s.fd
		s.fd = -1
		return interp.Int(int64(fd)), nil
	}))
	t.AddMethod("close", sockNoArgs("close", func(in *interp.Interp, s *sockObject) (Value, error) {
		fd := s.fd
		if fd < 0 {
			return interp.None, nil
		}
		s.fd = -1
		// ECONNRESET means the peer went first, which close need not
		// report; EINTR leaves the descriptor closed on Linux.
		if err := syscall.Close(fd); err != nil && err != syscall.ECONNRESET && err != syscall.EINTR {
			return Value{}, sockError(in, err)
		}
		return interp.None, nil
	}))
	t.AddMethod("bind", sockOneArg("bind", func(in *interp.Interp, s *sockObject, addr Value) (Value, error) {
		sa, err := sockaddrArg(in, s.family, addr, "bind")
		if err != nil {
			return Value{}, err
		}
		if err := sysBind(s.fd, sa); err != nil {
			return Value{}, sockError(in, err)
		}
		return interp.None, nil
	}))
	t.AddMethod("listen", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := sockClassicArgs(in, "socket.listen", "listen", args, kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		backlog := min(syscall.SOMAXCONN, 128)
		if len(args) > 1 {
			n, err := intArg(in, args[1])
			if err != nil {
				return Value{}, err
			}
			backlog = max(n, 0)
		}
		s := sockOf(args[0])
		if err := retryEINTR(func() error { return syscall.Listen(s.fd, backlog) }); err != nil {
			return Value{}, sockError(in, err)
		}
		return interp.None, nil
	})
	t.AddMethod("shutdown", sockOneArg("shutdown", func(in *interp.Interp, s *sockObject, how Value) (Value, error) {
		n, err := intArg(in, how)
		if err != nil {
			return Value{}, err
		}
		if err := syscall.Shutdown(s.fd, n); err != nil {
			return Value{}, sockError(in, err)
		}
		return interp.None, nil
	}))
	name := func(peer bool) func(in *interp.Interp, s *sockObject) (Value, error) {
		return func(in *interp.Interp, s *sockObject) (Value, error) {
			sa, err := sysSockname(s.fd, peer)
			if err != nil {
				return Value{}, sockError(in, err)
			}
			return sockMakeSockaddr(in, sa)
		}
	}
	t.AddMethod("getsockname", sockNoArgs("getsockname", name(false)))
	t.AddMethod("getpeername", sockNoArgs("getpeername", name(true)))
	t.AddMethod("settimeout", sockOneArg("settimeout", func(in *interp.Interp, s *sockObject, v Value) (Value, error) {
		d, err := sockTimeoutArg(in, v)
		if err != nil {
			return Value{}, err
		}
		s.timeout = d
		if err := sockSetBlocking(s.fd, d < 0); err != nil && s.fd >= 0 {
			return Value{}, sockError(in, err)
		}
		return interp.None, nil
	}))
	t.AddMethod("gettimeout", sockNoArgs("gettimeout", func(in *interp.Interp, s *sockObject) (Value, error) {
		return sockTimeoutValue(s.timeout), nil
	}))
	t.AddMethod("setblocking", sockOneArg("setblocking", func(in *interp.Interp, s *sockObject, v Value) (Value, error) {
		block, err := in.Truth(v)
		if err != nil {
			return Value{}, err
		}
		s.timeout = 0
		if block {
			s.timeout = -1
		}
		if err := sockSetBlocking(s.fd, block); err != nil && s.fd >= 0 {
			return Value{}, sockError(in, err)
		}
		return interp.None, nil
	}))
	t.AddMethod("getblocking", sockNoArgs("getblocking", func(in *interp.Interp, s *sockObject) (Value, error) {
		return interp.Bool(s.timeout != 0), nil
	}))
	t.AddMethod("setsockopt", sockSetsockopt)
	t.AddMethod("getsockopt", sockGetsockopt)
	t.AddMethod("__getstate__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		return Value{}, in.Raise(interp.TypeError, "cannot pickle '%s' object", args[0].Type().Name)
	})
}

func sockSetsockopt(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.Raise(interp.TypeError, "socket.setsockopt() takes no keyword arguments")
	}
	n := len(args) - 1
	if n != 3 && n != 4 {
		return Value{}, in.Raise(interp.TypeError, "setsockopt() takes exactly 3 arguments (%d given)", n)
	}
	s := sockOf(args[0])
	level, err := intArg(in, args[1])
	if err != nil {
		return Value{}, err
	}
	opt, err := intArg(in, args[2])
	if err != nil {
		return Value{}, err
	}
	val := args[3]
	if n == 4 {
		// setsockopt(level, option, None, optlen): a NULL value.
		if !val.IsNone() {
			return Value{}, in.Raise(interp.TypeError, "setsockopt() argument 3 must be None, not %s", typeNameForArg(val))
		}
		optlen, err := sockUintMaskArg(in, args[4])
		if err != nil {
			return Value{}, err
		}
		if err := sysSetsockopt(s.fd, level, opt, nil, int(optlen)); err != nil {
			return Value{}, sockError(in, err)
		}
		return interp.None, nil
	}
	var buf []byte
	if interp.IsInt(val) {
		v, err := intArg(in, val)
		if err != nil {
			return Value{}, err
		}
		buf = make([]byte, 4)
		binary.NativeEndian.PutUint32(buf, uint32(int32(v)))
	} else {
		b, err := in.BufferSimple(val)
		if err != nil {
			return Value{}, err
		}
		buf = append([]byte{}, b...)
	}
	if err := sysSetsockopt(s.fd, level, opt, buf, len(buf)); err != nil {
		return Value{}, sockError(in, err)
	}
	return interp.None, nil
}

func sockGetsockopt(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := sockClassicArgs(in, "socket.getsockopt", "getsockopt", args, kwnames, 2, 3); err != nil {
		return Value{}, err
	}
	s := sockOf(args[0])
	level, err := intArg(in, args[1])
	if err != nil {
		return Value{}, err
	}
	opt, err := intArg(in, args[2])
	if err != nil {
		return Value{}, err
	}
	if len(args) == 3 {
		v, err := sockoptInt(s.fd, level, opt)
		if err != nil {
			return Value{}, sockError(in, err)
		}
		return interp.Int(int64(v)), nil
	}
	buflen, err := intArg(in, args[3])
	if err != nil {
		return Value{}, err
	}
	if buflen <= 0 || buflen > 1024 {
		return Value{}, in.Raise(interp.OSError, "getsockopt buflen out of range")
	}
	buf := make([]byte, buflen)
	got, err := sysGetsockopt(s.fd, level, opt, buf)
	if err != nil {
		return Value{}, sockError(in, err)
	}
	return in.NewBytes(buf[:min(got, buflen)])
}
