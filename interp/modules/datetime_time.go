package modules

import (
	"strings"

	"github.com/parallel-py/parallel/interp"
)

// datetime.time: a time of day with an optional tzinfo, its
// comparison and hashing through the UTC offset, and its formats.

var timeSpec = interp.TypeSpec{
	Name:         "time",
	Module:       "datetime",
	Doc:          "time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\nAll arguments are optional. tzinfo may be None, or an instance of\na tzinfo subclass. The remaining arguments may be ints.\n",
	Subclassable: true,
	New:          timeNew,
	Dealloc:      func(in *interp.Interp, v Value) { in.ClearRef(&timeOf(v).tzinfo) },
	Repr:         timeRepr,
	Str:          func(in *interp.Interp, v Value) (Value, error) { return in.CallMethod(v, "isoformat", nil, nil) },
	Hash:         timeHash,
	Compare:      timeCompare,
}

var (
	timeNewFmt     = dtFormat{fname: "", names: []string{"hour", "minute", "second", "microsecond", "tzinfo", "fold"}, maxPos: 5}
	timeReplaceFmt = dtFormat{fname: "replace", names: []string{"hour", "minute", "second", "microsecond", "tzinfo", "fold"}, maxPos: 5}
	timeISOFmt     = dtFormat{fname: "isoformat", names: []string{"timespec"}, maxPos: 1}
)

func initTimeType() {
	t := timeType
	addTimeOfDayAttrs(t, func(v Value) *timeOfDay { return &timeOf(v).timeOfDay })
	t.AddMethod("isoformat", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		var spec Value
		err := timeISOFmt.parse(in, args[1:], kwnames, func(i int, v Value) error {
			spec = v
			return dtSArg(in, "isoformat", i, v)
		})
		if err != nil {
			return Value{}, err
		}
		o := timeOf(args[0])
		var b strings.Builder
		if err := dtWriteTime(in, &b, spec, o.hour, o.minute, o.second, o.us); err != nil {
			return Value{}, err
		}
		if !o.tzinfo.IsNil() {
			if err := dtWriteOffset(in, &b, ":", o.tzinfo, interp.None); err != nil {
				return Value{}, err
			}
		}
		return in.NewStr(b.String())
	})
	t.AddMethod("strftime", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		var format Value
		err := strftimeFmt.parse(in, args[1:], kwnames, func(i int, v Value) error {
			if !interp.IsStr(v) {
				return dtArgError(in, "strftime", i, "str", v)
			}
			format = v
			return nil
		})
		if err != nil {
			return Value{}, err
		}
		o := timeOf(args[0])
		// The year is 1900 for time.strftime's sake, as in CPython.
		tuple, err := in.NewTuple(interp.Int(1900), interp.Int(1), interp.Int(1), interp.Int(int64(o.hour)), interp.Int(int64(o.minute)),
			interp.Int(int64(o.second)), interp.Int(0), interp.Int(1), interp.Int(-1))
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(tuple)
		return dtWrapStrftime(in, args[0], format, tuple, interp.None)
	})
	t.AddMethod("__format__", dtFormatMethod("time.__format__"))
	dateNoArgs(t, "utcoffset", func(in *interp.Interp, v Value) (Value, error) {
		return dtCallOffset(in, "utcoffset", timeOf(v).tzinfo, interp.None)
	})
	dateNoArgs(t, "dst", func(in *interp.Interp, v Value) (Value, error) {
		return dtCallOffset(in, "dst", timeOf(v).tzinfo, interp.None)
	})
	dateNoArgs(t, "tzname", func(in *interp.Interp, v Value) (Value, error) {
		return dtCallTzname(in, timeOf(v).tzinfo, interp.None)
	})
	t.AddMethod("replace", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		o := timeOf(args[0])
		vals := [6]int{o.hour, o.minute, o.second, o.us, 0, o.fold}
		tz := dtOrNone(o.tzinfo)
		err := timeReplaceFmt.parse(in, args[1:], kwnames, func(i int, v Value) (err error) {
			if i == 4 {
				tz = v
				return nil
			}
			vals[i], err = dtCInt(in, v)
			return err
		})
		if err != nil {
			return Value{}, err
		}
		if vals[5] != 0 && vals[5] != 1 {
			return Value{}, in.Raise(interp.ValueError, "fold must be either 0 or 1")
		}
		return newTimeChecked(in, args[0].Type(), vals[0], vals[1], vals[2], vals[3], tz, vals[5])
	})
	t.AddClassMethod("fromisoformat", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("time.fromisoformat", args, kwnames); err != nil {
			return Value{}, err
		}
		return timeFromISOFormat(in, interp.AsType(args[0]), args[1])
	})
	t.AddMethod("__reduce_ex__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := dtTupleArgs(in, "time.__reduce_ex__", "__reduce_ex__", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		proto, err := dtCInt(in, args[1])
		if err != nil {
			return Value{}, err
		}
		return timeReduce(in, args[0], proto)
	})
	dateNoArgs(t, "__reduce__", func(in *interp.Interp, v Value) (Value, error) { return timeReduce(in, v, 2) })
	t.AddAttr("min", immortalTime(0, 0, 0, 0))
	t.AddAttr("max", immortalTime(23, 59, 59, 999999))
	t.AddAttr("resolution", immortalDelta(0, 0, 1))
}

func immortalTime(h, m, s, us int) Value {
	o := interp.NewConstantObject[timeObject](timeType)
	o.hour, o.minute, o.second, o.us = h, m, s, us
	return interp.ValueOf(o)
}

func timeReduce(in *interp.Interp, v Value, proto int) (Value, error) {
	o := timeOf(v)
	state := timeBytes(o)
	if proto > 3 && o.fold != 0 {
		state[0] |= 0x80
	}
	return dtReduce(in, v, state, o.tzinfo)
}

func timeBytes(o *timeObject) []byte {
	return []byte{byte(o.hour), byte(o.minute), byte(o.second), byte(o.us >> 16), byte(o.us >> 8), byte(o.us)}
}

// newTimeRaw makes a time of class t without checks; tz is None or a
// tzinfo (borrowed).
func newTimeRaw(in *interp.Interp, t *interp.Type, h, m, s, us int, tz Value, fold int) (Value, error) {
	o, err := interp.NewObject[timeObject](in, t)
	if err != nil {
		return Value{}, err
	}
	o.hour, o.minute, o.second, o.us, o.fold = h, m, s, us, fold
	if !tz.IsNone() {
		interp.IncRef(tz)
		o.tzinfo = tz
	}
	return interp.ValueOf(o), nil
}

// newTimeChecked is CPython's new_time_ex2.
func newTimeChecked(in *interp.Interp, t *interp.Type, h, m, s, us int, tz Value, fold int) (Value, error) {
	if err := dtCheckTime(in, h, m, s, us, fold); err != nil {
		return Value{}, err
	}
	if err := dtCheckTzinfo(in, tz); err != nil {
		return Value{}, err
	}
	return newTimeRaw(in, t, h, m, s, us, tz, fold)
}

func timeNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	if npos := len(args) - len(kwnames); npos >= 1 && npos <= 2 {
		b, ok, err := dtPickleState(in, args[0], 6, func(b []byte) bool { return b[0]&0x7f < 24 }, "time")
		if err != nil {
			return Value{}, err
		}
		if ok {
			tz := interp.None
			if npos == 2 {
				tz = args[1]
			}
			if !tz.IsNone() && !isTzinfo(tz) {
				return Value{}, in.Raise(interp.TypeError, "bad tzinfo state arg")
			}
			return newTimeRaw(in, t, int(b[0]&0x7f), int(b[1]), int(b[2]), int(b[3])<<16|int(b[4])<<8|int(b[5]), tz, int(b[0]>>7))
		}
	}
	var vals [6]int
	tz := interp.None
	err := timeNewFmt.parse(in, args, kwnames, func(i int, v Value) (err error) {
		if i == 4 {
			tz = v
			return nil
		}
		vals[i], err = dtCInt(in, v)
		return err
	})
	if err != nil {
		return Value{}, err
	}
	return newTimeChecked(in, t, vals[0], vals[1], vals[2], vals[3], tz, vals[5])
}

func timeRepr(in *interp.Interp, v Value) (Value, error) {
	o := timeOf(v)
	var b strings.Builder
	b.WriteString(dtTypeName(v) + "(" + dtItoa(o.hour) + ", " + dtItoa(o.minute))
	if o.second != 0 || o.us != 0 {
		b.WriteString(", " + dtItoa(o.second))
	}
	if o.us != 0 {
		b.WriteString(", " + dtItoa(o.us))
	}
	if err := dtReprTail(in, &b, o.tzinfo, o.fold, false); err != nil {
		return Value{}, err
	}
	return in.NewStr(b.String())
}

// dtReprTail ends a time or datetime repr: ", tzinfo=...", ", fold=1"
// (in that order for a time, the other for a datetime, as CPython) and
// the parenthesis.
func dtReprTail(in *interp.Interp, b *strings.Builder, tz Value, fold int, foldFirst bool) error {
	if fold != 0 && foldFirst {
		b.WriteString(", fold=" + dtItoa(fold))
	}
	if !tz.IsNil() {
		r, err := reprString(in, tz)
		if err != nil {
			return err
		}
		b.WriteString(", tzinfo=" + r)
	}
	if fold != 0 && !foldFirst {
		b.WriteString(", fold=" + dtItoa(fold))
	}
	b.WriteByte(')')
	return nil
}

func timeHash(in *interp.Interp, v Value) (int64, error) {
	o := timeOf(v)
	if o.tzinfo.IsNil() {
		return dtHashBytes(timeBytes(o)), nil
	}
	if o.hash != 0 {
		return o.hash, nil
	}
	// A time's utcoffset() is asked with None, so fold plays no part.
	off, err := dtCallOffset(in, "utcoffset", o.tzinfo, interp.None)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(off)
	if off.IsNone() {
		o.hash = dtHashBytes(timeBytes(o))
	} else {
		d := deltaOf(off)
		days, secs, us := -d.days, o.hour*3600+o.minute*60+o.second-d.seconds, o.us-d.us
		dtNormPair(&secs, &us, dtUsPerSecond)
		dtNormPair(&days, &secs, 86400)
		o.hash = deltaHash(&deltaObject{days: days, seconds: secs, us: us})
	}
	return o.hash, nil
}

func timeCmpFields(a, b *timeObject) int {
	return dtCmpInts(dtTimeKey(a.hour, a.minute, a.second, a.us), dtTimeKey(b.hour, b.minute, b.second, b.us))
}

func timeCompare(in *interp.Interp, a, b Value, op interp.CompareOp) (Value, error) {
	if !isTimeObj(b) {
		return interp.NotImplemented, nil
	}
	x, y := timeOf(a), timeOf(b)
	if dtOrNone(x.tzinfo).Is(dtOrNone(y.tzinfo)) {
		return dtCmpResult(timeCmpFields(x, y), op), nil
	}
	off1, err := dtCallOffset(in, "utcoffset", x.tzinfo, interp.None)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(off1)
	off2, err := dtCallOffset(in, "utcoffset", y.tzinfo, interp.None)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(off2)
	switch {
	case off1.Is(off2) || isDelta(off1) && isDelta(off2) && deltaCmp(deltaOf(off1), deltaOf(off2)) == 0:
		return dtCmpResult(timeCmpFields(x, y), op), nil
	case !off1.IsNone() && !off2.IsNone():
		d1, d2 := deltaOf(off1), deltaOf(off2)
		s1 := x.hour*3600 + x.minute*60 + x.second - d1.days*86400 - d1.seconds
		s2 := y.hour*3600 + y.minute*60 + y.second - d2.days*86400 - d2.seconds
		c := dtCmpInts(s1, s2)
		if c == 0 {
			c = dtCmpInts(x.us, y.us)
		}
		return dtCmpResult(c, op), nil
	case op == interp.CmpEQ:
		return interp.False, nil
	case op == interp.CmpNE:
		return interp.True, nil
	}
	return Value{}, in.Raise(interp.TypeError, "can't compare offset-naive and offset-aware times")
}

// dtTimeSpecs are isoformat's timespec values.
var dtTimeSpecs = []string{"hours", "minutes", "seconds", "milliseconds", "microseconds"}

// dtWriteTime writes the time of day as isoformat's timespec asks
// (spec empty: "auto").
func dtWriteTime(in *interp.Interp, b *strings.Builder, spec Value, h, m, s, us int) error {
	which := -1
	name := "auto"
	if !spec.IsNil() {
		name = spec.GoString()
	}
	if name == "auto" {
		which = 2
		if us != 0 {
			which = 4
		}
	} else {
		for i, n := range dtTimeSpecs {
			if n == name {
				which = i
			}
		}
	}
	if which < 0 {
		return in.Raise(interp.ValueError, "Unknown timespec value")
	}
	dtPad(b, h, 2)
	if which >= 1 {
		b.WriteByte(':')
		dtPad(b, m, 2)
	}
	if which >= 2 {
		b.WriteByte(':')
		dtPad(b, s, 2)
	}
	switch which {
	case 3:
		b.WriteByte('.')
		dtPad(b, us/1000, 3)
	case 4:
		b.WriteByte('.')
		dtPad(b, us, 6)
	}
	return nil
}

// dtSArg checks an "s" argument: a str without NUL that UTF-8 encodes.
func dtSArg(in *interp.Interp, fname string, i int, v Value) error {
	if !interp.IsStr(v) {
		return dtArgError(in, fname, i, "str", v)
	}
	s := v.GoString()
	if dtHasSurrogates(s) {
		return dtUTF8Error(in, v)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return in.Raise(interp.ValueError, "embedded null character")
	}
	return nil
}
