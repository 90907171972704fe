package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// io.BufferedRWPair(reader, writer, buffer_size): a BufferedReader over
// reader and a BufferedWriter over writer seen as one stream; its
// methods pass each call to the one of them that does it.

// bufferedRWPair is a BufferedRWPair.
type bufferedRWPair struct {
	alloc.Header
	alloc.GCLink
	dict  Value
	slots []Value // must follow dict

	reader, writer Value // owned BufferedReader and BufferedWriter
}

var bufferedRWPairType = newIOTypeBase("BufferedRWPair", bufferedIOBaseType)

const bufferedRWPairSize = unsafe.Sizeof(bufferedRWPair{})

func rwPairNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	p := &bufferedRWPair{}
	if err := in.account(&p.Header, t, bufferedRWPairSize); err != nil {
		return Value{}, err
	}
	return valueOf(p), nil
}

func rwPairInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	if err := in.checkArgCount("BufferedRWPair", args, kwnames, 2, 3); err != nil {
		return err
	}
	if err := in.ioCheckAbility(args[0], "readable", "File or stream is not readable."); err != nil {
		return err
	}
	if err := in.ioCheckAbility(args[1], "writable", "File or stream is not writable."); err != nil {
		return err
	}
	rest := args[2:]
	reader, err := bufferedReaderType.construct(in, bufferedReaderType, append([]Value{args[0]}, rest...), nil)
	if err != nil {
		return err
	}
	writer, err := bufferedWriterType.construct(in, bufferedWriterType, append([]Value{args[1]}, rest...), nil)
	if err != nil {
		in.decRef(reader)
		return err
	}
	p := asObject[bufferedRWPair](self)
	oldR, oldW := p.reader, p.writer
	p.reader, p.writer = reader, writer
	in.xdecRef(oldR)
	in.xdecRef(oldW)
	return nil
}

// rwPairSide returns the reader or the writer of a pair.
func (in *Interp) rwPairSide(v Value, writer bool) (Value, error) {
	p := asObject[bufferedRWPair](v)
	side := p.reader
	if writer {
		side = p.writer
	}
	if side.IsNil() {
		return Value{}, in.raise(valueErrorType, "I/O operation on uninitialized object")
	}
	return side, nil
}

func init() {
	t := bufferedRWPairType
	types := []*Type{t}
	t.new, t.init = rwPairNew, rwPairInit
	t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		v, err := rwPairNew(in, t, args, kwnames)
		if err != nil {
			return Value{}, err
		}
		if err := rwPairInit(in, v, args, kwnames); err != nil {
			in.decRef(v)
			return Value{}, err
		}
		return v, nil
	}
	t.dealloc = func(in *Interp, v Value) {
		p := asObject[bufferedRWPair](v)
		in.xdecRef(p.reader)
		in.xdecRef(p.writer)
		in.xdecRef(p.dict)
		*p = bufferedRWPair{Header: p.Header}
		in.heap.Free(&p.Header, bufferedRWPairSize)
	}
	for _, m := range []struct {
		name     string
		writer   bool
		min, max int
	}{
		{"read", false, 0, 1}, {"peek", false, 0, 1}, {"read1", false, 0, 1},
		{"readinto", false, 1, 1}, {"readinto1", false, 1, 1}, {"readable", false, 0, 0},
		{"write", true, 1, 1}, {"flush", true, 0, 0}, {"writable", true, 0, 0},
	} {
		fileMethod(types, m.name, m.min, m.max, func(in *Interp, self Value, args []Value) (Value, error) {
			side, err := in.rwPairSide(self, m.writer)
			if err != nil {
				return Value{}, err
			}
			return in.ioCallMethod(side, m.name, args...)
		})
	}
	fileMethod(types, "isatty", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		w, err := in.rwPairSide(self, true)
		if err != nil {
			return Value{}, err
		}
		r, err := in.ioCallMethod(w, "isatty")
		if err != nil || r == True {
			return r, err
		}
		in.decRef(r)
		reader, err := in.rwPairSide(self, false)
		if err != nil {
			return Value{}, err
		}
		return in.ioCallMethod(reader, "isatty")
	})
	fileMethod(types, "close", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		w, err := in.rwPairSide(self, true)
		if err != nil {
			return Value{}, err
		}
		r, werr := in.ioCallMethod(w, "close")
		if werr == nil {
			in.decRef(r)
		}
		reader, err := in.rwPairSide(self, false)
		if err != nil {
			return Value{}, in.chainErrors(werr, err)
		}
		r, rerr := in.ioCallMethod(reader, "close")
		if rerr == nil {
			in.decRef(r)
		}
		return None, in.chainErrors(werr, rerr)
	})
	fileGetter(types, "closed", func(in *Interp, v Value) (Value, error) {
		w := asObject[bufferedRWPair](v).writer
		if w.IsNil() {
			return Value{}, in.raise(runtimeErrorType, "the BufferedRWPair object is being garbage-collected")
		}
		return in.getAttrString(w, "closed")
	})
}
