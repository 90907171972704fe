package interp

import "unsafe"

// The _io types' instances have a __dict__, as CPython's do (open()
// files take attributes, tokenize sets a TextIOWrapper's mode), and
// classes derive from the types (doctest's StringIO, a FileIO or
// TextIOWrapper subclass): each type's Go struct holds the dict and a
// class's __slots__ after it, so a class's instances are the type's
// struct, as subclass.go describes for the other built-in types. This
// file's name makes its init run after class.go's, which makes the
// __dict__ descriptor.

// ioDictTypes gives the offset of the dict in each type's struct.
var ioDictTypes = map[*Type]uintptr{
	fileIOType:         unsafe.Offsetof(rawFile{}.dict),
	bufferedReaderType: unsafe.Offsetof(bufferedFile{}.dict),
	bufferedWriterType: unsafe.Offsetof(bufferedFile{}.dict),
	bufferedRandomType: unsafe.Offsetof(bufferedFile{}.dict),
	textIOWrapperType:  unsafe.Offsetof(textFile{}.dict),
	bytesIOType:        unsafe.Offsetof(bytesIO{}.dict),
	stringIOType:       unsafe.Offsetof(stringIO{}.dict),
	bufferedRWPairType: unsafe.Offsetof(bufferedRWPair{}.dict),
	newlineDecoderType: unsafe.Offsetof(newlineDecoder{}.dict),
}

// ioOwnDict returns v's dict field for the cycle finder: nil for an
// instance of a class, whose dict the class's own slots visit and clear
// (subclass.go), so that it is not counted twice.
func ioOwnDict(v Value) *Value {
	t := v.Type()
	if t.Flags&TypeHeapType != 0 {
		return nil
	}
	return (*Value)(unsafe.Add(v.p, t.dictOffset))
}

// ioTraverse makes a traverse slot that visits the values fields
// returns and the instance dict.
func ioTraverse(fields func(v Value) []Value) func(v Value, visit func(Value)) {
	return func(v Value, visit func(Value)) {
		for _, x := range fields(v) {
			if !x.IsNil() {
				visit(x)
			}
		}
		if d := ioOwnDict(v); d != nil && !d.IsNil() {
			visit(*d)
		}
	}
}

// ioClear is the clear slot: the dict goes, which is where a cycle
// through a file object passes (the objects a file refers to in Go
// fields cannot refer back to it but through some dict).
func ioClear(in *Interp, v Value) {
	if d := ioOwnDict(v); d != nil {
		in.clearField(d)
	}
}

func init() {
	for t, off := range ioDictTypes {
		t.dictOffset = off
		t.Flags |= TypeWeakrefs | TypeBaseType
		t.attrs["__dict__"] = instanceAttrDescrs["__dict__"]
		subclassDictOffsets[t] = off
		t.clear = ioClear
	}
	fileIOType.traverse = ioTraverse(func(v Value) []Value { return []Value{rawOfValue(v).name} })
	for _, t := range bufferedTypes {
		t.traverse = ioTraverse(func(v Value) []Value { return []Value{bufOf(v).raw} })
	}
	textIOWrapperType.traverse = ioTraverse(func(v Value) []Value {
		f := textOf(v)
		return []Value{f.buffer, f.pyDec, f.pyEnc, f.snapFlags}
	})
	bytesIOType.traverse = ioTraverse(func(v Value) []Value { return nil })
	stringIOType.traverse = ioTraverse(func(v Value) []Value { return nil })
	newlineDecoderType.traverse = ioTraverse(func(v Value) []Value {
		d := nlDecoderOf(v)
		return []Value{d.decoder, d.errors}
	})
	bufferedRWPairType.traverse = ioTraverse(func(v Value) []Value {
		p := asObject[bufferedRWPair](v)
		return []Value{p.reader, p.writer}
	})
}
