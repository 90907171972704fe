package runtime

import (
	"errors"
	"math"
	"time"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/channels"
	"github.com/parallel-py/parallel/interp"
)

// The _interpqueues module: the Go half of concurrent.interpreters'
// queues (PEP 734), over the runtime's channels.Registry. Python code
// names a queue by its registry ID; the Python half
// (pylib/concurrent_interpreters_queues.py) wraps IDs in Queue objects,
// one per ID per interpreter, each holding a reference that its
// interpreter owns. Items cross as channels.Items: made under the
// sender's GIL, rebuilt under the receiver's, so no object is seen by
// two interpreters. Waits release the GIL and end early on a signal or
// the runtime's cancellation (interp.WaitOn).
//
// Helpers shared with _interpchannels live here too: the per-interpreter
// state (the Python classes both modules register), item conversion,
// and waiting.

// Channels is the runtime's registry of queues and channels: Go code
// makes queues with it (Registry.NewQueue), hands them to Python as
// channels.Handle values (they arrive as concurrent.interpreters Queue
// objects), and exchanges items with the interpreters.
func (rt *Runtime) Channels() *channels.Registry { return rt.chans }

// xiChanState is what the Python halves of the queue and channel
// modules register, per interpreter: the classes handles turn into, and
// the exception classes the Go halves raise.
type xiChanState struct {
	queueType, queueEmpty, queueFull, queueNotFound interp.Value
	// What a get returns for an item whose interpreter was destroyed:
	// the UNBOUND object, or ItemInterpreterDestroyed raised.
	queueUnbound, queueDestroyed interp.Value
	// The objects put's unbounditems names: UNBOUND_REMOVE,
	// UNBOUND_ERROR, UNBOUND (CPython's ops 1, 2, 3).
	queueOps [3]interp.Value

	recvType, sendType                               interp.Value
	chanError, chanNotFound, chanClosed, chanRelease interp.Value
	chanEmpty, chanNotEmpty                          interp.Value
	chanUnbound, chanDestroyed                       interp.Value
}

// xiChan is an interpreter's view of the runtime's queues and
// channels: the classes its Python code registered, the registry, and
// the interpreter's ID, which owns the references and items its code
// makes. The module functions close over it, so that the hot paths skip
// looking it up.
type xiChan struct {
	xiChanState
	reg   *channels.Registry
	owner int64
	// maxItem is the runtime's limit on the size of one item (0: none).
	maxItem int64
	// queues caches the registry's answers, read under this
	// interpreter's GIL: the registry's lock is shared by every
	// interpreter, and each put and get looked the queue up there.
	queues map[int64]*channels.Queue
	// lastQ is the queue queueArg found last, and lastQID its ID: a
	// loop of puts or gets names one queue, which then costs no map
	// lookup.
	lastQ   *channels.Queue
	lastQID int64
	// idAttr reads a Queue object's _id, through its instance dict
	// while its class leaves _id there.
	idAttr *interp.PlainAttr
}

var xiChanKey byte

// xiChanOf returns in's xiChan; an interpreter that no runtime made has
// none (RuntimeError).
func xiChanOf(in *interp.Interp) (*xiChan, error) {
	x := in.ModuleState(&xiChanKey, func() any { return &xiChan{owner: -1} }).(*xiChan)
	if x.reg == nil {
		it, err := hostOf(in)
		if err != nil {
			return nil, err
		}
		x.reg, x.owner, x.maxItem = it.rt.chans, it.id, it.rt.maxItem
	}
	return x, nil
}

// xiChanStateOf returns in's registered classes (none before the Python
// halves registered them, or outside a runtime).
func xiChanStateOf(in *interp.Interp) *xiChanState {
	return &in.ModuleState(&xiChanKey, func() any { return &xiChan{owner: -1} }).(*xiChan).xiChanState
}

// xiFunc is a function of the queue and channel modules.
type xiFunc func(x *xiChan, in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error)

// builtins sets m's functions, each called with x, and its methods
// (goMethod objects, for a class of the module's Python half to take
// as its own), as "_method_NAME".
func (x *xiChan) builtins(in *interp.Interp, m *interp.Module, fns, methods map[string]xiFunc) error {
	for name, fn := range fns {
		f := func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			return fn(x, in, args, kwnames)
		}
		if err := m.Set(in, name, interp.NewBuiltin(name, f)); err != nil {
			return err
		}
	}
	for name, fn := range methods {
		o, err := interp.NewObject[goMethod](in, goMethodType)
		if err != nil {
			return err
		}
		o.name, o.fn, o.x = name, fn, x
		v := interp.ValueOf(o)
		err = m.Set(in, "_method_"+name, v)
		in.DecRef(v)
		if err != nil {
			return err
		}
	}
	return nil
}

// setValues stores new references to vals in the fields ps.
func setValues(in *interp.Interp, ps []*interp.Value, vals []interp.Value) {
	for i, p := range ps {
		interp.IncRef(vals[i])
		in.XDecRef(*p)
		*p = vals[i]
	}
}

// timeoutArg reads a timeout in seconds: None is no limit (-1).
func timeoutArg(in *interp.Interp, v interp.Value) (time.Duration, error) {
	if v.IsNil() || v.IsNone() {
		return -1, nil
	}
	f, err := in.ToFloat(v)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(f) || f < 0 {
		return 0, in.Raise(interp.ValueError, "timeout value must be non-negative")
	}
	if f > float64(math.MaxInt64/int64(time.Second)) {
		return -1, nil // longer than anyone waits
	}
	return time.Duration(f * float64(time.Second)), nil
}

// unboundArg reads an unbound op: -1 (or None) is the default.
func unboundArg(in *interp.Interp, v interp.Value) (channels.UnboundOp, error) {
	if v.IsNil() || v.IsNone() {
		return channels.UnboundDefault, nil
	}
	n, ok := interp.IntValue(v)
	if !ok || !interp.IsInt(v) || n < -1 || n > 3 || n == 0 {
		return 0, in.Raise(interp.ValueError, "unsupported unbound op %s", reprOr(in, v))
	}
	if n == -1 {
		return channels.UnboundDefault, nil
	}
	return channels.UnboundOp(n), nil
}

// reprOr is repr(v), or the type's name when repr fails.
func reprOr(in *interp.Interp, v interp.Value) string {
	r, err := in.Repr(v)
	if err != nil {
		in.DiscardError(err)
		return v.Type().Name
	}
	defer in.DecRef(r)
	return r.GoString()
}

// awaitOp runs start, which completes an operation or returns a Waiter
// for it, and waits on the Waiter with the GIL released until it
// completes or timeout (< 0: none) passes, starting again after a
// signal whose handler did not raise. An interruption's exception comes
// back as err; a timeout as timedOut.
func awaitOp(in *interp.Interp, timeout time.Duration, start func() (channels.Item, *channels.Waiter, error)) (x channels.Item, timedOut bool, err error) {
	x, w, err := start()
	if w == nil {
		return x, false, err
	}
	return awaitWaiter(in, timeout, w, start)
}

// awaitWaiter is awaitOp once start has returned w: the callers that
// complete most operations at once call start themselves, and make the
// closure only when they have to wait.
func awaitWaiter(in *interp.Interp, timeout time.Duration, w *channels.Waiter, start func() (channels.Item, *channels.Waiter, error)) (x channels.Item, timedOut bool, err error) {
	var deadline time.Time
	if timeout >= 0 {
		deadline = in.Now().Add(timeout)
	}
	for {
		if w == nil {
			return x, false, err
		}
		d := time.Duration(-1)
		if timeout >= 0 {
			d = max(in.Until(deadline), 0)
		}
		done, perr := in.WaitOn(w.Ready(), d, w.Cancel)
		if done {
			x, err := w.Result()
			w.Release()
			return x, false, err
		}
		w.Release()
		if perr != nil {
			return channels.Item{}, false, perr
		}
		if timeout >= 0 && !in.Now().Before(deadline) {
			return channels.Item{}, true, nil
		}
		x, w, err = start()
	}
}

func init() {
	interp.RegisterModule("_interpqueues", initInterpQueues)
}

func initInterpQueues(in *interp.Interp, m *interp.Module) error {
	x, err := xiChanOf(in)
	if err != nil {
		return err
	}
	return x.builtins(in, m, map[string]xiFunc{
		"_register_heap_types": (*xiChan).qRegisterTypes,
		"create":               (*xiChan).qCreate,
		"list_all":             (*xiChan).qListAll,
		"bind":                 (*xiChan).qBind,
		"release":              (*xiChan).qRelease,
		"put":                  (*xiChan).qPut,
		"get":                  (*xiChan).qGet,
		"get_maxsize":          (*xiChan).qGetMaxsize,
		"get_queue_defaults":   (*xiChan).qGetDefaults,
		"is_full":              (*xiChan).qIsFull,
		"get_count":            (*xiChan).qGetCount,
	}, map[string]xiFunc{
		// The hot methods of Queue, in Go (see goMethod).
		"put":        (*xiChan).mPut,
		"put_nowait": (*xiChan).mPutNowait,
		"get":        (*xiChan).mGet,
		"get_nowait": (*xiChan).mGetNowait,
	})
}

// qRegisterTypes is _register_heap_types(Queue, QueueEmpty, QueueFull,
// QueueNotFoundError, ItemInterpreterDestroyed, UNBOUND, UNBOUND_ERROR,
// UNBOUND_REMOVE).
func (x *xiChan) qRegisterTypes(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("_register_heap_types", args, kwnames, 8, 8); err != nil {
		return interp.Value{}, err
	}
	for _, a := range args[:5] {
		if interp.AsType(a) == nil {
			return interp.Value{}, in.Raise(interp.TypeError, "_register_heap_types() expects classes, got %s", a.Type().Name)
		}
	}
	st := &x.xiChanState
	setValues(in, []*interp.Value{&st.queueType, &st.queueEmpty, &st.queueFull, &st.queueNotFound, &st.queueDestroyed,
		&st.queueUnbound, &st.queueOps[1], &st.queueOps[0]}, args)
	setValues(in, []*interp.Value{&st.queueOps[2]}, args[5:6])
	return interp.None, nil
}

// raiseQueueError raises the Python exception for err, an error of an
// operation on queue qid.
func (x *xiChan) raiseQueueError(in *interp.Interp, err error, qid int64) error {
	st := &x.xiChanState
	id := itoa(qid)
	switch {
	case errors.Is(err, channels.ErrEmpty):
		return raiseClass(in, st.queueEmpty, interp.RuntimeError, "queue "+id+" is empty")
	case errors.Is(err, channels.ErrFull):
		return raiseClass(in, st.queueFull, interp.RuntimeError, "queue "+id+" is full")
	case errors.Is(err, channels.ErrNotFound), errors.Is(err, channels.ErrClosed):
		// A queue is closed only when freed (or the runtime closes).
		return raiseClass(in, st.queueNotFound, interp.RuntimeError, "queue "+id+" not found")
	case errors.Is(err, channels.ErrBadOption):
		return in.Raise(interp.ValueError, "%v", err)
	}
	return raiseXIError(in, err, qid)
}

// maxCachedQueues bounds an interpreter's cache of queue lookups.
const maxCachedQueues = 256

// queueArg finds the queue an ID argument names.
func (x *xiChan) queueArg(in *interp.Interp, v interp.Value) (*channels.Queue, error) {
	if q := x.lastQ; q != nil && v.IsSmallInt() && v.SmallInt() == x.lastQID && !q.Freed() {
		return q, nil // a loop's puts or gets: the ID is read no further
	}
	qid, err := chanIDArg(in, v, "queue")
	if err != nil {
		return nil, err
	}
	if q := x.lastQ; q != nil && x.lastQID == qid && !q.Freed() {
		return q, nil
	}
	x.lastQ = nil
	if q := x.queues[qid]; q != nil {
		if !q.Freed() {
			x.lastQ, x.lastQID = q, qid
			return q, nil
		}
		delete(x.queues, qid)
	}
	q, err := x.reg.Queue(qid)
	if err != nil {
		return nil, x.raiseQueueError(in, err, qid)
	}
	if x.queues == nil || len(x.queues) >= maxCachedQueues {
		// Freed queues leave only when seen again: start afresh
		// rather than grow without bound.
		x.queues = map[int64]*channels.Queue{}
	}
	x.queues[qid] = q
	x.lastQ, x.lastQID = q, qid
	return q, nil
}

// chanIDArg reads a queue or channel ID.
func chanIDArg(in *interp.Interp, v interp.Value, what string) (int64, error) {
	if !interp.IsInt(v) || v.IsBool() {
		return 0, in.Raise(interp.TypeError, "%s ID must be an int, got %s", what, v.Type().Name)
	}
	id, ok := interp.IntValue(v)
	if !ok || id < 0 {
		return 0, in.Raise(interp.ValueError, "%s ID must be a non-negative int, got %s", what, reprOr(in, v))
	}
	return id, nil
}

// qCreate is create(maxsize, unboundop): the new queue's ID, with one
// reference the calling interpreter holds.
func (x *xiChan) qCreate(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("create", args, kwnames, 2, 2); err != nil {
		return interp.Value{}, err
	}
	reg, owner := x.reg, x.owner
	if !interp.IsInt(args[0]) {
		return interp.Value{}, in.Raise(interp.TypeError, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
	}
	maxsize, ok := interp.IntValue(args[0])
	if !ok {
		return interp.Value{}, in.Raise(interp.OverflowError, "maxsize is too large")
	}
	op, err := unboundArg(in, args[1])
	if err != nil {
		return interp.Value{}, err
	}
	if maxsize > math.MaxInt32 {
		maxsize = 0 // no queue holds that many: unbounded
	}
	q, err := reg.NewQueue(owner, channels.QueueOptions{MaxSize: int(maxsize), Unbound: op})
	if err != nil {
		return interp.Value{}, x.raiseQueueError(in, err, 0)
	}
	return interp.Int(q.ID()), nil
}

// qListAll is list_all(): [(id, unboundop)] of every live queue.
func (x *xiChan) qListAll(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("list_all", args, kwnames, 0, 0); err != nil {
		return interp.Value{}, err
	}
	var list []any
	for _, q := range x.reg.Queues() {
		list = append(list, Tuple{q.ID(), int64(q.UnboundOp())})
	}
	if list == nil {
		list = []any{}
	}
	return toPython(in, list, 0)
}

// qBind adds a reference of the calling interpreter's (a Queue object).
func (x *xiChan) qBind(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	return x.qRef(in, "bind", args, kwnames, (*channels.Registry).Retain)
}

// qRelease drops one (a Queue object dies); the last frees the queue.
func (x *xiChan) qRelease(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	return x.qRef(in, "release", args, kwnames, (*channels.Registry).Release)
}

func (x *xiChan) qRef(in *interp.Interp, name string, args, kwnames []interp.Value, op func(*channels.Registry, channels.Handle, int64) error) (interp.Value, error) {
	return x.handleRef(in, name, args, kwnames, channels.HandleQueue, "queue", op, x.raiseQueueError)
}

// qPut is put(qid, obj, unboundop, block, timeout): with block, it waits
// (GIL released) for room until timeout (None: no limit), then raises
// QueueFull; without, a full queue raises QueueFull at once.
func (x *xiChan) qPut(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("put", args, kwnames, 5, 5); err != nil {
		return interp.Value{}, err
	}
	q, err := x.queueArg(in, args[0])
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
	return x.put(in, q, args[1], op, block, false, args[4])
}

// put puts obj in q, as Queue.put does.
func (x *xiChan) put(in *interp.Interp, q *channels.Queue, obj interp.Value, op channels.UnboundOp, block, sharedOnly bool, timeoutv interp.Value) (interp.Value, error) {
	timeout := time.Duration(-1)
	if !timeoutv.IsNil() {
		var err error
		if timeout, err = timeoutArg(in, timeoutv); err != nil {
			return interp.Value{}, err
		}
	}
	item, err := itemToSend(in, obj, x.maxItem, !sharedOnly)
	if err != nil {
		return interp.Value{}, raiseXIError(in, err, q.ID())
	}
	opts := channels.PutOptions{Owner: x.owner, Unbound: op}
	if !block {
		if err := q.TryPut(item, opts); err != nil {
			return interp.Value{}, x.raiseQueueError(in, err, q.ID())
		}
		return interp.None, nil
	}
	w, err := q.StartPut(item, opts)
	timedOut := false
	if w != nil {
		_, timedOut, err = awaitWaiter(in, timeout, w, func() (channels.Item, *channels.Waiter, error) {
			w, err := q.StartPut(item, opts)
			return channels.Item{}, w, err
		})
	}
	switch {
	case timedOut:
		return interp.Value{}, x.raiseQueueError(in, channels.ErrFull, q.ID())
	case err != nil:
		if _, ok := interp.ExceptionTypeName(err); ok {
			return interp.Value{}, err // interrupted
		}
		return interp.Value{}, x.raiseQueueError(in, err, q.ID())
	}
	return interp.None, nil
}

// qGet is get(qid, block, timeout): the next object, or for an item
// whose interpreter was destroyed UNBOUND or ItemInterpreterDestroyed
// raised. An empty queue raises QueueEmpty, at once without block or
// once timeout passes.
func (x *xiChan) qGet(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("get", args, kwnames, 3, 3); err != nil {
		return interp.Value{}, err
	}
	q, err := x.queueArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	block, err := in.Truth(args[1])
	if err != nil {
		return interp.Value{}, err
	}
	return x.get(in, q, block, args[2])
}

// get takes the next object from q, as Queue.get does.
func (x *xiChan) get(in *interp.Interp, q *channels.Queue, block bool, timeoutv interp.Value) (interp.Value, error) {
	timeout := time.Duration(-1)
	var err error
	if !timeoutv.IsNil() {
		if timeout, err = timeoutArg(in, timeoutv); err != nil {
			return interp.Value{}, err
		}
	}
	var item channels.Item
	if !block {
		item, err = q.GetNowait()
	} else {
		var timedOut bool
		var w *channels.Waiter
		if item, w, err = q.StartGet(); w != nil {
			item, timedOut, err = awaitWaiter(in, timeout, w, q.StartGet)
		}
		if timedOut {
			err = channels.ErrEmpty
		} else if _, ok := interp.ExceptionTypeName(err); ok {
			return interp.Value{}, err // interrupted
		}
	}
	if err == nil && item.Kind() == channels.KindInt {
		// The common item, before the closure below is made.
		return interp.Int(item.AsInt()), nil
	}
	return receivedToPython(in, x.reg, item, err, x.queueUnbound, x.queueDestroyed, func(err error) error { return x.raiseQueueError(in, err, q.ID()) })
}

// receivedToPython is get's and recv's result: the object, or for an
// item of a destroyed interpreter the unbound object (UNBOUND) or the
// destroyed class raised (UNBOUND_ERROR), as registered.
func receivedToPython(in *interp.Interp, reg *channels.Registry, x channels.Item, err error, unbound, destroyed interp.Value, raise func(error) error) (interp.Value, error) {
	if err == nil && x.Kind() == channels.KindInt {
		return interp.Int(x.AsInt()), nil // the common item: no handles to release
	}
	switch {
	case errors.Is(err, channels.ErrInterpreterDestroyed):
		return interp.Value{}, raiseClass(in, destroyed, interp.RuntimeError, "item's original interpreter destroyed")
	case err != nil:
		return interp.Value{}, raise(err)
	case x.IsUnbound():
		if unbound.IsNil() {
			return interp.None, nil
		}
		interp.IncRef(unbound)
		return unbound, nil
	}
	// The objects made bind their own references: the item's go. (Not
	// a defer: this is every get's path, and a defer was 4% of a small
	// int's trip.)
	v, err := itemToPython(in, x)
	reg.ReleaseItem(x)
	return v, err
}

func (x *xiChan) qGetMaxsize(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	return x.qInfo(in, "get_maxsize", args, kwnames, func(q *channels.Queue) interp.Value { return interp.Int(int64(q.MaxSize())) })
}

func (x *xiChan) qGetDefaults(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	return x.qInfo(in, "get_queue_defaults", args, kwnames, func(q *channels.Queue) interp.Value { return interp.Int(int64(q.UnboundOp())) })
}

func (x *xiChan) qIsFull(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	return x.qInfo(in, "is_full", args, kwnames, func(q *channels.Queue) interp.Value { return interp.Bool(q.Full()) })
}

func (x *xiChan) qGetCount(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	return x.qInfo(in, "get_count", args, kwnames, func(q *channels.Queue) interp.Value { return interp.Int(int64(q.Len())) })
}

func (x *xiChan) qInfo(in *interp.Interp, name string, args, kwnames []interp.Value, f func(q *channels.Queue) interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount(name, args, kwnames, 1, 1); err != nil {
		return interp.Value{}, err
	}
	q, err := x.queueArg(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	return f(q), nil
}

// goMethod is a Go function as a method of a Python class: looked up on
// an instance it binds the instance as its first argument, as a function
// defined in the class does. Queue's put and get are goMethods, so that
// moving an item costs no Python frame.
type goMethod struct {
	alloc.Header
	name string
	// fn and x, not a closure over them: one indirect call fewer on
	// every put and get.
	fn xiFunc
	x  *xiChan
}

var goMethodType = interp.NewType[goMethod](interp.TypeSpec{
	Name:   "method",
	Module: "_interpqueues",
	Call: func(in *interp.Interp, v interp.Value, args, kwnames []interp.Value) (interp.Value, error) {
		m := interp.ObjectOf[goMethod](v)
		return m.fn(m.x, in, args, kwnames)
	},
	DescrGet: func(in *interp.Interp, descr, obj interp.Value, owner *interp.Type) (interp.Value, error) {
		if obj.IsNil() || obj.IsNone() {
			interp.IncRef(descr)
			return descr, nil
		}
		return in.NewMethod(descr, obj)
	},
	Repr: func(in *interp.Interp, v interp.Value) (interp.Value, error) {
		return in.NewStr("<method '" + interp.ObjectOf[goMethod](v).name + "' of Go>")
	},
})

func init() {
	goMethodType.AddGetSet("__name__", func(in *interp.Interp, v interp.Value) (interp.Value, error) {
		return in.NewStr(interp.ObjectOf[goMethod](v).name)
	}, nil)
}

// The names and parameters of Queue's Go methods, as CPython 3.14's
// Python ones have them (3.13's keywords too: unbound, syncobj; _delay is
// the interval at which CPython polls a waiting put or get, and is
// accepted and ignored, since ours wait without polling). Their argument
// errors are a Python function's (Qualname).
var (
	queuePutParams = interp.Params{Func: "put", Qualname: "Queue.put", Names: []string{"self", "obj", "block", "timeout", "unbounditems", "unbound", "syncobj", "_delay"}, PosOnly: 1, KwOnly: 4, Required: 2}
	queuePutNowait = interp.Params{Func: "put_nowait", Qualname: "Queue.put_nowait", Names: []string{"self", "obj", "unbounditems", "unbound", "syncobj"}, PosOnly: 1, KwOnly: 3, Required: 2}
	queueGetParams = interp.Params{Func: "get", Qualname: "Queue.get", Names: []string{"self", "block", "timeout", "_delay"}, PosOnly: 1, KwOnly: 1, Required: 1}
	queueGetNowait = interp.Params{Func: "get_nowait", Qualname: "Queue.get_nowait", Names: []string{"self"}, PosOnly: 1, Required: 1}
)

// selfQueue is the queue a Queue object names (its _id).
func (x *xiChan) selfQueue(in *interp.Interp, self interp.Value) (*channels.Queue, error) {
	if x.idAttr == nil {
		x.idAttr = interp.NewPlainAttr("_id")
	}
	idv, err := in.GetPlainAttr(x.idAttr, self)
	if err != nil {
		return nil, err
	}
	q, err := x.queueArg(in, idv)
	in.DecRef(idv)
	return q, err
}

// unboundObj reads put's unbounditems (or 3.13's unbound): None is the
// queue's default; otherwise UNBOUND, UNBOUND_ERROR or UNBOUND_REMOVE.
func (x *xiChan) unboundObj(in *interp.Interp, unbounditems, unbound interp.Value) (channels.UnboundOp, error) {
	v := unbounditems
	if v.IsNil() || v.IsNone() {
		v = unbound
	}
	if v.IsNil() || v.IsNone() {
		return channels.UnboundDefault, nil
	}
	for i, op := range x.queueOps {
		if !op.IsNil() && v.Is(op) {
			return channels.UnboundOp(i + 1), nil
		}
	}
	return 0, in.Raise(interp.ExcType("NotImplementedError"), "unsupported unbound replacement op %s", reprOr(in, v))
}

// syncobjArg is 3.13's syncobj= keyword: true refuses objects that are
// not shareable as they are (NotShareableError) instead of copying them.
func syncobjArg(in *interp.Interp, v interp.Value) (bool, error) {
	if v.IsNil() || v.IsNone() {
		return false, nil
	}
	return in.Truth(v)
}

// mPut is Queue.put(obj, block=True, timeout=None, *, unbounditems=None).
func (x *xiChan) mPut(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if len(args) == 2 && len(kwnames) == 0 {
		// put(obj), the common call: no keywords to match, nothing but
		// defaults to read.
		q, err := x.selfQueue(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		return x.put(in, q, args[1], channels.UnboundDefault, true, false, interp.Value{})
	}
	var self, obj, blockv, timeout, ub, ub13, syncobj, delay interp.Value
	if err := in.Unpack(&queuePutParams, args, kwnames, &self, &obj, &blockv, &timeout, &ub, &ub13, &syncobj, &delay); err != nil {
		return interp.Value{}, err
	}
	q, err := x.selfQueue(in, self)
	if err != nil {
		return interp.Value{}, err
	}
	op, err := x.unboundObj(in, ub, ub13)
	if err != nil {
		return interp.Value{}, err
	}
	block := true
	if !blockv.IsNil() {
		if block, err = in.Truth(blockv); err != nil {
			return interp.Value{}, err
		}
	}
	sharedOnly, err := syncobjArg(in, syncobj)
	if err != nil {
		return interp.Value{}, err
	}
	return x.put(in, q, obj, op, block, sharedOnly, timeout)
}

// mPutNowait is Queue.put_nowait(obj, *, unbounditems=None).
func (x *xiChan) mPutNowait(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	var self, obj, ub, ub13, syncobj interp.Value
	if err := in.Unpack(&queuePutNowait, args, kwnames, &self, &obj, &ub, &ub13, &syncobj); err != nil {
		return interp.Value{}, err
	}
	q, err := x.selfQueue(in, self)
	if err != nil {
		return interp.Value{}, err
	}
	op, err := x.unboundObj(in, ub, ub13)
	if err != nil {
		return interp.Value{}, err
	}
	sharedOnly, err := syncobjArg(in, syncobj)
	if err != nil {
		return interp.Value{}, err
	}
	return x.put(in, q, obj, op, false, sharedOnly, interp.Value{})
}

// mGet is Queue.get(block=True, timeout=None).
func (x *xiChan) mGet(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if len(args) == 1 && len(kwnames) == 0 {
		// get(), the common call: nothing but defaults.
		q, err := x.selfQueue(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		return x.get(in, q, true, interp.Value{})
	}
	var self, blockv, timeout, delay interp.Value
	if err := in.Unpack(&queueGetParams, args, kwnames, &self, &blockv, &timeout, &delay); err != nil {
		return interp.Value{}, err
	}
	q, err := x.selfQueue(in, self)
	if err != nil {
		return interp.Value{}, err
	}
	block := true
	if !blockv.IsNil() {
		if block, err = in.Truth(blockv); err != nil {
			return interp.Value{}, err
		}
	}
	return x.get(in, q, block, timeout)
}

// mGetNowait is Queue.get_nowait().
func (x *xiChan) mGetNowait(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	var self interp.Value
	if err := in.Unpack(&queueGetNowait, args, kwnames, &self); err != nil {
		return interp.Value{}, err
	}
	q, err := x.selfQueue(in, self)
	if err != nil {
		return interp.Value{}, err
	}
	return x.get(in, q, false, interp.Value{})
}
