package interp

import (
	"strings"

	"github.com/parallel-py/parallel/interp/compile"
)

// Calls: the generic call protocol, binding arguments to a Python
// function's parameters with CPython's TypeError messages, calls from Go
// back into Python, and the argument parsing of built-in functions.
//
// Arguments travel as CPython's vectorcall passes them: one slice with the
// positional values then the keyword values, and kwnames, the names of the
// keyword values (strs), matching the last len(kwnames) entries.

// Call calls callable with args and kwnames, returning a new reference.
func (in *Interp) Call(callable Value, args []Value, kwnames []Value) (Value, error) {
	if call := callable.Type().call; call != nil {
		return call(in, callable, args, kwnames)
	}
	return Value{}, in.raise(typeErrorType, "'%s' object is not callable", callable.Type().Name)
}

// callWithSelf calls fn with self before args, without allocating a bound
// method when fn is a Python function.
func (in *Interp) callWithSelf(fn, self Value, args []Value, kwnames []Value) (Value, error) {
	if fn.Type() == functionType {
		return in.callFunction(asObject[Function](fn), self, args, kwnames)
	}
	// The arguments go on the thread's frame stack, not in a new
	// slice: a bound builtin (a Go method of a class, such as a
	// queue's put) is called once per item in hot loops. Callees copy
	// what they keep of args, as they must for the eval loop's calls,
	// which pass slices of a frame.
	stack := in.frameSlots
	if stack == nil || !stack.Started() {
		// No thread state (the first and last steps of an
		// interpreter's life), or a thread that has run no Python
		// frame yet: a slice of its own, rather than the stack's
		// first chunk for one call.
		all := make([]Value, 0, len(args)+1)
		return in.Call(fn, append(append(all, self), args...), kwnames)
	}
	n := len(args) + 1
	all := stack.Push(n)
	all[0] = self
	copy(all[1:], args)
	r, err := in.Call(fn, all, kwnames)
	stack.Pop(n)
	return r, err
}

// callBoundBuiltin calls the built-in method m bound to self (a bound
// method such as append = lst.append): the Go function straight away,
// with self before args on the thread's frame stack, rather than
// through callWithSelf and the method descriptor's call slot.
func (in *Interp) callBoundBuiltin(m *MethodDescr, self Value, args []Value, kwnames []Value) (Value, error) {
	stack := in.frameSlots
	// m.__get__(obj) binds any object: the descriptor's call slot
	// raises the TypeError of a self that is not an instance of m's
	// type.
	if t := self.Type(); stack == nil || !stack.Started() || m.static || (t != m.owner && !t.IsSubtype(m.owner)) {
		return in.callWithSelf(valueOf(m), self, args, kwnames)
	}
	n := len(args) + 1
	all := stack.Push(n)
	all[0] = self
	copy(all[1:], args)
	r, err := in.callGo(m.fn, all, kwnames)
	stack.Pop(n)
	return r, err
}

// callCopied calls fn with a copy of args (positional only) made on the
// thread's frame stack, so that args may be a buffer on the Go stack of
// the caller: passed to Call itself, it would escape to the heap, since
// the callee is not known.
func (in *Interp) callCopied(fn Value, args []Value) (Value, error) {
	stack := in.frameSlots
	if stack == nil || !stack.Started() {
		return in.Call(fn, append([]Value(nil), args...), nil)
	}
	n := len(args)
	all := stack.Push(n)
	copy(all, args)
	r, err := in.Call(fn, all, nil)
	stack.Pop(n)
	return r, err
}

// callFunction runs a Python function from Go in a loop of its own: the
// way back into Python for slots, builtins and descriptors. self, when
// set, is the first positional argument.
func (in *Interp) callFunction(fn *Function, self Value, args []Value, kwnames []Value) (Value, error) {
	if err := in.enterCall(""); err != nil {
		return Value{}, err
	}
	defer in.leaveCall()
	f, err := in.bindArgs(fn, self, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	f.entry, f.special = true, true
	return in.run(f)
}

// bindArgs makes the frame of a call to fn, binding positional arguments
// (self first, when set), keyword arguments, *args, **kwargs, defaults
// and keyword-only defaults as CPython's initialize_locals does, with its
// messages for every way a call can fail.
func (in *Interp) bindArgs(fn *Function, self Value, args []Value, kwnames []Value) (*frame, error) {
	c := fn.code
	t := c.tmpl
	if err := in.checkRunnable(c); err != nil {
		return nil, err
	}
	if err := in.enterFrame(); err != nil {
		return nil, err
	}
	f := in.newFrame(c, asObject[Dict](fn.globals))
	incRef(valueOf(fn))
	f.fn = valueOf(fn)
	if err := in.bindInto(f, fn, self, args, kwnames); err != nil {
		in.releaseFrame(f)
		return nil, err
	}
	if !fn.closure.IsNil() {
		// COPY_FREE_VARS would copy them; doing it here keeps the
		// instruction a no-op and the cells in place before it runs.
		cells := asObject[Tuple](fn.closure).items
		base := len(t.LocalsPlusNames) - len(cells)
		for i, cell := range cells {
			incRef(cell)
			f.slots[base+i] = cell
		}
	}
	return f, nil
}

func (in *Interp) bindInto(f *frame, fn *Function, self Value, args []Value, kwnames []Value) error {
	t := fn.code.tmpl
	slots := f.slots
	// The common case: exactly the positional parameters, nothing else.
	if len(kwnames) == 0 && t.KwOnlyArgCount == 0 && t.Flags&(compile.CO_VARARGS|compile.CO_VARKEYWORDS) == 0 {
		n := len(args)
		if !self.IsNil() {
			n++
		}
		if n == t.ArgCount {
			i := 0
			if !self.IsNil() {
				incRef(self)
				slots[0] = self
				i = 1
			}
			for _, a := range args {
				incRef(a)
				slots[i] = a
				i++
			}
			return nil
		}
	}
	if len(kwnames) > 0 && t.Flags&(compile.CO_VARARGS|compile.CO_VARKEYWORDS) == 0 && in.bindKeywords(slots, fn, self, args, kwnames) {
		return nil
	}
	off := 0
	if !self.IsNil() {
		off = 1
	}
	npos := len(args) - len(kwnames) // positional values in args
	given := npos + off              // positional arguments in all
	argc := t.ArgCount
	nparams := argc + t.KwOnlyArgCount
	varargs := t.Flags&compile.CO_VARARGS != 0
	varkw := t.Flags&compile.CO_VARKEYWORDS != 0

	var kwdict *Dict
	if varkw {
		d, err := in.NewDict()
		if err != nil {
			return err
		}
		i := nparams
		if varargs {
			i++
		}
		slots[i] = d
		kwdict = asObject[Dict](d)
	}

	// Positional arguments.
	n := min(given, argc)
	for i := 0; i < n; i++ {
		var v Value
		if i < off {
			v = self
		} else {
			v = args[i-off]
		}
		incRef(v)
		slots[i] = v
	}
	if varargs {
		var extra []Value
		if given > argc {
			start := argc - off
			if start < 0 { // self itself goes to *args
				extra = make([]Value, 0, given-argc)
				extra = append(append(extra, self), args[:npos]...)
			} else {
				extra = args[start:npos]
			}
		}
		tup, err := in.NewTuple(extra...)
		if err != nil {
			return err
		}
		slots[nparams] = tup
	}

	// Keyword arguments.
	names := t.LocalsPlusNames
	for j, kn := range kwnames {
		v := args[npos+j]
		if kn.Type() != strType {
			return in.raise(typeErrorType, "%s() keywords must be strings", fn.qualname.GoString())
		}
		key := kn.GoString()
		found := -1
		for i := t.PosOnlyArgCount; i < nparams; i++ {
			if names[i] == key {
				found = i
				break
			}
		}
		if found < 0 {
			if kwdict != nil {
				if err := in.DictSet(kwdict, kn, v); err != nil {
					return err
				}
				continue
			}
			var posOnly []string
			for i := 0; i < t.PosOnlyArgCount; i++ {
				for _, k := range kwnames {
					if k.GoString() == names[i] {
						posOnly = append(posOnly, names[i])
						break
					}
				}
			}
			if len(posOnly) > 0 {
				return in.raise(typeErrorType, "%s() got some positional-only arguments passed as keyword arguments: '%s'", fn.qualname.GoString(), strings.Join(posOnly, ", "))
			}
			return in.raise(typeErrorType, "%s() got an unexpected keyword argument '%s'", fn.qualname.GoString(), key)
		}
		if !slots[found].IsNil() {
			return in.raise(typeErrorType, "%s() got multiple values for argument '%s'", fn.qualname.GoString(), key)
		}
		incRef(v)
		slots[found] = v
	}

	var defaults []Value
	if !fn.defaults.IsNil() {
		defaults = asObject[Tuple](fn.defaults).items
	}
	if given > argc && !varargs {
		return in.tooManyPositional(fn, given, len(defaults), slots)
	}

	// Defaults of positional parameters.
	if given < argc {
		m := argc - len(defaults)
		var missing []string
		for i := given; i < m; i++ {
			if slots[i].IsNil() {
				missing = append(missing, names[i])
			}
		}
		if len(missing) > 0 {
			return in.missingArguments(fn.qualname.GoString(), "positional", missing)
		}
		for i := max(given, m); i < argc; i++ {
			if slots[i].IsNil() {
				d := defaults[i-m]
				incRef(d)
				slots[i] = d
			}
		}
	}

	// Keyword-only parameters.
	if t.KwOnlyArgCount > 0 {
		var missing []string
		for i := argc; i < nparams; i++ {
			if !slots[i].IsNil() {
				continue
			}
			if !fn.kwdefaults.IsNil() {
				d, ok, err := in.kwDefault(asObject[Dict](fn.kwdefaults), names[i])
				if err != nil {
					return err
				}
				if ok {
					incRef(d)
					slots[i] = d
					continue
				}
			}
			missing = append(missing, names[i])
		}
		if len(missing) > 0 {
			return in.missingArguments(fn.qualname.GoString(), "keyword-only", missing)
		}
	}
	return nil
}

// maxFastKeywords is the most keyword arguments bindKeywords binds; a
// call with more takes bindInto's general path.
const maxFastKeywords = 8

// bindKeywords is bindInto for the common call with keyword arguments
// and no *args or **kwargs parameter, as `f(x, key=k)` makes: every
// keyword names a parameter that may be given by keyword and that no
// positional argument filled, and every parameter left over has a
// default. It matches the keywords by identity against the code's
// interned parameter names (the compiler's KW_NAMES constants are the
// same interned strs), so it compares no strings, and it first checks the
// whole call, so that it either binds all of it or changes nothing and
// returns false: any call it does not bind, among them every call that
// raises, takes the general path, which makes CPython's messages.
func (in *Interp) bindKeywords(slots []Value, fn *Function, self Value, args []Value, kwnames []Value) bool {
	c := fn.code
	t := c.tmpl
	off := 0
	if self.p != nil {
		off = 1
	}
	npos := len(args) - len(kwnames)
	given := npos + off
	argc := t.ArgCount
	nparams := argc + t.KwOnlyArgCount
	if given > argc || nparams > 64 || len(kwnames) > maxFastKeywords || len(c.paramNames) < nparams {
		return false
	}
	names := c.paramNames
	// filled has bit i set for each parameter i the call gives.
	filled := uint64(1)<<given - 1
	var at [maxFastKeywords]uint8 // the parameter of each keyword
	for j, kn := range kwnames {
		i := t.PosOnlyArgCount
		for i < nparams && names[i].p != kn.p {
			i++
		}
		if i == nparams || filled&(1<<i) != 0 {
			return false
		}
		filled |= 1 << i
		at[j] = uint8(i)
	}
	var defaults []Value
	if fn.defaults.p != nil {
		defaults = asObject[Tuple](fn.defaults).items
	}
	firstDefault := argc - len(defaults)
	for i := given; i < firstDefault; i++ {
		if filled&(1<<i) == 0 {
			return false // a required argument is missing
		}
	}
	for i := argc; i < nparams; i++ {
		if filled&(1<<i) == 0 {
			if _, ok := kwDefaultFast(fn, names[i]); !ok {
				return false
			}
		}
	}

	// The whole call binds: take the references.
	if off == 1 {
		incRef(self)
		slots[0] = self
	}
	for i, a := range args[:npos] {
		incRef(a)
		slots[off+i] = a
	}
	for j, a := range args[npos:] {
		incRef(a)
		slots[at[j]] = a
	}
	for i := max(given, firstDefault); i < argc; i++ {
		if filled&(1<<i) == 0 {
			d := defaults[i-firstDefault]
			incRef(d)
			slots[i] = d
		}
	}
	for i := argc; i < nparams; i++ {
		if filled&(1<<i) == 0 {
			d, _ := kwDefaultFast(fn, names[i])
			incRef(d)
			slots[i] = d
		}
	}
	return true
}

// kwDefaultFast is kwDefault for bindKeywords: the default of the
// keyword-only parameter whose interned name is name (borrowed), found
// only when every key of __kwdefaults__ is an exact str, so that finding
// it runs no Python code and cannot fail.
func kwDefaultFast(fn *Function, name Value) (Value, bool) {
	if fn.kwdefaults.p == nil {
		return Value{}, false
	}
	entries := asObject[Dict](fn.kwdefaults).entries
	for _, e := range entries {
		if e.key.p == name.p {
			return e.value, true
		}
	}
	// Keys that are equal strs but other objects (a __kwdefaults__ made
	// by hand): compare the strings.
	s := name.GoString()
	for _, e := range entries {
		if e.key.p == nil {
			continue
		}
		if e.key.Type() != strType {
			return Value{}, false
		}
		if e.key.GoString() == s {
			return e.value, true
		}
	}
	return Value{}, false
}

// kwDefault returns the default of keyword-only parameter name from
// __kwdefaults__ (borrowed). The dict is small and its keys are strs:
// comparing them with name costs less than interning name to hash it.
// A key of another type (a str subclass may define __eq__) sends the
// lookup through DictGet.
func (in *Interp) kwDefault(d *Dict, name string) (Value, bool, error) {
	for _, e := range d.entries {
		if e.key.IsNil() {
			continue
		}
		if e.key.Type() != strType {
			return in.DictGet(d, internName(name))
		}
		if e.key.GoString() == name {
			return e.value, true, nil
		}
	}
	return Value{}, false, nil
}

// tooManyPositional is CPython's too_many_positional message for fn,
// called with given positional arguments (slots holds what binding put
// in its keyword-only parameters).
func (in *Interp) tooManyPositional(fn *Function, given, ndefaults int, slots []Value) error {
	t := fn.code.tmpl
	argc := t.ArgCount
	kwonlyGiven := 0
	for i := argc; i < argc+t.KwOnlyArgCount; i++ {
		if !slots[i].IsNil() {
			kwonlyGiven++
		}
	}
	return in.positionalCountError(fn.qualname.GoString(), argc, ndefaults, given, kwonlyGiven)
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// missingArguments is CPython's missing_arguments message: 'a', 'a' and
// 'b', or 'a', 'b', and 'c'.
func (in *Interp) missingArguments(qualname, kind string, names []string) error {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = strings.Join(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	return in.raise(typeErrorType, "%s() missing %d required %s argument%s: %s", qualname, len(names), kind, pluralS(len(names)), list)
}

// parseArgs unpacks the arguments of a built-in whose parameters are
// positional-or-keyword (argument clinic's style): names lists them,
// the first required must be given, and out receives borrowed values (nil
// for those not given).
func (in *Interp) parseArgs(fname string, args []Value, kwnames []Value, names []string, required int, out ...*Value) error {
	npos := len(args) - len(kwnames)
	if npos > len(names) {
		if required == len(names) {
			return in.raise(typeErrorType, "%s() takes exactly %d argument%s (%d given)", fname, len(names), pluralS(len(names)), npos)
		}
		return in.raise(typeErrorType, "%s() takes at most %d argument%s (%d given)", fname, len(names), pluralS(len(names)), npos)
	}
	for i := range out {
		*out[i] = Value{}
	}
	unknown := ""
	for i := 0; i < npos; i++ {
		*out[i] = args[i]
	}
	for j, kn := range kwnames {
		key := kn.GoString()
		found := -1
		for i, n := range names {
			if n == key {
				found = i
				break
			}
		}
		if found < 0 {
			if unknown == "" {
				unknown = key
			}
			continue
		}
		if found < npos {
			return in.raise(typeErrorType, "argument for %s() given by name ('%s') and position (%d)", fname, key, found+1)
		}
		*out[found] = args[npos+j]
	}
	// Like argument clinic, a missing argument is reported before an
	// unknown keyword.
	for i := 0; i < required; i++ {
		if out[i].IsNil() {
			return in.raise(typeErrorType, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	if unknown != "" {
		return in.raise(typeErrorType, "'%s' is an invalid keyword argument for %s()", unknown, fname)
	}
	return nil
}

// noKeywords is the check of a built-in that takes no keyword arguments.
func (in *Interp) noKeywords(fname string, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", fname)
	}
	return nil
}

// checkArgCount is PyArg_UnpackTuple's check of a positional-only
// built-in: between min and max arguments.
// The passing check comes first; argCountError makes the messages.
func (in *Interp) checkArgCount(fname string, args []Value, kwnames []Value, min, max int) error {
	if len(kwnames) == 0 && len(args) >= min && len(args) <= max {
		return nil
	}
	return in.argCountError(fname, args, kwnames, min, max)
}

// argCountError is the TypeError of checkArgCount for args and kwnames
// that fail it.
func (in *Interp) argCountError(fname string, args []Value, kwnames []Value, min, max int) error {
	if err := in.noKeywords(fname, kwnames); err != nil {
		return err
	}
	n := len(args)
	switch {
	case n < min && min == max:
		return in.raise(typeErrorType, "%s expected %d argument%s, got %d", fname, min, pluralS(min), n)
	case n < min:
		return in.raise(typeErrorType, "%s expected at least %d argument%s, got %d", fname, min, pluralS(min), n)
	case n > max && min == max:
		return in.raise(typeErrorType, "%s expected %d argument%s, got %d", fname, max, pluralS(max), n)
	case n > max:
		return in.raise(typeErrorType, "%s expected at most %d argument%s, got %d", fname, max, pluralS(max), n)
	}
	return nil
}
