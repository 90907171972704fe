package modules

import (
	"math"

	"github.com/parallel-py/parallel/interp"
)

// The array type's sequence protocol (subscripts, slice assignment and
// deletion, membership), comparisons, + and * and repr.

// hasIndex is PyIndex_Check: v is an int or its type has __index__.
func hasIndex(in *interp.Interp, v Value) (bool, error) {
	if interp.IsInt(v) {
		return true, nil
	}
	m, err := in.LookupSpecial(v.Type(), "__index__")
	return !m.IsNil(), err
}

// arraySlice resolves a slice against the array's length, after its
// parts' __index__ ran (they may have changed the length).
func arraySlice(in *interp.Interp, a *arrayObject, key Value) (start, stop, step, length int, err error) {
	n := a.n()
	start, stop, step, length, err = in.SliceIndices(key, n)
	if err == nil && a.n() != n {
		start, stop, step, length, err = in.SliceIndices(key, a.n())
	}
	return
}

func arrayGetItem(in *interp.Interp, v, key Value) (Value, error) {
	a := arrayOf(v)
	isIndex, err := hasIndex(in, key)
	if err != nil {
		return Value{}, err
	}
	if isIndex {
		i, err := indexSizedOr(in, key, interp.IndexError)
		if err != nil {
			return Value{}, err
		}
		n := a.n()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Value{}, in.Raise(interp.IndexError, "array index out of range")
		}
		return a.item(in, i)
	}
	if !interp.IsSlice(key) {
		return Value{}, in.Raise(interp.TypeError, "array indices must be integers")
	}
	start, _, step, length, err := arraySlice(in, a, key)
	if err != nil {
		return Value{}, err
	}
	r, err := newArray(in, arrayType, a.desc, length)
	if err != nil {
		return Value{}, err
	}
	size := a.desc.size
	dst := arrayOf(r).data
	if step == 1 {
		copy(dst, a.data[start*size:])
		return r, nil
	}
	for k := 0; k < length; k++ {
		j := start + k*step
		copy(dst[k*size:(k+1)*size], a.data[j*size:(j+1)*size])
	}
	return r, nil
}

func arraySetItem(in *interp.Interp, v, key, value Value) error {
	a := arrayOf(v)
	isIndex, err := hasIndex(in, key)
	if err != nil {
		return err
	}
	var start, stop, step, length int
	switch {
	case isIndex:
		i, err := indexSizedOr(in, key, interp.IndexError)
		if err != nil {
			return err
		}
		n := a.n()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return in.Raise(interp.IndexError, "array assignment index out of range")
		}
		if !value.IsNil() {
			return a.set(in, i, value)
		}
		start, stop, step, length = i, i+1, 1, 1
	case interp.IsSlice(key):
		if start, stop, step, length, err = arraySlice(in, a, key); err != nil {
			return err
		}
	default:
		return in.Raise(interp.TypeError, "array indices must be integers")
	}
	var src []byte
	needed := 0
	switch {
	case value.IsNil():
	case isArray(value):
		if arrayOf(value).desc != a.desc {
			return in.Raise(interp.TypeError, "bad argument type for built-in operation")
		}
		src = append([]byte(nil), arrayOf(value).data...) // value may be a
		needed = len(src) / a.desc.size
	default:
		return in.Raise(interp.TypeError, "can only assign array (not \"%s\") to array slice", value.Type().Name)
	}
	size := a.desc.size
	n := a.n()
	// For a[2:1] = ..., the insertion point is start, not stop.
	if step > 0 && stop < start || step < 0 && stop > start {
		stop = start
	}
	switch {
	case step == 1:
		if length > needed {
			copy(a.data[(start+needed)*size:], a.data[stop*size:n*size])
			if err := a.resize(in, v, n-length+needed); err != nil {
				return err
			}
		} else if length < needed {
			if err := a.resize(in, v, n+needed-length); err != nil {
				return err
			}
			copy(a.data[(start+needed)*size:], a.data[stop*size:n*size])
		}
		copy(a.data[start*size:], src)
		return nil
	case needed == 0:
		// Delete an extended slice: walk it upwards, closing the gaps.
		if step < 0 {
			stop = start + 1
			start = stop + step*(length-1) - 1
			step = -step
		}
		out := start
		for k, cur := 0, start; k < length; k, cur = k+1, cur+step {
			next := cur + step
			if k == length-1 {
				next = n // the tail after the last deleted item
			}
			next = min(next, n)
			out += copy(a.data[out*size:], a.data[(cur+1)*size:next*size]) / size
		}
		return a.resize(in, v, n-length)
	case needed != length:
		return in.Raise(interp.ValueError, "attempt to assign array of size %d to extended slice of size %d", needed, length)
	}
	for k := 0; k < length; k++ {
		j := start + k*step
		copy(a.data[j*size:(j+1)*size], src[k*size:(k+1)*size])
	}
	return nil
}

func arrayContains(in *interp.Interp, v, x Value) (bool, error) {
	a := arrayOf(v)
	for i := 0; i < a.n(); i++ {
		item, err := a.item(in, i)
		if err != nil {
			return false, err
		}
		eq, err := in.Equal(item, x)
		in.DecRef(item)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// arrayFind returns the index of the first item equal to x in
// [start, stop), or -1.
func arrayFind(in *interp.Interp, a *arrayObject, x Value, start, stop int) (int, error) {
	for i := start; i < stop && i < a.n(); i++ {
		item, err := a.item(in, i)
		if err != nil {
			return 0, err
		}
		eq, err := in.Equal(item, x)
		in.DecRef(item)
		if err != nil {
			return 0, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

// arrayCompare compares two arrays item by item, as sequences.
func arrayCompare(in *interp.Interp, x, y Value, op interp.CompareOp) (Value, error) {
	if !isArray(x) || !isArray(y) {
		return interp.NotImplemented, nil
	}
	a, b := arrayOf(x), arrayOf(y)
	if a.n() != b.n() && (op == interp.CmpEQ || op == interp.CmpNE) {
		return interp.Bool(op == interp.CmpNE), nil
	}
	if a.desc == b.desc {
		return arrayCompareSame(a, b, op), nil
	}
	m := min(a.n(), b.n())
	for i := 0; i < m; i++ {
		vi, err := a.item(in, i)
		if err != nil {
			return Value{}, err
		}
		wi, err := b.item(in, i)
		if err != nil {
			in.DecRef(vi)
			return Value{}, err
		}
		eq, err := in.Equal(vi, wi)
		if err != nil || !eq {
			defer in.DecRef(vi)
			defer in.DecRef(wi)
			switch {
			case err != nil:
				return Value{}, err
			case op == interp.CmpEQ:
				return interp.False, nil
			case op == interp.CmpNE:
				return interp.True, nil
			}
			return in.RichCompare(vi, wi, op)
		}
		in.DecRef(vi)
		in.DecRef(wi)
	}
	return compareInts(int64(a.n()), int64(b.n()), op), nil
}

// arrayCompareSame compares arrays of the same typecode on their items'
// values (floats as floats: a NaN equals nothing).
func arrayCompareSame(a, b *arrayObject, op interp.CompareOp) Value {
	m := min(a.n(), b.n())
	d := a.desc
	for i := 0; i < m; i++ {
		u, w := a.raw(i), b.raw(i)
		if d.kind == 'f' {
			var x, y float64
			if d.size == 4 {
				x, y = float32Value(uint32(u)), float32Value(uint32(w))
			} else {
				x, y = math.Float64frombits(u), math.Float64frombits(w)
			}
			if x == y {
				continue
			}
			switch op {
			case interp.CmpEQ:
				return interp.False
			case interp.CmpNE:
				return interp.True
			case interp.CmpLT:
				return interp.Bool(x < y)
			case interp.CmpLE:
				return interp.Bool(x <= y)
			case interp.CmpGT:
				return interp.Bool(x > y)
			}
			return interp.Bool(x >= y)
		}
		if u == w {
			continue
		}
		if d.signed || d.kind == 'u' { // wchar_t is signed
			shift := 64 - 8*uint(d.size)
			return compareInts(int64(u<<shift)>>shift, int64(w<<shift)>>shift, op)
		}
		switch {
		case op == interp.CmpEQ:
			return interp.False
		case op == interp.CmpNE:
			return interp.True
		case u < w:
			return interp.Bool(op == interp.CmpLT || op == interp.CmpLE)
		}
		return interp.Bool(op == interp.CmpGT || op == interp.CmpGE)
	}
	return compareInts(int64(a.n()), int64(b.n()), op)
}

// compareInts is x op y.
func compareInts(x, y int64, op interp.CompareOp) Value {
	switch op {
	case interp.CmpLT:
		return interp.Bool(x < y)
	case interp.CmpLE:
		return interp.Bool(x <= y)
	case interp.CmpEQ:
		return interp.Bool(x == y)
	case interp.CmpNE:
		return interp.Bool(x != y)
	case interp.CmpGT:
		return interp.Bool(x > y)
	}
	return interp.Bool(x >= y)
}

// arrayConcat is a + b (sq_concat): a new array.
func arrayConcat(in *interp.Interp, x, y Value) (Value, error) {
	if !isArray(x) {
		return interp.NotImplemented, nil
	}
	if !isArray(y) {
		if ok, err := deferToReflected(in, y, "__radd__"); ok || err != nil {
			return interp.NotImplemented, err
		}
		return Value{}, in.Raise(interp.TypeError, "can only append array (not \"%s\") to array", y.Type().Name)
	}
	a, b := arrayOf(x), arrayOf(y)
	if a.desc != b.desc {
		return Value{}, in.Raise(interp.TypeError, "bad argument type for built-in operation")
	}
	r, err := newArray(in, arrayType, a.desc, a.n()+b.n())
	if err != nil {
		return Value{}, err
	}
	copy(arrayOf(r).data[copy(arrayOf(r).data, a.data):], b.data)
	return r, nil
}

// arrayCount is the count operand of * and *=: an int, through
// __index__; other types are TypeError.
func arrayCount(in *interp.Interp, n Value) (int, error) {
	isIndex, err := hasIndex(in, n)
	if err != nil {
		return 0, err
	}
	if !isIndex {
		return 0, in.Raise(interp.TypeError, "can't multiply sequence by non-int of type '%s'", n.Type().Name)
	}
	return in.AsIndexSized(n)
}

// arrayRepeat is a * n or n * a (sq_repeat): a new array.
func arrayRepeat(in *interp.Interp, x, y Value) (Value, error) {
	seq, count := x, y
	if !isArray(x) {
		seq, count = y, x
	} else if !interp.IsInt(y) {
		if ok, err := deferToReflected(in, y, "__rmul__"); ok || err != nil {
			return interp.NotImplemented, err
		}
	}
	n, err := arrayCount(in, count)
	if err != nil {
		return Value{}, err
	}
	a := arrayOf(seq)
	n = max(n, 0)
	if a.n() > 0 && n > arrayMaxBytes/len(a.data) {
		return Value{}, in.NoMemory()
	}
	r, err := newArray(in, arrayType, a.desc, a.n()*n)
	if err != nil {
		return Value{}, err
	}
	dst := arrayOf(r).data
	for off := 0; off < len(dst); off += len(a.data) {
		copy(dst[off:], a.data)
	}
	return r, nil
}

// arrayInplaceConcat is a += b.
func arrayInplaceConcat(in *interp.Interp, x, y Value) (Value, error) {
	if !isArray(y) {
		if ok, err := deferToReflected(in, y, "__radd__"); ok || err != nil {
			return interp.NotImplemented, err
		}
		return Value{}, in.Raise(interp.TypeError, "can only extend array with array (not \"%s\")", y.Type().Name)
	}
	if err := arrayOf(x).extend(in, x, y); err != nil {
		return Value{}, err
	}
	interp.IncRef(x)
	return x, nil
}

// arrayInplaceRepeat is a *= n.
func arrayInplaceRepeat(in *interp.Interp, x, y Value) (Value, error) {
	n, err := arrayCount(in, y)
	if err != nil {
		return Value{}, err
	}
	a := arrayOf(x)
	old := len(a.data)
	switch {
	case n <= 0:
		err = a.resize(in, x, 0)
	case old > 0:
		if n > arrayMaxBytes/old {
			return Value{}, in.NoMemory()
		}
		if err = a.resize(in, x, a.n()*n); err == nil {
			for off := old; off < len(a.data); off += old {
				copy(a.data[off:], a.data[:old])
			}
		}
	}
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(x)
	return x, nil
}

func arrayRepr(in *interp.Interp, v Value) (Value, error) {
	a := arrayOf(v)
	name := typeName(v)
	if a.n() == 0 {
		return in.NewStr(name + "('" + string(rune(a.desc.code)) + "')")
	}
	var items Value
	var err error
	if a.desc.kind == 'u' {
		items, err = a.tounicode(in)
	} else {
		items, err = a.tolist(in)
	}
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(items)
	r, err := reprString(in, items)
	if err != nil {
		return Value{}, err
	}
	return in.NewStr(name + "('" + string(rune(a.desc.code)) + "', " + r + ")")
}
