package interp

// The introspection attributes of getset and member descriptors
// (__name__, __qualname__, __objclass__, __doc__), which inspect reads
// (getattr_static checks a class's __dict__ descriptor by its name).

func init() {
	for _, d := range []struct {
		t    *Type
		info func(v Value) (string, *Type)
	}{
		{getsetDescrType, func(v Value) (string, *Type) { g := asObject[GetSetDescr](v); return g.name, g.owner }},
		{memberType, func(v Value) (string, *Type) { m := asObject[member](v); return m.name, m.owner }},
	} {
		info := d.info
		defGetSet(d.t, "__name__", func(in *Interp, v Value) (Value, error) {
			name, _ := info(v)
			return in.NewStr(name)
		}, nil)
		defGetSet(d.t, "__qualname__", func(in *Interp, v Value) (Value, error) {
			name, owner := info(v)
			return in.NewStr(owner.qualname() + "." + name)
		}, nil)
		defGetSet(d.t, "__objclass__", func(in *Interp, v Value) (Value, error) {
			_, owner := info(v)
			incRef(valueOf(owner))
			return valueOf(owner), nil
		}, nil)
		defGetSet(d.t, "__doc__", func(in *Interp, v Value) (Value, error) { return None, nil }, nil)
	}
}
