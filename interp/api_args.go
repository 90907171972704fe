package interp

// Argument parsing for the Go modules, with the messages of CPython
// 3.12's argument clinic (_PyArg_UnpackKeywords), which most C functions
// and constructors use.

// Params describes a built-in's parameters for Unpack.
type Params struct {
	// Func is the function's name in messages ("accumulate").
	Func string
	// Names lists every parameter in order: positional-only, then
	// positional-or-keyword, then keyword-only ones.
	Names []string
	// PosOnly is how many of the first Names are positional-only;
	// KwOnly how many of the last are keyword-only (always optional).
	PosOnly int
	KwOnly  int
	// Required is how many of the first Names must be given.
	Required int
}

// Unpack matches args and kwnames (vectorcall style) to p's parameters:
// out[i] receives the borrowed value of Names[i], or the zero Value when
// it was not given. Errors are argument clinic's, checked in its order.
func (in *Interp) Unpack(p *Params, args []Value, kwnames []Value, out ...*Value) error {
	if len(out) != len(p.Names) {
		return in.raise(systemErrorType, "Unpack(%s): %d outputs for %d parameters", p.Func, len(out), len(p.Names))
	}
	nkw := len(kwnames)
	npos := len(args) - nkw
	maxArgs := len(p.Names)
	maxPos := maxArgs - p.KwOnly
	for _, o := range out {
		*o = Value{}
	}
	if npos+nkw > maxArgs {
		kw := ""
		if npos == 0 {
			kw = "keyword "
		}
		return in.raise(typeErrorType, "%s() takes at most %d %sargument%s (%d given)", p.Func, maxArgs, kw, pluralS(maxArgs), npos+nkw)
	}
	if npos > maxPos {
		if maxPos == 0 {
			return in.raise(typeErrorType, "%s() takes no positional arguments", p.Func)
		}
		how := "exactly"
		if p.Required < maxPos {
			how = "at most"
		}
		return in.raise(typeErrorType, "%s() takes %s %d positional argument%s (%d given)", p.Func, how, maxPos, pluralS(maxPos), npos)
	}
	if npos < p.PosOnly && npos < p.Required {
		how := "exactly"
		if p.Required < maxPos {
			how = "at least"
		}
		n := min(p.Required, p.PosOnly)
		return in.raise(typeErrorType, "%s() takes %s %d positional argument%s (%d given)", p.Func, how, n, pluralS(n), npos)
	}
	for i := 0; i < npos; i++ {
		*out[i] = args[i]
	}
	used := 0
	for i := max(npos, p.PosOnly); i < maxArgs; i++ {
		for j, k := range kwnames {
			if k.GoString() == p.Names[i] {
				*out[i] = args[npos+j]
				used++
				break
			}
		}
		if out[i].IsNil() && i < p.Required {
			return in.raise(typeErrorType, "%s() missing required argument '%s' (pos %d)", p.Func, p.Names[i], i+1)
		}
	}
	if used == nkw {
		return nil
	}
	// A keyword left over names a parameter given by position, or none.
	for i := p.PosOnly; i < npos; i++ {
		for _, k := range kwnames {
			if k.GoString() == p.Names[i] {
				return in.raise(typeErrorType, "argument for %s() given by name ('%s') and position (%d)", p.Func, p.Names[i], i+1)
			}
		}
	}
	for _, k := range kwnames {
		known := false
		for _, n := range p.Names[p.PosOnly:] {
			if k.GoString() == n {
				known = true
				break
			}
		}
		if !known {
			return in.raise(typeErrorType, "'%s' is an invalid keyword argument for %s()", k.GoString(), p.Func)
		}
	}
	return nil
}

// KeywordNames returns the names of the keyword arguments of a call as
// Go strings.
func KeywordNames(kwnames []Value) []string {
	names := make([]string, len(kwnames))
	for i, k := range kwnames {
		names[i] = k.GoString()
	}
	return names
}
