package modules

import (
	"strings"

	"github.com/parallel-py/parallel/interp"
)

// datetime.tzinfo and datetime.timezone, and the calls of a tzinfo's
// utcoffset, dst and tzname with CPython's checks of their results.

var tzinfoSpec = interp.TypeSpec{
	Name:         "tzinfo",
	Module:       "datetime",
	Doc:          "Abstract base class for time zone info objects.",
	Subclassable: true,
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		o, err := interp.NewObject[tzinfoObject](in, t)
		if err != nil {
			return Value{}, err
		}
		return interp.ValueOf(o), nil
	},
	Traverse: func(v Value, visit func(Value)) {},
}

var timezoneSpec = interp.TypeSpec{
	Name:   "timezone",
	Module: "datetime",
	Doc:    "Fixed offset from UTC implementation of tzinfo.",
	New:    timezoneNew,
	Dealloc: func(in *interp.Interp, v Value) {
		o := tzOf(v)
		in.ClearRef(&o.offset)
		in.ClearRef(&o.name)
	},
	Traverse: func(v Value, visit func(Value)) {
		o := tzOf(v)
		visit(o.offset)
		visit(o.name)
	},
	Repr: timezoneRepr,
	Str:  func(in *interp.Interp, v Value) (Value, error) { return timezoneName(in, tzOf(v), v) },
	Hash: func(in *interp.Interp, v Value) (int64, error) { return deltaHash(deltaOf(tzOf(v).offset)), nil },
	Compare: func(in *interp.Interp, a, b Value, op interp.CompareOp) (Value, error) {
		if op != interp.CmpEQ && op != interp.CmpNE || !isTimezone(b) {
			return interp.NotImplemented, nil
		}
		return dtCmpResult(deltaCmp(deltaOf(tzOf(a).offset), deltaOf(tzOf(b).offset)), op), nil
	},
}

var timezoneFmt = dtFormat{fname: "timezone", names: []string{"offset", "name"}, required: 1, maxPos: 2}

func initTzinfoTypes() {
	t := tzinfoType
	for _, name := range []string{"tzname", "utcoffset", "dst"} {
		name := name
		t.AddMethod(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			if err := in.MethOneArg("tzinfo."+name, args, kwnames); err != nil {
				return Value{}, err
			}
			return Value{}, in.Raise(interp.NotImplementedError, "a tzinfo subclass must implement %s()", name)
		})
	}
	t.AddMethod("fromutc", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("tzinfo.fromutc", args, kwnames); err != nil {
			return Value{}, err
		}
		return tzinfoFromUTC(in, args[0], args[1])
	})
	t.AddMethod("__reduce__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("tzinfo.__reduce__", args, kwnames); err != nil {
			return Value{}, err
		}
		return tzinfoReduce(in, args[0])
	})

	t = timezoneType
	for _, name := range []string{"tzname", "utcoffset", "dst"} {
		name := name
		t.AddMethod(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			if err := in.MethOneArg("timezone."+name, args, kwnames); err != nil {
				return Value{}, err
			}
			if dt := args[1]; !dt.IsNone() && !isDatetime(dt) {
				return Value{}, in.Raise(interp.TypeError, "%s(dt) argument must be a datetime instance or None, not %s", name, dtTypeName(dt))
			}
			o := tzOf(args[0])
			switch name {
			case "tzname":
				return timezoneName(in, o, args[0])
			case "utcoffset":
				interp.IncRef(o.offset)
				return o.offset, nil
			}
			return interp.None, nil
		})
	}
	t.AddMethod("fromutc", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("timezone.fromutc", args, kwnames); err != nil {
			return Value{}, err
		}
		dt := args[1]
		if !isDatetime(dt) {
			return Value{}, in.Raise(interp.TypeError, "fromutc: argument must be a datetime")
		}
		if !dtOf(dt).tzinfo.Is(args[0]) {
			return Value{}, in.Raise(interp.ValueError, "fromutc: dt.tzinfo is not self")
		}
		return addDatetimeDelta(in, dt, deltaOf(tzOf(args[0]).offset), 1)
	})
	t.AddMethod("__getinitargs__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("timezone.__getinitargs__", args, kwnames); err != nil {
			return Value{}, err
		}
		o := tzOf(args[0])
		if o.name.IsNil() {
			return in.NewTuple(o.offset)
		}
		return in.NewTuple(o.offset, o.name)
	})
	dtUTC = immortalTimezone(0, 0)
	t.AddAttr("utc", dtUTC)
	t.AddAttr("min", immortalTimezone(-1, 60))
	t.AddAttr("max", immortalTimezone(0, 86340))
	epoch := interp.NewConstantObject[dtObject](dtType)
	epoch.year, epoch.month, epoch.day, epoch.tzinfo = 1970, 1, 1, dtUTC
	dtEpoch = interp.ValueOf(epoch)
}

func immortalTimezone(days, secs int) Value {
	o := interp.NewConstantObject[timezoneObject](timezoneType)
	o.offset = immortalDelta(days, secs, 0)
	return interp.ValueOf(o)
}

func timezoneNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	var offset, name Value
	err := timezoneFmt.parse(in, args, kwnames, func(i int, v Value) error {
		if i == 0 {
			if !isDelta(v) {
				return dtArgError(in, "timezone", i, "datetime.timedelta", v)
			}
			offset = v
			return nil
		}
		if !interp.IsStr(v) {
			return dtArgError(in, "timezone", i, "str", v)
		}
		name = v
		return nil
	})
	if err != nil {
		return Value{}, err
	}
	return newTimezone(in, offset, name)
}

// newTimezone is timezone(offset[, name]); offset is a timedelta and
// name a str or empty (both borrowed). The unnamed zero offset is
// timezone.utc itself.
func newTimezone(in *interp.Interp, offset, name Value) (Value, error) {
	d := deltaOf(offset)
	if name.IsNil() && d.days == 0 && d.seconds == 0 && d.us == 0 {
		return dtUTC, nil
	}
	if d.days == -1 && d.seconds == 0 && d.us < 1 || d.days < -1 || d.days >= 1 {
		r, err := reprString(in, offset)
		if err != nil {
			return Value{}, err
		}
		return Value{}, in.Raise(interp.ValueError, "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %s.", r)
	}
	o, err := interp.NewObject[timezoneObject](in, timezoneType)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(offset)
	o.offset = offset
	if !name.IsNil() {
		interp.IncRef(name)
		o.name = name
	}
	return interp.ValueOf(o), nil
}

// newTimezoneSeconds is the timezone of an offset in seconds and
// microseconds, named or not (name "" for none).
func newTimezoneSeconds(in *interp.Interp, secs, us int, name Value) (Value, error) {
	off, err := newDelta(in, deltaType, 0, secs, us, true)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(off)
	return newTimezone(in, off, name)
}

func timezoneRepr(in *interp.Interp, v Value) (Value, error) {
	if v.Is(dtUTC) {
		return in.NewStr(dtTypeName(v) + ".utc")
	}
	o := tzOf(v)
	r, err := reprString(in, o.offset)
	if err != nil {
		return Value{}, err
	}
	if o.name.IsNil() {
		return in.NewStr(dtTypeName(v) + "(" + r + ")")
	}
	n, err := reprString(in, o.name)
	if err != nil {
		return Value{}, err
	}
	return in.NewStr(dtTypeName(v) + "(" + r + ", " + n + ")")
}

// timezoneName is the name, or "UTC" / "UTC+05:30" for none.
func timezoneName(in *interp.Interp, o *timezoneObject, v Value) (Value, error) {
	if !o.name.IsNil() {
		interp.IncRef(o.name)
		return o.name, nil
	}
	d := deltaOf(o.offset)
	if v.Is(dtUTC) || d.days == 0 && d.seconds == 0 && d.us == 0 {
		return in.NewStr("UTC")
	}
	var b strings.Builder
	b.WriteString("UTC")
	dtFormatOffset(&b, d, ":")
	return in.NewStr(b.String())
}

// dtFormatOffset writes an offset as +HH:MM[:SS[.ffffff]] with sep
// between the fields.
func dtFormatOffset(b *strings.Builder, d *deltaObject, sep string) {
	days, secs, us := d.days, d.seconds, d.us
	sign := byte('+')
	if days < 0 {
		sign = '-'
		days, secs, us = -days, -secs, -us
		dtNormPair(&secs, &us, dtUsPerSecond)
		dtNormPair(&days, &secs, 86400)
	}
	b.WriteByte(sign)
	dtPad(b, secs/3600, 2)
	b.WriteString(sep)
	dtPad(b, secs/60%60, 2)
	if secs%60 != 0 || us != 0 {
		b.WriteString(sep)
		dtPad(b, secs%60, 2)
	}
	if us != 0 {
		b.WriteByte('.')
		dtPad(b, us, 6)
	}
}

// dtWriteOffset writes tzinfo.utcoffset(arg) formatted, or nothing
// for None (CPython's format_utcoffset).
func dtWriteOffset(in *interp.Interp, b *strings.Builder, sep string, tzinfo, arg Value) error {
	off, err := dtCallOffset(in, "utcoffset", tzinfo, arg)
	if err != nil {
		return err
	}
	defer in.DecRef(off)
	if !off.IsNone() {
		dtFormatOffset(b, deltaOf(off), sep)
	}
	return nil
}

// dtCallOffset calls tzinfo.name(arg), name being utcoffset or dst,
// and checks the result: None, or a timedelta within a day (a new
// reference). An empty or None tzinfo gives None.
func dtCallOffset(in *interp.Interp, name string, tzinfo, arg Value) (Value, error) {
	if tzinfo.IsNil() || tzinfo.IsNone() {
		return interp.None, nil
	}
	if tzinfo.Type() == timezoneType {
		// timezone's own methods, which nothing can override.
		if name == "dst" {
			return interp.None, nil
		}
		off := tzOf(tzinfo).offset
		interp.IncRef(off)
		return off, nil
	}
	r, err := in.CallMethod(tzinfo, name, []Value{arg}, nil)
	if err != nil || r.IsNone() {
		return r, err
	}
	if !isDelta(r) {
		in.DecRef(r)
		return Value{}, in.Raise(interp.TypeError, "tzinfo.%s() must return None or timedelta, not '%s'", name, dtTypeName(r))
	}
	if d := deltaOf(r); d.days == -1 && d.seconds == 0 && d.us < 1 || d.days < -1 || d.days >= 1 {
		in.DecRef(r)
		return Value{}, in.Raise(interp.ValueError, "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).")
	}
	return r, nil
}

// dtCallTzname calls tzinfo.tzname(arg): None or a str.
func dtCallTzname(in *interp.Interp, tzinfo, arg Value) (Value, error) {
	if tzinfo.IsNil() || tzinfo.IsNone() {
		return interp.None, nil
	}
	if tzinfo.Type() == timezoneType {
		return timezoneName(in, tzOf(tzinfo), tzinfo)
	}
	r, err := in.CallMethod(tzinfo, "tzname", []Value{arg}, nil)
	if err != nil || r.IsNone() {
		return r, err
	}
	if !interp.IsStr(r) {
		in.DecRef(r)
		return Value{}, in.Raise(interp.TypeError, "tzinfo.tzname() must return None or a string, not '%s'", dtTypeName(r))
	}
	return r, nil
}

// tzinfoFromUTC is tzinfo.fromutc: the standard-time conversion, then
// the DST adjustment the result's dst() asks for.
func tzinfoFromUTC(in *interp.Interp, self, dt Value) (Value, error) {
	if !isDatetime(dt) {
		return Value{}, in.Raise(interp.TypeError, "fromutc: argument must be a datetime")
	}
	if !dtOrNone(dtOf(dt).tzinfo).Is(self) {
		return Value{}, in.Raise(interp.ValueError, "fromutc: dt.tzinfo is not self")
	}
	off, err := dtUtcoffset(in, dt)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(off)
	if off.IsNone() {
		return Value{}, in.Raise(interp.ValueError, "fromutc: non-None utcoffset() result required")
	}
	dst, err := dtCallOffset(in, "dst", dtOf(dt).tzinfo, dt)
	if err != nil {
		return Value{}, err
	}
	if dst.IsNone() {
		return Value{}, in.Raise(interp.ValueError, "fromutc: non-None dst() result required")
	}
	o, d := deltaOf(off), deltaOf(dst)
	delta := deltaObject{days: o.days - d.days, seconds: o.seconds - d.seconds, us: o.us - d.us}
	in.DecRef(dst)
	dtNormPair(&delta.seconds, &delta.us, dtUsPerSecond)
	dtNormPair(&delta.days, &delta.seconds, 86400)
	if delta.days < -dtMaxDeltaDays || delta.days > dtMaxDeltaDays {
		return Value{}, in.Raise(interp.OverflowError, "days=%d; must have magnitude <= %d", delta.days, dtMaxDeltaDays)
	}
	result, err := addDatetimeDelta(in, dt, &delta, 1)
	if err != nil {
		return Value{}, err
	}
	if !isDatetime(result) {
		in.DecRef(result)
		return Value{}, in.Raise(interp.TypeError, "expected a datetime, got %s", dtTypeName(result))
	}
	dst, err = dtCallOffset(in, "dst", dtOf(result).tzinfo, result)
	if err != nil {
		in.DecRef(result)
		return Value{}, err
	}
	defer in.DecRef(dst)
	if dst.IsNone() {
		in.DecRef(result)
		return Value{}, in.Raise(interp.ValueError, "fromutc: tz.dst() gave inconsistent results; cannot convert")
	}
	if d := deltaOf(dst); d.days != 0 || d.seconds != 0 || d.us != 0 {
		r2, err := addDatetimeDelta(in, result, d, 1)
		in.DecRef(result)
		return r2, err
	}
	return result, nil
}

// tzinfoReduce is (type(self), self.__getinitargs__() or (),
// self.__getstate__()).
func tzinfoReduce(in *interp.Interp, self Value) (Value, error) {
	getinit, err := in.LookupAttr(self, interp.ImmortalStr("__getinitargs__"))
	if err != nil {
		return Value{}, err
	}
	var args Value
	if getinit.IsNil() {
		args, err = in.NewTuple()
	} else {
		args, err = in.Call(getinit, nil, nil)
		in.DecRef(getinit)
	}
	if err != nil {
		return Value{}, err
	}
	state, err := in.CallMethod(self, "__getstate__", nil, nil)
	if err != nil {
		in.DecRef(args)
		return Value{}, err
	}
	cls := interp.TypeValue(self.Type())
	interp.IncRef(cls)
	return newTupleOwned(in, []Value{cls, args, state})
}
