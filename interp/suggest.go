package interp

import (
	"sort"
	"unicode"
)

// The "Did you mean" hints CPython 3.12's traceback printer adds to
// NameError and AttributeError messages: the candidate closest to the
// wrong name by a Levenshtein distance where a case change costs half of
// an insertion, as traceback._compute_suggestion_error computes it.

const (
	suggestMaxCandidates = 750
	suggestMaxString     = 40
	suggestMoveCost      = 2
	suggestCaseCost      = 1
)

// bestSuggestion returns the candidate closest to wrong, or "".
func bestSuggestion(wrong string, candidates []string) string {
	if len(candidates) > suggestMaxCandidates {
		return ""
	}
	w := []rune(wrong)
	if len(w) > suggestMaxString {
		return ""
	}
	best := len(w)
	suggestion := ""
	for _, c := range candidates {
		if c == wrong {
			continue
		}
		p := []rune(c)
		maxDist := (len(p) + len(w) + 3) * suggestMoveCost / 6
		maxDist = min(maxDist, best-1)
		d := levenshtein(w, p, maxDist)
		if d > maxDist {
			continue
		}
		if suggestion == "" || d < best {
			suggestion, best = c, d
		}
	}
	return suggestion
}

func substitutionCost(a, b rune) int {
	switch {
	case a == b:
		return 0
	case unicode.ToLower(a) == unicode.ToLower(b):
		return suggestCaseCost
	}
	return suggestMoveCost
}

// levenshtein is the edit distance of a and b, or more than maxCost when
// it exceeds maxCost.
func levenshtein(a, b []rune, maxCost int) int {
	if string(a) == string(b) {
		return 0
	}
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return suggestMoveCost * (len(a) + len(b))
	}
	if len(a) > suggestMaxString || len(b) > suggestMaxString {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*suggestMoveCost > maxCost {
		return maxCost + 1
	}
	row := make([]int, len(a))
	for i := range row {
		row[i] = (i + 1) * suggestMoveCost
	}
	result := 0
	for bi, bc := range b {
		distance := bi * suggestMoveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i, ac := range a {
			substitute := distance + substitutionCost(bc, ac)
			distance = row[i]
			insertDelete := min(result, distance) + suggestMoveCost
			result = min(insertDelete, substitute)
			row[i] = result
			minimum = min(minimum, result)
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// attributeNames is dir(obj) for the hint: the instance dict's keys and
// every name in the MRO of its type (or of itself, for a class), sorted.
func (in *Interp) attributeNames(obj Value) []string {
	seen := map[string]bool{}
	add := func(d *Dict) {
		for _, e := range d.entries {
			if !e.key.IsNil() && e.key.Type() == strType {
				seen[e.key.GoString()] = true
			}
		}
	}
	if d := instanceDict(obj); d != nil && !d.IsNil() {
		add(asObject[Dict](*d))
	}
	mro := obj.Type().MRO
	if isType(obj) {
		mro = (*Type)(obj.p).MRO
	}
	for _, t := range mro {
		if t.dict != nil {
			add(t.dict)
		}
		for k := range t.attrs {
			seen[k] = true
		}
	}
	names := make([]string, 0, len(seen))
	for k := range seen {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// nameErrorCandidates records on a NameError raised in f what the hint
// will search: the frame's locals, its globals and the builtins, and
// whether `self` has the attribute.
func (in *Interp) nameErrorCandidates(e *Exception, f *frame, name Value) {
	var names []string
	addDict := func(d *Dict) {
		for _, en := range d.entries {
			if !en.key.IsNil() && en.key.Type() == strType {
				names = append(names, en.key.GoString())
			}
		}
	}
	if f.names != nil {
		addDict(f.names)
	} else {
		for i, n := range f.tmpl.LocalsPlusNames {
			v := f.slots[i]
			if v.IsNil() {
				continue
			}
			if f.tmpl.LocalsPlusKinds[i]&0xc0 != 0 && v.Type() == cellType && asObject[Cell](v).v.IsNil() {
				continue
			}
			names = append(names, n)
			if n == "self" {
				if v.Type() == cellType {
					v = asObject[Cell](v).v
				}
				if r, err := in.lookupAttr(v, name); err == nil && !r.IsNil() {
					in.decRef(r)
					e.selfHint = true
				} else if err != nil {
					in.decRef(valueOf(err.(*Exception)))
				}
			}
		}
	}
	if f.globals != f.names {
		addDict(f.globals)
	}
	addDict(in.builtins)
	e.candidates = names
}

// suggestion is the hint printed after an exception's message.
func (in *Interp) suggestion(e *Exception) string {
	t := valueOf(e).Type()
	if t.IsSubtype(importErrorType) {
		// from m import x: the closest name m has.
		if e.value.IsNil() || e.value.Type() != strType {
			return ""
		}
		if s := bestSuggestion(e.value.GoString(), e.candidates); s != "" {
			return ". Did you mean: '" + s + "'?"
		}
		return ""
	}
	if e.name.IsNil() || e.name.Type() != strType {
		return ""
	}
	wrong := e.name.GoString()
	s := ""
	switch {
	case t.IsSubtype(attributeErrorType):
		if e.obj.IsNil() {
			return ""
		}
		s = bestSuggestion(wrong, in.attributeNames(e.obj))
	case t.IsSubtype(nameErrorType):
		if e.selfHint {
			s = "self." + wrong
		} else {
			s = bestSuggestion(wrong, e.candidates)
		}
	default:
		return ""
	}
	out := ""
	if s != "" {
		out = ". Did you mean: '" + s + "'?"
	}
	if t.IsSubtype(nameErrorType) && stdlibModuleNames[wrong] {
		if s != "" {
			out += " Or did you forget to import '" + wrong + "'?"
		} else {
			out += ". Did you forget to import '" + wrong + "'?"
		}
	}
	return out
}
