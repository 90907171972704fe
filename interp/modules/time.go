package modules

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/parallel-py/parallel/interp"
)

// The time module of CPython 3.12 on Linux: clocks, sleep, struct_time
// conversions (gmtime, localtime, mktime), and formatting (strftime with
// glibc's directives and flags in the C locale, asctime, ctime). The
// local zone is each interpreter's own: Go's time.Local (which reads TZ
// as the C library does) until time.tzset() reads TZ again
// (time_zone.go).

// structTimeType is time.struct_time: nine items, plus the attributes
// tm_zone and tm_gmtoff.
var structTimeType = interp.NewStructSeqType("time.struct_time", []string{
	"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
}, 9)

var timeFuncs []namedFunc

func defTime(name string, fn interp.BuiltinFunc) {
	timeFuncs = append(timeFuncs, namedFunc{name, interp.NewBuiltin(name, fn)})
}

// clockStart anchors the monotonic clocks: Go reads the monotonic clock
// only through durations.
var clockStart = time.Now()

// initTime fills a new time module.
func initTime(in *interp.Interp, m *interp.Module) error {
	for _, f := range timeFuncs {
		if err := m.Set(in, f.name, f.fn); err != nil {
			return err
		}
	}
	if err := m.Set(in, "struct_time", interp.TypeValue(structTimeType)); err != nil {
		return err
	}
	if err := m.Set(in, "_STRUCT_TM_ITEMS", interp.Int(11)); err != nil {
		return err
	}
	return setZoneAttrs(in, localZone(in), func(name string, v interp.Value) error { return m.Set(in, name, v) })
}

// setZoneAttrs sets timezone, altzone, daylight and tzname from loc.
func setZoneAttrs(in *interp.Interp, loc *time.Location, set func(name string, v interp.Value) error) error {
	tz := localZoneInfo(time.Now(), loc)
	for _, kv := range []struct {
		name string
		v    int64
	}{{"timezone", int64(tz.timezone)}, {"altzone", int64(tz.altzone)}, {"daylight", int64(tz.daylight)}} {
		if err := set(kv.name, interp.Int(kv.v)); err != nil {
			return err
		}
	}
	std, err := in.NewStr(tz.stdName)
	if err != nil {
		return err
	}
	defer in.DecRef(std)
	dst, err := in.NewStr(tz.dstName)
	if err != nil {
		return err
	}
	defer in.DecRef(dst)
	names, err := in.NewTuple(std, dst)
	if err != nil {
		return err
	}
	defer in.DecRef(names)
	return set("tzname", names)
}

// zoneInfo is what CPython's init_timezone derives from the local zone.
type zoneInfo struct {
	timezone, altzone, daylight int
	stdName, dstName            string
}

// localZoneInfo samples the zone as CPython does: at the start of the
// current (Julian) year and half a year later; where the second offset
// is the larger, DST is in January (the southern hemisphere).
func localZoneInfo(now time.Time, loc *time.Location) zoneInfo {
	const year = (365*24 + 6) * 3600
	t := now.Unix() / year * year
	janName, janOff := time.Unix(t, 0).In(loc).Zone()
	julName, julOff := time.Unix(t+year/2, 0).In(loc).Zone()
	jan, jul := -janOff, -julOff
	daylight := 0
	if jan != jul {
		daylight = 1
	}
	if jan < jul {
		return zoneInfo{jul, jan, daylight, julName, janName}
	}
	return zoneInfo{jan, jul, daylight, janName, julName}
}

// noArgs checks a function that takes no arguments.
func noArgs(in *interp.Interp, name string, args, kwnames []interp.Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "time.%s() takes no keyword arguments", name)
	}
	if len(args) > 0 {
		return in.Raise(interp.TypeError, "time.%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

// seconds converts nanoseconds to a float as CPython does.
func seconds(ns int64) interp.Value {
	if ns%1e9 == 0 {
		return interp.Float(float64(ns / 1e9))
	}
	return interp.Float(float64(ns) / 1e9)
}

// clock adds name() and name_ns() reading ns (negative: the clock is
// not available on this system).
func clock(name string, ns func(in *interp.Interp) int64) {
	for _, asInt := range []bool{false, true} {
		fname := name
		if asInt {
			fname += "_ns"
		}
		asInt := asInt
		defTime(fname, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			if err := noArgs(in, fname, args, kwnames); err != nil {
				return interp.Value{}, err
			}
			n := ns(in)
			switch {
			case n < 0:
				return interp.Value{}, in.Raise(interp.NotImplementedError, "time.%s() is not implemented on this system yet", fname)
			case asInt:
				return interp.Int(n), nil
			}
			return seconds(n), nil
		})
	}
}

// monotonicNs is the monotonic clock in nanoseconds, counted from an
// arbitrary start.
func monotonicNs(in *interp.Interp) int64 {
	if d, ok := in.VirtualClock(); ok {
		return int64(d) + 1e9
	}
	return int64(time.Since(clockStart)) + 1e9
}

// timeArg converts a timestamp argument to whole seconds, rounding
// floats toward minus infinity (CPython's _PyTime_ObjectToTime_t).
func timeArg(in *interp.Interp, v interp.Value) (int64, error) {
	if v.IsFloat() {
		f := math.Floor(v.FloatValue())
		switch {
		case math.IsNaN(f):
			return 0, in.Raise(interp.ValueError, "Invalid value NaN (not a number)")
		case f < -(1<<63) || f >= 1<<63:
			return 0, in.Raise(interp.OverflowError, "timestamp out of range for platform time_t")
		}
		return int64(f), nil
	}
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	n, ok := interp.IntValue(i)
	if !ok {
		return 0, in.Raise(interp.OverflowError, "timestamp out of range for platform time_t")
	}
	return n, nil
}

// tmFields are a struct tm's fields, Python's way: tm_year is the year,
// tm_mon 1-12, tm_wday 0 for Monday, tm_yday 1-366.
type tmFields struct {
	year, mon, mday, hour, min, sec, wday, yday, isdst int64
	zone                                               string
	hasZone                                            bool
	gmtoff                                             int64
}

// tmOf returns the fields of t in its location.
func tmOf(t time.Time) tmFields {
	name, off := t.Zone()
	isdst := int64(0)
	if t.IsDST() {
		isdst = 1
	}
	return tmFields{
		year: int64(t.Year()), mon: int64(t.Month()), mday: int64(t.Day()),
		hour: int64(t.Hour()), min: int64(t.Minute()), sec: int64(t.Second()),
		wday: int64((t.Weekday() + 6) % 7), yday: int64(t.YearDay()), isdst: isdst,
		zone: name, hasZone: true, gmtoff: int64(off),
	}
}

// timeFromSeconds returns the time of secs in loc, or OSError
// EOVERFLOW when its year does not fit a C struct tm, as glibc fails.
func timeFromSeconds(in *interp.Interp, secs int64, loc *time.Location) (time.Time, error) {
	return cTimeOf(in, secs, loc)
}

// newStructTime makes a struct_time.
func newStructTime(in *interp.Interp, tm tmFields) (interp.Value, error) {
	zone := interp.None
	if tm.hasZone {
		z, err := in.NewStr(tm.zone)
		if err != nil {
			return interp.Value{}, err
		}
		defer in.DecRef(z)
		zone = z
	}
	return in.NewStructSeq(structTimeType,
		interp.Int(tm.year), interp.Int(tm.mon), interp.Int(tm.mday), interp.Int(tm.hour), interp.Int(tm.min),
		interp.Int(tm.sec), interp.Int(tm.wday), interp.Int(tm.yday), interp.Int(tm.isdst), zone, interp.Int(tm.gmtoff))
}

// tmArg converts a struct_time or 9-tuple (CPython's gettmarg); fname
// words the error of a wrong length.
func tmArg(in *interp.Interp, v interp.Value, fname string) (tmFields, error) {
	var tm tmFields
	items, ok := interp.TupleItems(v)
	if !ok {
		return tm, in.Raise(interp.TypeError, "Tuple or struct_time argument required")
	}
	if len(items) != 9 {
		return tm, in.Raise(interp.TypeError, "%s(): illegal time tuple argument", fname)
	}
	dst := []*int64{&tm.year, &tm.mon, &tm.mday, &tm.hour, &tm.min, &tm.sec, &tm.wday, &tm.yday, &tm.isdst}
	for i, item := range items {
		iv, err := in.Index(item)
		if err != nil {
			return tm, err
		}
		n, ok := interp.IntValue(iv)
		in.DecRef(iv)
		if !ok || n > math.MaxInt32 || n < math.MinInt32 {
			return tm, in.Raise(interp.OverflowError, "signed integer is greater than maximum")
		}
		*dst[i] = n
	}
	if v.Type() == structTimeType {
		fields := interp.StructSeqFields(v)
		if zone := fields[9]; interp.IsStr(zone) {
			tm.zone, tm.hasZone = zone.GoString(), true
		}
		if n, ok := interp.IntValue(fields[10]); ok {
			tm.gmtoff = n
		}
	}
	return tm, nil
}

// checkTM is CPython's checktm: the fields asctime and strftime index
// tables with must be in range; zeros stand for the first value.
func checkTM(in *interp.Interp, tm *tmFields) error {
	switch {
	case tm.mon == 0:
		tm.mon = 1
	case tm.mon < 1 || tm.mon > 12:
		return in.Raise(interp.ValueError, "month out of range")
	}
	switch {
	case tm.mday == 0:
		tm.mday = 1
	case tm.mday < 0 || tm.mday > 31:
		return in.Raise(interp.ValueError, "day of month out of range")
	}
	switch {
	case tm.hour < 0 || tm.hour > 23:
		return in.Raise(interp.ValueError, "hour out of range")
	case tm.min < 0 || tm.min > 59:
		return in.Raise(interp.ValueError, "minute out of range")
	case tm.sec < 0 || tm.sec > 61:
		return in.Raise(interp.ValueError, "seconds out of range")
	}
	// Python's Monday-first weekday becomes C's Sunday-first one, as
	// (wday + 1) % 7 with C's sign rules.
	if (tm.wday+1)%7 < 0 {
		return in.Raise(interp.ValueError, "day of week out of range")
	}
	switch {
	case tm.yday == 0:
		tm.yday = 1
	case tm.yday < 0 || tm.yday > 366:
		return in.Raise(interp.ValueError, "day of year out of range")
	}
	return nil
}

var (
	dayNames   = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// cWday is the C weekday (0 for Sunday) of Python fields.
func (tm *tmFields) cWday() int64 { return (tm.wday + 1) % 7 }

// asctime is "Sun Jun 20 23:21:05 1993".
func asctime(tm tmFields) string {
	var b strings.Builder
	b.WriteString(dayNames[tm.cWday()][:3] + " " + monthNames[tm.mon-1][:3] + " ")
	pad(&b, tm.mday, 2, ' ')
	b.WriteByte(' ')
	pad(&b, tm.hour, 2, '0')
	b.WriteByte(':')
	pad(&b, tm.min, 2, '0')
	b.WriteByte(':')
	pad(&b, tm.sec, 2, '0')
	b.WriteByte(' ')
	pad(&b, tm.year, 1, '0')
	return b.String()
}

// pad writes n in at least width digits, padded with c.
func pad(b *strings.Builder, n int64, width int, c byte) {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
		b.WriteByte('-')
		width--
	}
	for i := len(s); i < width; i++ {
		b.WriteByte(c)
	}
	b.WriteString(s)
}

// mktimeState is glibc's localtime_offset: how far from the fields read
// as UTC the last mktime result was, its first guess the next time. It
// decides which instant an ambiguous local time (the hour repeated when
// DST ends) becomes. glibc keeps one per process; here each interpreter
// has its own, as each CPython process would. loc is the interpreter's
// local zone.
type mktimeState struct {
	offset int64
	loc    *time.Location
}

// zoneAt returns the local UTC offset at t and whether DST is on then.
func (state *mktimeState) zoneAt(t int64) (int64, bool) {
	u := time.Unix(t, 0).In(state.loc)
	_, off := u.Zone()
	return int64(off), u.IsDST()
}

// mktime converts local-time fields to a timestamp the way glibc 2.36's
// mktime does: fields out of range carry over; the instant is found by
// probing from the last call's offset; in a gap it settles on the later
// side; tm_isdst 0 or 1 asks for a neighbouring offset with that DST
// state, or one an hour off when there is none. ok is false when the
// search fails.
func mktime(state *mktimeState, tm tmFields) (t int64, ok bool) {
	sec := min(max(tm.sec, 0), 59)
	guess := time.Date(int(tm.year), time.Month(tm.mon), int(tm.mday), int(tm.hour), int(tm.min), int(sec), 0, time.UTC).Unix()
	t0 := guess + state.offset
	t, t1, t2 := t0, t0, t0
	dst2 := false
	probes := 6
	var dst bool
	found := false
	for {
		var off int64
		off, dst = state.zoneAt(t)
		dt := guess - (t + off)
		if dt == 0 {
			break
		}
		if t == t1 && t != t2 && (tm.isdst < 0 && (!dst2 || dst) || tm.isdst >= 0 && (tm.isdst != 0) != dst) {
			// Oscillating across a gap in local time (spring forward).
			found = true
			break
		}
		if probes--; probes == 0 {
			return -1, false
		}
		t1, t2, t, dst2 = t2, t, t+dt, dst
	}
	if !found && tm.isdst >= 0 && (tm.isdst != 0) != dst {
		const stride = 601200
		for delta := int64(stride); delta < 457243200/2+stride && !found; delta += stride {
			for _, dir := range []int64{-1, 1} {
				ot := t + delta*dir
				ooff, odst := state.zoneAt(ot)
				if odst == (tm.isdst != 0) {
					t = ot + (guess - (ot + ooff))
					found = true
					break
				}
			}
		}
		if !found {
			// No DST change nearby: assume one of an hour.
			if tm.isdst == 0 {
				t += 3600
			} else {
				t -= 3600
			}
		}
	}
	state.offset = t - guess
	return t + tm.sec - sec, true
}

// mktimeOf returns the interpreter's mktime state.
func mktimeOf(in *interp.Interp) *mktimeState {
	return in.ModuleState(&mktimeStateKey, func() any { return &mktimeState{loc: time.Local} }).(*mktimeState)
}

var mktimeStateKey byte

// sleepFor blocks for d with the GIL released, so that other threads
// run meanwhile; a signal handler that raises ends the sleep early, as
// in CPython. sleep(0) only lets waiting threads run.
func sleepFor(in *interp.Interp, d time.Duration) error {
	if d <= 0 {
		in.AllowThreads(func() {})
		return nil
	}
	deadline := in.Now().Add(d)
	for {
		left := in.Until(deadline)
		if left <= 0 {
			return nil
		}
		if _, err := in.Park(left); err != nil {
			return err
		}
	}
}

func init() {
	clock("time", func(in *interp.Interp) int64 { return in.Now().UnixNano() })
	clock("monotonic", monotonicNs)
	clock("perf_counter", monotonicNs)
	clock("process_time", func(*interp.Interp) int64 { return processTimeNs() })

	defTime("get_clock_info", getClockInfo)
	for _, name := range []string{"thread_time", "thread_time_ns", "clock_gettime", "clock_gettime_ns"} {
		name := name
		defTime(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			return interp.Value{}, in.Raise(interp.NotImplementedError, "time.%s() is not implemented yet", name)
		})
	}
	defTime("sleep", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArgIn(in, "time.sleep", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		var ns float64
		if args[0].IsFloat() {
			f := args[0].FloatValue()
			switch {
			case math.IsNaN(f):
				return interp.Value{}, in.Raise(interp.ValueError, "Invalid value NaN (not a number)")
			case math.Abs(f) >= 9.2e9:
				return interp.Value{}, in.Raise(interp.OverflowError, "timestamp out of range for platform time_t")
			}
			ns = math.Ceil(f * 1e9)
		} else {
			n, err := timeArg(in, args[0])
			if err != nil {
				return interp.Value{}, err
			}
			if n > 9e9 || n < -9e9 {
				return interp.Value{}, in.Raise(interp.OverflowError, "timestamp out of range for platform time_t")
			}
			ns = float64(n) * 1e9
		}
		if ns < 0 {
			return interp.Value{}, in.Raise(interp.ValueError, "sleep length must be non-negative")
		}
		if err := sleepFor(in, time.Duration(ns)); err != nil {
			return interp.Value{}, err
		}
		return interp.None, nil
	})
	for _, f := range []struct {
		name string
		loc  func(in *interp.Interp) *time.Location
	}{{"gmtime", func(*interp.Interp) *time.Location { return time.UTC }}, {"localtime", localZone}} {
		f := f
		defTime(f.name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			if err := optArg(in, f.name, args, kwnames); err != nil {
				return interp.Value{}, err
			}
			secs := time.Now().Unix()
			if len(args) == 1 && !args[0].IsNone() {
				var err error
				if secs, err = timeArg(in, args[0]); err != nil {
					return interp.Value{}, err
				}
			}
			t, err := timeFromSeconds(in, secs, f.loc(in))
			if err != nil {
				return interp.Value{}, err
			}
			tm := tmOf(t)
			if f.name == "gmtime" {
				tm.zone = "GMT" // as glibc names UTC in a struct tm
			}
			return newStructTime(in, tm)
		})
	}
	defTime("mktime", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArgIn(in, "time.mktime", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		tm, err := tmArg(in, args[0], "mktime")
		if err != nil {
			return interp.Value{}, err
		}
		t, ok := mktime(mktimeOf(in), tm)
		if !ok {
			return interp.Value{}, in.Raise(interp.OverflowError, "mktime argument out of range")
		}
		return interp.Float(float64(t)), nil
	})
	defTime("asctime", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := optArg(in, "asctime", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		tm := tmOf(time.Now().In(localZone(in)))
		if len(args) == 1 {
			var err error
			if tm, err = tmArg(in, args[0], "asctime"); err != nil {
				return interp.Value{}, err
			}
			if err := checkTM(in, &tm); err != nil {
				return interp.Value{}, err
			}
		}
		return in.NewStr(asctime(tm))
	})
	defTime("ctime", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := optArg(in, "ctime", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		secs := time.Now().Unix()
		if len(args) == 1 && !args[0].IsNone() {
			var err error
			if secs, err = timeArg(in, args[0]); err != nil {
				return interp.Value{}, err
			}
		}
		t, err := timeFromSeconds(in, secs, localZone(in))
		if err != nil {
			return interp.Value{}, err
		}
		return in.NewStr(asctime(tmOf(t)))
	})
	defTime("strftime", timeStrftime)
}

// oneArgIn checks a function of exactly one positional argument.
func oneArgIn(in *interp.Interp, qualname string, args, kwnames []interp.Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "%s() takes no keyword arguments", qualname)
	}
	if len(args) != 1 {
		return in.Raise(interp.TypeError, "%s() takes exactly one argument (%d given)", qualname, len(args))
	}
	return nil
}

// optArg checks a function of one optional positional argument
// (PyArg_ParseTuple's "|O:name").
func optArg(in *interp.Interp, name string, args, kwnames []interp.Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "time.%s() takes no keyword arguments", name)
	}
	if len(args) > 1 {
		return in.Raise(interp.TypeError, "%s() takes at most 1 argument (%d given)", name, len(args))
	}
	return nil
}

// clockInfos are get_clock_info's answers, CPython's on Linux.
var clockInfos = map[string]struct {
	impl                  string
	monotonic, adjustable bool
}{
	"time":         {"clock_gettime(CLOCK_REALTIME)", false, true},
	"monotonic":    {"clock_gettime(CLOCK_MONOTONIC)", true, false},
	"perf_counter": {"clock_gettime(CLOCK_MONOTONIC)", true, false},
	"process_time": {"clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false},
}

// getClockInfo is get_clock_info(name): a types.SimpleNamespace.
func getClockInfo(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := dtTupleArgs(in, "get_clock_info", "get_clock_info", args, kwnames, 1, 1); err != nil {
		return interp.Value{}, err
	}
	if !interp.IsStr(args[0]) {
		return interp.Value{}, dtArgError(in, "get_clock_info", 0, "str", args[0])
	}
	name := args[0].GoString()
	if name == "thread_time" {
		return interp.Value{}, in.Raise(interp.NotImplementedError, "time.get_clock_info('thread_time') is not implemented yet")
	}
	info, ok := clockInfos[name]
	if !ok {
		return interp.Value{}, in.Raise(interp.ValueError, "unknown clock")
	}
	sys, err := in.ImportModule("sys")
	if err != nil {
		return interp.Value{}, err
	}
	defer in.DecRef(sys)
	impl, err := in.GetAttrString(sys, "implementation")
	if err != nil {
		return interp.Value{}, err
	}
	ns := interp.TypeValue(impl.Type()) // types.SimpleNamespace
	in.DecRef(impl)
	implName, err := in.NewStr(info.impl)
	if err != nil {
		return interp.Value{}, err
	}
	defer in.DecRef(implName)
	kw := []interp.Value{interp.ImmortalStr("implementation"), interp.ImmortalStr("monotonic"), interp.ImmortalStr("adjustable"), interp.ImmortalStr("resolution")}
	return in.Call(ns, []interp.Value{implName, interp.Bool(info.monotonic), interp.Bool(info.adjustable), interp.Float(1e-09)}, kw)
}
