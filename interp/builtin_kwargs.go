package interp

// Keyword arguments in the constructors of classes derived from built-in
// types. A built-in __new__ or __init__ that takes no keywords lets them
// through when a class has overridden the other one, so that
// `class L(list): def __new__(cls, seq, flag=None)` and
// `class T(tuple): def __init__(self, seq, flag=None)` work (CPython
// 3.12, bpo-43413); the exact type and plain subclasses still refuse
// them.

// inheritsSlot tells whether class t takes name (__new__ or __init__)
// from the built-in base unchanged: no class before base in t's MRO
// defines it.
func (in *Interp) inheritsSlot(t, base *Type, name string) bool {
	key := internName(name)
	for _, b := range t.MRO {
		if b == base {
			return true
		}
		if b.dict != nil {
			if _, ok, _ := in.DictGet(b.dict, key); ok {
				return false
			}
		}
	}
	return true
}

// refusesKeywords tells whether base's __new__ (or __init__, with other
// naming the other method) must refuse keyword arguments for class t.
func (in *Interp) refusesKeywords(t, base *Type, other string) bool {
	return t == base || in.inheritsSlot(t, base, other)
}
