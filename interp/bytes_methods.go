package interp

import (
	"bytes"
	"math"
)

// The methods bytes and bytearray share that search, split, join, strip
// and replace. Each returns values of its receiver's type, as CPython's
// do; the rest of the shared methods are in bytes_text.go.

// bytesMethod registers fn on bytes and bytearray; qual is "bytes.name"
// or "bytearray.name" for the messages that name the method so.
func bytesMethod(name string, fn func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error)) {
	for _, t := range []*Type{bytesType, bytearrayType} {
		qual := t.Name + "." + name
		defMethod(t, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return fn(in, qual, args, kwnames)
		})
	}
}

// bytesNoArgs is the check of a method without arguments.
func (in *Interp) bytesNoArgs(qual string, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", qual)
	}
	if len(args) > 1 {
		return in.raise(typeErrorType, "%s() takes no arguments (%d given)", qual, len(args)-1)
	}
	return nil
}

// methodOneArg is the check of a method with exactly one positional
// argument (CPython's METH_O), args[0] being self; qual names it in the
// error, as "bytes.count" or "object.__reduce_ex__".
func (in *Interp) methodOneArg(qual string, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", qual)
	}
	if len(args) != 2 {
		return in.raise(typeErrorType, "%s() takes exactly one argument (%d given)", qual, len(args)-1)
	}
	return nil
}

// bytesSsize converts an argument to a Py_ssize_t as argument clinic
// does.
func (in *Interp) bytesSsize(v Value) (int, error) {
	i, fits, err := in.bytesIndex(v)
	if err != nil {
		return 0, err
	}
	if !fits {
		return 0, in.raise(overflowErrorType, "Python int too large to convert to C ssize_t")
	}
	return int(i), nil
}

// bytesArg returns the contents of a bytes-like argument, or the
// "a bytes-like object is required" TypeError.
func (in *Interp) bytesArg(v Value) ([]byte, error) {
	b, ok := bytesData(v)
	if !ok {
		return nil, in.bytesLikeRequired(v)
	}
	return b, nil
}

// bytesResult makes a value of self's type holding b, which it takes.
func (in *Interp) bytesResult(self Value, b []byte) (Value, error) {
	if isByteArray(self) {
		return in.newByteArray(b)
	}
	return in.newBytes(b)
}

// bytesSame returns self unchanged when it is exactly bytes (immutable,
// so it can be shared), else a copy of its contents.
func (in *Interp) bytesSame(self Value) (Value, error) {
	if self.Type() == bytesType {
		incRef(self)
		return self, nil
	}
	b, _ := bytesData(self)
	return in.newBytesKind(isByteArray(self), b)
}

// bytesPiece makes a value of self's type holding a copy of piece (a
// part of self); the whole of an exact bytes is self itself.
func (in *Interp) bytesPiece(self Value, piece []byte) (Value, error) {
	if b, _ := bytesData(self); len(piece) == len(b) && self.Type() == bytesType {
		incRef(self)
		return self, nil
	}
	return in.newBytesKind(isByteArray(self), piece)
}

// bytesSearchArgs unpacks (sub[, start[, end]]) of find, count, index,
// startswith and their kin, resolving start and end against n as
// CPython's ADJUST_INDICES does (start may stay beyond n).
func (in *Interp) bytesSearchArgs(name, qual string, args []Value, kwnames []Value, n int) (sub Value, start, end int, err error) {
	if len(kwnames) > 0 {
		return Value{}, 0, 0, in.raise(typeErrorType, "%s() takes no keyword arguments", qual)
	}
	switch {
	case len(args) < 2:
		return Value{}, 0, 0, in.raise(typeErrorType, "%s() takes at least 1 argument (0 given)", name)
	case len(args) > 4:
		return Value{}, 0, 0, in.raise(typeErrorType, "%s() takes at most 3 arguments (%d given)", name, len(args)-1)
	}
	s, e := int64(0), int64(math.MaxInt64)
	if len(args) > 2 && !args[2].IsNone() {
		if s, err = in.sliceBound(args[2]); err != nil {
			return
		}
	}
	if len(args) > 3 && !args[3].IsNone() {
		if e, err = in.sliceBound(args[3]); err != nil {
			return
		}
	}
	if e > int64(n) {
		e = int64(n)
	} else if e < 0 {
		e = max(e+int64(n), 0)
	}
	if s < 0 {
		s = max(s+int64(n), 0)
	}
	if s > int64(n)+1 {
		s = int64(n) + 1 // beyond the end is all the same
	}
	return args[1], int(s), int(e), nil
}

// bytesSubArg converts the sub argument of find, count and index: an
// int in range(0, 256) is one byte.
func (in *Interp) bytesSubArg(v Value) ([]byte, error) {
	if b, ok := bytesData(v); ok {
		return b, nil
	}
	if isInt(v) || v.Type().Flags&TypeHeapType != 0 && in.hasSpecial(v, "__index__") {
		c, err := in.byteValue(v, "byte must be in range(0, 256)")
		if err != nil {
			return nil, err
		}
		return []byte{c}, nil
	}
	if err := in.viewBufferError(v); err != nil {
		return nil, err
	}
	return nil, in.raise(typeErrorType, "argument should be integer or bytes-like object, not '%s'", v.Type().Name)
}

// bytesFind is find (dir > 0) or rfind (dir < 0) over b[start:end]; -1
// when absent.
func bytesFind(b, sub []byte, start, end, dir int) int {
	if end-start < len(sub) {
		return -1
	}
	var i int
	if dir > 0 {
		i = bytes.Index(b[start:end], sub)
	} else {
		i = bytes.LastIndex(b[start:end], sub)
	}
	if i < 0 {
		return -1
	}
	return start + i
}

func init() {
	for _, m := range []struct {
		name  string
		dir   int
		raise bool
	}{{"find", 1, false}, {"rfind", -1, false}, {"index", 1, true}, {"rindex", -1, true}} {
		bytesMethod(m.name, func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
			b, _ := bytesData(args[0])
			subv, start, end, err := in.bytesSearchArgs(m.name, qual, args, kwnames, len(b))
			if err != nil {
				return Value{}, err
			}
			sub, err := in.bytesSubArg(subv)
			if err != nil {
				return Value{}, err
			}
			b, _ = bytesData(args[0])
			end = min(end, len(b))
			i := bytesFind(b, sub, start, end, m.dir)
			if i < 0 && m.raise {
				return Value{}, in.raise(valueErrorType, "subsection not found")
			}
			return Int(int64(i)), nil
		})
	}
	bytesMethod("count", func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
		b, _ := bytesData(args[0])
		subv, start, end, err := in.bytesSearchArgs("count", qual, args, kwnames, len(b))
		if err != nil {
			return Value{}, err
		}
		sub, err := in.bytesSubArg(subv)
		if err != nil {
			return Value{}, err
		}
		b, _ = bytesData(args[0])
		end = min(end, len(b))
		switch {
		case end < start:
			return Int(0), nil
		case len(sub) == 0:
			return Int(int64(end - start + 1)), nil
		}
		return Int(int64(bytes.Count(b[start:end], sub))), nil
	})
	for _, m := range []struct {
		name string
		end  bool
	}{{"startswith", false}, {"endswith", true}} {
		bytesMethod(m.name, func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
			b, _ := bytesData(args[0])
			subv, start, end, err := in.bytesSearchArgs(m.name, qual, args, kwnames, len(b))
			if err != nil {
				return Value{}, err
			}
			var subs []Value
			if subv.Type() == tupleType {
				subs = asObject[Tuple](subv).items
				for _, s := range subs {
					if _, ok := bytesData(s); !ok {
						return Value{}, in.bytesLikeRequired(s)
					}
				}
			} else {
				if _, ok := bytesData(subv); !ok {
					if err := in.viewBufferError(subv); err != nil {
						return Value{}, err
					}
					return Value{}, in.raise(typeErrorType, "%s first arg must be bytes or a tuple of bytes, not %s", m.name, subv.Type().Name)
				}
				subs = []Value{subv}
			}
			for _, s := range subs {
				sub, _ := bytesData(s)
				if bytesTailMatch(b, sub, start, end, m.end) {
					return True, nil
				}
			}
			return False, nil
		})
	}
	for _, m := range []struct {
		name  string
		right bool
	}{{"split", false}, {"rsplit", true}} {
		bytesMethod(m.name, func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
			var sepv, maxv Value
			if err := in.parseArgs(m.name, args[1:], kwnames, []string{"sep", "maxsplit"}, 0, &sepv, &maxv); err != nil {
				return Value{}, err
			}
			maxsplit := -1
			if !maxv.IsNil() {
				var err error
				if maxsplit, err = in.bytesSsize(maxv); err != nil {
					return Value{}, err
				}
			}
			if maxsplit < 0 {
				maxsplit = math.MaxInt
			}
			b, _ := bytesData(args[0])
			var pieces [][]byte
			if sepv.IsNil() || sepv.IsNone() {
				pieces = bytesSplitWhitespace(b, maxsplit, m.right)
			} else {
				sep, err := in.bytesArg(sepv)
				if err != nil {
					return Value{}, err
				}
				if len(sep) == 0 {
					return Value{}, in.raise(valueErrorType, "empty separator")
				}
				pieces = bytesSplitSep(b, sep, maxsplit, m.right)
			}
			return in.bytesPieceList(args[0], pieces)
		})
	}
	bytesMethod("splitlines", func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
		var keepv Value
		if err := in.parseArgs("splitlines", args[1:], kwnames, []string{"keepends"}, 0, &keepv); err != nil {
			return Value{}, err
		}
		keep := false
		if !keepv.IsNil() {
			var err error
			if keep, err = in.Truth(keepv); err != nil {
				return Value{}, err
			}
		}
		b, _ := bytesData(args[0])
		var pieces [][]byte
		for i := 0; i < len(b); {
			j := i
			for j < len(b) && b[j] != '\n' && b[j] != '\r' {
				j++
			}
			eol := j
			if j < len(b) {
				if b[j] == '\r' && j+1 < len(b) && b[j+1] == '\n' {
					j += 2
				} else {
					j++
				}
				if keep {
					eol = j
				}
			}
			pieces = append(pieces, b[i:eol])
			i = j
		}
		return in.bytesPieceList(args[0], pieces)
	})
	bytesMethod("join", func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
		if err := in.methodOneArg(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		it, err := in.getIter(args[1])
		if err != nil {
			if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(typeErrorType) {
				in.decRef(valueOf(e))
				return Value{}, in.raise(typeErrorType, "can only join an iterable")
			}
			return Value{}, err
		}
		items, err := in.iterateAll(it)
		in.decRef(it)
		if err != nil {
			return Value{}, err
		}
		defer in.releaseBytesItems(items)
		sep, _ := bytesData(args[0])
		var out []byte
		for i, item := range items {
			b, ok := bytesData(item)
			if !ok {
				return Value{}, in.raise(typeErrorType, "sequence item %d: expected a bytes-like object, %s found", i, item.Type().Name)
			}
			if i > 0 {
				out = append(out, sep...)
			}
			out = append(out, b...)
			if len(out) > maxBytesLen {
				return Value{}, in.memoryError()
			}
		}
		return in.bytesResult(args[0], out)
	})
	for _, m := range []struct {
		name        string
		left, right bool
	}{{"strip", true, true}, {"lstrip", true, false}, {"rstrip", false, true}} {
		bytesMethod(m.name, func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
			if err := in.bytesPosArgs(qual, m.name, args, kwnames, 0, 1); err != nil {
				return Value{}, err
			}
			strip := isBytesSpace
			if len(args) > 1 && !args[1].IsNone() {
				chars, err := in.bytesArg(args[1])
				if err != nil {
					return Value{}, err
				}
				var set [256]bool
				for _, c := range chars {
					set[c] = true
				}
				strip = func(c byte) bool { return set[c] }
			}
			b, _ := bytesData(args[0])
			i, j := 0, len(b)
			if m.left {
				for i < j && strip(b[i]) {
					i++
				}
			}
			if m.right {
				for j > i && strip(b[j-1]) {
					j--
				}
			}
			return in.bytesPiece(args[0], b[i:j])
		})
	}
	bytesMethod("replace", func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesPosArgs(qual, "replace", args, kwnames, 2, 3); err != nil {
			return Value{}, err
		}
		old, err := in.bytesArg(args[1])
		if err != nil {
			return Value{}, err
		}
		repl, err := in.bytesArg(args[2])
		if err != nil {
			return Value{}, err
		}
		count := -1
		if len(args) > 3 {
			if count, err = in.bytesSsize(args[3]); err != nil {
				return Value{}, err
			}
		}
		b, _ := bytesData(args[0])
		out, changed, err := in.bytesReplace(b, old, repl, count)
		if err != nil {
			return Value{}, err
		}
		if !changed {
			return in.bytesSame(args[0])
		}
		return in.bytesResult(args[0], out)
	})
	for _, m := range []struct {
		name  string
		right bool
	}{{"partition", false}, {"rpartition", true}} {
		bytesMethod(m.name, func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
			if err := in.methodOneArg(qual, args, kwnames); err != nil {
				return Value{}, err
			}
			sep, err := in.bytesArg(args[1])
			if err != nil {
				return Value{}, err
			}
			if len(sep) == 0 {
				return Value{}, in.raise(valueErrorType, "empty separator")
			}
			b, _ := bytesData(args[0])
			var parts [3][]byte
			if i := bytesFind(b, sep, 0, len(b), map[bool]int{false: 1, true: -1}[m.right]); i >= 0 {
				parts = [3][]byte{b[:i], b[i : i+len(sep)], b[i+len(sep):]}
			} else if m.right {
				parts = [3][]byte{nil, nil, b}
			} else {
				parts = [3][]byte{b, nil, nil}
			}
			var vals [3]Value
			for k, p := range parts {
				v, err := in.bytesPiece(args[0], p)
				if err != nil {
					in.releaseBytesItems(vals[:k])
					return Value{}, err
				}
				vals[k] = v
			}
			defer in.releaseBytesItems(vals[:])
			return in.NewTuple(vals[:]...)
		})
	}
	for _, m := range []struct {
		name   string
		suffix bool
	}{{"removeprefix", false}, {"removesuffix", true}} {
		bytesMethod(m.name, func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
			if err := in.methodOneArg(qual, args, kwnames); err != nil {
				return Value{}, err
			}
			x, err := in.bytesArg(args[1])
			if err != nil {
				return Value{}, err
			}
			b, _ := bytesData(args[0])
			switch {
			case len(x) == 0:
			case !m.suffix && bytes.HasPrefix(b, x):
				return in.newBytesKind(isByteArray(args[0]), b[len(x):])
			case m.suffix && bytes.HasSuffix(b, x):
				return in.newBytesKind(isByteArray(args[0]), b[:len(b)-len(x)])
			}
			return in.bytesSame(args[0])
		})
	}
}

// releaseBytesItems drops references held in a slice (nil entries
// skipped).
func (in *Interp) releaseBytesItems(vs []Value) {
	for _, v := range vs {
		in.xdecRef(v)
	}
}

// bytesTailMatch is CPython's tailmatch: whether sub is at the start
// (or, with atEnd, the end) of b[start:end].
func bytesTailMatch(b, sub []byte, start, end int, atEnd bool) bool {
	if !atEnd {
		if start > len(b)-len(sub) {
			return false
		}
	} else {
		if end-start < len(sub) || start > len(b) {
			return false
		}
		if end-len(sub) > start {
			start = end - len(sub)
		}
	}
	if end-start < len(sub) {
		return false
	}
	return bytes.Equal(b[start:start+len(sub)], sub)
}

// bytesSplitWhitespace splits at runs of ASCII whitespace, at most maxsplit
// times, from the left or (right) from the right.
func bytesSplitWhitespace(b []byte, maxsplit int, right bool) [][]byte {
	var out [][]byte
	if !right {
		i := 0
		for ; maxsplit > 0; maxsplit-- {
			for i < len(b) && isBytesSpace(b[i]) {
				i++
			}
			if i == len(b) {
				break
			}
			j := i
			for i < len(b) && !isBytesSpace(b[i]) {
				i++
			}
			out = append(out, b[j:i])
		}
		for i < len(b) && isBytesSpace(b[i]) {
			i++
		}
		if i < len(b) {
			out = append(out, b[i:])
		}
		return out
	}
	i := len(b) - 1
	for ; maxsplit > 0; maxsplit-- {
		for i >= 0 && isBytesSpace(b[i]) {
			i--
		}
		if i < 0 {
			break
		}
		j := i
		for i >= 0 && !isBytesSpace(b[i]) {
			i--
		}
		out = append(out, b[i+1:j+1])
	}
	for i >= 0 && isBytesSpace(b[i]) {
		i--
	}
	if i >= 0 {
		out = append(out, b[:i+1])
	}
	bytesReverseSlices(out)
	return out
}

// bytesSplitSep splits at each sep, at most maxsplit times.
func bytesSplitSep(b, sep []byte, maxsplit int, right bool) [][]byte {
	var out [][]byte
	if !right {
		i := 0
		for ; maxsplit > 0; maxsplit-- {
			k := bytes.Index(b[i:], sep)
			if k < 0 {
				break
			}
			out = append(out, b[i:i+k])
			i += k + len(sep)
		}
		return append(out, b[i:])
	}
	j := len(b)
	for ; maxsplit > 0; maxsplit-- {
		k := bytes.LastIndex(b[:j], sep)
		if k < 0 {
			break
		}
		out = append(out, b[k+len(sep):j])
		j = k
	}
	out = append(out, b[:j])
	bytesReverseSlices(out)
	return out
}

func bytesReverseSlices(s [][]byte) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// bytesPieceList makes a list of values of self's type from parts of it.
func (in *Interp) bytesPieceList(self Value, pieces [][]byte) (Value, error) {
	vals := make([]Value, 0, len(pieces))
	defer func() { in.releaseBytesItems(vals) }()
	for _, p := range pieces {
		v, err := in.bytesPiece(self, p)
		if err != nil {
			return Value{}, err
		}
		vals = append(vals, v)
	}
	return in.NewList(vals...)
}

// bytesReplace replaces old with repl at most count times (all when
// count < 0); an empty old matches before every byte and at the end.
// changed is false when nothing was replaced.
func (in *Interp) bytesReplace(b, old, repl []byte, count int) (out []byte, changed bool, err error) {
	if count < 0 {
		count = math.MaxInt
	}
	if count == 0 {
		return nil, false, nil
	}
	if len(old) == 0 {
		n := min(count, len(b)+1)
		if int64(len(b))+int64(n)*int64(len(repl)) > maxBytesLen {
			return nil, false, in.memoryError()
		}
		out = make([]byte, 0, len(b)+n*len(repl))
		for i := 0; i < n; i++ {
			out = append(out, repl...)
			if i < len(b) {
				out = append(out, b[i])
			}
		}
		if n <= len(b) {
			out = append(out, b[n:]...)
		}
		return out, true, nil
	}
	n := bytes.Count(b, old)
	if n == 0 {
		return nil, false, nil
	}
	n = min(n, count)
	if int64(len(b))+int64(n)*(int64(len(repl))-int64(len(old))) > maxBytesLen {
		return nil, false, in.memoryError()
	}
	return bytes.Replace(b, old, repl, n), true, nil
}
