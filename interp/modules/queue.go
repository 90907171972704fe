package modules

import (
	"math"
	"time"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _queue module: SimpleQueue, an unbounded FIFO queue whose get
// waits with the GIL released, and the Empty exception that queue.py
// re-exports. The queue's state is read and written only under the GIL,
// so it needs no lock of its own. A getter that must wait registers
// itself and parks; put hands its item straight to the longest waiter,
// so a thread that puts and gets in a loop cannot starve the others.

// simpleQueue is a SimpleQueue: a ring buffer of items and the threads
// waiting for one. While a thread waits the buffer is empty: put hands
// an item to a waiter rather than storing it.
type simpleQueue struct {
	alloc.Header
	alloc.GCLink
	buf     []Value // ring buffer; len(buf) is the capacity
	head, n int
	waiters []*queueWaiter
}

// queueWaiter is a getter parked in get, and the item put gave it.
type queueWaiter struct {
	t       *interp.Thread
	item    Value // owned once granted
	granted bool
}

var simpleQueueType = interp.NewType[simpleQueue](interp.TypeSpec{
	Name:         "SimpleQueue",
	Module:       "_queue",
	Doc:          "Simple, unbounded, reentrant FIFO queue.",
	Subclassable: true,
	New:          simpleQueueNew,
	Dealloc:      func(in *interp.Interp, v Value) { queueOf(v).clear(in, v) },
	Traverse: func(v Value, visit func(Value)) {
		q := queueOf(v)
		for i := 0; i < q.n; i++ {
			visit(q.at(i))
		}
	},
	Clear: func(in *interp.Interp, v Value) { queueOf(v).clear(in, v) },
})

func queueOf(v Value) *simpleQueue { return interp.ObjectOf[simpleQueue](v) }

func (q *simpleQueue) idx(i int) int {
	j := q.head + i
	if j >= len(q.buf) {
		j -= len(q.buf)
	}
	return j
}

func (q *simpleQueue) at(i int) Value { return q.buf[q.idx(i)] }

// resize moves the items into a buffer of c slots, accounting the
// difference.
func (q *simpleQueue) resize(in *interp.Interp, v Value, c int) error {
	if err := in.AccountBytes(v, (c-len(q.buf))*valueSize); err != nil {
		return err
	}
	nb := make([]Value, c)
	for i := 0; i < q.n; i++ {
		nb[i] = q.at(i)
	}
	q.buf, q.head = nb, 0
	return nil
}

// push appends x (owned) at the tail, or at the head when front is set.
func (q *simpleQueue) push(in *interp.Interp, v, x Value, front bool) error {
	if q.n == len(q.buf) {
		if q.n >= 1<<40 {
			return in.NoMemory()
		}
		if err := q.resize(in, v, max(8, 2*len(q.buf))); err != nil {
			return err
		}
	}
	if front {
		q.head--
		if q.head < 0 {
			q.head += len(q.buf)
		}
		q.buf[q.head] = x
	} else {
		q.buf[q.idx(q.n)] = x
	}
	q.n++
	return nil
}

// pop removes and returns (owned) the item at the head; the queue is
// not empty.
func (q *simpleQueue) pop(in *interp.Interp, v Value) Value {
	x := q.buf[q.head]
	q.buf[q.head] = Value{}
	q.head = q.idx(1)
	q.n--
	if q.n == 0 {
		q.head = 0
	}
	// Give back most of a buffer that a burst of puts grew.
	if c := len(q.buf); c > 64 && q.n <= c/4 {
		_ = q.resize(in, v, c/2) // shrinking cannot fail
	}
	return x
}

// clear drops every item and the buffer.
func (q *simpleQueue) clear(in *interp.Interp, v Value) {
	items := make([]Value, 0, q.n)
	for i := 0; i < q.n; i++ {
		items = append(items, q.at(i))
	}
	if c := len(q.buf); c > 0 {
		_ = in.AccountBytes(v, -c*valueSize)
	}
	q.buf, q.head, q.n = nil, 0, 0
	releaseAll(in, items)
}

// offer gives x (owned) to the longest-waiting getter, or stores it at
// the tail (at the head when front is set: an item handed back).
func (q *simpleQueue) offer(in *interp.Interp, v, x Value, front bool) error {
	if len(q.waiters) > 0 {
		w := q.waiters[0]
		copy(q.waiters, q.waiters[1:])
		q.waiters[len(q.waiters)-1] = nil
		q.waiters = q.waiters[:len(q.waiters)-1]
		w.item, w.granted = x, true
		w.t.Unpark()
		return nil
	}
	if err := q.push(in, v, x, front); err != nil {
		in.DecRef(x)
		return err
	}
	return nil
}

func (q *simpleQueue) removeWaiter(w *queueWaiter) {
	for i, x := range q.waiters {
		if x == w {
			q.waiters = append(q.waiters[:i], q.waiters[i+1:]...)
			return
		}
	}
}

// simpleQueueNew is SimpleQueue(): no arguments, unless a subclass's
// own __init__ takes them.
func simpleQueueNew(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
	if t.Flags&interp.TypeHeapType == 0 || !in.Overrides(t, "__init__") {
		if len(args) > len(kwnames) {
			return Value{}, in.Raise(interp.TypeError, "SimpleQueue() takes no positional arguments")
		}
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "SimpleQueue() takes no keyword arguments")
		}
	}
	q, err := interp.NewObject[simpleQueue](in, t)
	if err != nil {
		return Value{}, err
	}
	return interp.ValueOf(q), nil
}

// queueState is the module's per-interpreter state: its Empty class.
type queueState struct {
	empty Value
}

var queueStateKey byte

func getQueueState(in *interp.Interp) *queueState {
	return in.ModuleState(&queueStateKey, func() any { return &queueState{} }).(*queueState)
}

const emptyDoc = "Exception raised by Queue.get(block=0)/get_nowait()."

// raiseEmpty raises _queue.Empty().
func raiseEmpty(in *interp.Interp) error {
	st := getQueueState(in)
	if st.empty.IsNil() {
		// SimpleQueue reached without importing _queue (a pickled
		// reference, say): make the class now.
		if err := makeEmptyClass(in, st); err != nil {
			return err
		}
	}
	e, err := in.Call(st.empty, nil, nil)
	if err != nil {
		return err
	}
	defer in.DecRef(e)
	return in.RaiseValue(e)
}

func makeEmptyClass(in *interp.Interp, st *queueState) error {
	cls, err := newModuleException(in, "_queue", "Empty", interp.ExcType("Exception"))
	if err != nil {
		return err
	}
	doc, err := in.NewStr(emptyDoc)
	if err != nil {
		in.DecRef(cls)
		return err
	}
	err = in.SetAttr(cls, interp.ImmortalStr("__doc__"), doc)
	in.DecRef(doc)
	if err != nil {
		in.DecRef(cls)
		return err
	}
	st.empty = cls
	return nil
}

func initQueue(in *interp.Interp, m *interp.Module) error {
	st := getQueueState(in)
	if st.empty.IsNil() {
		if err := makeEmptyClass(in, st); err != nil {
			return err
		}
	}
	if err := m.Set(in, "__doc__", interp.ImmortalStr("C implementation of the Python queue module.\nThis module is an implementation detail, please do not use it directly.")); err != nil {
		return err
	}
	if err := m.Set(in, "Empty", st.empty); err != nil {
		return err
	}
	return m.Set(in, "SimpleQueue", interp.TypeValue(simpleQueueType))
}

// maxTimeoutSec bounds a timeout in whole seconds, as CPython's _PyTime_t
// (int64 nanoseconds) does.
const maxTimeoutSec = math.MaxInt64 / int64(time.Second)

// queueTimeout converts get's timeout as _PyTime_FromSecondsObject does
// with ROUND_CEILING: floats to whole nanoseconds rounded up, anything
// else through __index__, with CPython's overflow messages.
func queueTimeout(in *interp.Interp, v Value) (time.Duration, error) {
	var ns int64
	if interp.IsInstance(v, interp.FloatType) {
		f, err := in.ToFloat(v)
		if err != nil {
			return 0, err
		}
		if math.IsNaN(f) {
			return 0, in.Raise(interp.ValueError, "Invalid value NaN (not a number)")
		}
		d := math.Ceil(f * 1e9)
		if !(d >= math.MinInt64 && d < math.MaxInt64) {
			return 0, in.Raise(interp.OverflowError, "timestamp out of range for platform time_t")
		}
		ns = int64(d)
	} else {
		idx, err := in.Index(v)
		if err != nil {
			return 0, err
		}
		s, ok := interp.IntValue(idx)
		in.DecRef(idx)
		if !ok || s > maxTimeoutSec || s < -maxTimeoutSec {
			return 0, in.Raise(interp.OverflowError, "timestamp too large to convert to C _PyTime_t")
		}
		ns = s * int64(time.Second)
	}
	if ns < 0 {
		return 0, in.Raise(interp.ValueError, "'timeout' must be a non-negative number")
	}
	return time.Duration(ns), nil
}

var (
	queueGetParams       = interp.Params{Func: "get", Names: []string{"block", "timeout"}}
	queuePutParams       = interp.Params{Func: "put", Names: []string{"item", "block", "timeout"}, Required: 1}
	queuePutNowaitParams = interp.Params{Func: "put_nowait", Names: []string{"item"}, Required: 1}
)

// queueGet is get(block=True, timeout=None).
func queueGet(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if len(args) == 1 {
		return queueWaitItem(in, args[0], -1) // the common call, without binding
	}
	var blockArg, timeoutArg Value
	if err := in.Unpack(&queueGetParams, args[1:], kwnames, &blockArg, &timeoutArg); err != nil {
		return Value{}, err
	}
	block := true
	if !blockArg.IsNil() {
		var err error
		if block, err = in.Truth(blockArg); err != nil {
			return Value{}, err
		}
	}
	wait := time.Duration(-1)
	if !block {
		wait = 0
	} else if !timeoutArg.IsNil() && !timeoutArg.IsNone() {
		var err error
		if wait, err = queueTimeout(in, timeoutArg); err != nil {
			return Value{}, err
		}
	}
	return queueWaitItem(in, args[0], wait)
}

// queueWaitItem takes the item at the head of the queue, waiting at
// most wait (-1: without limit) for one with the GIL released.
func queueWaitItem(in *interp.Interp, self Value, wait time.Duration) (Value, error) {
	q := queueOf(self)
	if q.n > 0 {
		return q.pop(in, self), nil
	}
	if wait == 0 {
		return Value{}, raiseEmpty(in)
	}
	var deadline time.Time
	if wait > 0 {
		deadline = in.Now().Add(wait)
	}
	in.ClearWake()
	w := &queueWaiter{t: in.CurrentThread()}
	q.waiters = append(q.waiters, w)
	// The deferred clean-up also runs when a daemon thread's goroutine
	// ends inside Park at shutdown: an item handed to it goes back.
	done := false
	defer func() {
		if done {
			return
		}
		if w.granted {
			in.DiscardError(q.offer(in, self, w.item, true))
			w.item, w.granted = Value{}, false
		} else {
			q.removeWaiter(w)
		}
	}()
	for {
		d := time.Duration(-1)
		if wait > 0 {
			if d = in.Until(deadline); d <= 0 {
				break
			}
		}
		_, err := in.Park(d)
		if err != nil {
			// An item that arrived with the interruption goes to the
			// next getter (the deferred clean-up).
			return Value{}, err
		}
		if w.granted {
			done = true
			return w.item, nil
		}
	}
	if w.granted {
		done = true
		return w.item, nil
	}
	return Value{}, raiseEmpty(in)
}

// queuePut is put(item, block=True, timeout=None): block and timeout
// are only for Queue's signature (block's truth is still taken, as
// CPython does).
func queuePut(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var item, blockArg, timeoutArg Value
	if len(args) == 2 && len(kwnames) == 0 {
		item = args[1] // the common call, without binding
	} else if err := in.Unpack(&queuePutParams, args[1:], kwnames, &item, &blockArg, &timeoutArg); err != nil {
		return Value{}, err
	}
	if !blockArg.IsNil() {
		if _, err := in.Truth(blockArg); err != nil {
			return Value{}, err
		}
	}
	interp.IncRef(item)
	if err := queueOf(args[0]).offer(in, args[0], item, false); err != nil {
		return Value{}, err
	}
	return interp.None, nil
}

func init() {
	t := simpleQueueType
	t.Flags |= interp.TypeWeakrefs
	genericAliasable(t)
	t.AddMethod("get", queueGet)
	t.AddMethod("put", queuePut)
	t.AddMethod("get_nowait", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		// Like CPython's, only positional arguments are refused.
		if len(args)-1 > len(kwnames) {
			return Value{}, in.Raise(interp.TypeError, "get_nowait() takes no arguments")
		}
		return queueWaitItem(in, args[0], 0)
	})
	t.AddMethod("put_nowait", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		var item Value
		if err := in.Unpack(&queuePutNowaitParams, args[1:], kwnames, &item); err != nil {
			return Value{}, err
		}
		interp.IncRef(item)
		if err := queueOf(args[0]).offer(in, args[0], item, false); err != nil {
			return Value{}, err
		}
		return interp.None, nil
	})
	t.AddMethod("empty", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("SimpleQueue.empty", args, kwnames); err != nil {
			return Value{}, err
		}
		return interp.Bool(queueOf(args[0]).n == 0), nil
	})
	t.AddMethod("qsize", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("SimpleQueue.qsize", args, kwnames); err != nil {
			return Value{}, err
		}
		return interp.Int(int64(queueOf(args[0]).n)), nil
	})
	interp.RegisterModule("_queue", initQueue)
}
