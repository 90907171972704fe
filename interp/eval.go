package interp

import (
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// frame is one activation of a code object. Its locals-plus slots and its
// value stack are one block of the interpreter's frame arena; a call from
// Python to Python pushes a frame and continues in the same loop.
type frame struct {
	code    *Code
	tmpl    *compile.Code
	fn      Value // the Function, or nil for module code
	globals *Dict
	names   *Dict // the local namespace of module and class bodies

	slots  []Value // locals plus, then the value stack
	nlocal int     // len(locals plus)
	sp     int     // index of the next free stack slot in slots
	pc     int     // index of the next instruction
	back   *frame  // the caller, when it is a Python frame of this loop
	entry  bool    // returning from this frame leaves the loop
}

func (f *frame) push(v Value) { f.slots[f.sp] = v; f.sp++ }

func (f *frame) pop() Value {
	f.sp--
	v := f.slots[f.sp]
	f.slots[f.sp] = Value{}
	return v
}

func (f *frame) top() Value { return f.slots[f.sp-1] }

// maxFrames is the default recursion limit (sys.getrecursionlimit()).
const maxFrames = 1000

// newFrame takes a frame's slots from the arena.
func (in *Interp) newFrame(c *Code, globals *Dict) *frame {
	t := c.tmpl
	n := len(t.LocalsPlusNames)
	f := in.frames.Get()
	*f = frame{code: c, tmpl: t, globals: globals, nlocal: n}
	f.slots = in.frameSlots.Push(n + t.StackSize)
	f.sp = n
	return f
}

// releaseFrame drops every reference a frame holds and returns its slots.
func (in *Interp) releaseFrame(f *frame) {
	for i := 0; i < f.sp; i++ {
		in.xdecRef(f.slots[i])
	}
	in.frameSlots.Pop(len(f.slots))
	in.xdecRef(f.fn)
	in.depth--
	in.frames.Put(f)
}

// ExecModule runs compiled module code with globals as its namespace.
// An uncaught Python exception is returned as *Exception.
func (in *Interp) ExecModule(t *compile.Code, globals *Dict) error {
	c := codeOf(t)
	if err := in.checkRunnable(c); err != nil {
		return err
	}
	if err := in.enterFrame(); err != nil {
		return err
	}
	f := in.newFrame(c, globals)
	f.names = globals
	f.entry = true
	r, err := in.run(f)
	if err == nil {
		in.decRef(r)
	}
	return err
}

// enterFrame counts a Python frame against the recursion limit.
func (in *Interp) enterFrame() error {
	if in.depth >= maxFrames {
		return in.raise(recursionErrorType, "maximum recursion depth exceeded")
	}
	in.depth++
	return nil
}

// binaryOpArg maps BINARY_OP's oparg (CPython's NB_* numbering, in-place
// forms from 13) to the operator.
func binaryOpArg(oparg int) BinaryOp {
	if oparg >= int(numBinaryOps) {
		oparg -= int(numBinaryOps)
	}
	return BinaryOp(oparg)
}

// run is the evaluation loop: it runs f and the frames it calls until the
// entry frame returns. Every instruction that fails sets err and jumps to
// the exception path at the bottom, which looks for a handler in the
// exception table of the current frame and unwinds frames until one is
// found.
func (in *Interp) run(f *frame) (result Value, err error) {
	instrs := f.tmpl.Instructions
	noTraceback := false // RERAISE: the traceback already has this frame
	for {
		if err != nil {
			var handled bool
			if f, handled = in.unwind(f, err, noTraceback); !handled {
				return Value{}, err
			}
			err, noTraceback = nil, false
			instrs = f.tmpl.Instructions
		}
		instr := instrs[f.pc]
		pc := f.pc
		f.pc++
		oparg := instr.Oparg()
		switch op := instr.Op(); op {
		case bytecode.RESUME, bytecode.NOP:

		case bytecode.LOAD_CONST:
			f.push(f.code.consts[oparg]) // constants are immortal

		case bytecode.LOAD_FAST:
			v := f.slots[oparg]
			incRef(v)
			f.push(v)

		case bytecode.LOAD_FAST_CHECK:
			v := f.slots[oparg]
			if v.IsNil() {
				err = in.raise(unboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", f.tmpl.LocalsPlusNames[oparg])
				break
			}
			incRef(v)
			f.push(v)

		case bytecode.STORE_FAST:
			old := f.slots[oparg]
			f.slots[oparg] = f.pop()
			in.xdecRef(old)

		case bytecode.POP_TOP:
			in.decRef(f.pop())

		case bytecode.PUSH_NULL:
			f.push(Value{})

		case bytecode.COPY:
			v := f.slots[f.sp-oparg]
			incRef(v)
			f.push(v)

		case bytecode.SWAP:
			i, j := f.sp-1, f.sp-oparg
			f.slots[i], f.slots[j] = f.slots[j], f.slots[i]

		case bytecode.STORE_NAME:
			v := f.pop()
			err = in.DictSet(f.names, f.code.names[oparg], v)
			in.decRef(v)

		case bytecode.STORE_GLOBAL:
			v := f.pop()
			err = in.DictSet(f.globals, f.code.names[oparg], v)
			in.decRef(v)

		case bytecode.DELETE_NAME, bytecode.DELETE_GLOBAL:
			d := f.names
			if op == bytecode.DELETE_GLOBAL {
				d = f.globals
			}
			name := f.code.names[oparg]
			var ok bool
			if ok, err = in.DictDelete(d, name); err == nil && !ok {
				err = in.raise(nameErrorType, "name '%s' is not defined", name.GoString())
			}

		case bytecode.DELETE_FAST:
			if f.slots[oparg].IsNil() {
				err = in.raise(unboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", f.tmpl.LocalsPlusNames[oparg])
				break
			}
			in.decRef(f.slots[oparg])
			f.slots[oparg] = Value{}

		case bytecode.LOAD_NAME:
			var v Value
			if v, err = in.loadName(f, f.code.names[oparg], true); err == nil {
				f.push(v)
			}

		case bytecode.LOAD_GLOBAL:
			var v Value
			if v, err = in.loadName(f, f.code.names[oparg>>1], false); err == nil {
				if oparg&1 != 0 {
					f.push(Value{})
				}
				f.push(v)
			}

		case bytecode.BINARY_OP:
			b := f.pop()
			a := f.pop()
			var r Value
			r, err = in.BinaryOp(binaryOpArg(oparg), a, b)
			in.decRef(a)
			in.decRef(b)
			if err == nil {
				f.push(r)
			}

		case bytecode.COMPARE_OP:
			b := f.pop()
			a := f.pop()
			var r Value
			r, err = in.RichCompare(a, b, CompareOp(oparg>>4))
			in.decRef(a)
			in.decRef(b)
			if err == nil {
				f.push(r)
			}

		case bytecode.IS_OP:
			b := f.pop()
			a := f.pop()
			f.push(Bool(a.Is(b) != (oparg == 1)))
			in.decRef(a)
			in.decRef(b)

		case bytecode.UNARY_NOT:
			v := f.pop()
			var t bool
			t, err = in.Truth(v)
			in.decRef(v)
			if err == nil {
				f.push(Bool(!t))
			}

		case bytecode.UNARY_NEGATIVE, bytecode.UNARY_INVERT:
			v := f.pop()
			var r Value
			r, err = in.unaryOp(op, v)
			in.decRef(v)
			if err == nil {
				f.push(r)
			}

		case bytecode.POP_JUMP_IF_FALSE, bytecode.POP_JUMP_IF_TRUE:
			v := f.pop()
			var t bool
			if t, err = in.Truth(v); err == nil && t == (op == bytecode.POP_JUMP_IF_TRUE) {
				f.pc = instr.Target(pc)
			}
			in.decRef(v)

		case bytecode.POP_JUMP_IF_NONE, bytecode.POP_JUMP_IF_NOT_NONE:
			v := f.pop()
			if v.IsNone() == (op == bytecode.POP_JUMP_IF_NONE) {
				f.pc = instr.Target(pc)
			}
			in.decRef(v)

		case bytecode.JUMP_FORWARD, bytecode.JUMP_BACKWARD, bytecode.JUMP_BACKWARD_NO_INTERRUPT:
			f.pc = instr.Target(pc)

		case bytecode.BUILD_TUPLE, bytecode.BUILD_LIST:
			items := f.slots[f.sp-oparg : f.sp]
			var r Value
			if op == bytecode.BUILD_TUPLE {
				r, err = in.NewTuple(items...)
			} else {
				r, err = in.NewList(items...)
			}
			for i := range items {
				in.decRef(items[i])
				items[i] = Value{}
			}
			f.sp -= oparg
			if err == nil {
				f.push(r)
			}

		case bytecode.PUSH_EXC_INFO:
			exc := f.pop()
			prev := in.excInfo
			if prev.IsNil() {
				prev = None
			}
			f.push(prev) // the stack takes over in.excInfo's reference
			incRef(exc)
			in.excInfo = exc
			f.push(exc)

		case bytecode.POP_EXCEPT:
			old := in.excInfo
			in.excInfo = f.pop()
			if in.excInfo.IsNone() {
				in.excInfo = Value{}
			}
			in.xdecRef(old)

		case bytecode.CHECK_EXC_MATCH:
			match := f.pop()
			var ok bool
			ok, err = in.exceptionMatches(f.top(), match)
			in.decRef(match)
			if err == nil {
				f.push(Bool(ok))
			}

		case bytecode.RERAISE:
			// The handler is looked up at the RERAISE itself; the
			// traceback already holds this frame at the instruction that
			// first raised (the lasti below the exception, when oparg is
			// set, which is what CPython reports as the frame's line).
			err = asObject[Exception](f.pop())
			noTraceback = true

		case bytecode.RAISE_VARARGS:
			err = in.raiseVarargs(f, oparg)
			// A bare raise re-raises without adding this frame again.
			noTraceback = oparg == 0 && !in.excInfo.IsNil() && err == error(asObject[Exception](in.excInfo))

		case bytecode.FORMAT_VALUE:
			var spec Value
			if oparg&4 != 0 {
				spec = f.pop()
			}
			v := f.pop()
			var r Value
			r, err = in.formatValue(v, oparg&3, spec)
			in.decRef(v)
			in.xdecRef(spec)
			if err == nil {
				f.push(r)
			}

		case bytecode.BUILD_STRING:
			var b []byte
			for _, s := range f.slots[f.sp-oparg : f.sp] {
				b = append(b, s.GoString()...)
			}
			for i := 0; i < oparg; i++ {
				in.decRef(f.pop())
			}
			var r Value
			if r, err = in.NewStr(string(b)); err == nil {
				f.push(r)
			}

		case bytecode.BINARY_SUBSCR:
			key := f.pop()
			container := f.pop()
			var r Value
			r, err = in.GetItem(container, key)
			in.decRef(container)
			in.decRef(key)
			if err == nil {
				f.push(r)
			}

		case bytecode.STORE_SUBSCR:
			key := f.pop()
			container := f.pop()
			v := f.pop()
			err = in.SetItem(container, key, v)
			in.decRef(container)
			in.decRef(key)
			in.decRef(v)

		case bytecode.CONTAINS_OP:
			container := f.pop()
			key := f.pop()
			var ok bool
			ok, err = in.Contains(container, key)
			in.decRef(container)
			in.decRef(key)
			if err == nil {
				f.push(Bool(ok != (oparg == 1)))
			}

		case bytecode.UNPACK_SEQUENCE:
			v := f.pop()
			var items []Value
			items, err = in.unpack(v, oparg)
			in.decRef(v)
			for i := len(items) - 1; err == nil && i >= 0; i-- {
				f.push(items[i])
			}

		case bytecode.BUILD_MAP, bytecode.BUILD_CONST_KEY_MAP:
			var r Value
			r, err = in.buildMap(f, op == bytecode.BUILD_CONST_KEY_MAP, oparg)
			if err == nil {
				f.push(r)
			}

		case bytecode.LIST_APPEND:
			v := f.pop()
			err = in.Append(asObject[List](f.slots[f.sp-oparg]), v)
			in.decRef(v)

		case bytecode.GET_ITER:
			v := f.pop()
			var it Value
			it, err = in.getIter(v)
			in.decRef(v)
			if err == nil {
				f.push(it)
			}

		case bytecode.FOR_ITER:
			it := f.top()
			if it.Type() == rangeIteratorType { // the common case, inline
				r := asObject[rangeIterator](it)
				if r.left > 0 {
					f.push(Int(r.next))
					r.next += r.step
					r.left--
					break
				}
			} else {
				v, ok, ierr := in.iterNext(it)
				if ierr != nil {
					err = ierr
					break
				}
				if ok {
					f.push(v)
					break
				}
			}
			// Exhausted: drop the iterator and skip the END_FOR.
			in.decRef(f.pop())
			f.pc = instr.Target(pc) + 1

		case bytecode.END_FOR:
			in.decRef(f.pop())
			in.decRef(f.pop())

		case bytecode.LIST_EXTEND:
			src := f.pop()
			err = in.listExtend(asObject[List](f.slots[f.sp-oparg]), src)
			in.decRef(src)

		case bytecode.MAKE_FUNCTION:
			var r Value
			r, err = in.makeFunction(f, oparg)
			if err == nil {
				f.push(r)
			}

		case bytecode.CALL:
			var callee *frame
			callee, err = in.call(f, oparg)
			if err == nil && callee != nil {
				callee.back = f
				f = callee
				instrs = f.tmpl.Instructions
			}

		case bytecode.RETURN_VALUE, bytecode.RETURN_CONST:
			var r Value
			if op == bytecode.RETURN_CONST {
				r = f.code.consts[oparg]
			} else {
				r = f.pop()
			}
			caller, entry := f.back, f.entry
			in.releaseFrame(f) // f is reused from here on
			if entry {
				return r, nil
			}
			f = caller
			instrs = f.tmpl.Instructions
			f.push(r)

		default:
			err = in.raise(notImplementedErrorType, "the %s instruction is not implemented yet", op)
		}
	}
}

// unwind looks for a handler of err in f and its callers, releasing the
// frames it leaves. It returns the frame to continue in, or false when
// the exception escapes the entry frame.
func (in *Interp) unwind(f *frame, err error, reraised bool) (*frame, bool) {
	exc, ok := err.(*Exception)
	if !ok {
		panic("interp: a non-Python error reached the eval loop: " + err.Error())
	}
	in.setContext(exc)
	for {
		if !reraised {
			exc.addTraceback(f.code, f.pc-1)
		}
		reraised = false
		if h, found := bytecode.FindHandler(f.tmpl.ExceptionTable, f.pc-1); found {
			for f.sp > f.nlocal+h.Depth {
				in.xdecRef(f.pop()) // NULL slots from PUSH_NULL are empty
			}
			if h.Lasti {
				f.push(Int(int64(f.pc - 1)))
			}
			f.push(valueOf(exc))
			f.pc = h.Target
			return f, true
		}
		caller, entry := f.back, f.entry
		in.releaseFrame(f)
		if entry {
			return nil, false
		}
		f = caller
	}
}

// loadName looks a name up in the local namespace (when locals is set),
// the globals and the builtins, returning a new reference.
func (in *Interp) loadName(f *frame, name Value, locals bool) (Value, error) {
	if locals && f.names != nil && f.names != f.globals {
		if v, ok, err := in.DictGet(f.names, name); err != nil || ok {
			incRef(v)
			return v, err
		}
	}
	if v, ok, err := in.DictGet(f.globals, name); err != nil || ok {
		incRef(v)
		return v, err
	}
	if v, ok, err := in.DictGet(in.builtins, name); err != nil || ok {
		incRef(v)
		return v, err
	}
	return Value{}, in.raise(nameErrorType, "name '%s' is not defined", name.GoString())
}

func (in *Interp) unaryOp(op bytecode.Op, v Value) (Value, error) {
	num := v.Type().number
	switch {
	case op == bytecode.UNARY_NEGATIVE && num != nil && num.neg != nil:
		return num.neg(in, v)
	case op == bytecode.UNARY_INVERT && num != nil && num.invert != nil:
		return num.invert(in, v)
	}
	sym := "-"
	if op == bytecode.UNARY_INVERT {
		sym = "~"
	}
	return Value{}, in.raise(typeErrorType, "bad operand type for unary %s: '%s'", sym, v.Type().Name)
}

// makeFunction builds a function from the code object on the stack and,
// per oparg's flags, the defaults below it.
func (in *Interp) makeFunction(f *frame, oparg int) (Value, error) {
	codeVal := f.pop()
	if oparg&^1 != 0 {
		for i := 0; i < 4; i++ {
			if oparg&(1<<i) != 0 {
				in.decRef(f.pop())
			}
		}
		return Value{}, in.raise(notImplementedErrorType, "keyword-only defaults, annotations and closures are not implemented yet")
	}
	c := asObject[Code](codeVal)
	fn := &Function{code: c}
	if err := in.account(&fn.Header, functionType, functionSize); err != nil {
		return Value{}, err
	}
	fn.Header.SetFlags(1 << 1) // alloc.FlagContainer
	if oparg&1 != 0 {
		fn.defaults = f.pop() // takes the stack's reference
	}
	fn.globals = valueOf(f.globals)
	incRef(fn.globals)
	fn.name = internName(c.tmpl.Name)
	fn.qualname = internName(c.tmpl.Qualname)
	return valueOf(fn), nil
}

// call performs CALL oparg. A Python function gets a new frame, returned
// for the loop to continue in; anything else is called directly and its
// result pushed.
func (in *Interp) call(f *frame, nargs int) (*frame, error) {
	base := f.sp - nargs - 2
	callable, self := f.slots[base], f.slots[base+1]
	args := f.slots[base+2 : f.sp]
	if !callable.IsNil() { // a method call: self is the first argument
		args = f.slots[base+1 : f.sp]
	} else {
		callable = self
	}
	clear := func() {
		for i := base; i < f.sp; i++ {
			in.xdecRef(f.slots[i])
			f.slots[i] = Value{}
		}
		f.sp = base
	}
	switch callable.Type() {
	case functionType:
		fn := asObject[Function](callable)
		callee, err := in.bindArgs(fn, args)
		clear()
		return callee, err
	case builtinFunctionType:
		r, err := asObject[Builtin](callable).fn(in, args, nil)
		clear()
		if err == nil {
			f.push(r)
		}
		return nil, err
	case typeType:
		t := (*Type)(callable.p)
		if t.construct == nil {
			clear()
			return nil, in.raise(notImplementedErrorType, "calling %s() is not implemented yet", t.Name)
		}
		r, err := t.construct(in, t, args, nil)
		clear()
		if err == nil {
			f.push(r)
		}
		return nil, err
	}
	name := callable.Type().Name
	clear()
	return nil, in.raise(typeErrorType, "'%s' object is not callable", name)
}

// bindArgs makes the frame of a call to fn with positional args, filling
// missing trailing parameters from the defaults.
func (in *Interp) bindArgs(fn *Function, args []Value) (*frame, error) {
	t := fn.code.tmpl
	if t.Flags&(compile.CO_VARARGS|compile.CO_VARKEYWORDS|compile.CO_GENERATOR) != 0 || t.KwOnlyArgCount > 0 || len(t.Cellvars())+len(t.Freevars()) > 0 {
		return nil, in.raise(notImplementedErrorType, "calling %s: *args, **kwargs, keyword-only parameters, generators and closures are not implemented yet", t.Qualname)
	}
	if err := in.checkRunnable(fn.code); err != nil {
		return nil, err
	}
	var defaults []Value
	if !fn.defaults.IsNil() {
		defaults = asObject[Tuple](fn.defaults).items
	}
	if len(args) > t.ArgCount || len(args) < t.ArgCount-len(defaults) {
		return nil, in.raise(notImplementedErrorType, "the TypeError of a call with the wrong number of arguments is not implemented yet")
	}
	if err := in.enterFrame(); err != nil {
		return nil, err
	}
	callee := in.newFrame(fn.code, asObject[Dict](fn.globals))
	for i, a := range args {
		incRef(a)
		callee.slots[i] = a
	}
	for i := len(args); i < t.ArgCount; i++ {
		d := defaults[i-(t.ArgCount-len(defaults))]
		incRef(d)
		callee.slots[i] = d
	}
	incRef(valueOf(fn))
	callee.fn = valueOf(fn)
	return callee, nil
}

// RunMain runs a program's compiled module code as __main__ in a fresh
// namespace. An uncaught exception is returned as *Exception (print it
// with PrintException).
func (in *Interp) RunMain(t *compile.Code) error {
	gv, err := in.NewDict()
	if err != nil {
		return err
	}
	defer in.decRef(gv)
	globals := asObject[Dict](gv)
	name, err := in.NewStr("__main__")
	if err != nil {
		return err
	}
	err = in.DictSet(globals, internName("__name__"), name)
	in.decRef(name)
	if err != nil {
		return err
	}
	return in.ExecModule(t, globals)
}
