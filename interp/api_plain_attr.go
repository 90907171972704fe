package interp

import "unsafe"

// A PlainAttr reads one attribute name quickly from objects whose class
// leaves that name to the instance __dict__: no class in the MRO defines
// it and the class keeps the default attribute lookup. It remembers the
// last class found so by its version tag, which any change to the class
// or its bases renews, so what it skips is proved absent, not assumed.
// The embedding runtime reads its own objects' fields with it (a queue's
// _id on every put and get). A PlainAttr belongs to one interpreter.
type PlainAttr struct {
	name    Value
	typ     *Type
	version uint32
	// The last shape the name was found in, and its entry there: a dict
	// of that shape has the name at that entry, so a read skips the
	// probe (see shapes.go).
	shape *shape
	ix    int
}

// NewPlainAttr returns a PlainAttr for name.
func NewPlainAttr(name string) *PlainAttr { return &PlainAttr{name: internName(name)} }

// GetPlainAttr returns obj.<a's name> (a new reference), exactly as
// GetAttr does, through the instance dict when it can.
func (in *Interp) GetPlainAttr(a *PlainAttr, obj Value) (Value, error) {
	if obj.IsObject() {
		t := obj.Type()
		if t == a.typ && t.Version == a.version && a.shape != nil {
			// The remembered class (so a dict slot) and shape: a load
			// and an index, as LOAD_ATTR_WITH_HINT.
			if dv := *(*Value)(unsafe.Add(obj.p, t.dictOffset)); dv.p != nil {
				if d := asObject[Dict](dv); d.shape == a.shape {
					v := d.entries[a.ix].value
					incRef(v)
					return v, nil
				}
			}
		}
		if t != a.typ || t.Version != a.version {
			if !in.leavesToInstance(t, a.name) {
				return in.GetAttr(obj, a.name)
			}
			a.typ, a.version = t, t.Version
		}
		if d := instanceDictOf(obj); d != nil {
			if d.shape != nil && d.shape == a.shape {
				v := d.entries[a.ix].value
				incRef(v)
				return v, nil
			}
			if ix := in.dictIndex(d, a.name); ix >= 0 {
				if d.shape != nil {
					a.shape, a.ix = d.shape, ix
				}
				v := d.entries[ix].value
				incRef(v)
				return v, nil
			}
		}
	}
	return in.GetAttr(obj, a.name)
}

// leavesToInstance reports whether obj.name on an instance of t is
// exactly its instance dict's entry: default lookup, a version tag to
// remember it by, and no class attribute of that name.
func (in *Interp) leavesToInstance(t *Type, name Value) bool {
	if t.getattr != nil || t.Version == 0 || t.dictOffset == 0 || t == moduleType || t == typeType {
		return false
	}
	descr, err := in.lookup(t, name)
	if err != nil {
		in.DiscardError(err)
		return false
	}
	return descr.IsNil()
}
