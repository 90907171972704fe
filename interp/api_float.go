package interp

// The exported test for a float that also accepts instances of classes
// derived from float (boxed floats, subclass_float.go).

// IsFloat reports whether v is a float or an instance of a class derived
// from float (PyFloat_Check); v.IsFloat() is true only for a plain float
// (PyFloat_CheckExact). FloatValue reads either.
func IsFloat(v Value) bool { return isFloat(v) }
