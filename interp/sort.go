package interp

import (
	"slices"
	"strings"
)

// list.sort: timsort as described in CPython's Objects/listsort.txt,
// with the powersort merge policy CPython 3.11+ uses, so that it makes
// the same comparisons in the same order as CPython (visible to a
// program whose __lt__ prints or fails), and is stable and adaptive.
//
// While it sorts, the list is empty (its items are held aside): code run
// by a key function or a comparison sees an empty list, and a change to
// the list is detected afterwards and reported as ValueError. When a
// comparison raises, every item is still in the list, in some order.

// minGallopStart is the initial threshold of galloping mode (MIN_GALLOP).
const minGallopStart = 7

// sortRun is a pending run: where it starts, its length, and the
// powersort power of the boundary after it.
type sortRun struct {
	base, n, power int
}

// sortState is one sort in progress. keys are what is compared; values,
// when a key function gave the keys, are the items, moved in step. The
// temporary arrays hold a run being merged.
type sortState struct {
	in        *Interp
	keys      []Value
	values    []Value
	tmpKeys   []Value
	tmpValues []Value
	minGallop int
	pending   []sortRun
	lt        func(a, b Value) (bool, error)
}

// sortArgs parses list.sort's and sorted's keyword-only key and reverse.
func (in *Interp) sortArgs(args []Value, kwnames []Value) (key Value, reverse bool, err error) {
	if len(args) > len(kwnames) {
		return Value{}, false, in.raise(typeErrorType, "sort() takes no positional arguments")
	}
	for i, kn := range kwnames {
		v := args[i]
		switch kn.GoString() {
		case "key":
			key = v
		case "reverse":
			if reverse, err = in.Truth(v); err != nil {
				return Value{}, false, err
			}
		default:
			return Value{}, false, in.raise(typeErrorType, "'%s' is an invalid keyword argument for sort()", kn.GoString())
		}
	}
	if key.IsNone() {
		key = Value{}
	}
	return key, reverse, nil
}

// listSort sorts l in place, by key(item) when key is set, descending
// when reverse is (keeping equal items in their order).
func (in *Interp) listSort(l *List, key Value, reverse bool) error {
	saved := l.items
	l.items = nil
	err := in.sortItems(saved, key, reverse)
	if err == nil && l.items != nil {
		err = in.raise(valueErrorType, "list modified during sort")
	}
	// Put the items back; whatever was put in the list meanwhile goes.
	final := l.items
	l.items = saved
	if final != nil {
		in.heap.Resize(&l.Header, uintptr(cap(final)+cap(saved))*valueSize, uintptr(cap(saved))*valueSize)
		for _, v := range final {
			in.decRef(v)
		}
	}
	return err
}

// sortItems sorts items in place (by key(item) when key is set).
func (in *Interp) sortItems(items []Value, key Value, reverse bool) error {
	if key.IsNil() && sortSmallInts(items, reverse) {
		return nil
	}
	n := len(items)
	s := &sortState{in: in, keys: items, minGallop: minGallopStart}
	if !key.IsNil() {
		keys := make([]Value, n)
		for i := range items {
			k, err := in.Call(key, []Value{items[i]}, nil)
			if err != nil {
				for _, x := range keys[:i] {
					in.decRef(x)
				}
				return err
			}
			keys[i] = k
		}
		defer func() {
			for _, x := range keys {
				in.decRef(x)
			}
		}()
		s.keys, s.values = keys, items
	}
	if n < 2 {
		return nil
	}
	if reverse {
		// Sorting the reversed items stably and reversing the result
		// keeps equal items in their original order.
		reverseValues(s.keys)
		if s.values != nil {
			reverseValues(s.values)
		}
		defer reverseValues(items)
	}
	s.lt = s.chooseCompare()
	return s.sort()
}

// sortSmallInts sorts items in place when every one is an unboxed int,
// reporting whether it did. Equal unboxed ints are the same value, so
// an unstable sort of their numbers gives what timsort would, and
// Go's sort of an []int64 compares without a call.
func sortSmallInts(items []Value, reverse bool) bool {
	for _, v := range items {
		if !v.IsSmallInt() {
			return false
		}
	}
	var buf [64]int64
	var ks []int64
	if len(items) <= len(buf) {
		ks = buf[:len(items)]
	} else {
		ks = make([]int64, len(items))
	}
	for i, v := range items {
		ks[i] = v.SmallInt()
	}
	slices.Sort(ks)
	if reverse {
		slices.Reverse(ks)
	}
	for i, k := range ks {
		items[i] = Int(k)
	}
	return true
}

// chooseCompare picks the comparison: a direct one when every key is a
// small int, every key a float or every key a str (no Python code can run
// and no error can happen), else Python's <.
func (s *sortState) chooseCompare() func(a, b Value) (bool, error) {
	ints, floats, strs := true, true, true
	for _, k := range s.keys {
		ints = ints && k.IsSmallInt()
		floats = floats && k.IsFloat()
		strs = strs && k.IsObject() && k.Type() == strType
		if !ints && !floats && !strs {
			break
		}
	}
	switch {
	case ints:
		return func(a, b Value) (bool, error) { return a.SmallInt() < b.SmallInt(), nil }
	case floats:
		return func(a, b Value) (bool, error) { return a.FloatValue() < b.FloatValue(), nil }
	case strs:
		return func(a, b Value) (bool, error) { return strings.Compare(a.GoString(), b.GoString()) < 0, nil }
	}
	return s.pyLess
}

// pyLess is a < b by Python's rules, as a truth value.
func (s *sortState) pyLess(a, b Value) (bool, error) {
	r, err := s.in.RichCompare(a, b, CmpLT)
	if err != nil {
		return false, err
	}
	if r.IsBool() {
		return r.BoolValue(), nil
	}
	t, err := s.in.Truth(r)
	s.in.decRef(r)
	return t, err
}

// sort is timsort's main loop: find runs (extending short ones to
// minrun by binary insertion), and merge them by powersort's rule.
func (s *sortState) sort() error {
	n := len(s.keys)
	minrun := computeMinrun(n)
	lo := 0
	for remaining := n; remaining > 0; {
		run, descending, err := s.countRun(lo, lo+remaining)
		if err != nil {
			return err
		}
		if descending {
			s.reverseRange(lo, lo+run)
		}
		if run < minrun {
			force := min(remaining, minrun)
			if err := s.binarySort(lo, lo+force, lo+run); err != nil {
				return err
			}
			run = force
		}
		if err := s.foundNewRun(run); err != nil {
			return err
		}
		s.pending = append(s.pending, sortRun{base: lo, n: run})
		lo += run
		remaining -= run
	}
	for len(s.pending) > 1 {
		i := len(s.pending) - 2
		if i > 0 && s.pending[i-1].n < s.pending[i+1].n {
			i--
		}
		if err := s.mergeAt(i); err != nil {
			return err
		}
	}
	return nil
}

// computeMinrun is the shortest run for n items: n itself below 64, else
// a number in [32, 64] such that n/minrun is a power of two or a little
// less.
func computeMinrun(n int) int {
	r := 0
	for n >= 64 {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

// countRun returns the length of the run starting at lo (before hi):
// non-descending, or strictly descending (descending true).
func (s *sortState) countRun(lo, hi int) (int, bool, error) {
	if lo+1 == hi {
		return 1, false, nil
	}
	k := s.keys
	n := 2
	less, err := s.lt(k[lo+1], k[lo])
	if err != nil {
		return 0, false, err
	}
	if less {
		for i := lo + 2; i < hi; i, n = i+1, n+1 {
			if less, err = s.lt(k[i], k[i-1]); err != nil || !less {
				break
			}
		}
		return n, true, err
	}
	for i := lo + 2; i < hi; i, n = i+1, n+1 {
		if less, err = s.lt(k[i], k[i-1]); err != nil || less {
			break
		}
	}
	return n, false, err
}

func (s *sortState) reverseRange(lo, hi int) {
	reverseValues(s.keys[lo:hi])
	if s.values != nil {
		reverseValues(s.values[lo:hi])
	}
}

// binarySort sorts [lo, hi) of which [lo, start) is already sorted, by
// binary insertion. A failed comparison leaves the pivot where it was.
func (s *sortState) binarySort(lo, hi, start int) error {
	if lo == start {
		start++
	}
	k, v := s.keys, s.values
	for ; start < hi; start++ {
		l, r := lo, start
		pivot := k[r]
		for l < r {
			p := l + (r-l)>>1
			less, err := s.lt(pivot, k[p])
			if err != nil {
				return err
			}
			if less {
				r = p
			} else {
				l = p + 1
			}
		}
		copy(k[l+1:start+1], k[l:start])
		k[l] = pivot
		if v != nil {
			pv := v[start]
			copy(v[l+1:start+1], v[l:start])
			v[l] = pv
		}
	}
	return nil
}

// powerLoop is powersort's power of the boundary between the runs
// [s1, s1+n1) and [s1+n1, s1+n1+n2) of an array of n items: the depth
// of the node of the boundary in a perfectly balanced merge tree.
func powerLoop(s1, n1, n2, n int) int {
	a := 2*s1 + n1
	b := a + n1 + n2
	result := 0
	for {
		result++
		if a >= n {
			a -= n
			b -= n
		} else if b >= n {
			break
		}
		a <<= 1
		b <<= 1
	}
	return result
}

// foundNewRun merges pending runs as powersort says before a new run of
// n2 items is pushed.
func (s *sortState) foundNewRun(n2 int) error {
	if len(s.pending) == 0 {
		return nil
	}
	top := s.pending[len(s.pending)-1]
	power := powerLoop(top.base, top.n, n2, len(s.keys))
	for len(s.pending) > 1 && s.pending[len(s.pending)-2].power > power {
		if err := s.mergeAt(len(s.pending) - 2); err != nil {
			return err
		}
	}
	s.pending[len(s.pending)-1].power = power
	return nil
}

// mergeAt merges pending runs i and i+1.
func (s *sortState) mergeAt(i int) error {
	pa, na := s.pending[i].base, s.pending[i].n
	pb, nb := s.pending[i+1].base, s.pending[i+1].n
	s.pending[i].n = na + nb
	s.pending = append(s.pending[:i+1], s.pending[i+2:]...)

	// Items of a before where b[0] goes are already in place.
	k, err := s.gallopRight(s.keys[pb], s.keys[pa:pa+na], 0)
	if err != nil {
		return err
	}
	pa += k
	na -= k
	if na == 0 {
		return nil
	}
	// So are the items of b after where a's last goes.
	nb, err = s.gallopLeft(s.keys[pa+na-1], s.keys[pb:pb+nb], nb-1)
	if err != nil || nb <= 0 {
		return err
	}
	if na <= nb {
		return s.mergeLo(pa, na, pb, nb)
	}
	return s.mergeHi(pa, na, pb, nb)
}

// gallopLeft returns where key goes in the sorted a, left of any equal
// items: a[k-1] < key <= a[k]. hint is where to start looking.
func (s *sortState) gallopLeft(key Value, a []Value, hint int) (int, error) {
	n := len(a)
	lastofs, ofs := 0, 1
	less, err := s.lt(a[hint], key)
	if err != nil {
		return 0, err
	}
	if less {
		// a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs].
		maxofs := n - hint
		for ofs < maxofs {
			if less, err = s.lt(a[hint+ofs], key); err != nil {
				return 0, err
			}
			if !less {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs += hint
		ofs += hint
	} else {
		// key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs].
		maxofs := hint + 1
		for ofs < maxofs {
			if less, err = s.lt(a[hint-ofs], key); err != nil {
				return 0, err
			}
			if less {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs, ofs = hint-ofs, hint-lastofs
	}
	// a[lastofs] < key <= a[ofs]: binary search in between.
	lastofs++
	for lastofs < ofs {
		m := lastofs + (ofs-lastofs)>>1
		if less, err = s.lt(a[m], key); err != nil {
			return 0, err
		}
		if less {
			lastofs = m + 1
		} else {
			ofs = m
		}
	}
	return ofs, nil
}

// gallopRight returns where key goes in the sorted a, right of any equal
// items: a[k-1] <= key < a[k].
func (s *sortState) gallopRight(key Value, a []Value, hint int) (int, error) {
	n := len(a)
	lastofs, ofs := 0, 1
	less, err := s.lt(key, a[hint])
	if err != nil {
		return 0, err
	}
	if less {
		// key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs].
		maxofs := hint + 1
		for ofs < maxofs {
			if less, err = s.lt(key, a[hint-ofs]); err != nil {
				return 0, err
			}
			if !less {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs, ofs = hint-ofs, hint-lastofs
	} else {
		// a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs].
		maxofs := n - hint
		for ofs < maxofs {
			if less, err = s.lt(key, a[hint+ofs]); err != nil {
				return 0, err
			}
			if less {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs += hint
		ofs += hint
	}
	lastofs++
	for lastofs < ofs {
		m := lastofs + (ofs-lastofs)>>1
		if less, err = s.lt(key, a[m]); err != nil {
			return 0, err
		}
		if less {
			ofs = m
		} else {
			lastofs = m + 1
		}
	}
	return ofs, nil
}

// tmpFill copies n items from the main arrays at src into the temporary
// arrays.
func (s *sortState) tmpFill(src, n int) {
	if cap(s.tmpKeys) < n {
		s.tmpKeys = make([]Value, n)
		if s.values != nil {
			s.tmpValues = make([]Value, n)
		}
	}
	s.tmpKeys = s.tmpKeys[:n]
	copy(s.tmpKeys, s.keys[src:src+n])
	if s.values != nil {
		s.tmpValues = s.tmpValues[:n]
		copy(s.tmpValues, s.values[src:src+n])
	}
}

// move copies n items within the main arrays (overlap allowed).
func (s *sortState) move(dst, src, n int) {
	copy(s.keys[dst:dst+n], s.keys[src:src+n])
	if s.values != nil {
		copy(s.values[dst:dst+n], s.values[src:src+n])
	}
}

// fromTmp copies n items from the temporary arrays into the main ones.
func (s *sortState) fromTmp(dst, src, n int) {
	copy(s.keys[dst:dst+n], s.tmpKeys[src:src+n])
	if s.values != nil {
		copy(s.values[dst:dst+n], s.tmpValues[src:src+n])
	}
}

// mergeLo merges the adjacent runs at pa (na items) and pb (nb items),
// na <= nb, copying run a aside and filling from the left. On an error
// the rest of a is copied back, so no item is lost.
func (s *sortState) mergeLo(pa, na, pb, nb int) error {
	var (
		err            error
		less           bool
		k              int
		acount, bcount int
		minGallop      int
	)
	s.tmpFill(pa, na)
	keys, tk := s.keys, s.tmpKeys
	dest, a, b := pa, 0, pb

	s.move(dest, b, 1)
	dest, b, nb = dest+1, b+1, nb-1
	if nb == 0 {
		goto done
	}
	if na == 1 {
		goto copyB
	}
	minGallop = s.minGallop
	for {
		acount, bcount = 0, 0
		// One item at a time until one run wins consistently.
		for {
			if less, err = s.lt(keys[b], tk[a]); err != nil {
				goto done
			}
			if less {
				s.move(dest, b, 1)
				dest, b, nb = dest+1, b+1, nb-1
				bcount++
				acount = 0
				if nb == 0 {
					goto done
				}
				if bcount >= minGallop {
					break
				}
			} else {
				s.fromTmp(dest, a, 1)
				dest, a, na = dest+1, a+1, na-1
				acount++
				bcount = 0
				if na == 1 {
					goto copyB
				}
				if acount >= minGallop {
					break
				}
			}
		}
		// Galloping, until neither run wins consistently any more.
		minGallop++
		for {
			if minGallop > 1 {
				minGallop--
			}
			s.minGallop = minGallop
			if k, err = s.gallopRight(keys[b], tk[a:a+na], 0); err != nil {
				goto done
			}
			acount = k
			if k > 0 {
				s.fromTmp(dest, a, k)
				dest, a, na = dest+k, a+k, na-k
				if na == 1 {
					goto copyB
				}
				// Impossible with a consistent comparison, but possible.
				if na == 0 {
					goto done
				}
			}
			s.move(dest, b, 1)
			dest, b, nb = dest+1, b+1, nb-1
			if nb == 0 {
				goto done
			}
			if k, err = s.gallopLeft(tk[a], keys[b:b+nb], 0); err != nil {
				goto done
			}
			bcount = k
			if k > 0 {
				s.move(dest, b, k)
				dest, b, nb = dest+k, b+k, nb-k
				if nb == 0 {
					goto done
				}
			}
			s.fromTmp(dest, a, 1)
			dest, a, na = dest+1, a+1, na-1
			if na == 1 {
				goto copyB
			}
			if acount < minGallopStart && bcount < minGallopStart {
				break
			}
		}
		minGallop++ // penalize leaving galloping mode
		s.minGallop = minGallop
	}
done:
	if na > 0 {
		s.fromTmp(dest, a, na)
	}
	return err
copyB:
	// The last item of a goes after the rest of b.
	s.move(dest, b, nb)
	s.fromTmp(dest+nb, a, 1)
	return nil
}

// mergeHi merges the adjacent runs at pa (na items) and pb (nb items),
// na >= nb, copying run b aside and filling from the right.
func (s *sortState) mergeHi(pa, na, pb, nb int) error {
	var (
		err            error
		less           bool
		k              int
		acount, bcount int
		minGallop      int
	)
	s.tmpFill(pb, nb)
	keys, tk := s.keys, s.tmpKeys
	dest, a, b := pb+nb-1, pa+na-1, nb-1

	s.move(dest, a, 1)
	dest, a, na = dest-1, a-1, na-1
	if na == 0 {
		goto done
	}
	if nb == 1 {
		goto copyA
	}
	minGallop = s.minGallop
	for {
		acount, bcount = 0, 0
		for {
			if less, err = s.lt(tk[b], keys[a]); err != nil {
				goto done
			}
			if less {
				s.move(dest, a, 1)
				dest, a, na = dest-1, a-1, na-1
				acount++
				bcount = 0
				if na == 0 {
					goto done
				}
				if acount >= minGallop {
					break
				}
			} else {
				s.fromTmp(dest, b, 1)
				dest, b, nb = dest-1, b-1, nb-1
				bcount++
				acount = 0
				if nb == 1 {
					goto copyA
				}
				if bcount >= minGallop {
					break
				}
			}
		}
		minGallop++
		for {
			if minGallop > 1 {
				minGallop--
			}
			s.minGallop = minGallop
			if k, err = s.gallopRight(tk[b], keys[pa:pa+na], na-1); err != nil {
				goto done
			}
			k = na - k
			acount = k
			if k > 0 {
				dest, a = dest-k, a-k
				s.move(dest+1, a+1, k)
				na -= k
				if na == 0 {
					goto done
				}
			}
			s.fromTmp(dest, b, 1)
			dest, b, nb = dest-1, b-1, nb-1
			if nb == 1 {
				goto copyA
			}
			if k, err = s.gallopLeft(keys[a], tk[:nb], nb-1); err != nil {
				goto done
			}
			k = nb - k
			bcount = k
			if k > 0 {
				dest, b = dest-k, b-k
				s.fromTmp(dest+1, b+1, k)
				nb -= k
				if nb == 1 {
					goto copyA
				}
				// Impossible with a consistent comparison, but possible.
				if nb == 0 {
					goto done
				}
			}
			s.move(dest, a, 1)
			dest, a, na = dest-1, a-1, na-1
			if na == 0 {
				goto done
			}
			if acount < minGallopStart && bcount < minGallopStart {
				break
			}
		}
		minGallop++
		s.minGallop = minGallop
	}
done:
	if nb > 0 {
		s.fromTmp(dest-(nb-1), 0, nb)
	}
	return err
copyA:
	// The first item of b goes before the rest of a.
	s.move(dest+1-na, a+1-na, na)
	dest -= na
	s.fromTmp(dest, b, 1)
	return nil
}
