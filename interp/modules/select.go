//go:build linux

package modules

import (
	"syscall"
	"time"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The select module of CPython 3.12 on Linux: select(), poll objects
// and epoll objects over the system calls, retrying (with the time
// left) after a signal interrupts a wait, as PEP 475 asks.

var selectTable moduleTable

const (
	fdSetSize    = 1024 // FD_SETSIZE
	epollCloexec = syscall.EPOLL_CLOEXEC
)

func init() {
	interp.RegisterModule("select", func(in *interp.Interp, m *interp.Module) error {
		return selectTable.fill(in, m)
	})
	c := &selectTable
	c.set("error", interp.TypeValue(interp.OSError))
	c.set("PIPE_BUF", interp.Int(4096))
	for _, k := range []struct {
		name  string
		value int64
	}{
		{"POLLIN", 0x1}, {"POLLPRI", 0x2}, {"POLLOUT", 0x4}, {"POLLERR", 0x8}, {"POLLHUP", 0x10},
		{"POLLNVAL", 0x20}, {"POLLRDNORM", 0x40}, {"POLLRDBAND", 0x80}, {"POLLWRNORM", 0x100},
		{"POLLWRBAND", 0x200}, {"POLLMSG", 0x400}, {"POLLRDHUP", 0x2000},
		{"EPOLLIN", 0x1}, {"EPOLLPRI", 0x2}, {"EPOLLOUT", 0x4}, {"EPOLLERR", 0x8}, {"EPOLLHUP", 0x10},
		{"EPOLLRDNORM", 0x40}, {"EPOLLRDBAND", 0x80}, {"EPOLLWRNORM", 0x100}, {"EPOLLWRBAND", 0x200},
		{"EPOLLMSG", 0x400}, {"EPOLLRDHUP", 0x2000}, {"EPOLLEXCLUSIVE", 1 << 28},
		{"EPOLLONESHOT", 1 << 30}, {"EPOLLET", 1 << 31}, {"EPOLL_CLOEXEC", epollCloexec},
	} {
		c.set(k.name, interp.Int(k.value))
	}
	c.fn("select", selectSelect)
	c.fn("poll", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount("poll", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		p, err := interp.NewObject[pollObject](in, pollType)
		if err != nil {
			return Value{}, err
		}
		return interp.ValueOf(p), nil
	})
	initPollType()
	initEpollType()
	c.typ("epoll", epollType)
}

// selectEntry is one object of select()'s lists with its descriptor.
type selectEntry struct {
	obj Value // owned
	fd  int
}

// selectList reads one of select()'s three iterables.
func selectList(in *interp.Interp, v Value, out *[]selectEntry) error {
	it, err := in.Iter(v)
	if err != nil {
		if interp.ErrorIs(err, interp.TypeError) {
			in.DiscardError(err)
			return in.Raise(interp.TypeError, "arguments 1-3 must be sequences")
		}
		return err
	}
	defer in.DecRef(it)
	for {
		item, ok, err := in.Next(it)
		if err != nil || !ok {
			return err
		}
		*out = append(*out, selectEntry{obj: item})
	}
}

// selectFdSetAdd sets fd's bit; the word size of FdSet differs between ports.
func selectFdSetAdd(s *syscall.FdSet, fd int) {
	bits := int(unsafe.Sizeof(s.Bits[0])) * 8
	s.Bits[fd/bits] |= 1 << (uint(fd) % uint(bits))
}

func selectFdSetHas(s *syscall.FdSet, fd int) bool {
	bits := int(unsafe.Sizeof(s.Bits[0])) * 8
	return s.Bits[fd/bits]&(1<<(uint(fd)%uint(bits))) != 0
}

func selectSelect(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("select", args, kwnames, 3, 4); err != nil {
		return Value{}, err
	}
	timeout := time.Duration(-1)
	if len(args) > 3 && !args[3].IsNone() {
		d, err := sockDurationArg(in, args[3], 1e9)
		if err != nil {
			if interp.ErrorIs(err, interp.TypeError) {
				in.DiscardError(err)
				return Value{}, in.Raise(interp.TypeError, "timeout must be a float or None")
			}
			return Value{}, err
		}
		if d < 0 {
			return Value{}, in.Raise(interp.ValueError, "timeout must be non-negative")
		}
		timeout = d
	}
	var lists [3][]selectEntry
	defer func() {
		for _, l := range lists {
			for _, e := range l {
				in.DecRef(e.obj)
			}
		}
	}()
	var sets [3]syscall.FdSet
	nfds := 0
	for i := range lists {
		if err := selectList(in, args[i], &lists[i]); err != nil {
			return Value{}, err
		}
		for j := range lists[i] {
			fd, err := fildesArg(in, lists[i][j].obj)
			if err != nil {
				return Value{}, err
			}
			if fd >= fdSetSize {
				return Value{}, in.Raise(interp.ValueError, "filedescriptor out of range in select()")
			}
			lists[i][j].fd = fd
			nfds = max(nfds, fd+1)
		}
	}
	deadline := time.Now().Add(timeout)
	var res [3]syscall.FdSet
	for {
		for i := range lists {
			sets[i] = syscall.FdSet{}
			for _, e := range lists[i] {
				selectFdSetAdd(&sets[i], e.fd)
			}
			res[i] = sets[i]
		}
		left := signalSlice
		sliced := true
		if timeout >= 0 {
			left = max(time.Until(deadline), 0)
			sliced = left > signalSlice
			left = min(left, signalSlice)
		}
		tv := syscall.NsecToTimeval(int64(left))
		if left > 0 && tv.Sec == 0 && tv.Usec == 0 {
			tv.Usec = 1
		}
		var n int
		var err error
		in.AllowThreads(func() { n, err = syscall.Select(nfds, &res[0], &res[1], &res[2], &tv) })
		if err == syscall.EINTR || err == nil && n == 0 && sliced {
			if err := in.CheckSignals(); err != nil {
				return Value{}, err
			}
			continue
		}
		if err != nil {
			return Value{}, sockError(in, err)
		}
		break
	}
	var out [3]Value
	for i := range lists {
		l, err := in.NewList()
		if err != nil {
			releaseAll(in, out[:])
			return Value{}, err
		}
		out[i] = l
		for _, e := range lists[i] {
			if selectFdSetHas(&res[i], e.fd) {
				if err := in.Append(interp.AsList(l), e.obj); err != nil {
					releaseAll(in, out[:])
					return Value{}, err
				}
			}
		}
	}
	return newTupleOwned(in, out[:])
}

// pollObject is what select.poll() returns: the registered descriptors
// in registration order, as CPython's dict keeps them.
type pollObject struct {
	alloc.Header
	fds    []int
	events map[int]int16
}

var pollType *interp.Type

// selectPollTimeout converts poll's timeout in milliseconds (None or
// negative: none).
func selectPollTimeout(in *interp.Interp, v Value) (time.Duration, error) {
	if v.IsNil() || v.IsNone() {
		return -1, nil
	}
	d, err := sockDurationArg(in, v, 1e6)
	if err != nil {
		if interp.ErrorIs(err, interp.TypeError) {
			in.DiscardError(err)
			return 0, in.Raise(interp.TypeError, "timeout must be an integer or None")
		}
		return 0, err
	}
	if d < 0 {
		return -1, nil
	}
	return d, nil
}

// selectEventMaskArg is the "H" format of poll's event masks.
func selectEventMaskArg(in *interp.Interp, v Value) (int16, error) {
	if !interp.IsInt(v) {
		return 0, in.Raise(interp.TypeError, "an integer is required")
	}
	n, ok := interp.IntValue(v)
	switch {
	case ok && n < 0, !ok && interp.BigIntOf(v).Sign() < 0:
		return 0, in.Raise(interp.ValueError, "value must be positive")
	case !ok, n > 0xffff:
		return 0, in.Raise(interp.OverflowError, "Python int too large for C unsigned short")
	}
	return int16(uint16(n)), nil
}

func initPollType() {
	pollType = interp.NewType[pollObject](interp.TypeSpec{Name: "poll", Module: "select"})
	t := pollType
	t.AddMethod("register", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount("register", args[1:], kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		fd, err := fildesArg(in, args[1])
		if err != nil {
			return Value{}, err
		}
		ev := int16(sockPollIn | sockPollPri | sockPollOut)
		if len(args) > 2 {
			if ev, err = selectEventMaskArg(in, args[2]); err != nil {
				return Value{}, err
			}
		}
		p := interp.ObjectOf[pollObject](args[0])
		if p.events == nil {
			p.events = map[int]int16{}
		}
		if _, ok := p.events[fd]; !ok {
			p.fds = append(p.fds, fd)
		}
		p.events[fd] = ev
		return interp.None, nil
	})
	t.AddMethod("modify", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount("modify", args[1:], kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		fd, err := fildesArg(in, args[1])
		if err != nil {
			return Value{}, err
		}
		ev, err := selectEventMaskArg(in, args[2])
		if err != nil {
			return Value{}, err
		}
		p := interp.ObjectOf[pollObject](args[0])
		if _, ok := p.events[fd]; !ok {
			return Value{}, sockError(in, syscall.ENOENT)
		}
		p.events[fd] = ev
		return interp.None, nil
	})
	t.AddMethod("unregister", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("poll.unregister", args, kwnames); err != nil {
			return Value{}, err
		}
		fd, err := fildesArg(in, args[1])
		if err != nil {
			return Value{}, err
		}
		p := interp.ObjectOf[pollObject](args[0])
		if _, ok := p.events[fd]; !ok {
			e, err := in.Call(interp.TypeValue(interp.KeyError), []Value{interp.Int(int64(fd))}, nil)
			if err != nil {
				return Value{}, err
			}
			defer in.DecRef(e)
			return Value{}, in.RaiseValue(e)
		}
		delete(p.events, fd)
		for i, f := range p.fds {
			if f == fd {
				p.fds = append(p.fds[:i], p.fds[i+1:]...)
				break
			}
		}
		return interp.None, nil
	})
	t.AddMethod("poll", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount("poll", args[1:], kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		var tv Value
		if len(args) > 1 {
			tv = args[1]
		}
		timeout, err := selectPollTimeout(in, tv)
		if err != nil {
			return Value{}, err
		}
		p := interp.ObjectOf[pollObject](args[0])
		fds := make([]sysPollFd, len(p.fds))
		for i, fd := range p.fds {
			fds[i] = sysPollFd{fd: int32(fd), events: p.events[fd]}
		}
		if err := selectPollWait(in, fds, timeout); err != nil {
			return Value{}, err
		}
		l, err := in.NewList()
		if err != nil {
			return Value{}, err
		}
		for _, f := range fds {
			if f.revents == 0 {
				continue
			}
			t, err := in.NewTuple(interp.Int(int64(f.fd)), interp.Int(int64(uint16(f.revents))))
			if err == nil {
				err = in.Append(interp.AsList(l), t)
				in.DecRef(t)
			}
			if err != nil {
				in.DecRef(l)
				return Value{}, err
			}
		}
		return l, nil
	})
}

// selectPollWait polls until an event or the timeout, retrying after signals
// with the time left.
func selectPollWait(in *interp.Interp, fds []sysPollFd, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		t := timeout
		if timeout >= 0 {
			t = max(time.Until(deadline), 0)
		}
		sliced := t < 0 || t > signalSlice
		if sliced {
			t = signalSlice
		}
		var n int
		var err error
		in.AllowThreads(func() { n, err = sysPoll(fds, t) })
		if err == syscall.EINTR || err == nil && n == 0 && sliced {
			if err := in.CheckSignals(); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return sockError(in, err)
		}
		return nil
	}
}
