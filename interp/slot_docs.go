package interp

// The docstrings and text signatures of the slot wrappers (object.__init__,
// int.__add__, list.__len__, ...): what CPython 3.12's typeobject.c gives
// each slot, read by help(), pydoc and inspect.signature (through
// __text_signature__; unittest.mock takes the signature of
// object.__init__ at import). Built-in methods without an entry here have
// neither yet.

// slotDoc is one slot wrapper's text signature and docstring.
type slotDoc struct{ signature, doc string }

var slotDocs = map[string]slotDoc{
	"__abs__":            {"($self, /)", "abs(self)"},
	"__add__":            {"($self, value, /)", "Return self+value."},
	"__aiter__":          {"($self, /)", "Return an awaitable, that resolves in asynchronous iterator."},
	"__and__":            {"($self, value, /)", "Return self&value."},
	"__anext__":          {"($self, /)", "Return a value or raise StopAsyncIteration."},
	"__await__":          {"($self, /)", "Return an iterator to be used in await expression."},
	"__bool__":           {"($self, /)", "True if self else False"},
	"__buffer__":         {"($self, flags, /)", "Return a buffer object that exposes the underlying memory of the object."},
	"__call__":           {"($self, /, *args, **kwargs)", "Call self as a function."},
	"__contains__":       {"($self, key, /)", "Return bool(key in self)."},
	"__delattr__":        {"($self, name, /)", "Implement delattr(self, name)."},
	"__delete__":         {"($self, instance, /)", "Delete an attribute of instance."},
	"__delitem__":        {"($self, key, /)", "Delete self[key]."},
	"__divmod__":         {"($self, value, /)", "Return divmod(self, value)."},
	"__eq__":             {"($self, value, /)", "Return self==value."},
	"__float__":          {"($self, /)", "float(self)"},
	"__floordiv__":       {"($self, value, /)", "Return self//value."},
	"__ge__":             {"($self, value, /)", "Return self>=value."},
	"__get__":            {"($self, instance, owner=None, /)", "Return an attribute of instance, which is of type owner."},
	"__getattribute__":   {"($self, name, /)", "Return getattr(self, name)."},
	"__getitem__":        {"($self, key, /)", "Return self[key]."},
	"__gt__":             {"($self, value, /)", "Return self>value."},
	"__hash__":           {"($self, /)", "Return hash(self)."},
	"__iadd__":           {"($self, value, /)", "Implement self+=value."},
	"__iand__":           {"($self, value, /)", "Return self&=value."},
	"__imul__":           {"($self, value, /)", "Implement self*=value."},
	"__index__":          {"($self, /)", "Return self converted to an integer, if self is suitable for use as an index into a list."},
	"__init__":           {"($self, /, *args, **kwargs)", "Initialize self.  See help(type(self)) for accurate signature."},
	"__int__":            {"($self, /)", "int(self)"},
	"__invert__":         {"($self, /)", "~self"},
	"__ior__":            {"($self, value, /)", "Return self|=value."},
	"__isub__":           {"($self, value, /)", "Return self-=value."},
	"__iter__":           {"($self, /)", "Implement iter(self)."},
	"__ixor__":           {"($self, value, /)", "Return self^=value."},
	"__le__":             {"($self, value, /)", "Return self<=value."},
	"__len__":            {"($self, /)", "Return len(self)."},
	"__lshift__":         {"($self, value, /)", "Return self<<value."},
	"__lt__":             {"($self, value, /)", "Return self<value."},
	"__mod__":            {"($self, value, /)", "Return self%value."},
	"__mul__":            {"($self, value, /)", "Return self*value."},
	"__ne__":             {"($self, value, /)", "Return self!=value."},
	"__neg__":            {"($self, /)", "-self"},
	"__next__":           {"($self, /)", "Implement next(self)."},
	"__or__":             {"($self, value, /)", "Return self|value."},
	"__pos__":            {"($self, /)", "+self"},
	"__pow__":            {"($self, value, mod=None, /)", "Return pow(self, value, mod)."},
	"__radd__":           {"($self, value, /)", "Return value+self."},
	"__rand__":           {"($self, value, /)", "Return value&self."},
	"__rdivmod__":        {"($self, value, /)", "Return divmod(value, self)."},
	"__release_buffer__": {"($self, buffer, /)", "Release the buffer object that exposes the underlying memory of the object."},
	"__repr__":           {"($self, /)", "Return repr(self)."},
	"__rfloordiv__":      {"($self, value, /)", "Return value//self."},
	"__rlshift__":        {"($self, value, /)", "Return value<<self."},
	"__rmod__":           {"($self, value, /)", "Return value%self."},
	"__rmul__":           {"($self, value, /)", "Return value*self."},
	"__ror__":            {"($self, value, /)", "Return value|self."},
	"__rpow__":           {"($self, value, mod=None, /)", "Return pow(value, self, mod)."},
	"__rrshift__":        {"($self, value, /)", "Return value>>self."},
	"__rshift__":         {"($self, value, /)", "Return self>>value."},
	"__rsub__":           {"($self, value, /)", "Return value-self."},
	"__rtruediv__":       {"($self, value, /)", "Return value/self."},
	"__rxor__":           {"($self, value, /)", "Return value^self."},
	"__set__":            {"($self, instance, value, /)", "Set an attribute of instance to value."},
	"__setattr__":        {"($self, name, value, /)", "Implement setattr(self, name, value)."},
	"__setitem__":        {"($self, key, value, /)", "Set self[key] to value."},
	"__str__":            {"($self, /)", "Return str(self)."},
	"__sub__":            {"($self, value, /)", "Return self-value."},
	"__truediv__":        {"($self, value, /)", "Return self/value."},
	"__xor__":            {"($self, value, /)", "Return self^value."},
}

// slotDocFor is the entry of a method named name, if it is a slot's.
func slotDocFor(name string) (slotDoc, bool) {
	d, ok := slotDocs[name]
	return d, ok
}

func init() {
	descrName := func(v Value) string { return asObject[MethodDescr](v).name }
	boundName := func(v Value) string {
		b := asObject[Builtin](v)
		if b.method == nil {
			return "" // a function, not a method of a built-in type
		}
		return b.name
	}
	for _, d := range []struct {
		t    *Type
		name func(Value) string
	}{{methodDescrType, descrName}, {builtinFunctionType, boundName}} {
		name := d.name
		defGetSet(d.t, "__doc__", func(in *Interp, v Value) (Value, error) {
			if sd, ok := slotDocFor(name(v)); ok {
				return in.NewStr(sd.doc)
			}
			return None, nil
		}, nil)
		defGetSet(d.t, "__text_signature__", func(in *Interp, v Value) (Value, error) {
			if sd, ok := slotDocFor(name(v)); ok {
				return in.NewStr(sd.signature)
			}
			if v.Type() == builtinFunctionType {
				if b := asObject[Builtin](v); b.method == nil {
					if sig, ok := builtinSignatures[builtinModuleOf(b)+"."+b.name]; ok {
						return in.NewStr(sig)
					}
				}
			}
			return None, nil
		}, nil)
	}
}
