package modules

import (
	"strconv"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _collections module of CPython 3.12: deque and its iterators
// (this file), defaultdict (package interp's DefaultDictType, since it
// derives from dict), and the helpers of collections/__init__.py,
// _count_elements and _tuplegetter (collections_misc.go). OrderedDict
// is left to the pure-Python version, which collections falls back to.

var collectionsTable moduleTable

func initCollections(in *interp.Interp, m *interp.Module) error {
	return collectionsTable.fill(in, m)
}

// dequeObject is a deque: a ring buffer of len(buf) slots holding n
// items from head on. state changes on every mutation, so iterators and
// searches that run Python code notice them.
type dequeObject struct {
	alloc.Header
	alloc.GCLink
	buf     []Value
	head, n int
	maxlen  int // -1: unbounded
	state   uint64
}

const dequeDoc = "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints."

// The types are made in init: their slots refer back to them.
var dequeType, dequeIterType, dequeRevIterType *interp.Type

func init() {
	dequeType = interp.NewType[dequeObject](dequeSpec)
	dequeIterType = interp.NewType[dequeIterObject](dequeIterSpec("_deque_iterator"))
	dequeRevIterType = interp.NewType[dequeIterObject](dequeIterSpec("_deque_reverse_iterator"))
}

var dequeSpec = interp.TypeSpec{
	Name:         "deque",
	Module:       "collections",
	Doc:          dequeDoc,
	Subclassable: true,
	New:          dequeNew,
	Init:         dequeInit,
	Dealloc:      func(in *interp.Interp, v Value) { dequeOf(v).clear(in, v) },
	Traverse: func(v Value, visit func(Value)) {
		d := dequeOf(v)
		for i := 0; i < d.n; i++ {
			visit(d.at(i))
		}
	},
	Clear:    func(in *interp.Interp, v Value) { dequeOf(v).clear(in, v) },
	Repr:     dequeRepr,
	Compare:  dequeCompare,
	Len:      func(in *interp.Interp, v Value) (int, error) { return dequeOf(v).n, nil },
	Iter:     func(in *interp.Interp, v Value) (Value, error) { return newDequeIter(in, dequeIterType, v) },
	GetItem:  dequeGetItem,
	SetItem:  dequeSetItem,
	Contains: dequeContains,
	Number: &interp.NumberSpec{
		Binary: map[interp.BinaryOp]func(in *interp.Interp, a, b Value) (Value, error){
			interp.OpAdd: dequeConcat,
			interp.OpMul: dequeRepeat,
		},
		InPlace: map[interp.BinaryOp]func(in *interp.Interp, a, b Value) (Value, error){
			interp.OpAdd: func(in *interp.Interp, a, b Value) (Value, error) {
				if err := dequeExtend(in, a, b, false); err != nil {
					return Value{}, err
				}
				interp.IncRef(a)
				return a, nil
			},
			interp.OpMul: func(in *interp.Interp, a, b Value) (Value, error) {
				n, err := in.AsIndexSized(b)
				if err != nil {
					return Value{}, err
				}
				if err := dequeInplaceRepeat(in, a, n); err != nil {
					return Value{}, err
				}
				interp.IncRef(a)
				return a, nil
			},
		},
	},
}

func dequeOf(v Value) *dequeObject { return interp.ObjectOf[dequeObject](v) }

func isDeque(v Value) bool { return interp.IsInstance(v, dequeType) }

// idx is the buffer slot of item i.
func (d *dequeObject) idx(i int) int {
	j := d.head + i
	if j >= len(d.buf) {
		j -= len(d.buf)
	}
	return j
}

func (d *dequeObject) at(i int) Value { return d.buf[d.idx(i)] }

// reserve makes room for extra more items.
func (d *dequeObject) reserve(in *interp.Interp, v Value, extra int) error {
	need := d.n + extra
	if need <= len(d.buf) {
		return nil
	}
	if need > 1<<40 {
		return in.NoMemory()
	}
	c := max(8, 2*len(d.buf))
	for c < need {
		c *= 2
	}
	if err := in.AccountBytes(v, (c-len(d.buf))*valueSize); err != nil {
		return err
	}
	nb := make([]Value, c)
	for i := 0; i < d.n; i++ {
		nb[i] = d.at(i)
	}
	d.buf, d.head = nb, 0
	return nil
}

// take removes and returns (owned) the item at the left or right end;
// the deque is not empty.
func (d *dequeObject) take(left bool) Value {
	var j int
	if left {
		j = d.head
		d.head = d.idx(1)
	} else {
		j = d.idx(d.n - 1)
	}
	x := d.buf[j]
	d.buf[j] = Value{}
	d.n--
	d.state++
	if d.n == 0 {
		d.head = 0
	}
	return x
}

// push adds x (borrowed) at one end, dropping an item from the other
// end past maxlen.
func (d *dequeObject) push(in *interp.Interp, v, x Value, left bool) error {
	if err := d.reserve(in, v, 1); err != nil {
		return err
	}
	interp.IncRef(x)
	if left {
		d.head--
		if d.head < 0 {
			d.head += len(d.buf)
		}
		d.buf[d.head] = x
	} else {
		d.buf[d.idx(d.n)] = x
	}
	d.n++
	d.state++
	if d.maxlen >= 0 && d.n > d.maxlen {
		in.DecRef(d.take(!left))
	}
	return nil
}

// clear empties the deque and gives its buffer back.
func (d *dequeObject) clear(in *interp.Interp, v Value) {
	items := make([]Value, 0, d.n)
	for i := 0; i < d.n; i++ {
		items = append(items, d.at(i))
	}
	if c := len(d.buf); c > 0 {
		_ = in.AccountBytes(v, -c*valueSize)
	}
	d.buf, d.head, d.n = nil, 0, 0
	d.state++
	releaseAll(in, items)
}

// items returns the items in order, each with a new reference.
func (d *dequeObject) items() []Value {
	r := make([]Value, d.n)
	for i := range r {
		r[i] = d.at(i)
		interp.IncRef(r[i])
	}
	return r
}

func dequeNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	o, err := interp.NewObject[dequeObject](in, t)
	if err != nil {
		return Value{}, err
	}
	o.maxlen = -1
	return interp.ValueOf(o), nil
}

var dequeParams = interp.Params{Func: "deque", Names: []string{"iterable", "maxlen"}}

func dequeInit(in *interp.Interp, self Value, args, kwnames []Value) error {
	var iterable, maxlenArg Value
	if err := in.Unpack(&dequeParams, args, kwnames, &iterable, &maxlenArg); err != nil {
		return err
	}
	maxlen := -1
	if !maxlenArg.IsNil() && !maxlenArg.IsNone() {
		if !interp.IsInt(maxlenArg) {
			return in.Raise(interp.TypeError, "an integer is required")
		}
		n, err := in.AsSsize(maxlenArg)
		if err != nil {
			return err
		}
		if n < 0 {
			return in.Raise(interp.ValueError, "maxlen must be non-negative")
		}
		maxlen = n
	}
	d := dequeOf(self)
	d.maxlen = maxlen
	if d.n > 0 {
		d.clear(in, self)
	}
	if iterable.IsNil() {
		return nil
	}
	return dequeExtend(in, self, iterable, false)
}

// dequeExtend appends (or, left, prepends) the items of iterable.
func dequeExtend(in *interp.Interp, self, iterable Value, left bool) error {
	if iterable.Is(self) {
		// Extending a deque by itself: from a snapshot.
		items := dequeOf(self).items()
		snapshot, err := collListOwned(in, items)
		if err != nil {
			return err
		}
		defer in.DecRef(snapshot)
		iterable = snapshot
	}
	it, err := in.Iter(iterable)
	if err != nil {
		return err
	}
	defer in.DecRef(it)
	d := dequeOf(self)
	for {
		x, ok, err := in.Next(it)
		if err != nil || !ok {
			return err
		}
		if d.maxlen == 0 {
			in.DecRef(x)
			continue
		}
		err = d.push(in, self, x, left)
		in.DecRef(x)
		if err != nil {
			return err
		}
	}
}

// newListOwned makes a list of items, releasing the caller's references.
func collListOwned(in *interp.Interp, items []Value) (Value, error) {
	l, err := in.NewList(items...)
	releaseAll(in, items)
	return l, err
}

// dequeCopy is deque.copy(): a deque of the same class and maxlen.
func dequeCopy(in *interp.Interp, self Value) (Value, error) {
	d := dequeOf(self)
	t := self.Type()
	if t == dequeType {
		r, err := dequeNew(in, dequeType, nil, nil)
		if err != nil {
			return Value{}, err
		}
		o := dequeOf(r)
		o.maxlen = d.maxlen
		if err := o.reserve(in, r, d.n); err != nil {
			in.DecRef(r)
			return Value{}, err
		}
		for i := 0; i < d.n; i++ {
			x := d.at(i)
			interp.IncRef(x)
			o.buf[i] = x
		}
		o.n = d.n
		return r, nil
	}
	if d.maxlen < 0 {
		return in.Call(interp.TypeValue(t), []Value{self}, nil)
	}
	return in.Call(interp.TypeValue(t), []Value{self, interp.Int(int64(d.maxlen))}, nil)
}

func dequeRepr(in *interp.Interp, v Value) (Value, error) {
	if !in.ReprEnter(v) {
		return in.NewStr("[...]")
	}
	defer in.ReprLeave()
	d := dequeOf(v)
	l, err := collListOwned(in, d.items())
	if err != nil {
		return Value{}, err
	}
	s, err := reprString(in, l)
	in.DecRef(l)
	if err != nil {
		return Value{}, err
	}
	if d.maxlen >= 0 {
		return in.NewStr(typeName(v) + "(" + s + ", maxlen=" + strconv.Itoa(d.maxlen) + ")")
	}
	return in.NewStr(typeName(v) + "(" + s + ")")
}

// errMutated is the RuntimeError of a deque changed while it is walked.
func dequeMutated(in *interp.Interp) error {
	return in.Raise(interp.RuntimeError, "deque mutated during iteration")
}

// dequeFind returns the index of the first item equal to x in [start,
// stop), or -1; errs is the exception type for a mutation meanwhile.
func dequeFind(in *interp.Interp, v, x Value, start, stop int, errs *interp.Type) (int, error) {
	d := dequeOf(v)
	state := d.state
	for i := start; i < stop && i < d.n; i++ {
		item := d.at(i)
		interp.IncRef(item)
		eq, err := in.Equal(item, x)
		in.DecRef(item)
		if err != nil {
			return -1, err
		}
		if d.state != state {
			return -1, in.Raise(errs, "deque mutated during iteration")
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

func dequeContains(in *interp.Interp, v, x Value) (bool, error) {
	i, err := dequeFind(in, v, x, 0, dequeOf(v).n, interp.RuntimeError)
	return i >= 0, err
}

// seqIndexArg is a start or stop of index(): an integer, clamped.
func dequeSliceIndex(in *interp.Interp, v Value) (int, error) {
	if !interp.IsInt(v) {
		m, err := in.LookupSpecial(v.Type(), "__index__")
		if err != nil {
			return 0, err
		}
		if m.IsNil() {
			return 0, in.Raise(interp.TypeError, "slice indices must be integers or have an __index__ method")
		}
	}
	iv, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(iv)
	if n, ok := interp.IntValue(iv); ok {
		return int(max(min(n, 1<<62), -(1 << 62))), nil
	}
	if interp.BigIntOf(iv).Sign() < 0 {
		return -(1 << 62), nil
	}
	return 1 << 62, nil
}

// dequeIndexOf normalizes an item index i (negative from the end); ok
// is false when it is out of range.
func dequeIndexOf(in *interp.Interp, v, key Value) (int, error) {
	if !interp.IsInt(key) {
		m, err := in.LookupSpecial(key.Type(), "__index__")
		if err != nil {
			return 0, err
		}
		if m.IsNil() {
			return 0, in.Raise(interp.TypeError, "sequence index must be integer, not '%s'", key.Type().Name)
		}
	}
	i, err := in.AsIndexSized(key)
	if err != nil {
		if interp.ErrorIs(err, interp.OverflowError) {
			in.DiscardError(err)
			return 0, in.Raise(interp.IndexError, "cannot fit 'int' into an index-sized integer")
		}
		return 0, err
	}
	n := dequeOf(v).n
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, in.Raise(interp.IndexError, "deque index out of range")
	}
	return i, nil
}

func dequeGetItem(in *interp.Interp, v, key Value) (Value, error) {
	i, err := dequeIndexOf(in, v, key)
	if err != nil {
		return Value{}, err
	}
	x := dequeOf(v).at(i)
	interp.IncRef(x)
	return x, nil
}

func dequeSetItem(in *interp.Interp, v, key, value Value) error {
	i, err := dequeIndexOf(in, v, key)
	if err != nil {
		return err
	}
	d := dequeOf(v)
	if value.IsNil() {
		dequeDelAt(in, v, i)
		return nil
	}
	j := d.idx(i)
	old := d.buf[j]
	interp.IncRef(value)
	d.buf[j] = value
	in.DecRef(old)
	return nil
}

// dequeDelAt removes item i.
func dequeDelAt(in *interp.Interp, v Value, i int) {
	d := dequeOf(v)
	x := d.at(i)
	for k := i; k < d.n-1; k++ {
		d.buf[d.idx(k)] = d.at(k + 1)
	}
	d.buf[d.idx(d.n-1)] = Value{}
	d.n--
	d.state++
	if d.n == 0 {
		d.head = 0
	}
	in.DecRef(x)
}

// dequeCompare compares two deques item by item, as sequences do.
func dequeCompare(in *interp.Interp, a, b Value, op interp.CompareOp) (Value, error) {
	if !isDeque(b) {
		return interp.NotImplemented, nil
	}
	x, y := dequeOf(a), dequeOf(b)
	if x.n != y.n && (op == interp.CmpEQ || op == interp.CmpNE) {
		return interp.Bool(op == interp.CmpNE), nil
	}
	sx, sy := x.state, y.state
	i := 0
	for ; i < x.n && i < y.n; i++ {
		p, q := x.at(i), y.at(i)
		interp.IncRef(p)
		interp.IncRef(q)
		eq, err := in.Equal(p, q)
		if err == nil && (x.state != sx || y.state != sy) {
			err = dequeMutated(in)
		}
		if err != nil || !eq {
			if err == nil {
				switch op {
				case interp.CmpEQ:
					in.DecRef(p)
					in.DecRef(q)
					return interp.False, nil
				case interp.CmpNE:
					in.DecRef(p)
					in.DecRef(q)
					return interp.True, nil
				}
				var r Value
				r, err = in.RichCompare(p, q, op)
				in.DecRef(p)
				in.DecRef(q)
				return r, err
			}
			in.DecRef(p)
			in.DecRef(q)
			return Value{}, err
		}
		in.DecRef(p)
		in.DecRef(q)
	}
	var r bool
	switch op {
	case interp.CmpLT:
		r = x.n < y.n
	case interp.CmpLE:
		r = x.n <= y.n
	case interp.CmpEQ:
		r = x.n == y.n
	case interp.CmpNE:
		r = x.n != y.n
	case interp.CmpGT:
		r = x.n > y.n
	case interp.CmpGE:
		r = x.n >= y.n
	}
	return interp.Bool(r), nil
}

// deferToReflected reports whether other's class defines the reflected
// operator, which CPython tries before a sequence's concat or repeat.
func deferToReflected(in *interp.Interp, other Value, name string) (bool, error) {
	if other.Type().Flags&interp.TypeHeapType == 0 {
		return false, nil
	}
	m, err := in.LookupSpecial(other.Type(), name)
	return !m.IsNil(), err
}

func dequeConcat(in *interp.Interp, a, b Value) (Value, error) {
	if !isDeque(a) {
		return interp.NotImplemented, nil
	}
	if !isDeque(b) {
		if ok, err := deferToReflected(in, b, "__radd__"); ok || err != nil {
			return interp.NotImplemented, err
		}
		return Value{}, in.Raise(interp.TypeError, "can only concatenate deque (not \"%s\") to deque", b.Type().Name)
	}
	r, err := dequeCopy(in, a)
	if err != nil {
		return Value{}, err
	}
	if !isDeque(r) {
		return r, nil
	}
	if err := dequeExtend(in, r, b, false); err != nil {
		in.DecRef(r)
		return Value{}, err
	}
	return r, nil
}

func dequeRepeat(in *interp.Interp, a, b Value) (Value, error) {
	seq, count := a, b
	if !isDeque(a) {
		seq, count = b, a
	} else if !interp.IsInt(b) {
		if ok, err := deferToReflected(in, b, "__rmul__"); ok || err != nil {
			return interp.NotImplemented, err
		}
	}
	if !interp.IsInt(count) {
		m, err := in.LookupSpecial(count.Type(), "__index__")
		if err != nil {
			return Value{}, err
		}
		if m.IsNil() {
			return Value{}, in.Raise(interp.TypeError, "can't multiply sequence by non-int of type '%s'", count.Type().Name)
		}
	}
	n, err := in.AsIndexSized(count)
	if err != nil {
		return Value{}, err
	}
	r, err := dequeCopy(in, seq)
	if err != nil {
		return Value{}, err
	}
	if !isDeque(r) {
		return r, nil
	}
	if err := dequeInplaceRepeat(in, r, n); err != nil {
		in.DecRef(r)
		return Value{}, err
	}
	return r, nil
}

// dequeInplaceRepeat is d *= n: past maxlen only the last maxlen items
// of the repetition remain.
func dequeInplaceRepeat(in *interp.Interp, v Value, n int) error {
	d := dequeOf(v)
	size := d.n
	if n <= 0 {
		if size > 0 {
			d.clear(in, v)
		}
		return nil
	}
	if n == 1 || size == 0 {
		return nil
	}
	if size > (1<<40)/n {
		return in.NoMemory()
	}
	total := size * n
	keep := total
	if d.maxlen >= 0 && keep > d.maxlen {
		keep = d.maxlen
	}
	items := d.items()
	defer releaseAll(in, items)
	// The result is items[(total-keep+k) % size] for k < keep.
	first := total - keep
	d.clear(in, v)
	if err := d.reserve(in, v, keep); err != nil {
		return err
	}
	for k := 0; k < keep; k++ {
		x := items[(first+k)%size]
		interp.IncRef(x)
		d.buf[k] = x
	}
	d.n = keep
	d.state++
	return nil
}

// dequeRotate rotates the items k steps to the right.
func dequeRotate(v Value, k int) {
	d := dequeOf(v)
	if d.n <= 1 {
		return
	}
	k %= d.n
	if k < 0 {
		k += d.n
	}
	if k == 0 {
		return
	}
	d.state++
	if d.n == len(d.buf) {
		d.head = d.idx(d.n - k)
		return
	}
	tmp := make([]Value, d.n)
	for i := 0; i < d.n; i++ {
		tmp[(i+k)%d.n] = d.at(i)
	}
	for i, x := range tmp {
		d.buf[d.idx(i)] = x
	}
}
