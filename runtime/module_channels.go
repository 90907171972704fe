package runtime

import (
	"errors"
	"fmt"

	"github.com/parallel-py/parallel/channels"
	"github.com/parallel-py/parallel/interp"
)

// The _interpchannels module: the Go half of PEP 554's channels (the
// interpchannels module, pylib/interpchannels.py), over the runtime's
// channels.Registry. As with queues, Python code names a channel by its
// registry ID, each end object holds a reference its interpreter owns,
// and waits release the GIL and stay interruptible. A send that waits
// returns once a receiver has the item; one that gives up (a timeout, an
// interruption) takes its item back.

func init() {
	interp.RegisterModule("_interpchannels", initInterpChannels)
}

func initInterpChannels(in *interp.Interp, m *interp.Module) error {
	x, err := xiChanOf(in)
	if err != nil {
		return err
	}
	return x.builtins(in, m, map[string]xiFunc{
		"_register_types":      (*xiChan).chRegisterTypes,
		"create":               (*xiChan).chCreate,
		"list_all":             (*xiChan).chListAll,
		"bind":                 (*xiChan).chBind,
		"unbind":               (*xiChan).chUnbind,
		"send":                 (*xiChan).chSend,
		"recv":                 (*xiChan).chRecv,
		"release":              (*xiChan).chRelease,
		"close":                (*xiChan).chClose,
		"get_info":             (*xiChan).chGetInfo,
		"get_channel_defaults": (*xiChan).chGetDefaults,
	}, nil)
}

// chRegisterTypes is _register_types(RecvChannel, SendChannel,
// ChannelError, ChannelNotFoundError, ChannelClosedError,
// ChannelReleasedError, ChannelEmptyError, ChannelNotEmptyError,
// ItemInterpreterDestroyed, UNBOUND).
func (x *xiChan) chRegisterTypes(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("_register_types", args, kwnames, 10, 10); err != nil {
		return interp.Value{}, err
	}
	for _, a := range args[:9] {
		if interp.AsType(a) == nil {
			return interp.Value{}, in.Raise(interp.TypeError, "_register_types() expects classes, got %s", a.Type().Name)
		}
	}
	st := &x.xiChanState
	setValues(in, []*interp.Value{&st.recvType, &st.sendType, &st.chanError, &st.chanNotFound,
		&st.chanClosed, &st.chanRelease, &st.chanEmpty, &st.chanNotEmpty, &st.chanDestroyed, &st.chanUnbound}, args)
	return interp.None, nil
}

// raiseChannelError raises the Python exception for err, an error of an
// operation on channel cid; the messages are CPython's.
func (x *xiChan) raiseChannelError(in *interp.Interp, err error, cid int64) error {
	st := &x.xiChanState
	id := itoa(cid)
	switch {
	case errors.Is(err, channels.ErrEmpty):
		return raiseClass(in, st.chanEmpty, interp.RuntimeError, "channel "+id+" is empty")
	case errors.Is(err, channels.ErrNotEmpty):
		return raiseClass(in, st.chanNotEmpty, interp.RuntimeError, "channel "+id+" may not be closed if not empty (try force=True)")
	case errors.Is(err, channels.ErrReleased):
		return raiseClass(in, st.chanRelease, interp.RuntimeError, "channel "+id+" is already closed (released in this interpreter)")
	case errors.Is(err, channels.ErrClosed):
		return raiseClass(in, st.chanClosed, interp.RuntimeError, "channel "+id+" is closed")
	case errors.Is(err, channels.ErrNotFound):
		return raiseClass(in, st.chanNotFound, interp.RuntimeError, "channel "+id+" not found")
	case errors.Is(err, channels.ErrBadOption):
		return in.Raise(interp.ValueError, "%v", err)
	}
	return raiseXIError(in, err, cid)
}

// channelArg finds the channel an ID argument names.
func (x *xiChan) channelArg(in *interp.Interp, v interp.Value) (*channels.Channel, *channels.Registry, int64, error) {
	reg, owner := x.reg, x.owner
	cid, err := chanIDArg(in, v, "channel")
	if err != nil {
		return nil, nil, 0, err
	}
	ch, err := reg.Channel(cid)
	if err != nil {
		return nil, nil, 0, x.raiseChannelError(in, err, cid)
	}
	return ch, reg, owner, nil
}

// chCreate is create(unboundop): the new channel's ID, with one
// reference the calling interpreter holds.
func (x *xiChan) chCreate(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("create", args, kwnames, 1, 1); err != nil {
		return interp.Value{}, err
	}
	reg, owner := x.reg, x.owner
	op, err := unboundArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	ch, err := reg.NewChannel(owner, channels.ChannelOptions{Unbound: op})
	if err != nil {
		return interp.Value{}, x.raiseChannelError(in, err, 0)
	}
	return interp.Int(ch.ID()), nil
}

// chListAll is list_all(): [(id, unboundop)] of the open channels.
func (x *xiChan) chListAll(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("list_all", args, kwnames, 0, 0); err != nil {
		return interp.Value{}, err
	}
	list := []any{}
	for _, ch := range x.reg.Channels() {
		list = append(list, Tuple{ch.ID(), int64(ch.UnboundOp())})
	}
	return toPython(in, list, 0)
}

// chBind adds a reference of the calling interpreter's (an end object).
func (x *xiChan) chBind(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	return x.chRef(in, "bind", args, kwnames, (*channels.Registry).Retain)
}

// chUnbind drops one (an end object dies); the last frees the channel.
func (x *xiChan) chUnbind(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	return x.chRef(in, "unbind", args, kwnames, (*channels.Registry).Release)
}

func (x *xiChan) chRef(in *interp.Interp, name string, args, kwnames []interp.Value, op func(*channels.Registry, channels.Handle, int64) error) (interp.Value, error) {
	return x.handleRef(in, name, args, kwnames, channels.HandleRecv, "channel", op, x.raiseChannelError)
}

// handleRef runs a registry reference operation (Retain, Release) for
// the calling interpreter on the queue or channel an ID argument names.
func (x *xiChan) handleRef(in *interp.Interp, name string, args, kwnames []interp.Value, kind channels.HandleKind, what string,
	op func(*channels.Registry, channels.Handle, int64) error, raise func(*interp.Interp, error, int64) error) (interp.Value, error) {
	if err := in.CheckArgCount(name, args, kwnames, 1, 1); err != nil {
		return interp.Value{}, err
	}
	id, err := chanIDArg(in, args[0], what)
	if err != nil {
		return interp.Value{}, err
	}
	if err := op(x.reg, channels.Handle{Kind: kind, ID: id}, x.owner); err != nil {
		return interp.Value{}, raise(in, err, id)
	}
	return interp.None, nil
}

// chSend is send(cid, obj, unboundop, block, timeout, buffer): with
// block, it waits (GIL released) until a receiver has the item, until
// timeout (None: no limit), then takes the item back and raises
// TimeoutError; without, it returns whether a waiting receiver took the
// item at once. With buffer, obj is a bytes-like object whose contents
// the receiver gets as a memoryview (a copy: nothing is shared).
func (x *xiChan) chSend(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("send", args, kwnames, 6, 6); err != nil {
		return interp.Value{}, err
	}
	ch, _, owner, err := x.channelArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	op, err := unboundArg(in, args[2])
	if err != nil {
		return interp.Value{}, err
	}
	block, err := in.Truth(args[3])
	if err != nil {
		return interp.Value{}, err
	}
	timeout, err := timeoutArg(in, args[4])
	if err != nil {
		return interp.Value{}, err
	}
	buffer, err := in.Truth(args[5])
	if err != nil {
		return interp.Value{}, err
	}
	var item channels.Item
	if buffer {
		b, err := in.BufferSimple(args[1])
		if err != nil {
			return interp.Value{}, err
		}
		item = channels.Buffer(b)
	} else if item, err = itemToSend(in, args[1], x.maxItem, true); err != nil {
		return interp.Value{}, raiseXIError(in, err, ch.ID())
	}
	end, opts := ch.SendEnd(owner), channels.SendOptions{Unbound: op}
	if !block {
		received, err := end.SendNowait(item, opts)
		if err != nil {
			return interp.Value{}, x.raiseChannelError(in, err, ch.ID())
		}
		return interp.Bool(received), nil
	}
	_, timedOut, err := awaitOp(in, timeout, func() (channels.Item, *channels.Waiter, error) {
		w, err := end.StartSend(item, opts)
		return channels.Item{}, w, err
	})
	switch {
	case timedOut:
		return interp.Value{}, in.Raise(interp.ExcType("TimeoutError"), "timed out")
	case err != nil:
		if _, ok := interp.ExceptionTypeName(err); ok {
			return interp.Value{}, err // interrupted: the item was taken back
		}
		return interp.Value{}, x.raiseChannelError(in, err, ch.ID())
	}
	return interp.True, nil
}

// chRecv is recv(cid, block, timeout): the next object, or for an item
// whose interpreter was destroyed UNBOUND or ItemInterpreterDestroyed
// raised. Nothing to
// receive raises ChannelEmptyError without block, and TimeoutError once
// timeout passes with it.
func (x *xiChan) chRecv(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("recv", args, kwnames, 3, 3); err != nil {
		return interp.Value{}, err
	}
	ch, reg, owner, err := x.channelArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	block, err := in.Truth(args[1])
	if err != nil {
		return interp.Value{}, err
	}
	timeout, err := timeoutArg(in, args[2])
	if err != nil {
		return interp.Value{}, err
	}
	end := ch.RecvEnd(owner)
	var item channels.Item
	if !block {
		item, err = end.RecvNowait()
	} else {
		var timedOut bool
		item, timedOut, err = awaitOp(in, timeout, end.StartRecv)
		if timedOut {
			return interp.Value{}, in.Raise(interp.ExcType("TimeoutError"), "timed out")
		}
		if _, ok := interp.ExceptionTypeName(err); ok {
			return interp.Value{}, err // interrupted
		}
	}
	return receivedToPython(in, reg, item, err, x.chanUnbound, x.chanDestroyed, func(err error) error { return x.raiseChannelError(in, err, ch.ID()) })
}

// chRelease is release(cid, send, recv): this interpreter stops using
// those ends; using them here raises ChannelReleasedError from now on,
// and once no interpreter uses an end the channel closes.
func (x *xiChan) chRelease(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("release", args, kwnames, 3, 3); err != nil {
		return interp.Value{}, err
	}
	ch, _, owner, err := x.channelArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	send, err := in.Truth(args[1])
	if err != nil {
		return interp.Value{}, err
	}
	recv, err := in.Truth(args[2])
	if err != nil {
		return interp.Value{}, err
	}
	if send {
		err = ch.SendEnd(owner).Release()
	}
	if recv && err == nil {
		err = ch.RecvEnd(owner).Release()
	}
	if err != nil {
		return interp.Value{}, x.raiseChannelError(in, err, ch.ID())
	}
	return interp.None, nil
}

// chClose is close(cid, send, recv, force), CPython's channel_close: an
// empty channel, or any with force, closes for everyone at once;
// closing only the send end of a channel with items lets receivers
// drain it first; otherwise a channel with items raises
// ChannelNotEmptyError.
func (x *xiChan) chClose(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("close", args, kwnames, 4, 4); err != nil {
		return interp.Value{}, err
	}
	ch, _, owner, err := x.channelArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	var flags [3]bool
	for i := range flags {
		if flags[i], err = in.Truth(args[i+1]); err != nil {
			return interp.Value{}, err
		}
	}
	send, recv, force := flags[0], flags[1], flags[2]
	switch {
	case recv:
		err = ch.RecvEnd(owner).Close(force)
	case send:
		err = ch.SendEnd(owner).Close(force)
	default:
		err = ch.Close(force)
	}
	if err != nil {
		return interp.Value{}, x.raiseChannelError(in, err, ch.ID())
	}
	return interp.None, nil
}

// chGetInfo is get_info(cid): (closed, closing, count).
func (x *xiChan) chGetInfo(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("get_info", args, kwnames, 1, 1); err != nil {
		return interp.Value{}, err
	}
	ch, _, _, err := x.channelArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	return in.NewTuple(interp.Bool(ch.Closed()), interp.Bool(ch.Closing()), interp.Int(int64(ch.Len())))
}

// chGetDefaults is get_channel_defaults(cid): the channel's unbound op.
func (x *xiChan) chGetDefaults(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("get_channel_defaults", args, kwnames, 1, 1); err != nil {
		return interp.Value{}, err
	}
	ch, _, _, err := x.channelArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	return interp.Int(int64(ch.UnboundOp())), nil
}

// Cross-interpreter items, shared by both modules (and by xi.go and
// convert.go for handles): a Python value becomes a channels.Item under
// the sender's GIL and a new object under the receiver's.

// handleOf recognizes a queue or channel end object of in (one of the
// registered classes, or a class derived from one): it crosses as its
// registry ID.
func handleOf(in *interp.Interp, v interp.Value) (channels.Handle, bool, error) {
	st := xiChanStateOf(in)
	var kind channels.HandleKind
	switch t := v.Type(); {
	case isSubclassOf(t, st.queueType):
		kind = channels.HandleQueue
	case isSubclassOf(t, st.recvType):
		kind = channels.HandleRecv
	case isSubclassOf(t, st.sendType):
		kind = channels.HandleSend
	default:
		return channels.Handle{}, false, nil
	}
	idv, err := in.GetAttrString(v, "_id")
	if err != nil {
		return channels.Handle{}, true, err
	}
	defer in.DecRef(idv)
	id, ok := interp.IntValue(idv)
	if !ok || !interp.IsInt(idv) || id < 0 {
		return channels.Handle{}, true, in.Raise(interp.ValueError, "%s object has a bad _id", v.Type().Name)
	}
	return channels.Handle{Kind: kind, ID: id}, true, nil
}

func isSubclassOf(t *interp.Type, cls interp.Value) bool {
	if cls.IsNil() {
		return false
	}
	c := interp.AsType(cls)
	return c != nil && (t == c || t.IsSubtype(c))
}

// handleToPython makes in's object for h: Queue(id), RecvChannel(id) or
// SendChannel(id), importing the module that defines it if in has not
// yet. The object binds its own reference to the queue or channel.
func handleToPython(in *interp.Interp, h channels.Handle) (interp.Value, error) {
	st := xiChanStateOf(in)
	var cls *interp.Value
	var module string
	switch h.Kind {
	case channels.HandleQueue:
		cls, module = &st.queueType, "concurrent.interpreters._queues"
	case channels.HandleRecv:
		cls, module = &st.recvType, "interpchannels"
	case channels.HandleSend:
		cls, module = &st.sendType, "interpchannels"
	default:
		return interp.Value{}, &ConversionError{GoType: "channels.Handle", Reason: fmt.Sprintf("handle kind %d names nothing Python knows", h.Kind)}
	}
	if cls.IsNil() {
		m, err := in.ImportModule(module)
		if err != nil {
			return interp.Value{}, err
		}
		in.DecRef(m)
		if cls.IsNil() {
			return interp.Value{}, in.Raise(interp.RuntimeError, "%s did not register its classes", module)
		}
	}
	return in.Call(*cls, []interp.Value{interp.Int(h.ID)}, nil)
}

// itemFromPython converts a shareable value (borrowed) to an item: the
// kinds exportShareable accepts. Anything else is a *notShareable.
func itemFromPython(in *interp.Interp, v interp.Value, depth int) (channels.Item, error) {
	return plainItem(in, v, depth, true)
}

// unboxedItem is the item of an unboxed value (small int, None, bool,
// float), which no conversion needs to look further into.
func unboxedItem(v interp.Value) (channels.Item, bool) {
	switch {
	case v.IsSmallInt():
		return channels.Int(v.SmallInt()), true
	case v.IsNone():
		return channels.None(), true
	case v.IsBool():
		return channels.Bool(v.BoolValue()), true
	case v.IsFloat():
		return channels.Float(v.FloatValue()), true
	}
	return channels.Item{}, false
}

// errNotPlain is plainItem's answer, without describe, for a value that
// is not shareable as it is: copy-on-send copies it instead, and a repr
// (which may be long, or slow) would be wasted.
var errNotPlain = errors.New("not shareable as it is")

// plainItem is itemFromPython; without describe, a value that is not
// shareable is errNotPlain.
func plainItem(in *interp.Interp, v interp.Value, depth int, describe bool) (channels.Item, error) {
	if x, ok := unboxedItem(v); ok {
		return x, nil
	}
	switch v.Type() {
	case interp.StrType:
		return channels.StrCounted(v.GoString(), interp.StrLen(v)), nil
	case interp.IntType:
		return channels.BigInt(interp.BigIntOf(v)), nil
	case interp.BytesType:
		b, _ := interp.BufferBytes(v)
		return channels.Bytes(b), nil
	case interp.TupleType:
		if depth > maxNesting {
			if !describe {
				return channels.Item{}, errNotPlain
			}
			return channels.Item{}, &ConversionError{PyType: "tuple", Reason: "nested too deeply"}
		}
		items, _ := interp.TupleItems(v)
		b := channels.NewTupleBuilder(len(items))
		for i, item := range items {
			x, err := plainItem(in, item, depth+1, describe)
			if err != nil {
				var ns *notShareable
				if errors.As(err, &ns) {
					ns.index = fmt.Sprintf("[%d]", i) + ns.index
				}
				return channels.Item{}, err
			}
			b.Set(i, x)
		}
		return b.Item(), nil
	}
	if h, ok, err := handleOf(in, v); ok || err != nil {
		return channels.HandleItem(h), err
	}
	if !describe {
		return channels.Item{}, errNotPlain
	}
	r, err := in.Repr(v)
	if err != nil {
		return channels.Item{}, err
	}
	defer in.DecRef(r)
	return channels.Item{}, &notShareable{repr: r.GoString()}
}

// itemToPython rebuilds an item as a new object of in.
func itemToPython(in *interp.Interp, x channels.Item) (interp.Value, error) {
	switch x.Kind() {
	case channels.KindNone:
		return interp.None, nil
	case channels.KindBool:
		return interp.Bool(x.AsBool()), nil
	case channels.KindInt:
		return interp.Int(x.AsInt()), nil
	case channels.KindBigInt:
		return in.NewInt(x.AsBigInt())
	case channels.KindFloat:
		return interp.Float(x.AsFloat()), nil
	case channels.KindStr:
		return strToPython(in, x)
	case channels.KindBytes:
		return in.NewBytes(x.BytesView())
	case channels.KindBuffer:
		return bufferToPython(in, x)
	case channels.KindTuple:
		return tupleToPython(in, x)
	case channels.KindHandle:
		return handleToPython(in, x.AsHandle())
	case channels.KindGraph:
		return rebuildGraph(in, x.Graph())
	}
	return interp.Value{}, &ConversionError{GoType: "channels.Item", Reason: "the item kind " + x.Kind().String() + " has no Python value"}
}

// bufferToPython is a buffer item's read-only memoryview. (The cases
// with deferred cleanup live in functions of their own: a defer in
// itemToPython would put every conversion, ints included, on Go's slow
// deferred-call path.)
func bufferToPython(in *interp.Interp, x channels.Item) (interp.Value, error) {
	b, err := in.NewBytes(x.BytesView())
	if err != nil {
		return interp.Value{}, err
	}
	defer in.DecRef(b)
	return memoryviewOf(in, b)
}

// tupleToPython rebuilds a tuple item.
func tupleToPython(in *interp.Interp, x channels.Item) (interp.Value, error) {
	items := make([]interp.Value, 0, x.Len())
	defer func() { decRefAll(in, items) }()
	for i := range x.Len() {
		v, err := itemToPython(in, x.At(i))
		if err != nil {
			return interp.Value{}, err
		}
		items = append(items, v)
	}
	return in.NewTuple(items...)
}

// memoryviewOf is memoryview(b).
func memoryviewOf(in *interp.Interp, b interp.Value) (interp.Value, error) {
	builtins, err := in.ImportModule("builtins")
	if err != nil {
		return interp.Value{}, err
	}
	defer in.DecRef(builtins)
	mv, err := in.GetAttrString(builtins, "memoryview")
	if err != nil {
		return interp.Value{}, err
	}
	defer in.DecRef(mv)
	return in.Call(mv, []interp.Value{b}, nil)
}

// strToPython makes a str item a str that shares its Go string (no copy
// of the bytes), without counting its code points again when the sender
// said how many there are.
func strToPython(in *interp.Interp, x channels.Item) (interp.Value, error) {
	s := x.AsStr()
	if n, ok := x.StrChars(); ok {
		return in.NewStrCounted(s, n, n == len(s))
	}
	return in.NewStr(s)
}
