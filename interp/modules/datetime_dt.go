package modules

import (
	"strings"

	"github.com/parallel-py/parallel/interp"
)

// datetime.datetime: construction (and unpickling), comparison and
// hashing with the PEP 495 rules, arithmetic, replace, combine and the
// accessors. Local-time conversions are in datetime_local.go.

var dtSpec = interp.TypeSpec{
	Name:         "datetime",
	Module:       "datetime",
	Doc:          "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\nThe year, month and day arguments are required. tzinfo may be None, or an\ninstance of a tzinfo subclass. The remaining arguments may be ints.\n",
	Subclassable: true,
	New:          dtNew,
	Dealloc:      func(in *interp.Interp, v Value) { in.ClearRef(&dtOf(v).tzinfo) },
	Repr:         dtRepr,
	Str: func(in *interp.Interp, v Value) (Value, error) {
		return in.CallMethod(v, "isoformat", []Value{interp.ImmortalStr(" ")}, nil)
	},
	Hash:    dtHash,
	Compare: dtCompare,
	Number: &interp.NumberSpec{Binary: map[interp.BinaryOp]func(in *interp.Interp, a, b Value) (Value, error){
		interp.OpAdd: dtAdd,
		interp.OpSub: dtSub,
	}},
}

var (
	dtNewFmt     = dtFormat{fname: "", names: []string{"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}, required: 3, maxPos: 8}
	dtReplaceFmt = dtFormat{fname: "replace", names: []string{"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}, maxPos: 8}
	dtCombineFmt = dtFormat{fname: "combine", names: []string{"date", "time", "tzinfo"}, required: 2, maxPos: 3}
	dtISOFmt     = dtFormat{fname: "isoformat", names: []string{"sep", "timespec"}, maxPos: 2}
)

func initDatetimeType() {
	t := dtType
	addTimeOfDayAttrs(t, func(v Value) *timeOfDay { return &dtOf(v).timeOfDay })
	initDatetimeLocal(t)
	t.AddClassMethod("strptime", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := dtTupleArgs(in, "strptime", "strptime", args[1:], kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		for i, v := range args[1:] {
			if !interp.IsStr(v) {
				return Value{}, dtArgError(in, "strptime", i, "str", v)
			}
		}
		mod, err := in.ImportModule("_strptime")
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(mod)
		return in.CallMethod(mod, "_strptime_datetime", args[:3], nil)
	})
	t.AddClassMethod("combine", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		var date, tm, tz Value
		err := dtCombineFmt.parse(in, args[1:], kwnames, func(i int, v Value) error {
			switch {
			case i == 0 && !isDate(v):
				return dtArgError(in, "combine", i, "datetime.date", v)
			case i == 1 && !isTimeObj(v):
				return dtArgError(in, "combine", i, "datetime.time", v)
			}
			*[]*Value{&date, &tm, &tz}[i] = v
			return nil
		})
		if err != nil {
			return Value{}, err
		}
		d, t := dateOf(date), timeOf(tm)
		if tz.IsNil() {
			tz = dtOrNone(t.tzinfo)
		}
		return dtFromClass(in, interp.AsType(args[0]), d.year, d.month, d.day, t.hour, t.minute, t.second, t.us, tz, t.fold)
	})
	t.AddClassMethod("fromisoformat", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("datetime.fromisoformat", args, kwnames); err != nil {
			return Value{}, err
		}
		return dtFromISOFormat(in, interp.AsType(args[0]), args[1])
	})
	dateNoArgs(t, "date", func(in *interp.Interp, v Value) (Value, error) {
		o := dtOf(v)
		return newDateRaw(in, dateType, o.year, o.month, o.day)
	})
	dateNoArgs(t, "time", func(in *interp.Interp, v Value) (Value, error) {
		o := dtOf(v)
		return newTimeRaw(in, timeType, o.hour, o.minute, o.second, o.us, interp.None, o.fold)
	})
	dateNoArgs(t, "timetz", func(in *interp.Interp, v Value) (Value, error) {
		o := dtOf(v)
		return newTimeRaw(in, timeType, o.hour, o.minute, o.second, o.us, dtOrNone(o.tzinfo), o.fold)
	})
	dateNoArgs(t, "ctime", func(in *interp.Interp, v Value) (Value, error) {
		o := dtOf(v)
		return in.NewStr(dtCtime(o.year, o.month, o.day, o.hour, o.minute, o.second))
	})
	dateNoArgs(t, "timetuple", func(in *interp.Interp, v Value) (Value, error) {
		o := dtOf(v)
		dst := -1
		if !o.tzinfo.IsNil() {
			off, err := dtCallOffset(in, "dst", o.tzinfo, v)
			if err != nil {
				return Value{}, err
			}
			if !off.IsNone() {
				d := deltaOf(off)
				dst = 0
				if d.days != 0 || d.seconds != 0 || d.us != 0 {
					dst = 1
				}
			}
			in.DecRef(off)
		}
		return dtStructTime(in, o.year, o.month, o.day, o.hour, o.minute, o.second, dst)
	})
	dateNoArgs(t, "utctimetuple", func(in *interp.Interp, v Value) (Value, error) {
		o := dtOf(v)
		utc := v
		if !o.tzinfo.IsNil() {
			off, err := dtCallOffset(in, "utcoffset", o.tzinfo, v)
			if err != nil {
				return Value{}, err
			}
			if !off.IsNone() {
				u, err := addDatetimeDelta(in, v, deltaOf(off), -1)
				in.DecRef(off)
				if err != nil {
					return Value{}, err
				}
				defer in.DecRef(u)
				if !isDatetime(u) {
					return Value{}, in.Raise(interp.TypeError, "expected a datetime, got %s", dtTypeName(u))
				}
				utc = u
			}
		}
		u := dtOf(utc)
		return dtStructTime(in, u.year, u.month, u.day, u.hour, u.minute, u.second, 0)
	})
	t.AddMethod("isoformat", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		sep := "T"
		var spec Value
		err := dtISOFmt.parse(in, args[1:], kwnames, func(i int, v Value) error {
			if i == 1 {
				spec = v
				return dtSArg(in, "isoformat", i, v)
			}
			if !interp.IsStr(v) || len(interp.StrRunes(v)) != 1 {
				return dtArgError(in, "isoformat", i, "a unicode character", v)
			}
			sep = v.GoString()
			return nil
		})
		if err != nil {
			return Value{}, err
		}
		o := dtOf(args[0])
		var b strings.Builder
		dtWriteDate(&b, &o.dateObject)
		b.WriteString(sep)
		if err := dtWriteTime(in, &b, spec, o.hour, o.minute, o.second, o.us); err != nil {
			return Value{}, err
		}
		if !o.tzinfo.IsNil() {
			if err := dtWriteOffset(in, &b, ":", o.tzinfo, args[0]); err != nil {
				return Value{}, err
			}
		}
		return in.NewStr(b.String())
	})
	dateNoArgs(t, "utcoffset", func(in *interp.Interp, v Value) (Value, error) {
		return dtCallOffset(in, "utcoffset", dtOf(v).tzinfo, v)
	})
	dateNoArgs(t, "dst", func(in *interp.Interp, v Value) (Value, error) {
		return dtCallOffset(in, "dst", dtOf(v).tzinfo, v)
	})
	dateNoArgs(t, "tzname", func(in *interp.Interp, v Value) (Value, error) {
		return dtCallTzname(in, dtOf(v).tzinfo, v)
	})
	t.AddMethod("replace", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		o := dtOf(args[0])
		vals := [9]int{o.year, o.month, o.day, o.hour, o.minute, o.second, o.us, 0, o.fold}
		tz := dtOrNone(o.tzinfo)
		err := dtReplaceFmt.parse(in, args[1:], kwnames, func(i int, v Value) (err error) {
			if i == 7 {
				tz = v
				return nil
			}
			vals[i], err = dtCInt(in, v)
			return err
		})
		if err != nil {
			return Value{}, err
		}
		if vals[8] != 0 && vals[8] != 1 {
			return Value{}, in.Raise(interp.ValueError, "fold must be either 0 or 1")
		}
		return newDatetimeChecked(in, args[0].Type(), vals[0], vals[1], vals[2], vals[3], vals[4], vals[5], vals[6], tz, vals[8])
	})
	t.AddMethod("__reduce_ex__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := dtTupleArgs(in, "datetime.__reduce_ex__", "__reduce_ex__", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		proto, err := dtCInt(in, args[1])
		if err != nil {
			return Value{}, err
		}
		return dtReduceProto(in, args[0], proto)
	})
	dateNoArgs(t, "__reduce__", func(in *interp.Interp, v Value) (Value, error) { return dtReduceProto(in, v, 2) })
	t.AddAttr("min", immortalDatetime(1, 1, 1, 0, 0, 0, 0))
	t.AddAttr("max", immortalDatetime(dtMaxYear, 12, 31, 23, 59, 59, 999999))
	t.AddAttr("resolution", immortalDelta(0, 0, 1))
}

func immortalDatetime(y, mo, d, h, mi, s, us int) Value {
	o := interp.NewConstantObject[dtObject](dtType)
	o.year, o.month, o.day, o.hour, o.minute, o.second, o.us = y, mo, d, h, mi, s, us
	return interp.ValueOf(o)
}

func dtBytes(o *dtObject) []byte {
	return []byte{byte(o.year >> 8), byte(o.year), byte(o.month), byte(o.day), byte(o.hour), byte(o.minute), byte(o.second),
		byte(o.us >> 16), byte(o.us >> 8), byte(o.us)}
}

func dtReduceProto(in *interp.Interp, v Value, proto int) (Value, error) {
	o := dtOf(v)
	state := dtBytes(o)
	if proto > 3 && o.fold != 0 {
		state[2] |= 0x80
	}
	return dtReduce(in, v, state, o.tzinfo)
}

// newDatetimeRaw makes a datetime of class t without checks; tz is None
// or a tzinfo (borrowed).
func newDatetimeRaw(in *interp.Interp, t *interp.Type, y, mo, d, h, mi, s, us int, tz Value, fold int) (Value, error) {
	o, err := interp.NewObject[dtObject](in, t)
	if err != nil {
		return Value{}, err
	}
	o.year, o.month, o.day = y, mo, d
	o.hour, o.minute, o.second, o.us, o.fold = h, mi, s, us, fold
	if !tz.IsNone() && !tz.IsNil() {
		interp.IncRef(tz)
		o.tzinfo = tz
	}
	return interp.ValueOf(o), nil
}

// newDatetimeChecked is CPython's new_datetime_ex2.
func newDatetimeChecked(in *interp.Interp, t *interp.Type, y, mo, d, h, mi, s, us int, tz Value, fold int) (Value, error) {
	if err := dtCheckDate(in, y, mo, d); err != nil {
		return Value{}, err
	}
	if err := dtCheckTime(in, h, mi, s, us, fold); err != nil {
		return Value{}, err
	}
	if err := dtCheckTzinfo(in, tz); err != nil {
		return Value{}, err
	}
	return newDatetimeRaw(in, t, y, mo, d, h, mi, s, us, tz, fold)
}

// dtFromClass makes a datetime of class cls as the alternate
// constructors do (new_datetime_subclass_fold_ex): directly for
// datetime, by calling cls(...) otherwise, which in 3.12 drops fold.
func dtFromClass(in *interp.Interp, cls *interp.Type, y, mo, d, h, mi, s, us int, tz Value, fold int) (Value, error) {
	if cls == dtType {
		return newDatetimeChecked(in, cls, y, mo, d, h, mi, s, us, tz, fold)
	}
	return in.Call(interp.TypeValue(cls), []Value{interp.Int(int64(y)), interp.Int(int64(mo)), interp.Int(int64(d)), interp.Int(int64(h)),
		interp.Int(int64(mi)), interp.Int(int64(s)), interp.Int(int64(us)), tz}, nil)
}

func dtNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	if npos := len(args) - len(kwnames); npos >= 1 && npos <= 2 {
		b, ok, err := dtPickleState(in, args[0], 10, func(b []byte) bool { return dtMonthSane(b[2] & 0x7f) }, "datetime")
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
			return newDatetimeRaw(in, t, int(b[0])<<8|int(b[1]), int(b[2]&0x7f), int(b[3]), int(b[4]), int(b[5]), int(b[6]),
				int(b[7])<<16|int(b[8])<<8|int(b[9]), tz, int(b[2]>>7))
		}
	}
	var vals [9]int
	tz := interp.None
	err := dtNewFmt.parse(in, args, kwnames, func(i int, v Value) (err error) {
		if i == 7 {
			tz = v
			return nil
		}
		vals[i], err = dtCInt(in, v)
		return err
	})
	if err != nil {
		return Value{}, err
	}
	return newDatetimeChecked(in, t, vals[0], vals[1], vals[2], vals[3], vals[4], vals[5], vals[6], tz, vals[8])
}

func dtRepr(in *interp.Interp, v Value) (Value, error) {
	o := dtOf(v)
	var b strings.Builder
	b.WriteString(dtTypeName(v) + "(")
	fields := []int{o.year, o.month, o.day, o.hour, o.minute}
	if o.second != 0 || o.us != 0 {
		fields = append(fields, o.second)
	}
	if o.us != 0 {
		fields = append(fields, o.us)
	}
	for i, f := range fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(dtItoa(f))
	}
	if err := dtReprTail(in, &b, o.tzinfo, o.fold, true); err != nil {
		return Value{}, err
	}
	return in.NewStr(b.String())
}

// dtCmpFields orders the fields (fold aside) as CPython compares their
// bytes: every field fits its byte range, so packed keys compare alike.
func dtCmpFields(a, b *dtObject) int {
	if c := dtCmpInts(dtDateKey(&a.dateObject), dtDateKey(&b.dateObject)); c != 0 {
		return c
	}
	return dtCmpInts(dtTimeKey(a.hour, a.minute, a.second, a.us), dtTimeKey(b.hour, b.minute, b.second, b.us))
}

func dtDateKey(o *dateObject) int { return (o.year<<8|o.month)<<8 | o.day }

func dtTimeKey(h, m, s, us int) int { return ((h<<8|m)<<8|s)<<24 | us }

// dtUtcoffset is v.utcoffset() through its tzinfo (a new reference:
// None or a validated timedelta).
func dtUtcoffset(in *interp.Interp, v Value) (Value, error) {
	return dtCallOffset(in, "utcoffset", dtOf(v).tzinfo, v)
}

// dtFlipFoldOffset is the UTC offset of v with its fold flipped.
func dtFlipFoldOffset(in *interp.Interp, v Value) (Value, error) {
	o := dtOf(v)
	flip, err := newDatetimeRaw(in, v.Type(), o.year, o.month, o.day, o.hour, o.minute, o.second, o.us, dtOrNone(o.tzinfo), 1-o.fold)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(flip)
	return dtUtcoffset(in, flip)
}

// dtSameOffset reports whether two utcoffset results are the same.
func dtSameOffset(a, b Value) bool {
	return a.Is(b) || isDelta(a) && isDelta(b) && deltaCmp(deltaOf(a), deltaOf(b)) == 0
}

// pep495Exception reports whether a datetime in a repeated or skipped
// interval must compare unequal to everything (its UTC offset depends
// on fold).
func pep495Exception(in *interp.Interp, a, b, off1, off2 Value) (bool, error) {
	for _, p := range [][2]Value{{a, off1}, {b, off2}} {
		flip, err := dtFlipFoldOffset(in, p[0])
		if err != nil {
			return false, err
		}
		same := dtSameOffset(flip, p[1])
		in.DecRef(flip)
		if !same {
			return true, nil
		}
	}
	return false, nil
}

func dtCompare(in *interp.Interp, a, b Value, op interp.CompareOp) (Value, error) {
	if !isDatetime(b) {
		if isDate(b) {
			switch op {
			case interp.CmpEQ:
				return interp.False, nil
			case interp.CmpNE:
				return interp.True, nil
			}
			return Value{}, in.Raise(interp.TypeError, "can't compare %s to %s", dtTypeName(a), dtTypeName(b))
		}
		return interp.NotImplemented, nil
	}
	x, y := dtOf(a), dtOf(b)
	if dtOrNone(x.tzinfo).Is(dtOrNone(y.tzinfo)) {
		return dtCmpResult(dtCmpFields(x, y), op), nil
	}
	off1, err := dtUtcoffset(in, a)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(off1)
	off2, err := dtUtcoffset(in, b)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(off2)
	var c int
	switch {
	case dtSameOffset(off1, off2):
		c = dtCmpFields(x, y)
	case !off1.IsNone() && !off2.IsNone():
		d, err := dtSubtract(in, a, b)
		if err != nil {
			return Value{}, err
		}
		dd := deltaOf(d)
		c = dd.days
		if c == 0 {
			c = dd.seconds | dd.us
		}
		in.DecRef(d)
	case op == interp.CmpEQ:
		return interp.False, nil
	case op == interp.CmpNE:
		return interp.True, nil
	default:
		return Value{}, in.Raise(interp.TypeError, "can't compare offset-naive and offset-aware datetimes")
	}
	if (op == interp.CmpEQ || op == interp.CmpNE) && c == 0 {
		ex, err := pep495Exception(in, a, b, off1, off2)
		if err != nil {
			return Value{}, err
		}
		if ex {
			c = 1
		}
	}
	return dtCmpResult(c, op), nil
}

func dtHash(in *interp.Interp, v Value) (int64, error) {
	o := dtOf(v)
	if o.tzinfo.IsNil() {
		return dtHashBytes(dtBytes(o)), nil
	}
	if o.hash != 0 {
		return o.hash, nil
	}
	self0 := v
	if o.fold != 0 {
		s0, err := newDatetimeRaw(in, v.Type(), o.year, o.month, o.day, o.hour, o.minute, o.second, o.us, o.tzinfo, 0)
		if err != nil {
			return 0, err
		}
		defer in.DecRef(s0)
		self0 = s0
	}
	off, err := dtUtcoffset(in, self0)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(off)
	if off.IsNone() {
		o.hash = dtHashBytes(dtBytes(o))
	} else {
		d := deltaOf(off)
		days := dtYMDToOrd(o.year, o.month, o.day) - d.days
		secs := o.hour*3600 + o.minute*60 + o.second - d.seconds
		us := o.us - d.us
		dtNormPair(&secs, &us, dtUsPerSecond)
		dtNormPair(&days, &secs, 86400)
		o.hash = deltaHash(&deltaObject{days: days, seconds: secs, us: us})
	}
	return o.hash, nil
}

// addDatetimeDelta is dt + sign*delta, of dt's class (fold dropped).
func addDatetimeDelta(in *interp.Interp, v Value, delta *deltaObject, sign int) (Value, error) {
	o := dtOf(v)
	y, mo, d := o.year, o.month, o.day+delta.days*sign
	h, mi, s, us := o.hour, o.minute, o.second+delta.seconds*sign, o.us+delta.us*sign
	if err := dtNormDatetime(in, &y, &mo, &d, &h, &mi, &s, &us); err != nil {
		return Value{}, err
	}
	return dtFromClass(in, v.Type(), y, mo, d, h, mi, s, us, dtOrNone(o.tzinfo), 0)
}

func dtAdd(in *interp.Interp, a, b Value) (Value, error) {
	switch {
	case isDatetime(a) && isDelta(b):
		return addDatetimeDelta(in, a, deltaOf(b), 1)
	case isDelta(a) && isDatetime(b):
		return addDatetimeDelta(in, b, deltaOf(a), 1)
	}
	return interp.NotImplemented, nil
}

func dtSub(in *interp.Interp, a, b Value) (Value, error) {
	switch {
	case !isDatetime(a):
	case isDatetime(b):
		return dtSubtract(in, a, b)
	case isDelta(b):
		return addDatetimeDelta(in, a, deltaOf(b), -1)
	}
	return interp.NotImplemented, nil
}

// dtSubtract is datetime - datetime.
func dtSubtract(in *interp.Interp, a, b Value) (Value, error) {
	x, y := dtOf(a), dtOf(b)
	off1, off2 := interp.None, interp.None
	if !dtOrNone(x.tzinfo).Is(dtOrNone(y.tzinfo)) {
		var err error
		if off1, err = dtUtcoffset(in, a); err != nil {
			return Value{}, err
		}
		defer in.DecRef(off1)
		if off2, err = dtUtcoffset(in, b); err != nil {
			return Value{}, err
		}
		defer in.DecRef(off2)
		if off1.IsNone() != off2.IsNone() {
			return Value{}, in.Raise(interp.TypeError, "can't subtract offset-naive and offset-aware datetimes")
		}
	}
	days := dtYMDToOrd(x.year, x.month, x.day) - dtYMDToOrd(y.year, y.month, y.day)
	secs := (x.hour-y.hour)*3600 + (x.minute-y.minute)*60 + x.second - y.second
	us := x.us - y.us
	if !dtSameOffset(off1, off2) {
		// Less the difference of the offsets.
		d1, d2 := deltaOf(off1), deltaOf(off2)
		days -= d1.days - d2.days
		secs -= d1.seconds - d2.seconds
		us -= d1.us - d2.us
	}
	return newDelta(in, deltaType, days, secs, us, true)
}
