//go:build linux

package modules

import (
	"encoding/binary"
	"errors"
	"syscall"
	"time"

	"github.com/parallel-py/parallel/interp"
)

// The socket methods that move data or connections: connect, accept,
// send*, recv*, with CPython's timeout discipline (sock_call_ex): a
// socket with a positive timeout polls its descriptor before each
// attempt, and an interrupted call runs the signal handlers and
// retries.

// sockErrTimedOut is what sockCall returns when the timeout expired.
var sockErrTimedOut = errors.New("timed out")

// sockWaitFd polls fd for reading or writing (connect also wants errors),
// with the GIL released: ready false means the time ran out.
func sockWaitFd(in *interp.Interp, fd int, writing, connect bool, timeout time.Duration) (bool, error) {
	ev := int16(sockPollIn)
	if writing {
		ev = sockPollOut
	}
	if connect {
		ev |= sockPollErr
	}
	fds := []sysPollFd{{fd: int32(fd), events: ev}}
	var n int
	var err error
	in.AllowThreads(func() { n, err = sysPoll(fds, timeout) })
	return n > 0, err
}

// signalSlice bounds one wait of poll, epoll or select, so that the
// handlers of signals that arrive meanwhile run promptly: Go's runtime
// takes process signals on threads of its choosing, so the waiting
// system call itself is seldom interrupted by them.
const signalSlice = 200 * time.Millisecond

// sockCall runs op until it succeeds or fails for good. The error is a
// syscall.Errno, sockErrTimedOut, or a Python exception a signal handler
// raised.
func sockCall(in *interp.Interp, s *sockObject, writing, connect bool, flags int, timeout time.Duration, op func() error) error {
	if timeout < 0 && flags&syscall.MSG_DONTWAIT == 0 && s.fd >= 0 {
		if err := sockAwaitBlocking(in, s.fd, writing); err != nil {
			return err
		}
	}
	hasTimeout := timeout > 0
	deadline := time.Now().Add(timeout)
	first := true
	for {
		if hasTimeout && s.fd >= 0 {
			interval := timeout
			if !first {
				interval = time.Until(deadline)
			}
			first = false
			if interval < 0 {
				return sockErrTimedOut
			}
			ready, err := sockWaitFd(in, s.fd, writing, connect, min(interval, signalSlice))
			if err == syscall.EINTR || err == nil && !ready && interval > signalSlice {
				if err := in.CheckSignals(); err != nil {
					return err
				}
				continue
			}
			if err != nil {
				return err
			}
			if !ready {
				return sockErrTimedOut
			}
		}
		for {
			err := op()
			if err == nil {
				return nil
			}
			if err == syscall.EINTR {
				if err := in.CheckSignals(); err != nil {
					return err
				}
				continue
			}
			if hasTimeout && err == syscall.EAGAIN {
				break // a false positive of poll: wait again
			}
			return err
		}
	}
}

// sockAwaitBlocking waits, for a blocking socket, until the descriptor
// is ready, in slices between which signal handlers run: a blocking
// system call would be restarted after Go's handler takes the signal,
// where CPython's would be interrupted (and raise KeyboardInterrupt).
// A descriptor left non-blocking (adopted with socket(fileno=...)) is
// not waited for, so that the call fails with EAGAIN as in CPython.
func sockAwaitBlocking(in *interp.Interp, fd int, writing bool) error {
	fl, _, e := syscall.RawSyscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFL, 0)
	if e != 0 || fl&syscall.O_NONBLOCK != 0 {
		return nil // the call itself reports a bad descriptor
	}
	for {
		ready, err := sockWaitFd(in, fd, writing, false, signalSlice)
		if err != nil && err != syscall.EINTR || ready {
			return nil
		}
		if err := in.CheckSignals(); err != nil {
			return err
		}
	}
}

// sockRaise turns sockCall's error into the Python exception.
func sockRaise(in *interp.Interp, err error) error {
	switch e := err.(type) {
	case nil:
		return nil
	case syscall.Errno:
		return in.OSErrorErrno(e, Value{}, Value{})
	}
	if err == sockErrTimedOut {
		return in.Raise(interp.ExcType("TimeoutError"), "timed out")
	}
	return err
}

// sockRun is sockCall with the socket's timeout, raising.
func sockRun(in *interp.Interp, s *sockObject, writing bool, flags int, op func() error) error {
	return sockRaise(in, sockCall(in, s, writing, false, flags, s.timeout, op))
}

// sockConnect is CPython's internal_connect: the errno (0 on success)
// or a Python exception (a timeout raises only when raise is set; for
// connect_ex it is EWOULDBLOCK).
func sockConnect(in *interp.Interp, s *sockObject, sa []byte, raise bool) (syscall.Errno, error) {
	err := sysConnect(s.fd, sa)
	if err == nil {
		return 0, nil
	}
	var wait bool
	if err == syscall.EINTR {
		if perr := in.CheckSignals(); perr != nil {
			return 0, perr
		}
		wait = s.timeout != 0
	} else {
		wait = s.timeout > 0 && err == syscall.EINPROGRESS
	}
	if !wait {
		if raise {
			return 0, sockRaise(in, err)
		}
		return err.(syscall.Errno), nil
	}
	timeout := s.timeout
	if timeout < 0 {
		timeout = 1<<63 - 1 // blocking: wait for the connection, without end
	}
	err = sockCall(in, s, true, true, 0, timeout, func() error {
		v, err := sockoptInt(s.fd, syscall.SOL_SOCKET, syscall.SO_ERROR)
		switch {
		case err != nil:
			return err
		case v == int(syscall.EISCONN), v == 0:
			return nil
		}
		return syscall.Errno(v)
	})
	switch e := err.(type) {
	case nil:
		return 0, nil
	case syscall.Errno:
		if raise {
			return 0, sockRaise(in, e)
		}
		return e, nil
	}
	if err == sockErrTimedOut && !raise {
		return syscall.EAGAIN, nil
	}
	return 0, sockRaise(in, err)
}

// sockBufsizeArg reads a buffer size that must not be negative.
func sockBufsizeArg(in *interp.Interp, v Value, fname string) (int, error) {
	n, err := in.AsSsize(v)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, in.Raise(interp.ValueError, "negative buffersize in %s", fname)
	}
	return n, nil
}

// sockFlagsArg reads an optional flags argument (0 when absent).
func sockFlagsArg(in *interp.Interp, args []Value, i int) (int, error) {
	if len(args) <= i || args[i].IsNil() {
		return 0, nil
	}
	return intArg(in, args[i])
}

// sockRecvBytes receives up to n bytes into a new bytes object; from, when
// not nil, receives the sender's address bytes.
func sockRecvBytes(in *interp.Interp, s *sockObject, n, flags int, from *[]byte) (Value, error) {
	b, buf, err := in.AllocBytes(n)
	if err != nil {
		return Value{}, err
	}
	var got int
	err = sockRun(in, s, false, flags, func() error {
		sa, e := sysRecvfrom2(s.fd, buf, flags, from != nil, &got)
		if from != nil {
			*from = sa
		}
		return e
	})
	if err != nil {
		in.DecRef(b)
		return Value{}, err
	}
	if got == n {
		return b, nil
	}
	defer in.DecRef(b)
	return in.NewBytes(buf[:got])
}

// recvIntoArgs reads (buffer, nbytes=0, flags=0) and checks the sizes:
// the length to receive.
func recvIntoArgs(in *interp.Interp, p *interp.Params, args, kwnames []Value, tooBig string) (buf Value, n, flags int, err error) {
	var bufv, nv, fv Value
	if err := in.Unpack(p, args[1:], kwnames, &bufv, &nv, &fv); err != nil {
		return Value{}, 0, 0, err
	}
	b, err := in.BufferWritable(bufv)
	if err != nil {
		if interp.ErrorIs(err, interp.TypeError) {
			in.DiscardError(err)
			return Value{}, 0, 0, in.Raise(interp.TypeError, "%s() argument 1 must be read-write bytes-like object, not %s", p.Func, typeNameForArg(bufv))
		}
		return Value{}, 0, 0, err
	}
	if !nv.IsNil() {
		if n, err = in.AsSsize(nv); err != nil {
			return Value{}, 0, 0, err
		}
	}
	if flags, err = sockFlagsArg(in, []Value{fv}, 0); err != nil {
		return Value{}, 0, 0, err
	}
	switch {
	case n < 0:
		return Value{}, 0, 0, in.Raise(interp.ValueError, "negative buffersize in %s", p.Func)
	case n == 0:
		n = len(b)
	case n > len(b):
		return Value{}, 0, 0, in.Raise(interp.ValueError, "%s", tooBig)
	}
	return bufv, n, flags, nil
}

// sockRecvInto receives up to n bytes into the writable buffer bufv. The
// bytes go through a buffer of our own, so that a signal handler that
// resizes bufv meanwhile cannot make the kernel write out of bounds.
func sockRecvInto(in *interp.Interp, s *sockObject, bufv Value, n, flags int, from *[]byte) (int, error) {
	tmp := make([]byte, n)
	var got int
	err := sockRun(in, s, false, flags, func() error {
		sa, e := sysRecvfrom2(s.fd, tmp, flags, from != nil, &got)
		if from != nil {
			*from = sa
		}
		return e
	})
	if err != nil {
		return 0, err
	}
	b, err := in.BufferWritable(bufv)
	if err != nil {
		return 0, err
	}
	copy(b, tmp[:got])
	return got, nil
}

var (
	recvIntoParams     = interp.Params{Func: "recv_into", Names: []string{"buffer", "nbytes", "flags"}, Required: 1}
	recvfromIntoParams = interp.Params{Func: "recvfrom_into", Names: []string{"buffer", "nbytes", "flags"}, Required: 1}
)

// sysRecvfrom2 is sysRecvfrom storing the count in *got.
func sysRecvfrom2(fd int, p []byte, flags int, wantFrom bool, got *int) ([]byte, error) {
	n, sa, err := sysRecvfrom(fd, p, flags, wantFrom)
	*got = n
	return sa, err
}

// sockSendBuf sends data once: the count sent.
func sockSendBuf(in *interp.Interp, s *sockObject, data []byte, flags int, sa []byte) (int, error) {
	var sent int
	err := sockRun(in, s, true, flags, func() error {
		var e error
		sent, e = sysSendto(s.fd, data, flags, sa)
		return e
	})
	return sent, err
}

// sockDataArg copies a bytes-like argument (Python code may run before it
// is sent: the copy keeps it stable).
func sockDataArg(in *interp.Interp, v Value) ([]byte, error) {
	b, err := in.BufferSimple(v)
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), b...), nil
}

func initSocketIO(t *interp.Type) {
	t.AddMethod("connect", sockOneArg("connect", func(in *interp.Interp, s *sockObject, addr Value) (Value, error) {
		sa, err := sockaddrArg(in, s.family, addr, "connect")
		if err != nil {
			return Value{}, err
		}
		if _, err := sockConnect(in, s, sa, true); err != nil {
			return Value{}, err
		}
		return interp.None, nil
	}))
	t.AddMethod("connect_ex", sockOneArg("connect_ex", func(in *interp.Interp, s *sockObject, addr Value) (Value, error) {
		sa, err := sockaddrArg(in, s.family, addr, "connect_ex")
		if err != nil {
			return Value{}, err
		}
		e, err := sockConnect(in, s, sa, false)
		if err != nil {
			return Value{}, err
		}
		return interp.Int(int64(e)), nil
	}))
	t.AddMethod("_accept", sockNoArgs("_accept", func(in *interp.Interp, s *sockObject) (Value, error) {
		var nfd int
		var sa []byte
		err := sockRun(in, s, false, 0, func() error {
			var e error
			nfd, sa, e = sysAccept4(s.fd, syscall.SOCK_CLOEXEC)
			return e
		})
		if err != nil {
			return Value{}, err
		}
		addr, err := sockMakeSockaddr(in, sa)
		if err != nil {
			syscall.Close(nfd)
			return Value{}, err
		}
		return newTupleOwned(in, []Value{interp.Int(int64(nfd)), addr})
	}))
	t.AddMethod("recv", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := sockClassicArgs(in, "socket.recv", "recv", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		n, err := sockBufsizeArg(in, args[1], "recv")
		if err != nil {
			return Value{}, err
		}
		flags, err := sockFlagsArg(in, args, 2)
		if err != nil {
			return Value{}, err
		}
		return sockRecvBytes(in, sockOf(args[0]), n, flags, nil)
	})
	t.AddMethod("recvfrom", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := sockClassicArgs(in, "socket.recvfrom", "recvfrom", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		n, err := sockBufsizeArg(in, args[1], "recvfrom")
		if err != nil {
			return Value{}, err
		}
		flags, err := sockFlagsArg(in, args, 2)
		if err != nil {
			return Value{}, err
		}
		var from []byte
		data, err := sockRecvBytes(in, sockOf(args[0]), n, flags, &from)
		if err != nil {
			return Value{}, err
		}
		addr, err := sockMakeSockaddr(in, from)
		if err != nil {
			in.DecRef(data)
			return Value{}, err
		}
		return newTupleOwned(in, []Value{data, addr})
	})
	t.AddMethod("recv_into", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		bufv, n, flags, err := recvIntoArgs(in, &recvIntoParams, args, kwnames, "buffer too small for requested bytes")
		if err != nil {
			return Value{}, err
		}
		got, err := sockRecvInto(in, sockOf(args[0]), bufv, n, flags, nil)
		if err != nil {
			return Value{}, err
		}
		return interp.Int(int64(got)), nil
	})
	t.AddMethod("recvfrom_into", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		bufv, n, flags, err := recvIntoArgs(in, &recvfromIntoParams, args, kwnames, "nbytes is greater than the length of the buffer")
		if err != nil {
			return Value{}, err
		}
		var from []byte
		got, err := sockRecvInto(in, sockOf(args[0]), bufv, n, flags, &from)
		if err != nil {
			return Value{}, err
		}
		addr, err := sockMakeSockaddr(in, from)
		if err != nil {
			return Value{}, err
		}
		return newTupleOwned(in, []Value{interp.Int(int64(got)), addr})
	})
	t.AddMethod("send", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := sockClassicArgs(in, "socket.send", "send", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		data, err := sockDataArg(in, args[1])
		if err != nil {
			return Value{}, err
		}
		flags, err := sockFlagsArg(in, args, 2)
		if err != nil {
			return Value{}, err
		}
		n, err := sockSendBuf(in, sockOf(args[0]), data, flags, nil)
		if err != nil {
			return Value{}, err
		}
		return interp.Int(int64(n)), nil
	})
	t.AddMethod("sendall", sockSendall)
	t.AddMethod("sendto", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "socket.sendto() takes no keyword arguments")
		}
		n := len(args) - 1
		if n != 2 && n != 3 {
			return Value{}, in.Raise(interp.TypeError, "sendto() takes 2 or 3 arguments (%d given)", n)
		}
		s := sockOf(args[0])
		data, err := sockDataArg(in, args[1])
		if err != nil {
			return Value{}, err
		}
		flags := 0
		addr := args[2]
		if n == 3 {
			if flags, err = intArg(in, args[2]); err != nil {
				return Value{}, err
			}
			addr = args[3]
		}
		sa, err := sockaddrArg(in, s.family, addr, "sendto")
		if err != nil {
			return Value{}, err
		}
		sent, err := sockSendBuf(in, s, data, flags, sa)
		if err != nil {
			return Value{}, err
		}
		return interp.Int(int64(sent)), nil
	})
	t.AddMethod("sendmsg", sockSendmsg)
	t.AddMethod("recvmsg", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		return sockRecvmsg(in, args, kwnames, false)
	})
	t.AddMethod("recvmsg_into", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		return sockRecvmsg(in, args, kwnames, true)
	})
	t.AddMethod("sendmsg_afalg", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		return Value{}, in.Raise(interp.NotImplementedError, "socket.sendmsg_afalg() is not implemented yet")
	})
}

func sockSendall(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := sockClassicArgs(in, "socket.sendall", "sendall", args, kwnames, 1, 2); err != nil {
		return Value{}, err
	}
	s := sockOf(args[0])
	data, err := sockDataArg(in, args[1])
	if err != nil {
		return Value{}, err
	}
	flags, err := sockFlagsArg(in, args, 2)
	if err != nil {
		return Value{}, err
	}
	deadline := time.Now().Add(s.timeout)
	for len(data) > 0 {
		timeout := s.timeout
		if timeout > 0 {
			if timeout = time.Until(deadline); timeout <= 0 {
				return Value{}, sockRaise(in, sockErrTimedOut)
			}
		}
		var sent int
		err := sockCall(in, s, true, false, flags, timeout, func() error {
			var e error
			sent, e = sysSendto(s.fd, data, flags, nil)
			return e
		})
		if err != nil {
			return Value{}, sockRaise(in, err)
		}
		data = data[sent:]
		// CPython checks for signals between chunks too.
		if err := in.CheckSignals(); err != nil {
			return Value{}, err
		}
	}
	return interp.None, nil
}

// sockCmsgAlign rounds up to the alignment of control messages.
func sockCmsgAlign(n int) int {
	const a = sockPtrSize
	return (n + a - 1) &^ (a - 1)
}

func sockSendmsg(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := sockClassicArgs(in, "socket.sendmsg", "sendmsg", args, kwnames, 1, 4); err != nil {
		return Value{}, err
	}
	s := sockOf(args[0])
	it, err := in.Iter(args[1])
	if err != nil {
		if interp.ErrorIs(err, interp.TypeError) {
			in.DiscardError(err)
			return Value{}, in.Raise(interp.TypeError, "sendmsg() argument 1 must be an iterable")
		}
		return Value{}, err
	}
	var bufs [][]byte
	for {
		item, ok, err := in.Next(it)
		if err != nil {
			in.DecRef(it)
			return Value{}, err
		}
		if !ok {
			break
		}
		b, err := sockDataArg(in, item)
		in.DecRef(item)
		if err != nil {
			in.DecRef(it)
			return Value{}, err
		}
		bufs = append(bufs, b)
	}
	in.DecRef(it)
	var oob []byte
	if len(args) > 2 && !args[2].IsNone() {
		if oob, err = sockAncillaryArg(in, args[2]); err != nil {
			return Value{}, err
		}
	}
	flags, err := sockFlagsArg(in, args, 3)
	if err != nil {
		return Value{}, err
	}
	var sa []byte
	if len(args) > 4 && !args[4].IsNone() {
		if sa, err = sockaddrArg(in, s.family, args[4], "sendmsg"); err != nil {
			return Value{}, err
		}
	}
	var sent int
	err = sockRun(in, s, true, flags, func() error {
		var e error
		sent, e = sysSendmsg(s.fd, bufs, oob, flags, sa)
		return e
	})
	if err != nil {
		return Value{}, err
	}
	return interp.Int(int64(sent)), nil
}

// sockAncillaryArg packs sendmsg's ancillary data, an iterable of (level,
// type, data), into control messages.
func sockAncillaryArg(in *interp.Interp, v Value) ([]byte, error) {
	it, err := in.Iter(v)
	if err != nil {
		if interp.ErrorIs(err, interp.TypeError) {
			in.DiscardError(err)
			return nil, in.Raise(interp.TypeError, "sendmsg() argument 2 must be an iterable")
		}
		return nil, err
	}
	defer in.DecRef(it)
	const prefix = "[sendmsg() ancillary data items]()"
	var oob []byte
	for {
		item, ok, err := in.Next(it)
		if err != nil {
			return nil, err
		}
		if !ok {
			return oob, nil
		}
		msg, err := func() ([]byte, error) {
			defer in.DecRef(item)
			if !interp.IsSequence(item) {
				return nil, in.Raise(interp.TypeError, "%s argument must be 3-item sequence, not %s", prefix, typeNameForArg(item))
			}
			n, err := in.Len(item)
			if err != nil {
				return nil, err
			}
			if n != 3 {
				return nil, in.Raise(interp.TypeError, "%s argument must be sequence of length 3, not %d", prefix, n)
			}
			var parts [3]Value
			defer func() { releaseAll(in, parts[:]) }()
			for i := range parts {
				if parts[i], err = in.GetItem(item, interp.Int(int64(i))); err != nil {
					return nil, err
				}
			}
			level, err := intArg(in, parts[0])
			if err != nil {
				return nil, err
			}
			typ, err := intArg(in, parts[1])
			if err != nil {
				return nil, err
			}
			data, err := sockDataArg(in, parts[2])
			if err != nil {
				return nil, err
			}
			hdr := syscall.SizeofCmsghdr
			b := make([]byte, sockCmsgAlign(hdr+len(data)))
			var h syscall.Cmsghdr
			h.Level, h.Type = int32(level), int32(typ)
			h.SetLen(hdr + len(data))
			sockPutCmsghdr(b, &h)
			copy(b[hdr:], data)
			return b, nil
		}()
		if err != nil {
			return nil, err
		}
		oob = append(oob, msg...)
	}
}

// sockPutCmsghdr writes a struct cmsghdr (its length is a size_t).
func sockPutCmsghdr(b []byte, h *syscall.Cmsghdr) {
	if sockPtrSize == 8 {
		binary.NativeEndian.PutUint64(b, uint64(h.Len))
		binary.NativeEndian.PutUint32(b[8:], uint32(h.Level))
		binary.NativeEndian.PutUint32(b[12:], uint32(h.Type))
		return
	}
	binary.NativeEndian.PutUint32(b, uint32(h.Len))
	binary.NativeEndian.PutUint32(b[4:], uint32(h.Level))
	binary.NativeEndian.PutUint32(b[8:], uint32(h.Type))
}

// sockParseCmsgs splits received control bytes into (level, type, data)
// tuples; a truncated last message keeps the data that arrived.
func sockParseCmsgs(in *interp.Interp, oob []byte) (Value, error) {
	l, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	hdr := syscall.SizeofCmsghdr
	for len(oob) >= hdr {
		var n, level, typ int
		if sockPtrSize == 8 {
			n = int(binary.NativeEndian.Uint64(oob))
			level = int(int32(binary.NativeEndian.Uint32(oob[8:])))
			typ = int(int32(binary.NativeEndian.Uint32(oob[12:])))
		} else {
			n = int(binary.NativeEndian.Uint32(oob))
			level = int(int32(binary.NativeEndian.Uint32(oob[4:])))
			typ = int(int32(binary.NativeEndian.Uint32(oob[8:])))
		}
		if n < hdr {
			break
		}
		end := min(n, len(oob))
		data, err := in.NewBytes(oob[hdr:end])
		if err != nil {
			in.DecRef(l)
			return Value{}, err
		}
		tup, err := newTupleOwned(in, []Value{interp.Int(int64(level)), interp.Int(int64(typ)), data})
		if err != nil {
			in.DecRef(l)
			return Value{}, err
		}
		err = in.Append(interp.AsList(l), tup)
		in.DecRef(tup)
		if err != nil {
			in.DecRef(l)
			return Value{}, err
		}
		next := sockCmsgAlign(n)
		if next >= len(oob) {
			break
		}
		oob = oob[next:]
	}
	return l, nil
}

// sockRecvmsg is recvmsg(bufsize[, ancbufsize[, flags]]) and
// recvmsg_into(buffers[, ancbufsize[, flags]]).
func sockRecvmsg(in *interp.Interp, args []Value, kwnames []Value, into bool) (Value, error) {
	name := "recvmsg"
	if into {
		name = "recvmsg_into"
	}
	if err := sockClassicArgs(in, "socket."+name, name, args, kwnames, 1, 3); err != nil {
		return Value{}, err
	}
	s := sockOf(args[0])
	var targets []Value // recvmsg_into's buffers, owned
	defer func() { releaseAll(in, targets) }()
	var bufs [][]byte
	if into {
		it, err := in.Iter(args[1])
		if err != nil {
			if interp.ErrorIs(err, interp.TypeError) {
				in.DiscardError(err)
				return Value{}, in.Raise(interp.TypeError, "recvmsg_into() argument 1 must be an iterable")
			}
			return Value{}, err
		}
		for {
			item, ok, err := in.Next(it)
			if err != nil {
				in.DecRef(it)
				return Value{}, err
			}
			if !ok {
				break
			}
			targets = append(targets, item)
			b, err := in.BufferWritable(item)
			if err != nil {
				in.DecRef(it)
				return Value{}, err
			}
			bufs = append(bufs, make([]byte, len(b)))
		}
		in.DecRef(it)
	} else {
		n, err := in.AsSsize(args[1])
		if err != nil {
			return Value{}, err
		}
		if n < 0 {
			return Value{}, in.Raise(interp.ValueError, "negative buffer size in recvmsg()")
		}
		if n > 1<<40 {
			return Value{}, in.NoMemory()
		}
		bufs = [][]byte{make([]byte, n)}
	}
	anc := 0
	if len(args) > 2 {
		n, err := in.AsSsize(args[2])
		if err != nil {
			return Value{}, err
		}
		if n < 0 || n > 1<<30 {
			return Value{}, in.Raise(interp.ValueError, "invalid ancillary data buffer length")
		}
		anc = n
	}
	flags, err := sockFlagsArg(in, args, 3)
	if err != nil {
		return Value{}, err
	}
	oob := make([]byte, anc)
	var got, oobn, mflags int
	var from []byte
	err = sockRun(in, s, false, flags, func() error {
		var e error
		got, oobn, mflags, from, e = sysRecvmsg(s.fd, bufs, oob, flags)
		return e
	})
	if err != nil {
		return Value{}, err
	}
	var first Value
	if into {
		left := got
		for i, t := range targets {
			b, err := in.BufferWritable(t)
			if err != nil {
				return Value{}, err
			}
			k := min(left, len(bufs[i]), len(b))
			copy(b, bufs[i][:k])
			left -= min(left, len(bufs[i]))
		}
		first = interp.Int(int64(got))
	} else {
		if first, err = in.NewBytes(bufs[0][:got]); err != nil {
			return Value{}, err
		}
	}
	ancdata, err := sockParseCmsgs(in, oob[:min(oobn, len(oob))])
	if err != nil {
		in.DecRef(first)
		return Value{}, err
	}
	addr, err := sockMakeSockaddr(in, from)
	if err != nil {
		in.DecRef(first)
		in.DecRef(ancdata)
		return Value{}, err
	}
	return newTupleOwned(in, []Value{first, ancdata, interp.Int(int64(mflags)), addr})
}
