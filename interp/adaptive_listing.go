package interp

import (
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// AdaptiveListing returns the listing of t and of the code nested in it
// with the instructions this interpreter runs: the specialized forms its
// warm-up rewrote them to (CPython's dis.dis(adaptive=True)). Code that
// never ran here shows its template's instructions. Call it holding the
// GIL, after the code ran (parallel dis --adaptive).
func (in *Interp) AdaptiveListing(t *compile.Code) *bytecode.Listing {
	l := t.Listing()
	in.adaptListing(l, t)
	return l
}

// adaptListing puts the quickened instructions of t and its nested code
// into l, which is t.Listing().
func (in *Interp) adaptListing(l *bytecode.Listing, t *compile.Code) {
	if c, ok := codes.Load(t); ok {
		if i := int(c.index); i < len(in.spec.codes) && in.spec.codes[i] != nil {
			l.Code = append([]bytecode.Instr(nil), in.spec.codes[i].instrs...)
		}
	}
	nested := 0
	for _, k := range t.Consts {
		if n, ok := k.(*compile.Code); ok && nested < len(l.Nested) {
			in.adaptListing(l.Nested[nested], n)
			nested++
		}
	}
}
