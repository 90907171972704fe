package modules

import (
	"math"
	"time"

	"github.com/parallel-py/parallel/interp"
)

// The datetime methods that meet the local time zone or the clock:
// now, utcnow, fromtimestamp, utcfromtimestamp, timestamp and
// astimezone, with CPython's search for the UTC offset of a local time
// (local_to_seconds) and its detection of fold.

var (
	fromTimestampFmt = dtFormat{fname: "fromtimestamp", names: []string{"timestamp", "tz"}, required: 1, maxPos: 2}
	astimezoneFmt    = dtFormat{fname: "astimezone", names: []string{"tz"}, maxPos: 1}
	nowParams        = interp.Params{Func: "now", Names: []string{"tz"}}
)

func initDatetimeLocal(t *interp.Type) {
	t.AddClassMethod("now", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		var tz Value
		if err := in.Unpack(&nowParams, args[1:], kwnames, &tz); err != nil {
			return Value{}, err
		}
		tz = dtOrNone(tz)
		if err := dtCheckTzinfo(in, tz); err != nil {
			return Value{}, err
		}
		now := time.Now()
		return dtFromTimestamp(in, interp.AsType(args[0]), now.Unix(), now.Nanosecond()/1000, tz)
	})
	t.AddClassMethod("utcnow", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("datetime.utcnow", args, kwnames); err != nil {
			return Value{}, err
		}
		if err := dtDeprecated(in, "datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.now(datetime.UTC)."); err != nil {
			return Value{}, err
		}
		now := time.Now()
		return dtFromTimeT(in, interp.AsType(args[0]), true, now.Unix(), now.Nanosecond()/1000, interp.None)
	})
	t.AddClassMethod("fromtimestamp", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		var ts Value
		tz := interp.None
		err := fromTimestampFmt.parse(in, args[1:], kwnames, func(i int, v Value) error {
			if i == 0 {
				ts = v
			} else {
				tz = v
			}
			return nil
		})
		if err != nil {
			return Value{}, err
		}
		if err := dtCheckTzinfo(in, tz); err != nil {
			return Value{}, err
		}
		secs, us, err := dtTimeval(in, ts)
		if err != nil {
			return Value{}, err
		}
		return dtFromTimestamp(in, interp.AsType(args[0]), secs, us, tz)
	})
	t.AddClassMethod("utcfromtimestamp", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := dtTupleArgs(in, "utcfromtimestamp", "utcfromtimestamp", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if err := dtDeprecated(in, "datetime.datetime.utcfromtimestamp() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.fromtimestamp(timestamp, datetime.UTC)."); err != nil {
			return Value{}, err
		}
		secs, us, err := dtTimeval(in, args[1])
		if err != nil {
			return Value{}, err
		}
		return dtFromTimeT(in, interp.AsType(args[0]), true, secs, us, interp.None)
	})
	dateNoArgs(t, "timestamp", func(in *interp.Interp, v Value) (Value, error) {
		o := dtOf(v)
		if !o.tzinfo.IsNil() {
			d, err := dtSubtract(in, v, dtEpoch)
			if err != nil {
				return Value{}, err
			}
			defer in.DecRef(d)
			return deltaTotalSeconds(in, deltaOf(d))
		}
		secs, err := dtLocalToSeconds(in, o, o.fold)
		if err != nil {
			return Value{}, err
		}
		return interp.Float(float64(secs-dtEpochSeconds) + float64(o.us)/1e6), nil
	})
	t.AddMethod("astimezone", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		tz := interp.None
		if err := astimezoneFmt.parse(in, args[1:], kwnames, func(i int, v Value) error { tz = v; return nil }); err != nil {
			return Value{}, err
		}
		if err := dtCheckTzinfo(in, tz); err != nil {
			return Value{}, err
		}
		return dtAstimezone(in, args[0], tz)
	})
}

// dtDeprecated issues a DeprecationWarning from the caller's line.
func dtDeprecated(in *interp.Interp, msg string) error {
	mod, err := in.ImportModule("warnings")
	if err != nil {
		return err
	}
	defer in.DecRef(mod)
	text, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	defer in.DecRef(text)
	r, err := in.CallMethod(mod, "warn", []Value{text, interp.TypeValue(interp.ExcType("DeprecationWarning")), interp.Int(1)}, nil)
	if err != nil {
		return err
	}
	in.DecRef(r)
	return nil
}

// dtTimeval converts a timestamp to seconds and microseconds, rounding
// floats half to even (CPython's _PyTime_ObjectToTimeval).
func dtTimeval(in *interp.Interp, v Value) (int64, int, error) {
	if !dtIsFloat(v) {
		secs, err := timeArg(in, v)
		return secs, 0, err
	}
	f, err := in.ToFloat(v)
	if err != nil {
		return 0, 0, err
	}
	if math.IsNaN(f) {
		return 0, 0, in.Raise(interp.ValueError, "Invalid value NaN (not a number)")
	}
	ip, frac := math.Modf(f)
	frac = math.RoundToEven(frac * 1e6)
	if frac >= 1e6 {
		frac -= 1e6
		ip++
	} else if frac < 0 {
		frac += 1e6
		ip--
	}
	if ip < -(1<<63) || ip >= 1<<63 || math.IsInf(f, 0) {
		return 0, 0, in.Raise(interp.OverflowError, "timestamp out of range for platform time_t")
	}
	return int64(ip), int(frac), nil
}

// dtTimeT converts a timestamp to whole seconds, rounding floats down.
func dtTimeT(in *interp.Interp, v Value) (int64, error) { return timeArg(in, v) }

// cTimeOf is the broken-down time of secs in loc, or OSError EOVERFLOW
// when its year does not fit a C struct tm, as glibc fails.
func cTimeOf(in *interp.Interp, secs int64, loc *time.Location) (time.Time, error) {
	if secs > 1e17 || secs < -1e17 {
		return time.Time{}, in.OSErrorErrno(75, Value{}, Value{})
	}
	t := time.Unix(secs, 0).In(loc)
	if y := int64(t.Year()) - 1900; y > math.MaxInt32 || y < math.MinInt32 {
		return time.Time{}, in.OSErrorErrno(75, Value{}, Value{})
	}
	return t, nil
}

// dtLocaltime is localtime_r in the interpreter's local zone.
func dtLocaltime(in *interp.Interp, secs int64) (time.Time, error) {
	return cTimeOf(in, secs, localZone(in))
}

// dtUTCToSeconds counts the seconds of a UTC time from 0001-01-01 less a
// day (the ordinal scale); the year must be a datetime's.
func dtUTCToSeconds(in *interp.Interp, y, mo, d, h, mi, s int) (int64, error) {
	if y < dtMinYear || y > dtMaxYear {
		return 0, in.Raise(interp.ValueError, "year %d is out of range", y)
	}
	return ((int64(dtYMDToOrd(y, mo, d))*24+int64(h))*60+int64(mi))*60 + int64(s), nil
}

// dtLocalSeconds is CPython's local(u): the local time of u (seconds
// on the ordinal scale), on the same scale.
func dtLocalSeconds(in *interp.Interp, u int64) (int64, error) {
	t, err := dtLocaltime(in, u-dtEpochSeconds)
	if err != nil {
		return 0, err
	}
	return dtUTCToSeconds(in, t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second())
}

// dtLocalToSeconds solves local(u) = t for the local time of o; fold
// picks the earlier or later of two solutions, and in a gap the
// offsets from before or after it.
func dtLocalToSeconds(in *interp.Interp, o *dtObject, fold int) (int64, error) {
	t, err := dtUTCToSeconds(in, o.year, o.month, o.day, o.hour, o.minute, o.second)
	if err != nil {
		return 0, err
	}
	lt, err := dtLocalSeconds(in, t)
	if err != nil {
		return 0, err
	}
	a := lt - t
	u1 := t - a
	t1, err := dtLocalSeconds(in, u1)
	if err != nil {
		return 0, err
	}
	var b int64
	if t1 == t {
		u2 := u1 - dtMaxFoldSeconds
		if fold != 0 {
			u2 = u1 + dtMaxFoldSeconds
		}
		lt, err := dtLocalSeconds(in, u2)
		if err != nil {
			return 0, err
		}
		b = lt - u2
		if a == b {
			return u1, nil
		}
	} else {
		b = t1 - u1
	}
	u2 := t - b
	t2, err := dtLocalSeconds(in, u2)
	if err != nil {
		return 0, err
	}
	switch {
	case t2 == t:
		return u2, nil
	case t1 == t:
		return u1, nil
	case fold != 0:
		return min(u1, u2), nil
	}
	return max(u1, u2), nil
}

// dtFromTimestamp is fromtimestamp and now: the local time when tz is
// None, else tz.fromutc(the UTC time with tzinfo tz).
func dtFromTimestamp(in *interp.Interp, cls *interp.Type, secs int64, us int, tz Value) (Value, error) {
	v, err := dtFromTimeT(in, cls, !tz.IsNone(), secs, us, tz)
	if err != nil || tz.IsNone() {
		return v, err
	}
	defer in.DecRef(v)
	return in.CallMethod(tz, "fromutc", []Value{v}, nil)
}

// dtFromTimeT makes the datetime of secs and us in UTC or local time,
// finding fold for a naive local time (datetime_from_timet_and_us).
func dtFromTimeT(in *interp.Interp, cls *interp.Type, utc bool, secs int64, us int, tz Value) (Value, error) {
	var t time.Time
	var err error
	if utc {
		t, err = cTimeOf(in, secs, time.UTC)
	} else {
		t, err = dtLocaltime(in, secs)
	}
	if err != nil {
		return Value{}, err
	}
	y, mo, d, h, mi, s := t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), min(t.Second(), 59)
	fold := 0
	if tz.IsNone() && !utc {
		result, err := dtUTCToSeconds(in, y, mo, d, h, mi, s)
		if err != nil {
			return Value{}, err
		}
		probe, err := dtLocalSeconds(in, dtEpochSeconds+secs-dtMaxFoldSeconds)
		if err != nil {
			return Value{}, err
		}
		if transition := result - probe - dtMaxFoldSeconds; transition < 0 {
			probe, err = dtLocalSeconds(in, dtEpochSeconds+secs+transition)
			if err != nil {
				return Value{}, err
			}
			if probe == result {
				fold = 1
			}
		}
	}
	return dtFromClass(in, cls, y, mo, d, h, mi, s, us, tz, fold)
}

// localTimezoneAt is the fixed-offset timezone, named as the C library
// names it, of the local zone at timestamp secs.
func localTimezoneAt(in *interp.Interp, secs int64) (Value, error) {
	t, err := dtLocaltime(in, secs)
	if err != nil {
		return Value{}, err
	}
	name, off := t.Zone()
	nv, err := in.NewStr(name)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(nv)
	return newTimezoneSeconds(in, off, 0, nv)
}

// localTimezoneOf is the local zone of a naive datetime (the offset
// its local time has, the gap resolved by fold).
func localTimezoneOf(in *interp.Interp, o *dtObject) (Value, error) {
	secs, err := dtLocalToSeconds(in, o, o.fold)
	if err != nil {
		return Value{}, err
	}
	secs2, err := dtLocalToSeconds(in, o, 1-o.fold)
	if err != nil {
		return Value{}, err
	}
	if secs2 != secs && (secs2 > secs) == (o.fold != 0) {
		secs = secs2
	}
	return localTimezoneAt(in, secs-dtEpochSeconds)
}

// dtAstimezone is datetime.astimezone(tz).
func dtAstimezone(in *interp.Interp, v, tz Value) (Value, error) {
	o := dtOf(v)
	var selfTz Value
	naive := o.tzinfo.IsNil()
	for {
		if naive {
			var err error
			if selfTz, err = localTimezoneOf(in, o); err != nil {
				return Value{}, err
			}
		} else {
			selfTz = o.tzinfo
			interp.IncRef(selfTz)
		}
		if selfTz.Is(tz) {
			in.DecRef(selfTz)
			interp.IncRef(v)
			return v, nil
		}
		off, err := dtCallOffset(in, "utcoffset", selfTz, v)
		in.DecRef(selfTz)
		if err != nil {
			return Value{}, err
		}
		if off.IsNone() {
			naive = true
			continue
		}
		result, err := addDatetimeDelta(in, v, deltaOf(off), -1)
		in.DecRef(off)
		if err != nil {
			return Value{}, err
		}
		if !isDatetime(result) {
			in.DecRef(result)
			return Value{}, in.Raise(interp.TypeError, "expected a datetime, got %s", dtTypeName(result))
		}
		r := dtOf(result)
		if r.tzinfo.IsNil() {
			aware, err := newDatetimeRaw(in, result.Type(), r.year, r.month, r.day, r.hour, r.minute, r.second, r.us, dtUTC, r.fold)
			in.DecRef(result)
			if err != nil {
				return Value{}, err
			}
			result, r = aware, dtOf(aware)
		} else {
			// A fresh object: CPython changes its tzinfo in place.
			in.ClearRef(&r.tzinfo)
			r.tzinfo = dtUTC
			r.hash = 0
		}
		if tz.IsNone() {
			if tz, err = localTimezoneOfUTC(in, result); err != nil {
				in.DecRef(result)
				return Value{}, err
			}
		} else {
			interp.IncRef(tz)
		}
		r.tzinfo = tz
		defer in.DecRef(result)
		return in.CallMethod(tz, "fromutc", []Value{result}, nil)
	}
}

// localTimezoneOfUTC is the local zone at an aware UTC datetime
// (CPython's local_timezone).
func localTimezoneOfUTC(in *interp.Interp, utc Value) (Value, error) {
	d, err := dtSubtract(in, utc, dtEpoch)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(d)
	secs, _ := dtBigDivmod(deltaMicros(deltaOf(d)), dtBigUsPerSecond)
	return localTimezoneAt(in, secs.Int64())
}
