package modules

import (
	"strings"
	"time"

	"github.com/parallel-py/parallel/interp"
)

// datetime.date: construction (and unpickling), the alternate
// constructors, arithmetic with timedeltas, comparison, and the
// calendar queries and formats datetime inherits.

var dateSpec = interp.TypeSpec{
	Name:         "date",
	Module:       "datetime",
	Doc:          "date(year, month, day) --> date object",
	Subclassable: true,
	New:          dateNew,
	Repr: func(in *interp.Interp, v Value) (Value, error) {
		o := dateOf(v)
		return in.NewStr(dtTypeName(v) + "(" + dtItoa(o.year) + ", " + dtItoa(o.month) + ", " + dtItoa(o.day) + ")")
	},
	Str: func(in *interp.Interp, v Value) (Value, error) { return in.CallMethod(v, "isoformat", nil, nil) },
	Hash: func(in *interp.Interp, v Value) (int64, error) {
		o := dateOf(v)
		return dtHashBytes(dateBytes(o)), nil
	},
	Compare: dateCompare,
	Number: &interp.NumberSpec{Binary: map[interp.BinaryOp]func(in *interp.Interp, a, b Value) (Value, error){
		interp.OpAdd: dateAdd,
		interp.OpSub: dateSub,
	}},
}

var (
	dateFormatFmt      = dtFormat{fname: "", names: []string{"year", "month", "day"}, required: 3, maxPos: 3}
	dateReplaceFmt     = dtFormat{fname: "replace", names: []string{"year", "month", "day"}, maxPos: 3}
	fromISOCalendarFmt = dtFormat{fname: "fromisocalendar", names: []string{"year", "week", "day"}, required: 3, maxPos: 3}
	strftimeFmt        = dtFormat{fname: "strftime", names: []string{"format"}, required: 1, maxPos: 1}
)

func initDateType() {
	t := dateType
	for _, f := range []struct {
		name string
		get  func(o *dateObject) int
	}{{"year", func(o *dateObject) int { return o.year }}, {"month", func(o *dateObject) int { return o.month }}, {"day", func(o *dateObject) int { return o.day }}} {
		get := f.get
		t.AddGetSet(f.name, func(in *interp.Interp, v Value) (Value, error) { return interp.Int(int64(get(dateOf(v)))), nil }, nil)
	}
	t.AddClassMethod("fromtimestamp", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("date.fromtimestamp", args, kwnames); err != nil {
			return Value{}, err
		}
		secs, err := dtTimeT(in, args[1])
		if err != nil {
			return Value{}, err
		}
		tm, err := dtLocaltime(in, secs)
		if err != nil {
			return Value{}, err
		}
		return dateFromClass(in, interp.AsType(args[0]), tm.Year(), int(tm.Month()), tm.Day())
	})
	t.AddClassMethod("fromordinal", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := dtTupleArgs(in, "fromordinal", "fromordinal", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		n, err := dtCInt(in, args[1])
		if err != nil {
			return Value{}, err
		}
		if n < 1 {
			return Value{}, in.Raise(interp.ValueError, "ordinal must be >= 1")
		}
		y, m, d := dtOrdToYMD(n)
		return dateFromClass(in, interp.AsType(args[0]), y, m, d)
	})
	t.AddClassMethod("fromisoformat", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("date.fromisoformat", args, kwnames); err != nil {
			return Value{}, err
		}
		return dateFromISOFormat(in, interp.AsType(args[0]), args[1])
	})
	t.AddClassMethod("fromisocalendar", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		var vals [3]int
		err := fromISOCalendarFmt.parse(in, args[1:], kwnames, func(i int, v Value) (err error) {
			vals[i], err = dtCInt(in, v)
			return err
		})
		if err != nil {
			return Value{}, err
		}
		y, m, d, code := dtISOToYMD(vals[0], vals[1], vals[2])
		switch code {
		case -4:
			return Value{}, in.Raise(interp.ValueError, "Year is out of range: %d", vals[0])
		case -2:
			return Value{}, in.Raise(interp.ValueError, "Invalid week: %d", vals[1])
		case -3:
			return Value{}, in.Raise(interp.ValueError, "Invalid day: %d (range is [1, 7])", vals[2])
		}
		return dateFromClass(in, interp.AsType(args[0]), y, m, d)
	})
	t.AddClassMethod("today", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("date.today", args, kwnames); err != nil {
			return Value{}, err
		}
		now := float64(time.Now().UnixNano()) / 1e9
		return in.CallMethod(args[0], "fromtimestamp", []Value{interp.Float(now)}, nil)
	})
	dateNoArgs(t, "ctime", func(in *interp.Interp, v Value) (Value, error) {
		o := dateOf(v)
		return in.NewStr(dtCtime(o.year, o.month, o.day, 0, 0, 0))
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
		tuple, err := in.CallMethod(args[0], "timetuple", nil, nil)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(tuple)
		return dtWrapStrftime(in, args[0], format, tuple, args[0])
	})
	t.AddMethod("__format__", dtFormatMethod("date.__format__"))
	dateNoArgs(t, "timetuple", func(in *interp.Interp, v Value) (Value, error) {
		o := dateOf(v)
		return dtStructTime(in, o.year, o.month, o.day, 0, 0, 0, -1)
	})
	dateNoArgs(t, "isocalendar", func(in *interp.Interp, v Value) (Value, error) {
		o := dateOf(v)
		year := o.year
		monday := dtISOWeek1Monday(year)
		today := dtYMDToOrd(o.year, o.month, o.day)
		week, day := dtDivmod(today-monday, 7)
		if week < 0 {
			year--
			week, day = dtDivmod(today-dtISOWeek1Monday(year), 7)
		} else if week >= 52 && today >= dtISOWeek1Monday(year+1) {
			year++
			week = 0
		}
		return newIsoCalendar(in, year, week+1, day+1)
	})
	dateNoArgs(t, "isoformat", func(in *interp.Interp, v Value) (Value, error) {
		o := dateOf(v)
		var b strings.Builder
		dtWriteDate(&b, o)
		return in.NewStr(b.String())
	})
	dateNoArgs(t, "isoweekday", func(in *interp.Interp, v Value) (Value, error) {
		o := dateOf(v)
		return interp.Int(int64(dtWeekday(o.year, o.month, o.day) + 1)), nil
	})
	dateNoArgs(t, "toordinal", func(in *interp.Interp, v Value) (Value, error) {
		o := dateOf(v)
		return interp.Int(int64(dtYMDToOrd(o.year, o.month, o.day))), nil
	})
	dateNoArgs(t, "weekday", func(in *interp.Interp, v Value) (Value, error) {
		o := dateOf(v)
		return interp.Int(int64(dtWeekday(o.year, o.month, o.day))), nil
	})
	t.AddMethod("replace", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		o := dateOf(args[0])
		vals := [3]int{o.year, o.month, o.day}
		err := dateReplaceFmt.parse(in, args[1:], kwnames, func(i int, v Value) (err error) {
			vals[i], err = dtCInt(in, v)
			return err
		})
		if err != nil {
			return Value{}, err
		}
		return newDateChecked(in, args[0].Type(), vals[0], vals[1], vals[2])
	})
	dateNoArgs(t, "__reduce__", func(in *interp.Interp, v Value) (Value, error) {
		return dtReduce(in, v, dateBytes(dateOf(v)), Value{})
	})
	t.AddAttr("min", immortalDate(1, 1, 1))
	t.AddAttr("max", immortalDate(dtMaxYear, 12, 31))
	t.AddAttr("resolution", immortalDelta(1, 0, 0))
}

// dateNoArgs adds a method of no arguments to a date type.
func dateNoArgs(t *interp.Type, name string, fn func(in *interp.Interp, v Value) (Value, error)) {
	qual := typeNameOf(t) + "." + name
	t.AddMethod(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		return fn(in, args[0])
	})
}

// dtFormatMethod is __format__(fmt) of date and time: str(self) for an
// empty format, else self.strftime(fmt).
func dtFormatMethod(qual string) interp.MethodFunc {
	return func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := dtTupleArgs(in, qual, "__format__", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if !interp.IsStr(args[1]) {
			return Value{}, dtArgError(in, "__format__", 0, "str", args[1])
		}
		if args[1].GoString() == "" {
			return in.Str(args[0])
		}
		return in.CallMethod(args[0], "strftime", []Value{args[1]}, nil)
	}
}

func immortalDate(y, m, d int) Value {
	o := interp.NewConstantObject[dateObject](dateType)
	o.year, o.month, o.day = y, m, d
	return interp.ValueOf(o)
}

// dateBytes is a date's pickled state (CPython's data bytes).
func dateBytes(o *dateObject) []byte {
	return []byte{byte(o.year >> 8), byte(o.year), byte(o.month), byte(o.day)}
}

// dtReduce is (type(v), (state,)) or (type(v), (state, tzinfo)).
func dtReduce(in *interp.Interp, v Value, state []byte, tzinfo Value) (Value, error) {
	b, err := in.NewBytes(state)
	if err != nil {
		return Value{}, err
	}
	items := []Value{b}
	if !tzinfo.IsNil() {
		interp.IncRef(tzinfo)
		items = append(items, tzinfo)
	}
	args, err := newTupleOwned(in, items)
	if err != nil {
		return Value{}, err
	}
	cls := interp.TypeValue(v.Type())
	interp.IncRef(cls)
	return newTupleOwned(in, []Value{cls, args})
}

// newDateRaw makes an instance of a date class t without checks; a
// class derived from datetime gets midnight.
func newDateRaw(in *interp.Interp, t *interp.Type, y, m, d int) (Value, error) {
	if t.IsSubtype(dtType) {
		return newDatetimeRaw(in, t, y, m, d, 0, 0, 0, 0, interp.None, 0)
	}
	o, err := interp.NewObject[dateObject](in, t)
	if err != nil {
		return Value{}, err
	}
	o.year, o.month, o.day = y, m, d
	return interp.ValueOf(o), nil
}

// newDateChecked is CPython's new_date_ex.
func newDateChecked(in *interp.Interp, t *interp.Type, y, m, d int) (Value, error) {
	if err := dtCheckDate(in, y, m, d); err != nil {
		return Value{}, err
	}
	return newDateRaw(in, t, y, m, d)
}

// dateFromClass makes a date of class cls as the alternate constructors
// do (new_date_subclass_ex): directly for date and datetime, by calling
// cls(y, m, d) for other classes.
func dateFromClass(in *interp.Interp, cls *interp.Type, y, m, d int) (Value, error) {
	switch cls {
	case dateType:
		return newDateChecked(in, cls, y, m, d)
	case dtType:
		return newDatetimeChecked(in, cls, y, m, d, 0, 0, 0, 0, interp.None, 0)
	}
	return in.Call(interp.TypeValue(cls), []Value{interp.Int(int64(y)), interp.Int(int64(m)), interp.Int(int64(d))}, nil)
}

// dtPickleState returns the bytes of a pickled state argument (bytes, or
// a str of code points below 256 from a Python 2 pickle) when it has n
// bytes and sane reports them valid; what names the type in the error
// of a str that is not Latin-1.
func dtPickleState(in *interp.Interp, state Value, n int, sane func(b []byte) bool, what string) ([]byte, bool, error) {
	if b, ok := interp.BufferBytes(state); ok && state.Type() == interp.BytesType || ok && interp.IsInstance(state, interp.BytesType) {
		if len(b) == n && sane(b) {
			return b, true, nil
		}
		return nil, false, nil
	}
	if !interp.IsStr(state) {
		return nil, false, nil
	}
	rs := interp.StrRunes(state)
	if len(rs) != n {
		return nil, false, nil
	}
	b := make([]byte, n)
	for i, r := range rs {
		b[i] = byte(r)
	}
	if !sane(b) {
		return nil, false, nil
	}
	for _, r := range rs {
		if r > 255 {
			return nil, false, in.Raise(interp.ValueError, "Failed to encode latin1 string when unpickling a %s object. pickle.load(data, encoding='latin1') is assumed.", what)
		}
	}
	return b, true, nil
}

func dtMonthSane(m byte) bool { return m >= 1 && m <= 12 }

func dateNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	if t.IsSubtype(dtType) {
		base := t
		for base.Flags&interp.TypeHeapType != 0 {
			base = base.Base
		}
		return Value{}, in.Raise(interp.TypeError, "datetime.date.__new__(%s) is not safe, use %s.__new__()", t.Name, base.Name)
	}
	if len(args)-len(kwnames) == 1 {
		b, ok, err := dtPickleState(in, args[0], 4, func(b []byte) bool { return dtMonthSane(b[2]) }, "date")
		if err != nil {
			return Value{}, err
		}
		if ok {
			return newDateRaw(in, t, int(b[0])<<8|int(b[1]), int(b[2]), int(b[3]))
		}
	}
	var vals [3]int
	err := dateFormatFmt.parse(in, args, kwnames, func(i int, v Value) (err error) {
		vals[i], err = dtCInt(in, v)
		return err
	})
	if err != nil {
		return Value{}, err
	}
	return newDateChecked(in, t, vals[0], vals[1], vals[2])
}

func dateCompare(in *interp.Interp, a, b Value, op interp.CompareOp) (Value, error) {
	if !isDate(b) || isDatetime(b) {
		return interp.NotImplemented, nil
	}
	return dtCmpResult(dtCmpInts(dtDateKey(dateOf(a)), dtDateKey(dateOf(b))), op), nil
}

// addDateDelta is date + delta (or - delta): only the days count.
func addDateDelta(in *interp.Interp, date Value, delta *deltaObject, negate bool) (Value, error) {
	o := dateOf(date)
	y, m, d := o.year, o.month, o.day
	if negate {
		d -= delta.days
	} else {
		d += delta.days
	}
	if err := dtNormDate(in, &y, &m, &d); err != nil {
		return Value{}, err
	}
	return dateFromClass(in, date.Type(), y, m, d)
}

func dateAdd(in *interp.Interp, a, b Value) (Value, error) {
	if isDatetime(a) || isDatetime(b) {
		return interp.NotImplemented, nil
	}
	switch {
	case isDate(a) && isDelta(b):
		return addDateDelta(in, a, deltaOf(b), false)
	case isDelta(a) && isDate(b):
		return addDateDelta(in, b, deltaOf(a), false)
	}
	return interp.NotImplemented, nil
}

func dateSub(in *interp.Interp, a, b Value) (Value, error) {
	if isDatetime(a) || isDatetime(b) || !isDate(a) {
		return interp.NotImplemented, nil
	}
	switch {
	case isDate(b):
		x, y := dateOf(a), dateOf(b)
		return newDelta(in, deltaType, dtYMDToOrd(x.year, x.month, x.day)-dtYMDToOrd(y.year, y.month, y.day), 0, 0, false)
	case isDelta(b):
		return addDateDelta(in, a, deltaOf(b), true)
	}
	return interp.NotImplemented, nil
}

// dtCtime is "Sun Jun 20 23:21:05 1993".
func dtCtime(y, m, d, hh, mm, ss int) string {
	var b strings.Builder
	b.WriteString(dtDayAbbrs[dtWeekday(y, m, d)] + " " + dtMonthAbbrs[m-1] + " ")
	if d < 10 {
		b.WriteByte(' ')
	}
	b.WriteString(dtItoa(d) + " ")
	dtPad(&b, hh, 2)
	b.WriteByte(':')
	dtPad(&b, mm, 2)
	b.WriteByte(':')
	dtPad(&b, ss, 2)
	b.WriteByte(' ')
	dtPad(&b, y, 4)
	return b.String()
}

// dtWriteDate writes YYYY-MM-DD.
func dtWriteDate(b *strings.Builder, o *dateObject) {
	dtPad(b, o.year, 4)
	b.WriteByte('-')
	dtPad(b, o.month, 2)
	b.WriteByte('-')
	dtPad(b, o.day, 2)
}

// dtStructTime is time.struct_time of the fields, as build_struct_time.
func dtStructTime(in *interp.Interp, y, m, d, hh, mm, ss, dst int) (Value, error) {
	items := []int{y, m, d, hh, mm, ss, dtWeekday(y, m, d), dtDaysBeforeMonth(y, m) + d, dst}
	vals := make([]Value, 0, 11)
	for _, x := range items {
		vals = append(vals, interp.Int(int64(x)))
	}
	return in.NewStructSeq(structTimeType, append(vals, interp.None, interp.None)...)
}
