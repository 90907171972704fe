package interp

// __isabstractmethod__ of the descriptors that wrap functions (property,
// staticmethod, classmethod): true when a wrapped function is abstract,
// so that abc finds abstract properties and static or class methods.

// isAbstract reports whether v has a true __isabstractmethod__.
func (in *Interp) isAbstract(v Value) (bool, error) {
	if v.IsNil() {
		return false, nil
	}
	r, err := in.lookupAttr(v, internName("__isabstractmethod__"))
	if err != nil || r.IsNil() {
		return false, err
	}
	defer in.decRef(r)
	return in.Truth(r)
}

func init() {
	defGetSet(propertyType, "__isabstractmethod__", func(in *Interp, v Value) (Value, error) {
		p := asObject[property](v)
		for _, f := range []Value{p.get, p.set, p.del} {
			if abs, err := in.isAbstract(f); err != nil || abs {
				return True, err
			}
		}
		return False, nil
	}, nil)
	for _, t := range []*Type{staticMethodType, classMethodType} {
		defGetSet(t, "__isabstractmethod__", func(in *Interp, v Value) (Value, error) {
			abs, err := in.isAbstract(asObject[staticMethod](v).fn)
			return Bool(abs), err
		}, nil)
	}
}
