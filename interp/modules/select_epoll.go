//go:build linux

package modules

import (
	"syscall"
	"time"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// select.epoll: an epoll descriptor, closed with the object.

// epollObject is a select.epoll.
type epollObject struct {
	alloc.Header
	fd int // -1 once closed
}

var epollType *interp.Type

var (
	epollParams      = interp.Params{Func: "epoll", Names: []string{"sizehint", "flags"}}
	epollRegParams   = interp.Params{Func: "register", Names: []string{"fd", "eventmask"}, Required: 1}
	epollModParams   = interp.Params{Func: "modify", Names: []string{"fd", "eventmask"}, Required: 2}
	epollUnregParams = interp.Params{Func: "unregister", Names: []string{"fd"}, Required: 1}
	epollPollParams  = interp.Params{Func: "poll", Names: []string{"timeout", "maxevents"}}
)

const epollDoc = "select.epoll(sizehint=-1, flags=0)\n\n" +
	"Returns an epolling object\n\n" +
	"  sizehint\n    The expected number of events to be registered.  It must be positive,\n" +
	"    or -1 to use the default.  It is only used on older systems where\n" +
	"    epoll_create1() is not available; otherwise it has no effect (though its\n" +
	"    value is still checked).\n" +
	"  flags\n    Deprecated and completely ignored.  However, when supplied, its value\n" +
	"    must be 0 or select.EPOLL_CLOEXEC, otherwise OSError is raised."

// newEpoll makes an epoll object of class t owning fd.
func newEpoll(in *interp.Interp, t *interp.Type, fd int) (Value, error) {
	e, err := interp.NewObject[epollObject](in, t)
	if err != nil {
		syscall.Close(fd)
		return Value{}, err
	}
	e.fd = fd
	return interp.ValueOf(e), nil
}

// openEpoll returns the epoll object of v, or ValueError once closed.
func openEpoll(in *interp.Interp, v Value) (*epollObject, error) {
	e := interp.ObjectOf[epollObject](v)
	if e.fd < 0 {
		return nil, in.Raise(interp.ValueError, "I/O operation on closed epoll object")
	}
	return e, nil
}

func initEpollType() {
	epollType = interp.NewType[epollObject](interp.TypeSpec{
		Name:   "epoll",
		Module: "select",
		Doc:    epollDoc,
		New: func(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
			var sizev, flagsv Value
			if err := in.Unpack(&epollParams, args, kwnames, &sizev, &flagsv); err != nil {
				return Value{}, err
			}
			size, flags := -1, 0
			var err error
			if !sizev.IsNil() {
				if size, err = intArg(in, sizev); err != nil {
					return Value{}, err
				}
			}
			if !flagsv.IsNil() {
				if flags, err = intArg(in, flagsv); err != nil {
					return Value{}, err
				}
			}
			if flags != 0 && flags != epollCloexec {
				return Value{}, in.Raise(interp.OSError, "invalid flags")
			}
			if size == 0 || size < -1 {
				return Value{}, in.Raise(interp.ValueError, "negative sizehint")
			}
			fd, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
			if err != nil {
				return Value{}, sockError(in, err)
			}
			return newEpoll(in, t, fd)
		},
		Dealloc: func(in *interp.Interp, v Value) {
			e := interp.ObjectOf[epollObject](v)
			if e.fd >= 0 {
				syscall.Close(e.fd)
				e.fd = -1
			}
		},
	})
	t := epollType
	t.AddGetSet("closed", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Bool(interp.ObjectOf[epollObject](obj).fd < 0), nil
	}, nil)
	t.AddMethod("close", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("epoll.close", args, kwnames); err != nil {
			return Value{}, err
		}
		e := interp.ObjectOf[epollObject](args[0])
		if e.fd >= 0 {
			fd := e.fd
			e.fd = -1
			if err := syscall.Close(fd); err != nil {
				return Value{}, sockError(in, err)
			}
		}
		return interp.None, nil
	})
	t.AddMethod("fileno", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("epoll.fileno", args, kwnames); err != nil {
			return Value{}, err
		}
		e, err := openEpoll(in, args[0])
		if err != nil {
			return Value{}, err
		}
		return interp.Int(int64(e.fd)), nil
	})
	t.AddClassMethod("fromfd", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("epoll.fromfd", args, kwnames); err != nil {
			return Value{}, err
		}
		fd, err := intArg(in, args[1])
		if err != nil {
			return Value{}, err
		}
		cls := interp.AsType(args[0])
		if cls == nil {
			cls = epollType
		}
		e, err := interp.NewObject[epollObject](in, cls)
		if err != nil {
			return Value{}, err
		}
		e.fd = fd
		return interp.ValueOf(e), nil
	})
	ctl := func(p *interp.Params, op int, defMask bool) interp.MethodFunc {
		return func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			out := make([]Value, len(p.Names))
			ptrs := make([]*Value, len(out))
			for i := range out {
				ptrs[i] = &out[i]
			}
			if err := in.Unpack(p, args[1:], kwnames, ptrs...); err != nil {
				return Value{}, err
			}
			e, err := openEpoll(in, args[0])
			if err != nil {
				return Value{}, err
			}
			fd, err := fildesArg(in, out[0])
			if err != nil {
				return Value{}, err
			}
			var ev syscall.EpollEvent
			ev.Fd = int32(fd)
			if defMask {
				ev.Events = syscall.EPOLLIN | syscall.EPOLLPRI | syscall.EPOLLOUT
			}
			if len(out) > 1 && !out[1].IsNil() {
				mask, err := sockUintMaskArg(in, out[1])
				if err != nil {
					return Value{}, err
				}
				ev.Events = mask
			}
			if err := syscall.EpollCtl(e.fd, op, fd, &ev); err != nil {
				return Value{}, sockError(in, err)
			}
			return interp.None, nil
		}
	}
	t.AddMethod("register", ctl(&epollRegParams, syscall.EPOLL_CTL_ADD, true))
	t.AddMethod("modify", ctl(&epollModParams, syscall.EPOLL_CTL_MOD, false))
	t.AddMethod("unregister", ctl(&epollUnregParams, syscall.EPOLL_CTL_DEL, false))
	t.AddMethod("poll", epollPoll)
	t.AddMethod("__enter__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("epoll.__enter__", args, kwnames); err != nil {
			return Value{}, err
		}
		if _, err := openEpoll(in, args[0]); err != nil {
			return Value{}, err
		}
		interp.IncRef(args[0])
		return args[0], nil
	})
	t.AddMethod("__exit__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		e := interp.ObjectOf[epollObject](args[0])
		if e.fd >= 0 {
			fd := e.fd
			e.fd = -1
			if err := syscall.Close(fd); err != nil {
				return Value{}, sockError(in, err)
			}
		}
		return interp.None, nil
	})
}

func epollPoll(in *interp.Interp, args, kwnames []Value) (Value, error) {
	var tv, mv Value
	if err := in.Unpack(&epollPollParams, args[1:], kwnames, &tv, &mv); err != nil {
		return Value{}, err
	}
	timeout := time.Duration(-1)
	if !tv.IsNil() && !tv.IsNone() {
		d, err := sockDurationArg(in, tv, 1e9)
		if err != nil {
			if interp.ErrorIs(err, interp.TypeError) {
				in.DiscardError(err)
				return Value{}, in.Raise(interp.TypeError, "timeout must be an integer or None")
			}
			return Value{}, err
		}
		if d >= 0 {
			timeout = d
		}
	}
	maxEvents := -1
	if !mv.IsNil() {
		n, err := intArg(in, mv)
		if err != nil {
			return Value{}, err
		}
		maxEvents = n
	}
	if maxEvents == -1 {
		maxEvents = fdSetSize - 1
	} else if maxEvents < 1 {
		return Value{}, in.Raise(interp.ValueError, "maxevents must be greater than 0, got %d", maxEvents)
	}
	e, err := openEpoll(in, args[0])
	if err != nil {
		return Value{}, err
	}
	events := make([]syscall.EpollEvent, maxEvents)
	deadline := time.Now().Add(timeout)
	var n int
	for {
		left := signalSlice
		sliced := true
		if timeout >= 0 {
			left = max(time.Until(deadline), 0)
			sliced = left > signalSlice
			left = min(left, signalSlice)
		}
		ms := int((left + time.Millisecond - 1) / time.Millisecond) // rounded up
		in.AllowThreads(func() { n, err = syscall.EpollWait(e.fd, events, ms) })
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
	l, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	for _, ev := range events[:n] {
		t, err := in.NewTuple(interp.Int(int64(ev.Fd)), interp.Int(int64(ev.Events)))
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
}
