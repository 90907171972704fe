package interp

import (
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// IncrementalNewlineDecoder: a decoder wrapper that recognises "\r",
// "\n" and "\r\n" across calls, holding a final "\r" back until it knows
// whether "\n" follows, optionally translating them all to "\n". doctest
// reads its files through one; TextIOWrapper here does its own newline
// handling in file_text.go and does not use this type.

type newlineDecoder struct {
	alloc.Header
	alloc.GCLink
	dict  Value
	slots []Value // must follow dict

	decoder   Value // the wrapped incremental decoder (owned), or None
	errors    Value // kept for the errors attribute CPython's has not; owned
	translate bool
	pendingCR bool
	seenNL    uint8
	ok        bool // __init__ has run
}

const newlineDecoderSize = unsafe.Sizeof(newlineDecoder{})

// newlineDecoderType is io.IncrementalNewlineDecoder.
var newlineDecoderType = newIOTypeBase("IncrementalNewlineDecoder", objectType)

func nlDecoderOf(v Value) *newlineDecoder { return asObject[newlineDecoder](v) }

// nlDecoderReady raises CPython's error for an instance whose __init__
// never ran.
func (in *Interp) nlDecoderReady(v Value) (*newlineDecoder, error) {
	d := nlDecoderOf(v)
	if !d.ok {
		return nil, in.raise(valueErrorType, "IncrementalNewlineDecoder.__init__() not called")
	}
	return d, nil
}

func newlineDecoderNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	d := &newlineDecoder{}
	if err := in.account(&d.Header, t, newlineDecoderSize); err != nil {
		return Value{}, err
	}
	return valueOf(d), nil
}

// newlineDecoderInit is __init__(decoder, translate, errors='strict').
func newlineDecoderInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	var decoder, translate, errors Value
	if err := in.parseArgs("IncrementalNewlineDecoder", args, kwnames, []string{"decoder", "translate", "errors"}, 2, &decoder, &translate, &errors); err != nil {
		return err
	}
	tr, err := in.Truth(translate)
	if err != nil {
		return err
	}
	if errors.IsNil() {
		if errors, err = in.NewStr("strict"); err != nil {
			return err
		}
	} else {
		incRef(errors)
	}
	incRef(decoder)
	d := nlDecoderOf(self)
	oldDec, oldErr := d.decoder, d.errors
	d.decoder, d.errors = decoder, errors
	d.translate, d.pendingCR, d.seenNL, d.ok = tr, false, 0, true
	in.xdecRef(oldDec)
	in.xdecRef(oldErr)
	return nil
}

// decode runs input through the wrapped decoder (if any) and then
// through the newline logic.
func (in *Interp) nlDecode(d *newlineDecoder, input Value, final bool) (Value, error) {
	var out Value
	if d.decoder.IsNone() {
		incRef(input)
		out = input
	} else {
		var err error
		if out, err = in.CallMethod(d.decoder, "decode", []Value{input, Bool(final)}, nil); err != nil {
			return Value{}, err
		}
	}
	if !out.Type().IsSubtype(strType) {
		name := out.Type().Name
		in.decRef(out)
		return Value{}, in.raise(typeErrorType, "decoder should return a string result, not '%s'", name)
	}
	s := out.GoString()
	in.decRef(out)
	if d.pendingCR && (s != "" || final) {
		s = "\r" + s
		d.pendingCR = false
	}
	// A "\r" at the end may be the first half of "\r\n": hold it back.
	if !final && strings.HasSuffix(s, "\r") {
		s = s[:len(s)-1]
		d.pendingCR = true
	}
	crlf := strings.Count(s, "\r\n")
	cr := strings.Count(s, "\r") - crlf
	lf := strings.Count(s, "\n") - crlf
	if lf > 0 {
		d.seenNL |= seenLF
	}
	if cr > 0 {
		d.seenNL |= seenCR
	}
	if crlf > 0 {
		d.seenNL |= seenCRLF
	}
	if d.translate {
		if crlf > 0 {
			s = strings.ReplaceAll(s, "\r\n", "\n")
		}
		if cr > 0 {
			s = strings.ReplaceAll(s, "\r", "\n")
		}
	}
	return in.NewStr(s)
}

func init() {
	t := newlineDecoderType
	t.new, t.init = newlineDecoderNew, newlineDecoderInit
	t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		v, err := newlineDecoderNew(in, t, args, kwnames)
		if err != nil {
			return Value{}, err
		}
		if err := newlineDecoderInit(in, v, args, kwnames); err != nil {
			in.decRef(v)
			return Value{}, err
		}
		return v, nil
	}
	t.dealloc = func(in *Interp, v Value) {
		d := nlDecoderOf(v)
		in.xdecRef(d.dict)
		in.xdecRef(d.decoder)
		in.xdecRef(d.errors)
		*d = newlineDecoder{Header: d.Header}
		in.heap.Free(&d.Header, newlineDecoderSize)
	}
	defMethod(t, "decode", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var input, final Value
		if err := in.parseArgs("decode", args[1:], kwnames, []string{"input", "final"}, 1, &input, &final); err != nil {
			return Value{}, err
		}
		d, err := in.nlDecoderReady(args[0])
		if err != nil {
			return Value{}, err
		}
		fin := false
		if !final.IsNil() {
			if fin, err = in.Truth(final); err != nil {
				return Value{}, err
			}
		}
		return in.nlDecode(d, input, fin)
	})
	defMethod(t, "getstate", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("getstate", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		d, err := in.nlDecoderReady(args[0])
		if err != nil {
			return Value{}, err
		}
		var buf, flag Value
		if d.decoder.IsNone() {
			if buf, err = in.NewBytes(nil); err != nil {
				return Value{}, err
			}
			flag = Int(0)
		} else {
			st, err := in.CallMethod(d.decoder, "getstate", nil, nil)
			if err != nil {
				return Value{}, err
			}
			items, ok := TupleItems(st)
			if !ok || len(items) != 2 || !items[1].Type().IsSubtype(intType) {
				in.decRef(st)
				return Value{}, in.raise(typeErrorType, "illegal decoder state")
			}
			buf, flag = items[0], items[1]
			incRef(buf)
			incRef(flag)
			in.decRef(st)
		}
		// The decoder's flag moves up a bit to make room for ours.
		shifted, err := in.BinaryOp(OpLShift, flag, Int(1))
		in.decRef(flag)
		if err != nil {
			in.decRef(buf)
			return Value{}, err
		}
		if d.pendingCR {
			or, err := in.BinaryOp(OpOr, shifted, Int(1))
			in.decRef(shifted)
			if err != nil {
				in.decRef(buf)
				return Value{}, err
			}
			shifted = or
		}
		r, err := in.NewTuple(buf, shifted)
		in.decRef(buf)
		in.decRef(shifted)
		return r, err
	})
	defMethod(t, "setstate", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("setstate", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		d, err := in.nlDecoderReady(args[0])
		if err != nil {
			return Value{}, err
		}
		items, ok := TupleItems(args[1])
		if !ok {
			return Value{}, in.raise(typeErrorType, "state argument must be a tuple")
		}
		if len(items) != 2 || !items[1].Type().IsSubtype(intType) {
			return Value{}, in.raise(typeErrorType, "setstate(): illegal state argument")
		}
		low, err := in.BinaryOp(OpAnd, items[1], Int(1))
		if err != nil {
			return Value{}, err
		}
		d.pendingCR = !low.Is(Int(0))
		in.decRef(low)
		if d.decoder.IsNone() {
			return None, nil
		}
		rest, err := in.BinaryOp(OpRShift, items[1], Int(1))
		if err != nil {
			return Value{}, err
		}
		st, err := in.NewTuple(items[0], rest)
		in.decRef(rest)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(st)
		return in.CallMethod(d.decoder, "setstate", []Value{st}, nil)
	})
	defMethod(t, "reset", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("reset", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		d, err := in.nlDecoderReady(args[0])
		if err != nil {
			return Value{}, err
		}
		d.seenNL, d.pendingCR = 0, false
		if d.decoder.IsNone() {
			return None, nil
		}
		return in.CallMethod(d.decoder, "reset", nil, nil)
	})
	defGetSet(t, "newlines", func(in *Interp, v Value) (Value, error) {
		d, err := in.nlDecoderReady(v)
		if err != nil {
			return Value{}, err
		}
		return in.newlinesValue(d.seenNL)
	}, nil)
}
