package interp

import (
	"github.com/parallel-py/parallel/interp/bytecode"
)

// The bodies of the eval loop's larger instructions.

// strDunderName is "__name__", which every MAKE_FUNCTION looks up in
// its globals (the function's __module__).
var strDunderName = internName("__name__")

// makeFunction is MAKE_FUNCTION: the code object on top, and below it,
// per oparg's flags, the closure (8), annotations (4), keyword-only
// defaults (2) and defaults (1).
func (in *Interp) makeFunction(f *frame, oparg int) (Value, error) {
	codeVal := f.pop()
	var closure, annotations, kwdefaults, defaults Value
	if oparg&8 != 0 {
		closure = f.pop()
	}
	if oparg&4 != 0 {
		annotations = f.pop()
	}
	if oparg&2 != 0 {
		kwdefaults = f.pop()
	}
	if oparg&1 != 0 {
		defaults = f.pop()
	}
	c := asObject[Code](codeVal)
	fn := in.free.functions.get()
	fn.code = c
	if err := in.account(&fn.Header, functionType, functionSize); err != nil {
		for _, v := range []Value{closure, annotations, kwdefaults, defaults} {
			in.xdecRef(v)
		}
		return Value{}, err
	}
	fn.Header.SetFlags(1 << 1) // alloc.FlagContainer
	// The stack's references move into the function.
	fn.defaults, fn.kwdefaults, fn.closure, fn.annotations = defaults, kwdefaults, closure, annotations
	fn.globals = valueOf(f.globals)
	incRef(fn.globals)
	fn.name, fn.qualname = c.name, c.qualname
	if m, ok, _ := in.DictGet(f.globals, strDunderName); ok {
		incRef(m)
		fn.module = m
	}
	return valueOf(fn), nil
}

// call performs CALL oparg. A Python function gets a new frame, returned
// for the loop to continue in; anything else is called directly and its
// result pushed.
func (in *Interp) call(f *frame, nargs int) (*frame, error) {
	kwnames := f.kwnames
	f.kwnames = nil
	base := f.sp - nargs - 2
	callable, self := f.slots[base], f.slots[base+1]
	args := f.slots[base+2 : f.sp]
	if callable.IsNil() {
		callable, self = self, Value{}
	}
	clear := func() {
		used := f.slots[base:f.sp]
		for i, v := range used {
			in.xdecRef(v)
			used[i] = Value{}
		}
		f.sp = base
	}
	switch callable.Type() {
	case functionType:
		callee, err := in.bindArgs(asObject[Function](callable), self, args, kwnames)
		clear()
		return callee, err
	case boundMethodType:
		m := asObject[BoundMethod](callable)
		if !self.IsNil() {
			break
		}
		if m.fn.Type() == functionType {
			callee, err := in.bindArgs(asObject[Function](m.fn), m.self, args, kwnames)
			clear()
			return callee, err
		}
		// Anything else bound (a Go function as a method, such as a
		// queue's put): the function takes the NULL's slot and its self
		// the bound method's, in front of the arguments, as CPython's
		// CALL unpacks a bound method, so the call needs no copy of
		// them (callWithSelf's).
		fn := m.fn
		incRef(fn)
		incRef(m.self)
		f.slots[base], f.slots[base+1] = fn, m.self
		in.decRef(callable)
		r, err := in.Call(fn, f.slots[base+1:f.sp], kwnames)
		clear()
		if err == nil {
			f.push(r)
		}
		return nil, err
	}
	if !self.IsNil() {
		args = f.slots[base+1 : f.sp]
	}
	r, err := in.Call(callable, args, kwnames)
	clear()
	if err == nil {
		f.push(r)
	}
	return nil, err
}

// callExFrame is CALL_FUNCTION_EX from f: fn(*callargs, **kwargs), its
// operands on f's stack. A Python function (or one bound to self) with
// a tuple and a dict, as f(*args, **kwargs) passes them, gets a frame,
// returned for the loop to continue in as CALL's callee is, with the
// arguments bound straight from the tuple's items and the dict's
// entries: no nested eval loop, no list of the arguments on the Go heap
// for a few. Anything else goes through callEx and its result is pushed.
// Both loops run it (the fast loop's call out stays a call under PGO).
//
//go:noinline
func (in *Interp) callExFrame(f *frame, oparg int) (*frame, error) {
	var kwargs Value
	if oparg&1 != 0 {
		kwargs = f.pop()
	}
	callargs := f.pop()
	fn := f.pop()
	in.xdecRef(f.pop()) // the NULL
	in.frame = f
	defer func() {
		in.decRef(fn)
		in.decRef(callargs)
		in.xdecRef(kwargs)
	}()
	target, self := fn, Value{}
	if fn.Type() == boundMethodType {
		m := asObject[BoundMethod](fn)
		target, self = m.fn, m.self
	}
	if target.Type() != functionType || callargs.Type() != tupleType || !kwargs.IsNil() && kwargs.Type() != dictType {
		r, err := in.callEx(fn, callargs, kwargs)
		if err == nil {
			f.push(r)
		}
		return nil, err
	}
	items := asObject[Tuple](callargs).items
	n := len(items)
	if !kwargs.IsNil() {
		n += asObject[Dict](kwargs).used
	}
	var buf [16]Value
	var args, kwnames []Value
	if n <= len(buf)/2 {
		args, kwnames = buf[:0:len(buf)/2], buf[len(buf)/2:len(buf)/2]
	} else {
		args = make([]Value, 0, n)
	}
	args = append(args, items...)
	if !kwargs.IsNil() {
		for _, e := range asObject[Dict](kwargs).entries {
			if e.key.IsNil() {
				continue
			}
			if e.key.Type() != strType {
				return nil, in.raise(typeErrorType, "keywords must be strings")
			}
			kwnames = append(kwnames, e.key)
			args = append(args, e.value)
		}
	}
	// The tuple and the dict own the arguments until the frame has its
	// references (they are released when this returns).
	return in.bindArgs(asObject[Function](target), self, args, kwnames)
}

// callEx is CALL_FUNCTION_EX: fn(*callargs, **kwargs).
func (in *Interp) callEx(fn, callargs, kwargs Value) (Value, error) {
	var args []Value
	if callargs.Type() == tupleType {
		items := asObject[Tuple](callargs).items
		if kwargs.IsNil() {
			// The tuple's items are the arguments, borrowed as the
			// stack's are (the caller holds the tuple): a copy was a Go
			// allocation a call (copyreg's cls.__new__(cls, *args)).
			// The capacity is cut so that an append cannot reach past
			// them.
			return in.Call(fn, items[:len(items):len(items)], nil)
		}
		args = append(args, items...)
	} else {
		items, err := in.iterateAll(callargs)
		if err != nil {
			if callargs.Type().iter == nil && callargs.Type().getitem == nil {
				in.decRef(valueOf(err.(*Exception)))
				return Value{}, in.raise(typeErrorType, "%s argument after * must be an iterable, not %s", in.functionStr(fn), callargs.Type().Name)
			}
			return Value{}, err
		}
		defer func() {
			for _, x := range items {
				in.decRef(x)
			}
		}()
		args = items
	}
	var kwnames []Value
	if !kwargs.IsNil() {
		if kwargs.Type() != dictType {
			return Value{}, in.raise(notImplementedErrorType, "** arguments that are not dicts are not implemented yet")
		}
		for _, e := range asObject[Dict](kwargs).entries {
			if e.key.IsNil() {
				continue
			}
			if e.key.Type() != strType {
				return Value{}, in.raise(typeErrorType, "keywords must be strings")
			}
			kwnames = append(kwnames, e.key)
			args = append(args, e.value)
		}
	}
	return in.Call(fn, args, kwnames)
}

// functionStr names a callable in call errors, as CPython's
// _PyObject_FunctionStr: "f()" or "module.f()".
func (in *Interp) functionStr(fn Value) string {
	switch fn.Type() {
	case functionType:
		f := asObject[Function](fn)
		if !f.module.IsNil() && f.module.Type() == strType && f.module.GoString() != "builtins" {
			return f.module.GoString() + "." + f.qualname.GoString() + "()"
		}
		return f.qualname.GoString() + "()"
	case builtinFunctionType:
		return asObject[Builtin](fn).name + "()"
	case typeType:
		return (*Type)(fn.p).qualname() + "()"
	}
	return fn.Type().Name + " object"
}

// loadMethod is LOAD_ATTR's method form: when name is a plain method of
// the owner's type (a function or method descriptor not shadowed by the
// instance), it answers the unbound method and isMethod, so CALL passes
// the owner as self without building a bound method.
func (in *Interp) loadMethod(owner, name Value) (meth Value, isMethod bool, err error) {
	t := owner.Type()
	if t.getattr != nil {
		r, err := in.GetAttr(owner, name)
		return r, false, err
	}
	descr, err := in.lookup(t, name)
	if err != nil {
		return Value{}, false, err
	}
	if !descr.IsNil() {
		switch dt := descr.Type(); {
		case dt == functionType || dt == methodDescrType && !asObject[MethodDescr](descr).static:
			if d := instanceDict(owner); d == nil || d.IsNil() {
				incRef(descr)
				return descr, true, nil
			} else if _, ok, err := in.DictGet(asObject[Dict](*d), name); err != nil {
				return Value{}, false, err
			} else if !ok {
				incRef(descr)
				return descr, true, nil
			}
		}
	}
	r, err := in.genericGetAttr(owner, name, false)
	return r, false, err
}

// superAttr is LOAD_SUPER_ATTR: super(class, self).name, looked up from
// the class after `class` in the MRO of self's type (or of self, when it
// is a class: a classmethod's cls).
func (in *Interp) superAttr(global, class, self, name Value, wantMethod bool) (Value, bool, error) {
	if global != superTypeValue {
		// super was rebound: call it and look the name up normally.
		s, err := in.Call(global, []Value{class, self}, nil)
		if err != nil {
			return Value{}, false, err
		}
		defer in.decRef(s)
		r, err := in.GetAttr(s, name)
		return r, false, err
	}
	if !isType(class) {
		return Value{}, false, in.raise(typeErrorType, "super() argument 1 must be a type, not %s", class.Type().Name)
	}
	start := (*Type)(class.p)
	objType, err := in.superObjType(start, self)
	if err != nil {
		return Value{}, false, err
	}
	mro := objType.MRO
	i := 0
	for i < len(mro) && mro[i] != start {
		i++
	}
	for _, t := range mro[min(i+1, len(mro)):] {
		v, ok, err := in.typeOwnAttr(t, name)
		if err != nil {
			return Value{}, false, err
		}
		if !ok {
			continue
		}
		if wantMethod && self.Type() == objType && (v.Type() == functionType || v.Type() == methodDescrType && !asObject[MethodDescr](v).static) {
			incRef(v)
			return v, true, nil
		}
		if get := v.Type().descrGet; get != nil {
			obj := self
			if self.p == valueOf(objType).p && isType(self) {
				obj = Value{}
			}
			r, err := get(in, v, obj, objType)
			return r, false, err
		}
		incRef(v)
		return v, false, nil
	}
	// Attributes of the super object itself (__class__ and such).
	if name.GoString() == "__class__" {
		return valueOf(superType), false, nil
	}
	return Value{}, false, in.raise(attributeErrorType, "'super' object has no attribute '%s'", name.GoString())
}

// superObjType is CPython's supercheck: the type whose MRO super searches.
func (in *Interp) superObjType(start *Type, self Value) (*Type, error) {
	if isType(self) && (*Type)(self.p).IsSubtype(start) {
		return (*Type)(self.p), nil
	}
	if self.Type().IsSubtype(start) {
		return self.Type(), nil
	}
	return nil, in.raise(typeErrorType, "super(type, obj): obj must be an instance or subtype of type")
}

// mappingGet reads key from a namespace mapping: ok false when absent.
func (in *Interp) mappingGet(mapping, key Value) (Value, bool, error) {
	if mapping.Type() == dictType {
		v, ok, err := in.DictGet(asObject[Dict](mapping), key)
		if ok {
			incRef(v)
		}
		return v, ok, err
	}
	v, err := in.GetItem(mapping, key)
	if err != nil {
		if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(keyErrorType) {
			in.decRef(valueOf(e))
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	return v, true, nil
}

// loadDeref reads the variable in the cell at slot i.
func (in *Interp) loadDeref(f *frame, i int) (Value, error) {
	v := asObject[Cell](f.slots[i]).v
	if v.IsNil() {
		return Value{}, in.unboundDeref(f, i)
	}
	incRef(v)
	return v, nil
}

// unboundDeref is the error of reading an unbound cell or free variable.
func (in *Interp) unboundDeref(f *frame, i int) error {
	name := f.tmpl.LocalsPlusNames[i]
	if f.tmpl.LocalsPlusKinds[i]&0x80 != 0 { // a free variable
		err := in.raise(nameErrorType, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name)
		if e, ok := err.(*Exception); ok {
			e.setNameObj(internName(name), Value{})
		}
		return err
	}
	return in.raise(unboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", name)
}

// dictUpdate is DICT_UPDATE ({**m}) and DICT_MERGE (f(**m), where a
// repeated key is an error naming the function fn).
func (in *Interp) dictUpdate(d *Dict, update Value, merge bool, fn Value) error {
	if !in.mergesAsDict(update) {
		keysFn, err := in.lookupAttr(update, internName("keys"))
		if err != nil {
			return err
		}
		if keysFn.IsNil() {
			if merge {
				return in.raise(typeErrorType, "%s argument after ** must be a mapping, not %s", in.functionStr(fn), update.Type().Name)
			}
			return in.raise(typeErrorType, "'%s' object is not a mapping", update.Type().Name)
		}
		in.decRef(keysFn)
		keys, err := in.mappingKeys(update)
		if err != nil {
			return err
		}
		defer func() {
			for _, k := range keys {
				in.decRef(k)
			}
		}()
		for _, k := range keys {
			v, err := in.GetItem(update, k)
			if err != nil {
				return err
			}
			err = in.dictMergeOne(d, k, v, merge, fn)
			in.decRef(v)
			if err != nil {
				return err
			}
		}
		return nil
	}
	src := asObject[Dict](update)
	for i := 0; i < len(src.entries); i++ {
		e := src.entries[i]
		if e.key.IsNil() {
			continue
		}
		if err := in.dictMergeOne(d, e.key, e.value, merge, fn); err != nil {
			return err
		}
	}
	return nil
}

func (in *Interp) dictMergeOne(d *Dict, k, v Value, merge bool, fn Value) error {
	if merge {
		if k.Type() != strType {
			return in.raise(typeErrorType, "keywords must be strings")
		}
		if _, ok, err := in.DictGet(d, k); err != nil || ok {
			if err != nil {
				return err
			}
			return in.raise(typeErrorType, "%s got multiple values for keyword argument '%s'", in.functionStr(fn), k.GoString())
		}
	}
	return in.DictSet(d, k, v)
}

// beforeWith is BEFORE_WITH: the bound __exit__ and what __enter__
// returned.
func (in *Interp) beforeWith(mgr Value) (exit, res Value, err error) {
	t := mgr.Type()
	enter, err := in.lookupString(t, "__enter__")
	if err != nil {
		return Value{}, Value{}, err
	}
	if enter.IsNil() {
		return Value{}, Value{}, in.raise(typeErrorType, "'%s' object does not support the context manager protocol", t.Name)
	}
	exitAttr, err := in.lookupString(t, "__exit__")
	if err != nil {
		return Value{}, Value{}, err
	}
	if exitAttr.IsNil() {
		return Value{}, Value{}, in.raise(typeErrorType, "'%s' object does not support the context manager protocol (missed __exit__ method)", t.Name)
	}
	if get := exitAttr.Type().descrGet; get != nil {
		if exit, err = get(in, exitAttr, mgr, t); err != nil {
			return Value{}, Value{}, err
		}
	} else {
		incRef(exitAttr)
		exit = exitAttr
	}
	res, err = in.callAttrWithSelf(enter, mgr, nil, nil)
	if err != nil {
		in.decRef(exit)
		return Value{}, Value{}, err
	}
	return exit, res, nil
}

// intrinsic1 is CALL_INTRINSIC_1.
func (in *Interp) intrinsic1(f *frame, which int, v Value) (Value, error) {
	switch bytecode.Intrinsic1(which) {
	case bytecode.INTRINSIC_PRINT:
		// An expression statement in "single" mode (the REPL, doctest):
		// sys.displayhook shows the value.
		hook, ok, err := in.sysAttr("displayhook")
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, in.raise(runtimeErrorType, "lost sys.displayhook")
		}
		incRef(hook) // borrowed, and the hook may rebind sys.displayhook
		defer in.decRef(hook)
		return in.Call(hook, []Value{v}, nil)
	case bytecode.INTRINSIC_UNARY_POSITIVE:
		if num := v.Type().number; num != nil && num.pos != nil {
			return num.pos(in, v)
		}
		if v.Type().Flags&TypeHeapType != 0 {
			if r, found, err := in.callSpecial(v, "__pos__"); found || err != nil {
				return r, err
			}
		}
		return Value{}, in.raise(typeErrorType, "bad operand type for unary +: '%s'", v.Type().Name)
	case bytecode.INTRINSIC_LIST_TO_TUPLE:
		return in.NewTuple(asObject[List](v).items...)
	case bytecode.INTRINSIC_IMPORT_STAR:
		if err := in.importStar(f, v); err != nil {
			return Value{}, err
		}
		return None, nil
	case bytecode.INTRINSIC_ASYNC_GEN_WRAP:
		return in.asyncGenWrap(v)
	case bytecode.INTRINSIC_STOPITERATION_ERROR:
		// PEP 479: StopIteration escaping a generator becomes
		// RuntimeError, chained to it. The result is the exception the
		// RERAISE after it raises (without a traceback entry of its own,
		// as in CPython).
		if msg := stopIterationMessage(f.tmpl.Flags, v); msg != "" {
			err := in.raise(runtimeErrorType, "%s", msg)
			e, ok := err.(*Exception)
			if !ok {
				return Value{}, err
			}
			incRef(v)
			e.cause = v
			e.suppressContext = true
			incRef(v)
			e.context = v
			e.contextDone = true
			return valueOf(e), nil
		}
		incRef(v)
		return v, nil
	case bytecode.INTRINSIC_TYPEVAR, bytecode.INTRINSIC_PARAMSPEC, bytecode.INTRINSIC_TYPEVARTUPLE,
		bytecode.INTRINSIC_SUBSCRIPT_GENERIC, bytecode.INTRINSIC_TYPEALIAS:
		return in.typingIntrinsic1(bytecode.Intrinsic1(which), v)
	}
	return Value{}, in.raise(notImplementedErrorType, "intrinsic function %d is not implemented yet", which)
}

// intrinsic2 is CALL_INTRINSIC_2 (value2 was below value1 on the stack).
func (in *Interp) intrinsic2(f *frame, which int, v2, v1 Value) (Value, error) {
	switch bytecode.Intrinsic2(which) {
	case bytecode.INTRINSIC_TYPEVAR_WITH_BOUND, bytecode.INTRINSIC_TYPEVAR_WITH_CONSTRAINTS,
		bytecode.INTRINSIC_SET_FUNCTION_TYPE_PARAMS:
		return in.typingIntrinsic2(bytecode.Intrinsic2(which), v2, v1)
	case bytecode.INTRINSIC_PREP_RERAISE_STAR:
		return in.prepReraiseStar(v2, v1)
	}
	return Value{}, in.raise(notImplementedErrorType, "intrinsic function %s is not implemented yet", bytecode.Intrinsic2(which))
}

// send is SEND: resume the sub-iterator of a yield from with v; done is
// true when it returned, and r is its return value.
func (in *Interp) send(receiver, v Value) (r Value, done bool, err error) {
	if s := asyncSender(receiver.Type()); s != nil {
		return s(in, receiver, v)
	}
	if receiver.Type() == generatorType {
		r, done, err = in.genResume(asObject[Generator](receiver), v, nil)
		return r, done, err
	}
	if v.IsNone() && receiver.Type().Flags&TypeHeapType != 0 {
		// A class's __next__: the value of the StopIteration it raises
		// is the yield from's (iterNext would drop it).
		r, found, err := in.callSpecial(receiver, "__next__")
		if found || err != nil {
			if err != nil {
				return in.stopIterationValue(err)
			}
			return r, false, nil
		}
	}
	if v.IsNone() {
		r, ok, err := in.iterNext(receiver)
		if err != nil {
			return in.stopIterationValue(err)
		}
		if !ok {
			return None, true, nil
		}
		return r, false, nil
	}
	r, _, err = in.callSpecial(receiver, "send", v)
	if err != nil {
		return in.stopIterationValue(err)
	}
	return r, false, nil
}

// stopIterationValue turns a StopIteration from a sub-iterator into its
// value; other errors pass through.
func (in *Interp) stopIterationValue(err error) (Value, bool, error) {
	e, ok := err.(*Exception)
	if !ok || !valueOf(e).Type().IsSubtype(stopIterationType) {
		return Value{}, false, err
	}
	v := e.value
	if v.IsNil() {
		v = None
	}
	incRef(v)
	in.decRef(valueOf(e))
	return v, true, nil
}
