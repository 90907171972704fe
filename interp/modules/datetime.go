package modules

import (
	"hash/fnv"
	"math"
	"math/big"
	"strings"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _datetime module of CPython 3.12 (what Lib/datetime.py imports
// instead of _pydatetime): the types date, datetime, time, timedelta,
// tzinfo and timezone with the C module's results, reprs and messages.
// This file holds the module, the instance structs, the calendar
// arithmetic and the argument conversions the types share.

// deltaObject is a timedelta, normalized: 0 <= seconds < 86400,
// 0 <= us < 1000000 and |days| <= 999999999.
type deltaObject struct {
	alloc.Header
	days, seconds, us int
}

// dateObject is a date. Its fields hold what a pickle gave even when
// that is no valid date, as CPython's bytes do.
type dateObject struct {
	alloc.Header
	year, month, day int
	// hash caches an aware datetime's hash (0: not yet), which calls
	// the tzinfo; other hashes are computed each time.
	hash int64
}

// dtObject is a datetime: a date followed by the time of day.
type dtObject struct {
	dateObject
	timeOfDay
}

// timeObject is a time of day.
type timeObject struct {
	alloc.Header
	timeOfDay
	hash int64
}

// timeOfDay is the time of day a time and a datetime hold.
type timeOfDay struct {
	hour, minute, second, us, fold int
	tzinfo                         Value // empty: naive (tzinfo None)
}

// addTimeOfDayAttrs gives t (time or datetime) the attributes of its
// time of day: hour, minute, second, microsecond, fold and tzinfo.
func addTimeOfDayAttrs(t *interp.Type, todOf func(v Value) *timeOfDay) {
	for _, f := range []struct {
		name string
		get  func(c *timeOfDay) int
	}{{"hour", func(c *timeOfDay) int { return c.hour }}, {"minute", func(c *timeOfDay) int { return c.minute }},
		{"second", func(c *timeOfDay) int { return c.second }}, {"microsecond", func(c *timeOfDay) int { return c.us }},
		{"fold", func(c *timeOfDay) int { return c.fold }}} {
		get := f.get
		t.AddGetSet(f.name, func(in *interp.Interp, v Value) (Value, error) { return interp.Int(int64(get(todOf(v)))), nil }, nil)
	}
	t.AddGetSet("tzinfo", func(in *interp.Interp, v Value) (Value, error) {
		tz := dtOrNone(todOf(v).tzinfo)
		interp.IncRef(tz)
		return tz, nil
	}, nil)
}

// tzinfoObject is a tzinfo: nothing but a base for classes. It is a
// container so that instances of Python subclasses, which hold
// dicts, take part in cycle collection.
type tzinfoObject struct {
	alloc.Header
	alloc.GCLink
}

// timezoneObject is a fixed-offset timezone.
type timezoneObject struct {
	tzinfoObject
	offset Value // a timedelta
	name   Value // a str, or empty for none
}

// capsuleObject is the PyCapsule datetime_CAPI, which only C extensions
// read: here a placeholder with the repr.
type capsuleObject struct {
	alloc.Header
}

var (
	deltaType, dateType, dtType, timeType, tzinfoType, timezoneType *interp.Type
	isoCalendarType, capsuleType                                    *interp.Type
)

// The class constants, shared by every interpreter.
var (
	dtUTC         Value // timezone.utc
	dtEpoch       Value // datetime(1970, 1, 1, tzinfo=timezone.utc)
	dtCapsule     Value
	dtOneSecond   Value // timedelta(seconds=1)
	datetimeTable moduleTable
)

const (
	dtMinYear      = 1
	dtMaxYear      = 9999
	dtMaxOrdinal   = 3652059 // date.max.toordinal()
	dtMaxDeltaDays = 999999999
	dtUsPerSecond  = 1000000
	dtUsPerDay     = 86400 * dtUsPerSecond
	// dtEpochSeconds is 1970-01-01 as seconds since 0001-01-01
	// minus one day (CPython's epoch: the ordinal scale times 86400).
	dtEpochSeconds = 719163 * 86400
	// dtMaxFoldSeconds is how far apart CPython looks for another UTC
	// offset of a local time.
	dtMaxFoldSeconds = 86400
)

func init() {
	deltaType = interp.NewType[deltaObject](deltaSpec)
	dateType = interp.NewType[dateObject](dateSpec)
	dtSpec.Base = dateType
	dtType = interp.NewType[dtObject](dtSpec)
	timeType = interp.NewType[timeObject](timeSpec)
	tzinfoType = interp.NewType[tzinfoObject](tzinfoSpec)
	timezoneSpec.Base = tzinfoType
	timezoneType = interp.NewType[timezoneObject](timezoneSpec)
	capsuleType = interp.NewType[capsuleObject](interp.TypeSpec{
		Name: "PyCapsule",
		Doc:  "Capsule objects let you wrap a C \"void *\" pointer in a Python\nobject.  They're a way of passing data through the Python interpreter\nwithout creating your own custom type.\n\nCapsules are used for communication between extension modules.\nThey provide a way for an extension module to export a C interface\nto other extension modules, so that extension modules can use the\nPython import mechanism to link to one another.\n",
		Repr: func(in *interp.Interp, v Value) (Value, error) {
			return in.NewStr("<capsule object \"datetime.datetime_CAPI\" at 0x" + interp.HexAddr(v) + ">")
		},
	})
	isoCalendarType = interp.NewNamedTupleType("datetime.IsoCalendarDate", []string{"year", "week", "weekday"}, isoCalendarNew)
	isoCalendarType.AddMethod("__reduce__", isoCalendarReduce)

	initDeltaType()
	initDateType()
	initTimeType()
	initDatetimeType()
	initTzinfoTypes()
	dtCapsule = interp.ValueOf(interp.NewConstantObject[capsuleObject](capsuleType))

	datetimeTable.set("MINYEAR", interp.Int(dtMinYear))
	datetimeTable.set("MAXYEAR", interp.Int(dtMaxYear))
	datetimeTable.set("UTC", dtUTC)
	datetimeTable.set("datetime_CAPI", dtCapsule)
	datetimeTable.set("__doc__", interp.ImmortalStr("Fast implementation of the datetime type."))
	for _, t := range []*interp.Type{dateType, dtType, timeType, deltaType, tzinfoType, timezoneType} {
		datetimeTable.typ(typeNameOf(t), t)
	}
	interp.RegisterModule("_datetime", func(in *interp.Interp, m *interp.Module) error { return datetimeTable.fill(in, m) })
}

// Instance access and type tests.

func deltaOf(v Value) *deltaObject { return interp.ObjectOf[deltaObject](v) }
func dateOf(v Value) *dateObject   { return interp.ObjectOf[dateObject](v) }
func dtOf(v Value) *dtObject       { return interp.ObjectOf[dtObject](v) }
func timeOf(v Value) *timeObject   { return interp.ObjectOf[timeObject](v) }
func tzOf(v Value) *timezoneObject { return interp.ObjectOf[timezoneObject](v) }
func isDelta(v Value) bool         { return interp.IsInstance(v, deltaType) }
func isDate(v Value) bool          { return interp.IsInstance(v, dateType) }
func isDatetime(v Value) bool      { return interp.IsInstance(v, dtType) }
func isTimeObj(v Value) bool       { return interp.IsInstance(v, timeType) }
func isTzinfo(v Value) bool        { return interp.IsInstance(v, tzinfoType) }
func isTimezone(v Value) bool      { return interp.IsInstance(v, timezoneType) }
func dtTypeName(v Value) string    { return v.Type().Name }

// dtOrNone is v, or None for the empty Value (borrowed).
func dtOrNone(v Value) Value {
	if v.IsNil() {
		return interp.None
	}
	return v
}

// Calendar arithmetic on the proleptic Gregorian calendar, ordinal 1
// being 0001-01-01, as CPython's.

var (
	dtDaysInMonthTable     = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	dtDaysBeforeMonthTable = [13]int{0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}
	dtDayAbbrs             = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	dtMonthAbbrs           = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

func dtIsLeap(y int) bool {
	u := uint32(y)
	return u%4 == 0 && (u%100 != 0 || u%400 == 0)
}

func dtDaysInMonth(y, m int) int {
	if m == 2 && dtIsLeap(y) {
		return 29
	}
	return dtDaysInMonthTable[m]
}

func dtDaysBeforeMonth(y, m int) int {
	n := dtDaysBeforeMonthTable[m]
	if m > 2 && dtIsLeap(y) {
		n++
	}
	return n
}

func dtDaysBeforeYear(y int) int {
	y--
	if y >= 0 {
		return y*365 + y/4 - y/100 + y/400
	}
	return -366
}

func dtYMDToOrd(y, m, d int) int { return dtDaysBeforeYear(y) + dtDaysBeforeMonth(y, m) + d }

// dtOrdToYMD is the inverse of dtYMDToOrd, for ordinals >= 1.
func dtOrdToYMD(ordinal int) (y, m, d int) {
	n := ordinal - 1
	n400, n := n/146097, n%146097
	y = n400*400 + 1
	n100, n := n/36524, n%36524
	n4, n := n/1461, n%1461
	n1, n := n/365, n%365
	y += n100*100 + n4*4 + n1
	if n1 == 4 || n100 == 4 {
		return y - 1, 12, 31
	}
	leap := n1 == 3 && (n4 != 24 || n100 == 3)
	m = (n + 50) >> 5
	preceding := dtDaysBeforeMonthTable[m]
	if m > 2 && leap {
		preceding++
	}
	if preceding > n {
		m--
		preceding -= dtDaysInMonthTable[m]
		if m == 2 && leap {
			preceding--
		}
	}
	return y, m, n - preceding + 1
}

// dtWeekday is 0 for Monday.
func dtWeekday(y, m, d int) int { return (dtYMDToOrd(y, m, d) + 6) % 7 }

// dtISOWeek1Monday is the ordinal of the Monday of ISO week 1 of year.
func dtISOWeek1Monday(year int) int {
	first := dtYMDToOrd(year, 1, 1)
	wd := (first + 6) % 7
	monday := first - wd
	if wd > 3 {
		monday += 7
	}
	return monday
}

// dtISOToYMD converts an ISO calendar date; the error code is CPython's:
// -2 a bad week, -3 a bad day, -4 a bad year.
func dtISOToYMD(isoYear, isoWeek, isoDay int) (y, m, d, code int) {
	if isoYear < dtMinYear || isoYear > dtMaxYear {
		return 0, 0, 0, -4
	}
	if isoWeek <= 0 || isoWeek >= 53 {
		ok := false
		if isoWeek == 53 {
			wd := dtWeekday(isoYear, 1, 1)
			ok = wd == 3 || wd == 2 && dtIsLeap(isoYear)
		}
		if !ok {
			return 0, 0, 0, -2
		}
	}
	if isoDay <= 0 || isoDay >= 8 {
		return 0, 0, 0, -3
	}
	y, m, d = dtOrdToYMD(dtISOWeek1Monday(isoYear) + (isoWeek-1)*7 + isoDay - 1)
	return y, m, d, 0
}

// dtDivmod is Python's divmod on ints.
func dtDivmod(a, b int) (q, r int) {
	q, r = a/b, a%b
	if r != 0 && (r < 0) != (b < 0) {
		q--
		r += b
	}
	return q, r
}

// dtNormPair carries lo's multiples of factor into hi.
func dtNormPair(hi, lo *int, factor int) {
	if *lo < 0 || *lo >= factor {
		q, r := dtDivmod(*lo, factor)
		*hi += q
		*lo = r
	}
}

// dtNormDate brings an out-of-range day into its month (the month
// is valid) and checks the year: OverflowError "date value out of
// range" otherwise.
func dtNormDate(in *interp.Interp, y, m, d *int) error {
	if dim := dtDaysInMonth(*y, *m); *d < 1 || *d > dim {
		switch {
		case *d == 0:
			*m--
			if *m > 0 {
				*d = dtDaysInMonth(*y, *m)
			} else {
				*y--
				*m, *d = 12, 31
			}
		case *d == dim+1:
			*m++
			*d = 1
			if *m > 12 {
				*m = 1
				*y++
			}
		default:
			ordinal := dtYMDToOrd(*y, *m, 1) + *d - 1
			if ordinal < 1 || ordinal > dtMaxOrdinal {
				return in.Raise(interp.OverflowError, "date value out of range")
			}
			*y, *m, *d = dtOrdToYMD(ordinal)
			return nil
		}
	}
	if *y < dtMinYear || *y > dtMaxYear {
		return in.Raise(interp.OverflowError, "date value out of range")
	}
	return nil
}

// dtNormDatetime carries every field into the next and normalizes
// the date.
func dtNormDatetime(in *interp.Interp, y, mo, d, h, mi, s, us *int) error {
	dtNormPair(s, us, dtUsPerSecond)
	dtNormPair(mi, s, 60)
	dtNormPair(h, mi, 60)
	dtNormPair(d, h, 24)
	return dtNormDate(in, y, mo, d)
}

func dtCheckDate(in *interp.Interp, y, m, d int) error {
	switch {
	case y < dtMinYear || y > dtMaxYear:
		return in.Raise(interp.ValueError, "year %d is out of range", y)
	case m < 1 || m > 12:
		return in.Raise(interp.ValueError, "month must be in 1..12")
	case d < 1 || d > dtDaysInMonth(y, m):
		return in.Raise(interp.ValueError, "day is out of range for month")
	}
	return nil
}

func dtCheckTime(in *interp.Interp, h, m, s, us, fold int) error {
	switch {
	case h < 0 || h > 23:
		return in.Raise(interp.ValueError, "hour must be in 0..23")
	case m < 0 || m > 59:
		return in.Raise(interp.ValueError, "minute must be in 0..59")
	case s < 0 || s > 59:
		return in.Raise(interp.ValueError, "second must be in 0..59")
	case us < 0 || us > 999999:
		return in.Raise(interp.ValueError, "microsecond must be in 0..999999")
	case fold != 0 && fold != 1:
		return in.Raise(interp.ValueError, "fold must be either 0 or 1")
	}
	return nil
}

// dtCheckTzinfo accepts None or a tzinfo instance.
func dtCheckTzinfo(in *interp.Interp, tz Value) error {
	if tz.IsNone() || isTzinfo(tz) {
		return nil
	}
	return in.Raise(interp.TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'", dtTypeName(tz))
}

// dtHashBytes hashes an object's identifying bytes (CPython hashes the
// same bytes with its string hash).
func dtHashBytes(b []byte) int64 {
	h := fnv.New64a()
	h.Write(b)
	x := int64(h.Sum64())
	if x == -1 || x == 0 {
		x = -2
	}
	return x
}

// Argument conversions with PyArg_ParseTuple's messages.

// dtFormat is a PyArg_ParseTupleAndKeywords format: fname is the name
// after its colon ("" when it has none: CPython then says "function"),
// names its keywords, required how many must be given (before '|') and
// maxPos how many may be positional (before '$').
type dtFormat struct {
	fname            string
	names            []string
	required, maxPos int
}

func (f *dtFormat) who() string {
	if f.fname == "" {
		return "function"
	}
	return f.fname + "()"
}

// parse binds args as vgetargskeywords does, calling conv with each
// given argument's index and value in order.
func (f *dtFormat) parse(in *interp.Interp, args, kwnames []Value, conv func(i int, v Value) error) error {
	nkw := len(kwnames)
	npos := len(args) - nkw
	if npos+nkw > len(f.names) {
		kw := ""
		if npos == 0 {
			kw = "keyword "
		}
		return in.Raise(interp.TypeError, "%s takes at most %d %sargument%s (%d given)", f.who(), len(f.names), kw, dtPlural(len(f.names)), npos+nkw)
	}
	if npos > f.maxPos {
		how := "exactly"
		if f.required < f.maxPos {
			how = "at most"
		}
		return in.Raise(interp.TypeError, "%s takes %s %d positional argument%s (%d given)", f.who(), how, f.maxPos, dtPlural(f.maxPos), npos)
	}
	left := nkw
	for i, name := range f.names {
		var v Value
		if i < npos {
			v = args[i]
		} else if left > 0 {
			for j, k := range kwnames {
				if k.GoString() == name {
					v = args[npos+j]
					left--
					break
				}
			}
		}
		if !v.IsNil() {
			if err := conv(i, v); err != nil {
				return err
			}
			continue
		}
		if i < f.required {
			return in.Raise(interp.TypeError, "%s missing required argument '%s' (pos %d)", f.who(), name, i+1)
		}
		if left == 0 {
			return nil
		}
	}
	if left == 0 {
		return nil
	}
	for i := 0; i < npos; i++ {
		for _, k := range kwnames {
			if k.GoString() == f.names[i] {
				return in.Raise(interp.TypeError, "argument for %s given by name ('%s') and position (%d)", f.who(), f.names[i], i+1)
			}
		}
	}
	for _, k := range kwnames {
		found := false
		for _, n := range f.names {
			found = found || k.GoString() == n
		}
		if !found {
			target := "this function"
			if f.fname != "" {
				target = f.fname + "()"
			}
			return in.Raise(interp.TypeError, "'%s' is an invalid keyword argument for %s", k.GoString(), target)
		}
	}
	return nil
}

// dtArgError is convertitem's message: "name() argument 2 must be str,
// not int".
func dtArgError(in *interp.Interp, fname string, i int, expected string, v Value) error {
	prefix := ""
	if fname != "" {
		prefix = fname + "() "
	}
	return in.Raise(interp.TypeError, "%sargument %d must be %s, not %s", prefix, i+1, expected, dtTypeName(v))
}

// dtTupleArgs checks a PyArg_ParseTuple call (METH_VARARGS): no keywords
// (noKw names the function in that message) and min..max arguments.
func dtTupleArgs(in *interp.Interp, noKw, fname string, args, kwnames []Value, min, max int) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "%s() takes no keyword arguments", noKw)
	}
	if n := len(args); n < min || n > max {
		how, k := "exactly", min
		switch {
		case min == max:
		case n < min:
			how = "at least"
		default:
			how, k = "at most", max
		}
		return in.Raise(interp.TypeError, "%s() takes %s %d argument%s (%d given)", fname, how, k, dtPlural(k), n)
	}
	return nil
}

// dtIntOf returns the value of an int (any int object) when it fits an
// int64.
func dtIntOf(v Value) (int64, bool) {
	if n, ok := interp.IntValue(v); ok {
		return n, true
	}
	b := interp.BigIntOf(v)
	return b.Int64(), b.IsInt64()
}

// dtCInt converts an argument as the "i" format does.
func dtCInt(in *interp.Interp, v Value) (int, error) {
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	n, ok := dtIntOf(i)
	in.DecRef(i)
	switch {
	case !ok:
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C long")
	case n > math.MaxInt32:
		return 0, in.Raise(interp.OverflowError, "signed integer is greater than maximum")
	case n < math.MinInt32:
		return 0, in.Raise(interp.OverflowError, "signed integer is less than minimum")
	}
	return int(n), nil
}

// dtHasSurrogates reports whether a str's WTF-8 text holds a lone
// surrogate, which UTF-8 cannot encode.
func dtHasSurrogates(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xed && s[i+1] >= 0xa0 {
			return true
		}
	}
	return false
}

// dtUTF8Error raises the UnicodeEncodeError of encoding a str with a
// surrogate to UTF-8 (PyUnicode_AsUTF8).
func dtUTF8Error(in *interp.Interp, v Value) error {
	rs := interp.StrRunes(v)
	start := 0
	for i, r := range rs {
		if r >= 0xd800 && r <= 0xdfff {
			start = i
			break
		}
	}
	end := start + 1
	for end < len(rs) && rs[end] >= 0xd800 && rs[end] <= 0xdfff {
		end++
	}
	return in.NewUnicodeError(interp.ExcType("UnicodeEncodeError"), "utf-8", v, start, end, "surrogates not allowed")
}

// dtBig returns an int Value's value.
func dtBig(v Value) *big.Int {
	if n, ok := interp.IntValue(v); ok {
		return big.NewInt(n)
	}
	return interp.BigIntOf(v)
}

// isoCalendarNew is IsoCalendarDate(year, week, dtWeekday).
func isoCalendarNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	var vals [3]int
	var out [3]Value
	if err := in.Unpack(&interp.Params{Func: "IsoCalendarDate", Names: []string{"year", "week", "weekday"}, Required: 3}, args, kwnames, &out[0], &out[1], &out[2]); err != nil {
		return Value{}, err
	}
	for i, v := range out {
		n, err := dtCIntClinic(in, v)
		if err != nil {
			return Value{}, err
		}
		vals[i] = n
	}
	return newIsoCalendar(in, vals[0], vals[1], vals[2])
}

// dtCIntClinic converts as _PyLong_AsInt does (argument clinic's int).
func dtCIntClinic(in *interp.Interp, v Value) (int, error) {
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	n, ok := dtIntOf(i)
	in.DecRef(i)
	if !ok || n > math.MaxInt32 || n < math.MinInt32 {
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	return int(n), nil
}

func newIsoCalendar(in *interp.Interp, y, w, d int) (Value, error) {
	return in.NewStructSeq(isoCalendarType, interp.Int(int64(y)), interp.Int(int64(w)), interp.Int(int64(d)))
}

// isoCalendarReduce pickles an IsoCalendarDate as the plain tuple.
func isoCalendarReduce(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := in.MethNoArgs("IsoCalendarDate.__reduce__", args, kwnames); err != nil {
		return Value{}, err
	}
	items, _ := interp.TupleItems(args[0])
	plain, err := in.NewTuple(items...)
	if err != nil {
		return Value{}, err
	}
	inner, err := newTupleOwned(in, []Value{plain})
	if err != nil {
		return Value{}, err
	}
	return newTupleOwned(in, []Value{interp.TypeValue(interp.TupleType), inner})
}

// dtPad writes a non-negative n in at least width digits, as C's %02d.
func dtPad(b *strings.Builder, n, width int) {
	s := dtItoa(n)
	for i := len(s); i < width; i++ {
		b.WriteByte('0')
	}
	b.WriteString(s)
}

func dtItoa(n int) string {
	if n < 0 {
		return "-" + dtItoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

func dtPlural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
