package interp

import "github.com/parallel-py/parallel/interp/bytecode"

// The generic forms of the adaptive families: what a family head runs,
// and what a specialized form falls back to when its guards fail.

func (in *Interp) execLoadGlobal(f *frame, oparg int) error {
	v, err := in.loadName(f, f.code.names[oparg>>1], false)
	if err != nil {
		return err
	}
	if oparg&1 != 0 {
		f.push(Value{})
	}
	f.push(v)
	return nil
}

//go:noinline
func (in *Interp) execBinaryOp(f *frame, oparg int) error {
	b := f.pop()
	a := f.pop()
	r, ok, err := in.concatQuick(a, b, oparg) // tuple_methods.go
	switch {
	case ok:
	case oparg >= int(numBinaryOps):
		r, err = in.InPlaceOp(BinaryOp(oparg-int(numBinaryOps)), a, b)
	default:
		r, err = in.BinaryOp(BinaryOp(oparg), a, b)
	}
	in.decRef(a)
	in.decRef(b)
	if err == nil {
		f.push(r)
	}
	return err
}

func (in *Interp) execCompareOp(f *frame, oparg int) error {
	b := f.pop()
	a := f.pop()
	r, err := in.RichCompare(a, b, CompareOp(oparg>>4))
	in.decRef(a)
	in.decRef(b)
	if err == nil {
		f.push(r)
	}
	return err
}

func (in *Interp) execBinarySubscr(f *frame) error {
	key := f.pop()
	container := f.pop()
	r, err := in.GetItem(container, key)
	in.decRef(container)
	in.decRef(key)
	if err == nil {
		f.push(r)
	}
	return err
}

func (in *Interp) execStoreSubscr(f *frame) error {
	key := f.pop()
	container := f.pop()
	v := f.pop()
	err := in.SetItem(container, key, v)
	in.decRef(container)
	in.decRef(key)
	in.decRef(v)
	return err
}

// execContainsOp is CONTAINS_OP, and CONTAINS_OP_SET's work past its
// guard. Sets, frozensets, tuples and lists are asked without the
// type's slot when the key is an int or str, whose hash and equality
// need no call (containsQuick).
//
//go:noinline
func (in *Interp) execContainsOp(f *frame, oparg int) error {
	container := f.pop()
	key := f.pop()
	ok, known := containsQuick(container, key)
	var err error
	if !known {
		ok, err = in.Contains(container, key)
	}
	in.decRef(container)
	in.decRef(key)
	if err == nil {
		f.push(Bool(ok != (oparg == 1)))
	}
	return err
}

func (in *Interp) execUnpackSequence(f *frame, oparg int) error {
	v := f.pop()
	items, err := in.unpack(v, oparg)
	in.decRef(v)
	for i := len(items) - 1; err == nil && i >= 0; i-- {
		f.push(items[i])
	}
	return err
}

// execForIter is FOR_ITER at pc: push the next item, or drop the
// exhausted iterator and jump past the END_FOR.
//
//go:noinline
func (in *Interp) execForIter(f *frame, instr bytecode.Instr, pc int) error {
	it := f.top()
	if it.Type() == rangeIteratorType { // the common case, inline
		r := asObject[rangeIterator](it)
		if r.left > 0 {
			f.push(Int(r.next))
			r.next += r.step
			r.left--
			return nil
		}
	} else {
		v, ok, err := in.iterNext(it)
		if err != nil {
			return err
		}
		if ok {
			f.push(v)
			return nil
		}
	}
	in.decRef(f.pop())
	f.pc = instr.Target(pc) + 1
	return nil
}

func (in *Interp) execLoadAttr(f *frame, oparg int) error {
	owner := f.pop()
	name := f.code.names[oparg>>1]
	if oparg&1 != 0 {
		meth, isMethod, err := in.loadMethod(owner, name)
		if err == nil {
			if isMethod {
				f.push(meth)
				f.push(owner) // the stack keeps owner's reference
				return nil
			}
			f.push(Value{})
			f.push(meth)
		}
		in.decRef(owner)
		return err
	}
	r, err := in.GetAttr(owner, name)
	in.decRef(owner)
	if err == nil {
		f.push(r)
	}
	return err
}

func (in *Interp) execStoreAttr(f *frame, oparg int) error {
	owner := f.pop()
	v := f.pop()
	err := in.SetAttr(owner, f.code.names[oparg], v)
	in.decRef(owner)
	in.decRef(v)
	return err
}
