package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// _thread._local, the type behind threading.local: every thread sees
// its own attribute dict. The dicts live in the object, by thread
// ident, and are found afresh on each attribute access, which then runs
// the generic lookup against that dict rather than an instance dict
// (CPython's _PyObject_GenericGetAttrWithDict). The first time a thread
// other than the creator touches an instance of a class with its own
// __init__, that __init__ runs again with the constructor's arguments.
// A thread's dicts go when the thread ends (a thread-exit hook finds
// them through a per-interpreter index) and all of them when the object
// dies.

// localObject is a _thread._local or an instance of a class derived
// from it. dict and slots sit where Instance has them, so that classes'
// __slots__ and __dict__ descriptors find them (slotsOf).
type localObject struct {
	alloc.Header
	alloc.GCLink
	// dict is a class instance's own __dict__, which only object's
	// __getattribute__ and __setattr__ reach; attributes go to dicts.
	dict  Value
	slots []Value // __slots__ values, shared by every thread

	// args and kwnames are the constructor's arguments (owned), for the
	// __init__ each further thread runs.
	args    []Value
	kwnames []Value

	dicts map[int64]Value // each thread's attribute dict by ident (owned)
	reg   *localRegistry
}

const localSize = unsafe.Sizeof(localObject{})

var localType = newBuiltinType("_thread._local", objectType, TypeBaseType|TypeWeakrefs)

// localRegistry indexes, per interpreter, which locals hold a dict for
// each thread, so that a thread's end drops its dicts without visiting
// every local.
type localRegistry struct {
	byThread map[int64]map[*localObject]struct{}
}

// localRegistryKey is the registry's ModuleState key.
var localRegistryKey byte

// localRegistry returns the interpreter's registry, made (and its
// thread-exit hook installed) on first use.
func (in *Interp) localRegistry() *localRegistry {
	return in.ModuleState(&localRegistryKey, func() any {
		r := &localRegistry{byThread: map[int64]map[*localObject]struct{}{}}
		in.onThreadExit(r.threadExit)
		return r
	}).(*localRegistry)
}

// threadExitRounds bounds how often a thread's end drops dicts that
// finalizers run by the previous round made again for the same thread;
// what is left after goes when its local dies.
const threadExitRounds = 4

// threadExit drops the ending thread t's dicts. The dicts are detached
// first and released after: releasing runs arbitrary code (__del__,
// weakref callbacks), which may make or free locals.
func (r *localRegistry) threadExit(t *Thread) {
	in := t.in
	for range threadExitRounds {
		set := r.byThread[t.ident]
		delete(r.byThread, t.ident)
		if len(set) == 0 {
			return
		}
		drop := make([]Value, 0, len(set))
		for l := range set {
			if d, ok := l.dicts[t.ident]; ok {
				delete(l.dicts, t.ident)
				drop = append(drop, d)
			}
		}
		for _, d := range drop {
			in.decRef(d)
		}
	}
}

func init() {
	localType.Module = "_thread"
	localType.Qualname = "_local"
	localType.layout = localType
	// A class's instances are localObjects too, dict and __slots__
	// included: the type's own dealloc, traverse and clear serve them.
	subclassDictOffsets[localType] = unsafe.Offsetof(localObject{}.dict)
	instanceLayouts[localType] = true
	localType.new = localNew
	localType.construct = localNew
	defLayoutNew(localType, localNew)
	localType.hash = identityHash
	localType.getattr = localGetAttr
	localType.setattr = localSetAttr
	localType.dealloc = func(in *Interp, v Value) {
		l := asObject[localObject](v)
		in.localClear(l)
		*l = localObject{Header: l.Header}
		in.heap.Free(&l.Header, localSize)
	}
	localType.traverse = func(v Value, visit func(Value)) {
		l := asObject[localObject](v)
		if !l.dict.IsNil() {
			visit(l.dict)
		}
		visitAll(l.slots, visit)
		visitAll(l.args, visit)
		visitAll(l.kwnames, visit)
		for _, d := range l.dicts {
			visit(d)
		}
	}
	localType.clear = func(in *Interp, v Value) { in.localClear(asObject[localObject](v)) }
}

// localNew is _local.__new__(t, *args, **kwargs): arguments are kept
// for the __init__ of later threads, and refused when no __init__ can
// take them, as CPython does. The creating thread's dict is made now.
func localNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	if len(args) > 0 && !in.overrides(t, "__init__") {
		return Value{}, in.raise(typeErrorType, "Initialization arguments are not supported")
	}
	l := &localObject{}
	if err := in.account(&l.Header, t, localSize); err != nil {
		return Value{}, err
	}
	l.Header.SetFlags(alloc.FlagContainer)
	v := valueOf(l)
	if n := t.slotCount(); n > 0 {
		l.slots = make([]Value, n)
	}
	if len(args) > 0 {
		l.args = append([]Value(nil), args...)
		for _, a := range l.args {
			incRef(a)
		}
		l.kwnames = append([]Value(nil), kwnames...)
		for _, k := range l.kwnames {
			incRef(k)
		}
	}
	l.reg = in.localRegistry()
	if _, err := in.newLocalDict(l); err != nil {
		in.decRef(v)
		return Value{}, err
	}
	return v, nil
}

// newLocalDict gives the running thread an empty dict in l (borrowed).
func (in *Interp) newLocalDict(l *localObject) (Value, error) {
	d, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	id := in.thread.ident
	if l.dicts == nil {
		l.dicts = map[int64]Value{}
	}
	l.dicts[id] = d
	set := l.reg.byThread[id]
	if set == nil {
		set = map[*localObject]struct{}{}
		l.reg.byThread[id] = set
	}
	set[l] = struct{}{}
	return d, nil
}

// dropLocalDict takes the running thread's dict out of l; the caller
// releases it.
func (in *Interp) dropLocalDict(l *localObject) (Value, bool) {
	id := in.thread.ident
	d, ok := l.dicts[id]
	if !ok {
		return Value{}, false
	}
	delete(l.dicts, id)
	if set := l.reg.byThread[id]; set != nil {
		delete(set, l)
		if len(set) == 0 {
			delete(l.reg.byThread, id)
		}
	}
	return d, true
}

// localClear drops everything l holds: its dicts (and their index
// entries), its arguments, its own dict and __slots__ values. All are
// detached before any is released, since releasing runs arbitrary code.
func (in *Interp) localClear(l *localObject) {
	var drop []Value
	for id, d := range l.dicts {
		drop = append(drop, d)
		if set := l.reg.byThread[id]; set != nil {
			delete(set, l)
			if len(set) == 0 {
				delete(l.reg.byThread, id)
			}
		}
	}
	l.dicts = nil
	drop = append(drop, l.args...)
	drop = append(drop, l.kwnames...)
	l.args, l.kwnames = nil, nil
	if !l.dict.IsNil() {
		drop = append(drop, l.dict)
		l.dict = Value{}
	}
	for i, s := range l.slots {
		if !s.IsNil() {
			drop = append(drop, s)
			l.slots[i] = Value{}
		}
	}
	for _, d := range drop {
		in.decRef(d)
	}
}

// localDict returns the running thread's dict of v (borrowed), making
// it, and running the class's __init__ on it, on the thread's first
// use. When that __init__ fails the dict goes again, so that the next
// use retries it.
func (in *Interp) localDict(v Value) (Value, error) {
	l := asObject[localObject](v)
	if d, ok := l.dicts[in.thread.ident]; ok {
		return d, nil
	}
	d, err := in.newLocalDict(l)
	if err != nil {
		return Value{}, err
	}
	t := v.Type()
	if !in.overrides(t, "__init__") {
		return d, nil
	}
	initAttr, err := in.lookupString(t, "__init__")
	if err == nil {
		incRef(initAttr)
		// The arguments may go if __init__ clears the local (through
		// the collector): hold them for the call.
		args := append([]Value(nil), l.args...)
		kwnames := append([]Value(nil), l.kwnames...)
		for _, a := range args {
			incRef(a)
		}
		for _, k := range kwnames {
			incRef(k)
		}
		var r Value
		r, err = in.callAttrWithSelf(initAttr, v, args, kwnames)
		if err == nil {
			if !r.IsNone() {
				err = in.raise(typeErrorType, "__init__() should return None, not '%s'", r.Type().Name)
			}
			in.decRef(r)
		}
		for _, a := range args {
			in.decRef(a)
		}
		for _, k := range kwnames {
			in.decRef(k)
		}
		in.decRef(initAttr)
	}
	if err != nil {
		if old, ok := in.dropLocalDict(l); ok {
			in.decRef(old)
		}
		return Value{}, err
	}
	if d, ok := l.dicts[in.thread.ident]; ok {
		return d, nil
	}
	// Cleared while __init__ ran: start the thread afresh, uninitialized.
	return in.newLocalDict(l)
}

// isDictName reports whether the attribute name is "__dict__".
func isDictName(name Value) bool {
	return isStr(name) && name.GoString() == "__dict__"
}

// localGetAttr is _local.__getattribute__: __dict__ is the running
// thread's dict; other names are looked up as object's getattr does,
// with that dict as the instance dict (for _local itself the dict comes
// first, as CPython's shortcut has it).
func localGetAttr(in *Interp, v, name Value) (Value, error) {
	if !isStr(name) {
		return Value{}, in.raise(typeErrorType, "attribute name must be string, not '%s'", name.Type().Name)
	}
	d, err := in.localDict(v)
	if err != nil {
		return Value{}, err
	}
	incRef(d) // kept while the lookup may run code
	defer in.decRef(d)
	if isDictName(name) {
		incRef(d)
		return d, nil
	}
	if v.Type() == localType {
		if r, ok, err := in.DictGet(asObject[Dict](d), name); err != nil || ok {
			if ok {
				incRef(r)
			}
			return r, err
		}
	}
	return in.genericGetAttrIn(v, name, &d, false)
}

// localSetAttr is _local.__setattr__ and __delattr__: data descriptors
// (__slots__, properties) first, then the running thread's dict.
func localSetAttr(in *Interp, v, name, value Value) error {
	if !isStr(name) {
		return in.raise(typeErrorType, "attribute name must be string, not '%s'", name.Type().Name)
	}
	d, err := in.localDict(v)
	if err != nil {
		return err
	}
	if isDictName(name) {
		return in.raise(attributeErrorType, "'%s' object attribute '__dict__' is read-only", v.Type().tpName())
	}
	incRef(d)
	defer in.decRef(d)
	return in.genericSetAttrIn(v, name, value, &d)
}
