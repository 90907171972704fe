package interp

import (
	"strconv"

	"github.com/parallel-py/parallel/interp/traceback"
)

// Exception groups (PEP 654): BaseExceptionGroup and ExceptionGroup, with
// CPython 3.12's validation in __new__, the message and exceptions
// attributes, and split, subgroup and derive.
//
// A group is an ordinary Exception struct: its exceptions tuple is kept in
// the value field and its message in obj, fields no other exception type
// uses together with a group (classes mixing a group with the exception
// types that own those fields are refused, see groupLayoutConflicts).
// args stays what the constructor was given: (message, exceptions).

var (
	baseExceptionGroupType = exceptionTypes["BaseExceptionGroup"]
	exceptionGroupType     = exceptionTypes["ExceptionGroup"]
	exceptionType          = exceptionTypes["Exception"]
)

// groupLayoutConflicts are the exception types whose instances CPython
// lays out in a struct of their own: a class deriving from one of them and
// from an exception group cannot exist there ("multiple bases have
// instance lay-out conflict"), and here they would share fields.
var groupLayoutConflicts = []string{
	"StopIteration", "SystemExit", "ImportError", "OSError", "SyntaxError",
	"UnicodeError", "NameError", "AttributeError",
}

func init() {
	// ExceptionGroup derives from both BaseExceptionGroup and Exception,
	// so that `except Exception` catches it.
	exceptionGroupType.Bases = []*Type{baseExceptionGroupType, exceptionType}
	exceptionGroupType.MRO = []*Type{exceptionGroupType, baseExceptionGroupType, exceptionType, baseExceptionType, objectType}

	for _, t := range []*Type{baseExceptionGroupType, exceptionGroupType} {
		t.construct = groupConstruct
		t.new = groupNew
		t.str = groupStr
	}
	// A class deriving from a group gets its instances from its layout's
	// __new__, BaseException's: route the groups to ours.
	baseNew := baseExceptionType.new
	baseExceptionType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if t.IsSubtype(baseExceptionGroupType) {
			return groupNew(in, t, args, kwnames)
		}
		return baseNew(in, t, args, kwnames)
	}

	defStatic(baseExceptionGroupType, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args) <= len(kwnames) {
			return Value{}, in.raise(typeErrorType, "BaseExceptionGroup.__new__(): not enough arguments")
		}
		if !isType(args[0]) {
			return Value{}, in.raise(typeErrorType, "BaseExceptionGroup.__new__(X): X is not a type object (%s)", args[0].Type().Name)
		}
		t := (*Type)(args[0].p)
		if !t.IsSubtype(baseExceptionGroupType) {
			return Value{}, in.raise(typeErrorType, "BaseExceptionGroup.__new__(%s): %s is not a subtype of BaseExceptionGroup", t.Name, t.Name)
		}
		return groupNew(in, t, args[1:], kwnames)
	})
	defMethod(baseExceptionGroupType, "__str__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return groupStr(in, args[0])
	})
	readonly := func(in *Interp, v, value Value) error {
		return in.raise(attributeErrorType, "readonly attribute")
	}
	defGetSet(baseExceptionGroupType, "message", func(in *Interp, v Value) (Value, error) {
		return fieldOrNone(asObject[Exception](v).obj), nil
	}, readonly)
	defGetSet(baseExceptionGroupType, "exceptions", func(in *Interp, v Value) (Value, error) {
		return fieldOrNone(asObject[Exception](v).value), nil
	}, readonly)
	defMethod(baseExceptionGroupType, "derive", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "BaseExceptionGroup.derive() takes no keyword arguments")
		}
		if len(args) != 2 {
			return Value{}, in.raise(typeErrorType, "function takes exactly 1 argument (%d given)", len(args)-1)
		}
		return in.groupDerive(asObject[Exception](args[0]), args[1])
	})
	defMethod(baseExceptionGroupType, "split", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		m, err := in.groupMatcherArg("split", args, kwnames)
		if err != nil {
			return Value{}, err
		}
		match, rest, err := in.groupSplit(args[0], m, true)
		if err != nil {
			return Value{}, err
		}
		if match.IsNil() {
			match = None
		}
		if rest.IsNil() {
			rest = None
		}
		r, err := in.NewTuple(match, rest)
		in.decRef(match)
		in.decRef(rest)
		return r, err
	})
	defMethod(baseExceptionGroupType, "subgroup", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		m, err := in.groupMatcherArg("subgroup", args, kwnames)
		if err != nil {
			return Value{}, err
		}
		match, _, err := in.groupSplit(args[0], m, false)
		if err != nil {
			return Value{}, err
		}
		if match.IsNil() {
			return None, nil
		}
		return match, nil
	})
}

// fieldOrNone returns a new reference to v, None when it is unset.
func fieldOrNone(v Value) Value {
	if v.IsNil() {
		return None
	}
	incRef(v)
	return v
}

// isGroup reports whether e is an exception group with its exceptions
// (always, unless it was made without BaseExceptionGroup.__new__).
func isGroup(e *Exception) bool {
	return valueOf(e).Type().IsSubtype(baseExceptionGroupType) &&
		!e.value.IsNil() && e.value.Type() == tupleType
}

// groupExceptions returns a group's exceptions (borrowed).
func groupExceptions(e *Exception) []Value {
	if !isGroup(e) {
		return nil
	}
	return asObject[Tuple](e.value).items
}

// isSequence is PySequence_Check: the object supports indexing and is not
// a mapping.
func isSequence(v Value) bool {
	t := v.Type()
	if t.getitem == nil || t.IsSubtype(dictType) || t == mappingProxyType {
		return false
	}
	return true
}

// groupConstruct is calling BaseExceptionGroup or ExceptionGroup: __new__
// then, when it returned a group of the class, __init__.
func groupConstruct(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	obj, err := groupNew(in, t, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	if obj.Type().IsSubtype(t) {
		if err := exceptionInit(in, obj, args, kwnames); err != nil {
			in.decRef(obj)
			return Value{}, err
		}
	}
	return obj, nil
}

// groupNew is BaseExceptionGroup.__new__(cls, message, exceptions). Its
// keyword arguments are left to __init__, which refuses them unless a
// subclass's accepts them.
func groupNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	pos := args[:len(args)-len(kwnames)]
	if len(pos) != 2 {
		return Value{}, in.raise(typeErrorType, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(pos))
	}
	msg, seq := pos[0], pos[1]
	if !isStrValue(msg) {
		return Value{}, in.raise(typeErrorType, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", typeNameForArg(msg))
	}
	if !isSequence(seq) {
		return Value{}, in.raise(typeErrorType, "second argument (exceptions) must be a sequence")
	}
	items, err := in.iterateAll(seq)
	if err != nil {
		return Value{}, err
	}
	excs, err := in.NewTuple(items...)
	for _, x := range items {
		in.decRef(x)
	}
	if err != nil {
		return Value{}, err
	}
	cls, err := in.groupClass(t, asObject[Tuple](excs).items)
	if err != nil {
		in.decRef(excs)
		return Value{}, err
	}
	e, err := in.newException(cls, pos...)
	if err != nil {
		in.decRef(excs)
		return Value{}, err
	}
	e.value = excs
	incRef(msg)
	e.obj = msg
	return valueOf(e), nil
}

// typeNameForArg names an argument's type as CPython's argument parser
// does in "must be X, not Y".
func typeNameForArg(v Value) string {
	if v.IsNone() {
		return "None"
	}
	return v.Type().Name
}

// groupClass validates a group's exceptions and returns the class to
// create: BaseExceptionGroup of Exceptions only makes an ExceptionGroup,
// and a class deriving from Exception cannot hold BaseExceptions.
func (in *Interp) groupClass(t *Type, excs []Value) (*Type, error) {
	for _, name := range groupLayoutConflicts {
		if t.IsSubtype(exceptionTypes[name]) {
			return nil, in.raise(notImplementedErrorType, "exception groups that also derive from %s are not implemented yet", name)
		}
	}
	if len(excs) == 0 {
		return nil, in.raise(valueErrorType, "second argument (exceptions) must be a non-empty sequence")
	}
	nestedBase := false
	for i, x := range excs {
		if !x.Type().IsSubtype(baseExceptionType) {
			return nil, in.raise(valueErrorType, "Item %d of second argument (exceptions) is not an exception", i)
		}
		if !x.Type().IsSubtype(exceptionType) {
			nestedBase = true
		}
	}
	switch {
	case t == exceptionGroupType:
		if nestedBase {
			return nil, in.raise(typeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup")
		}
	case t == baseExceptionGroupType:
		if !nestedBase {
			return exceptionGroupType, nil
		}
	case nestedBase && t.IsSubtype(exceptionType):
		return nil, in.raise(typeErrorType, "Cannot nest BaseExceptions in '%s'", t.Name)
	}
	return t, nil
}

// groupStr is BaseExceptionGroup.__str__: "message (2 sub-exceptions)".
func groupStr(in *Interp, v Value) (Value, error) {
	e := asObject[Exception](v)
	if !isGroup(e) || e.obj.IsNil() {
		return exceptionStr(in, v)
	}
	s, err := in.Str(e.obj)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(s)
	n := len(asObject[Tuple](e.value).items)
	plural := "s"
	if n == 1 {
		plural = ""
	}
	return in.NewStr(s.GoString() + " (" + strconv.Itoa(n) + " sub-exception" + plural + ")")
}

// groupDerive is BaseExceptionGroup.derive(excs): a group with the same
// message, made by calling BaseExceptionGroup (so it is an ExceptionGroup
// when it can be).
func (in *Interp) groupDerive(e *Exception, excs Value) (Value, error) {
	msg := e.obj
	if msg.IsNil() {
		msg = None
	}
	return in.Call(valueOf(baseExceptionGroupType), []Value{msg, excs}, nil)
}

// groupMatcher is the condition of split and subgroup: a Python function
// called on each exception, or an exception class or exact tuple of
// them.
type groupMatcher struct {
	predicate bool
	v         Value
	// leaves, when set, matches exactly these exceptions (by identity):
	// CPython's EXCEPTION_GROUP_MATCH_INSTANCE_IDS, for except*.
	leaves map[*Exception]bool
}

// groupMatcherArg checks the one argument of split or subgroup.
func (in *Interp) groupMatcherArg(name string, args []Value, kwnames []Value) (groupMatcher, error) {
	if len(kwnames) > 0 {
		return groupMatcher{}, in.raise(typeErrorType, "BaseExceptionGroup.%s() takes no keyword arguments", name)
	}
	if len(args) != 2 {
		return groupMatcher{}, in.raise(typeErrorType, "%s expected 1 argument, got %d", name, len(args)-1)
	}
	v := args[1]
	if v.Type() == functionType {
		return groupMatcher{predicate: true, v: v}, nil
	}
	if isExceptionClass(v) {
		return groupMatcher{v: v}, nil
	}
	if v.Type() == tupleType {
		ok := true
		for _, c := range asObject[Tuple](v).items {
			if !isExceptionClass(c) {
				ok = false
				break
			}
		}
		if ok {
			return groupMatcher{v: v}, nil
		}
	}
	return groupMatcher{}, in.raise(typeErrorType, "expected a function, exception type or tuple of exception types")
}

// matches applies the condition to one exception.
func (in *Interp) groupMatches(exc Value, m groupMatcher) (bool, error) {
	if m.leaves != nil {
		return m.leaves[asObject[Exception](exc)], nil
	}
	if !m.predicate {
		return in.exceptionMatches(exc, m.v)
	}
	r, err := in.Call(m.v, []Value{exc}, nil)
	if err != nil {
		return false, err
	}
	defer in.decRef(r)
	return in.Truth(r)
}

// groupSplit splits exc by the condition into the part that matches and,
// when wantRest, the part that does not (new references, nil for an
// empty part). A matching exception is taken whole, identity included; a
// group that does not match is split recursively into derived groups.
func (in *Interp) groupSplit(exc Value, m groupMatcher, wantRest bool) (match, rest Value, err error) {
	ok, err := in.groupMatches(exc, m)
	if err != nil {
		return Value{}, Value{}, err
	}
	if ok {
		incRef(exc)
		return exc, Value{}, nil
	}
	e := asObject[Exception](exc)
	if !isGroup(e) {
		if wantRest {
			incRef(exc)
			return Value{}, exc, nil
		}
		return Value{}, Value{}, nil
	}
	if err := in.enterCall(" in exceptiongroup_split_recursive"); err != nil {
		return Value{}, Value{}, err
	}
	defer in.leaveCall()
	var matches, rests []Value
	drop := func() {
		for _, v := range matches {
			in.decRef(v)
		}
		for _, v := range rests {
			in.decRef(v)
		}
	}
	defer drop()
	// The tuple is immutable, but a predicate could drop the last other
	// reference to the group: hold it while iterating.
	incRef(e.value)
	defer in.decRef(e.value)
	for _, sub := range asObject[Tuple](e.value).items {
		mt, rs, err := in.groupSplit(sub, m, wantRest)
		if err != nil {
			return Value{}, Value{}, err
		}
		if !mt.IsNil() {
			matches = append(matches, mt)
		}
		if !rs.IsNil() {
			rests = append(rests, rs)
		}
	}
	match, err = in.groupSubset(e, matches)
	if err != nil {
		return Value{}, Value{}, err
	}
	if wantRest {
		rest, err = in.groupSubset(e, rests)
		if err != nil {
			in.xdecRef(match)
			return Value{}, Value{}, err
		}
	}
	return match, rest, nil
}

// groupSubset makes the group of excs (part of orig's exceptions) with
// orig's derive, and gives it orig's traceback, __context__, __cause__
// and a copy of its __notes__. It returns nil for no exceptions.
func (in *Interp) groupSubset(orig *Exception, excs []Value) (Value, error) {
	if len(excs) == 0 {
		return Value{}, nil
	}
	list, err := in.NewList(excs...)
	if err != nil {
		return Value{}, err
	}
	derive, err := in.GetAttr(valueOf(orig), internName("derive"))
	if err != nil {
		in.decRef(list)
		return Value{}, err
	}
	eg, err := in.Call(derive, []Value{list}, nil)
	in.decRef(derive)
	in.decRef(list)
	if err != nil {
		return Value{}, err
	}
	if !eg.Type().IsSubtype(baseExceptionGroupType) {
		in.decRef(eg)
		return Value{}, in.raise(typeErrorType, "derive must return an instance of BaseExceptionGroup")
	}
	d := asObject[Exception](eg)
	in.replaceTraceback(d, orig)
	// PyException_SetContext and PyException_SetCause: setting the cause,
	// even to nothing, suppresses the context.
	ctx, cause := orig.context, orig.cause
	if !ctx.IsNil() {
		incRef(ctx)
	}
	if !cause.IsNil() {
		incRef(cause)
	}
	in.xdecRef(d.context)
	in.xdecRef(d.cause)
	d.context, d.cause = ctx, cause
	d.suppressContext = true

	notes, err := in.lookupAttr(valueOf(orig), internName("__notes__"))
	if err != nil {
		in.decRef(eg)
		return Value{}, err
	}
	if !notes.IsNil() {
		// Only a sequence is copied: split is no place to complain
		// about a broken __notes__.
		if isSequence(notes) {
			err = in.copyNotes(eg, notes)
		}
		in.decRef(notes)
		if err != nil {
			in.decRef(eg)
			return Value{}, err
		}
	}
	return eg, nil
}

// copyNotes sets eg.__notes__ to a new list of the items of notes, so the
// parts of a split have notes lists of their own.
func (in *Interp) copyNotes(eg, notes Value) error {
	items, err := in.iterateAll(notes)
	if err != nil {
		return err
	}
	l, err := in.NewList(items...)
	for _, x := range items {
		in.decRef(x)
	}
	if err != nil {
		return err
	}
	err = in.SetAttr(eg, internName("__notes__"), l)
	in.decRef(l)
	return err
}

// groupTracebackOf gives the printer a group's sub-exceptions: the ones
// it prints, converted, and the count of the others.
func (in *Interp) groupTracebackOf(e *Exception, t *traceback.Exception, seen map[*Exception]*traceback.Exception) {
	t.Group = true
	excs := groupExceptions(e)
	n := min(len(excs), traceback.MaxGroupWidth)
	for _, x := range excs[:n] {
		t.Exceptions = append(t.Exceptions, in.tracebackOf(asObject[Exception](x), seen))
	}
	t.MoreExceptions = len(excs) - n
}
