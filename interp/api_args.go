package interp

import (
	"slices"
	"strconv"
)

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
	// Qualname, when set, says that CPython writes this function in
	// Python (a method of a class in a .py module, such as
	// concurrent.interpreters' Queue.put): its argument errors are then
	// worded as a Python function's, naming Qualname ("Queue.put()
	// missing 1 required positional argument: 'obj'"), and checked in a
	// Python function's order, instead of argument clinic's. PosOnly
	// then only says which names must come by position in practice
	// (self): they may be named, as in Python.
	Qualname string
}

// Unpack matches args and kwnames (vectorcall style) to p's parameters:
// out[i] receives the borrowed value of Names[i], or the zero Value when
// it was not given. Errors are argument clinic's, checked in its order.
func (in *Interp) Unpack(p *Params, args []Value, kwnames []Value, out ...*Value) error {
	if len(out) != len(p.Names) {
		return in.raise(systemErrorType, "Unpack(%s): %d outputs for %d parameters", p.Func, len(out), len(p.Names))
	}
	if p.Qualname != "" {
		return in.unpackAsPython(p, args, kwnames, out)
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

// unpackAsPython is Unpack for Params with a Qualname: CPython's
// initialize_locals checks keywords first, then the count of positional
// arguments, then what is missing.
func (in *Interp) unpackAsPython(p *Params, args []Value, kwnames []Value, out []*Value) error {
	nkw := len(kwnames)
	npos := len(args) - nkw
	maxPos := len(p.Names) - p.KwOnly
	for i, o := range out {
		*o = Value{}
		if i < min(npos, maxPos) {
			*o = args[i]
		}
	}
	kwonlyGiven := 0
	for j, k := range kwnames {
		name := k.GoString()
		i := slices.Index(p.Names, name)
		if i < 0 {
			return in.raise(typeErrorType, "%s() got an unexpected keyword argument '%s'", p.Qualname, name)
		}
		if !out[i].IsNil() {
			return in.raise(typeErrorType, "%s() got multiple values for argument '%s'", p.Qualname, name)
		}
		*out[i] = args[npos+j]
		if i >= maxPos {
			kwonlyGiven++
		}
	}
	if npos > maxPos {
		return in.positionalCountError(p.Qualname, maxPos, maxPos-p.Required, npos, kwonlyGiven)
	}
	var missing []string
	for i := range p.Required {
		if out[i].IsNil() {
			missing = append(missing, p.Names[i])
		}
	}
	if len(missing) > 0 {
		return in.missingArguments(p.Qualname, "positional", missing)
	}
	return nil
}

// positionalCountError is CPython's too_many_positional message for a
// function named qualname that takes argc positional arguments, the
// last ndefaults of them optional, called with given of them and
// kwonlyGiven keyword-only ones.
func (in *Interp) positionalCountError(qualname string, argc, ndefaults, given, kwonlyGiven int) error {
	sig, s := strconv.Itoa(argc), pluralS(argc)
	if ndefaults > 0 {
		sig, s = "from "+strconv.Itoa(argc-ndefaults)+" to "+sig, "s"
	}
	var kwonly string
	if kwonlyGiven > 0 {
		kwonly = " positional argument" + pluralS(given) + " (and " + strconv.Itoa(kwonlyGiven) + " keyword-only argument" + pluralS(kwonlyGiven) + ")"
	}
	was := "were"
	if given == 1 && kwonlyGiven == 0 {
		was = "was"
	}
	return in.raise(typeErrorType, "%s() takes %s positional argument%s but %d%s %s given", qualname, sig, s, given, kwonly, was)
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
