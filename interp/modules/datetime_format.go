package modules

import (
	"strings"

	"github.com/parallel-py/parallel/interp"
)

// The string side of _datetime: the fromisoformat parsers, which read
// the UTF-8 bytes of the str exactly as CPython's C code walks them,
// and strftime, which expands %z, %:z, %Z and %f before handing the
// format to time.strftime.

// isoText is the UTF-8 bytes of a str being parsed; reading past its
// end gives 0, as C reads the terminating NUL.
type isoText string

func (s isoText) at(i int) byte {
	if i >= 0 && i < len(s) {
		return s[i]
	}
	return 0
}

func dtIsDigit(c byte) bool { return c >= '0' && c <= '9' }

// digits reads n decimal digits at p.
func (s isoText) digits(p, n int) (val, next int, ok bool) {
	for i := 0; i < n; i++ {
		c := s.at(p + i)
		if !dtIsDigit(c) {
			return 0, 0, false
		}
		val = val*10 + int(c-'0')
	}
	return val, p + n, true
}

// parseDate reads YYYY-MM-DD, YYYYMMDD, YYYY-Www[-d] or YYYYWww[d]
// from the start; length bounds the optional ISO weekday. The code is
// CPython's: 0 for success, negative for the kinds of failure.
func (s isoText) parseDate(length int) (y, m, d, code int) {
	y, p, ok := s.digits(0, 4)
	if !ok {
		return 0, 0, 0, -1
	}
	sep := s.at(p) == '-'
	if sep {
		p++
	}
	if s.at(p) == 'W' {
		p++
		week, np, ok := s.digits(p, 2)
		if !ok {
			return 0, 0, 0, -3
		}
		p = np
		day := 1
		if p < length {
			if sep {
				c := s.at(p)
				p++
				if c != '-' {
					return 0, 0, 0, -2
				}
			}
			if day, _, ok = s.digits(p, 1); !ok {
				return 0, 0, 0, -4
			}
		}
		y, m, d, code := dtISOToYMD(y, week, day)
		if code != 0 {
			return 0, 0, 0, code - 3
		}
		return y, m, d, 0
	}
	if m, p, ok = s.digits(p, 2); !ok {
		return 0, 0, 0, -1
	}
	if sep {
		c := s.at(p)
		p++
		if c != '-' {
			return 0, 0, 0, -2
		}
	}
	if d, _, ok = s.digits(p, 2); !ok {
		return 0, 0, 0, -1
	}
	return y, m, d, 0
}

// parseHMSF reads HH[:MM[:SS[.ffffff]]] (or without colons) between p
// and end: 0 at the end of the text, 1 when more follows, negative on
// failure.
func (s isoText) parseHMSF(p, end int) (vals [4]int, code int) {
	hasSep := true
	for i := 0; i < 3; i++ {
		v, np, ok := s.digits(p, 2)
		if !ok {
			return vals, -3
		}
		vals[i] = v
		p = np
		c := s.at(p)
		p++
		if i == 0 {
			hasSep = c == ':'
		}
		if p >= end {
			if c != 0 {
				return vals, 1
			}
			return vals, 0
		}
		if hasSep && c == ':' {
			continue
		}
		if c == '.' || c == ',' {
			break
		}
		if hasSep {
			return vals, -4
		}
		p--
	}
	n := min(end-p, 6)
	us, np, ok := s.digits(p, n)
	if !ok {
		return vals, -3
	}
	for i := n; i < 6; i++ {
		us *= 10
	}
	vals[3] = us
	for p = np; dtIsDigit(s.at(p)); p++ {
	}
	if s.at(p) != 0 {
		return vals, 1
	}
	return vals, 0
}

// isoTimeResult is a parsed time of day with its UTC offset.
type isoTimeResult struct {
	hms          [4]int
	tzSecs, tzUs int
}

// parseTime reads a time with an optional Z or +HH:MM[...] offset from
// length bytes at start: 0 without an offset, 1 with one, negative on
// failure.
func (s isoText) parseTime(start, length int) (r isoTimeResult, code int) {
	end := start + length
	tz := start
	for {
		if c := s.at(tz); c == 'Z' || c == '+' || c == '-' {
			break
		}
		tz++
		if tz >= end {
			break
		}
	}
	r.hms, code = s.parseHMSF(start, tz)
	switch {
	case code < 0:
		return r, code
	case tz == end && code == 1:
		return r, -5
	case tz == end:
		return r, 0
	case s.at(tz) == 'Z':
		if s.at(tz+1) != 0 {
			return r, -5
		}
		return r, 1
	}
	sign := 1
	if s.at(tz) == '-' {
		sign = -1
	}
	off, code := s.parseHMSF(tz+1, end)
	r.tzSecs = sign * (off[0]*3600 + off[1]*60 + off[2])
	r.tzUs = sign * off[3]
	if code != 0 {
		return r, -5
	}
	return r, 1
}

// separator finds where the date of a datetime string ends.
func (s isoText) separator() int {
	n := len(s)
	if n == 7 {
		return 7
	}
	if s.at(4) == '-' {
		if s.at(5) != 'W' {
			return 10
		}
		if n < 8 {
			return -1
		}
		if n > 8 && s.at(8) == '-' {
			if n == 9 {
				return -1
			}
			if n > 10 && dtIsDigit(s.at(10)) {
				return 8
			}
			return 10
		}
		return 8
	}
	if s.at(4) == 'W' {
		i := 7
		for i < n && dtIsDigit(s.at(i)) {
			i++
		}
		if i < 9 {
			return i
		}
		if i%2 == 0 {
			return 7
		}
		return 8
	}
	return 8
}

// tzFromISO is the tzinfo of a parsed offset: None without one, utc
// for a zero offset.
func tzFromISO(in *interp.Interp, code int, r isoTimeResult) (Value, error) {
	if code != 1 {
		return interp.None, nil
	}
	if r.tzSecs == 0 {
		return dtUTC, nil
	}
	return newTimezoneSeconds(in, r.tzSecs, r.tzUs, Value{})
}

func dtInvalidISO(in *interp.Interp, v Value) error {
	r, err := reprString(in, v)
	if err != nil {
		return err
	}
	return in.Raise(interp.ValueError, "Invalid isoformat string: %s", r)
}

func dateFromISOFormat(in *interp.Interp, cls *interp.Type, v Value) (Value, error) {
	if !interp.IsStr(v) {
		return Value{}, in.Raise(interp.TypeError, "fromisoformat: argument must be str")
	}
	s := v.GoString()
	code := -1
	var y, m, d int
	if n := len(s); !dtHasSurrogates(s) && (n == 7 || n == 8 || n == 10) {
		y, m, d, code = isoText(s).parseDate(n)
	}
	if code < 0 {
		return Value{}, dtInvalidISO(in, v)
	}
	return dateFromClass(in, cls, y, m, d)
}

func dtFromISOFormat(in *interp.Interp, cls *interp.Type, v Value) (Value, error) {
	if !interp.IsStr(v) {
		return Value{}, in.Raise(interp.TypeError, "fromisoformat: argument must be str")
	}
	var s isoText
	if interp.IsASCII(v) {
		s = isoText(v.GoString())
		if len(s) < 7 {
			return Value{}, dtInvalidISO(in, v)
		}
	} else {
		rs := interp.StrRunes(v)
		if len(rs) < 7 {
			return Value{}, dtInvalidISO(in, v)
		}
		// Any character may separate the date from the time: the
		// first non-ASCII one where a separator may be stands for 'T'.
		for _, pos := range []int{7, 8, 10} {
			if pos >= len(rs) {
				break
			}
			if rs[pos] > 127 {
				rs[pos] = 'T'
				break
			}
		}
		for _, r := range rs {
			if r >= 0xd800 && r <= 0xdfff {
				return Value{}, dtInvalidISO(in, v)
			}
		}
		s = isoText(string(rs))
	}
	sep := s.separator()
	dateLen := sep
	if sep < 0 {
		dateLen = len(s) + 1<<30
	}
	y, mo, d, code := s.parseDate(dateLen)
	var r isoTimeResult
	if code == 0 && len(s) > sep {
		start := sep + 1
		r, code = s.parseTime(start, len(s)-start)
	}
	if code < 0 {
		return Value{}, dtInvalidISO(in, v)
	}
	tz, err := tzFromISO(in, code, r)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(tz)
	return dtFromClass(in, cls, y, mo, d, r.hms[0], r.hms[1], r.hms[2], r.hms[3], tz, 0)
}

func timeFromISOFormat(in *interp.Interp, cls *interp.Type, v Value) (Value, error) {
	if !interp.IsStr(v) {
		return Value{}, in.Raise(interp.TypeError, "fromisoformat: argument must be str")
	}
	str := v.GoString()
	if dtHasSurrogates(str) {
		return Value{}, dtInvalidISO(in, v)
	}
	s := isoText(str)
	start := 0
	if s.at(0) == 'T' {
		start = 1
	}
	r, code := s.parseTime(start, len(s)-start)
	if code < 0 {
		return Value{}, dtInvalidISO(in, v)
	}
	tz, err := tzFromISO(in, code, r)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(tz)
	if cls == timeType {
		return newTimeChecked(in, cls, r.hms[0], r.hms[1], r.hms[2], r.hms[3], tz, 0)
	}
	return in.Call(interp.TypeValue(cls), []Value{interp.Int(int64(r.hms[0])), interp.Int(int64(r.hms[1])),
		interp.Int(int64(r.hms[2])), interp.Int(int64(r.hms[3])), tz}, nil)
}

// dtTzinfoMember is the tzinfo of a datetime or time (empty for none).
func dtTzinfoMember(v Value) Value {
	switch {
	case isDatetime(v):
		return dtOf(v).tzinfo
	case isTimeObj(v):
		return timeOf(v).tzinfo
	}
	return Value{}
}

// dtWrapStrftime is CPython's wrap_strftime: the format, cut at a NUL,
// with %z, %:z, %Z and %f replaced from obj, formatted by
// time.strftime(format, timetuple).
func dtWrapStrftime(in *interp.Interp, obj, format, timetuple, tzinfoarg Value) (Value, error) {
	s := format.GoString()
	if dtHasSurrogates(s) {
		return Value{}, dtUTF8Error(in, format)
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	tzinfo := dtTzinfoMember(obj)
	var out strings.Builder
	var zrep, colonz, Zrep, frep *string
	offsetRep := func(sep string) (*string, error) {
		var b strings.Builder
		if !tzinfo.IsNil() {
			if err := dtWriteOffset(in, &b, sep, tzinfo, tzinfoarg); err != nil {
				return nil, err
			}
		}
		r := b.String()
		return &r, nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			out.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			out.WriteByte('%')
			break
		}
		i++
		var err error
		switch c = s[i]; {
		case c == 'z':
			if zrep == nil {
				if zrep, err = offsetRep(""); err != nil {
					return Value{}, err
				}
			}
			out.WriteString(*zrep)
		case c == ':' && i+1 < len(s) && s[i+1] == 'z':
			i++
			if colonz == nil {
				if colonz, err = offsetRep(":"); err != nil {
					return Value{}, err
				}
			}
			out.WriteString(*colonz)
		case c == 'Z':
			if Zrep == nil {
				r := ""
				if !tzinfo.IsNil() {
					name, err := dtCallTzname(in, tzinfo, tzinfoarg)
					if err != nil {
						return Value{}, err
					}
					if !name.IsNone() {
						r = name.GoString()
						if dtHasSurrogates(r) {
							err := dtUTF8Error(in, name)
							in.DecRef(name)
							return Value{}, err
						}
						r = strings.ReplaceAll(r, "%", "%%")
					}
					in.DecRef(name)
				}
				Zrep = &r
			}
			out.WriteString(*Zrep)
		case c == 'f':
			if frep == nil {
				us := 0
				switch {
				case isTimeObj(obj):
					us = timeOf(obj).us
				case isDatetime(obj):
					us = dtOf(obj).us
				}
				var b strings.Builder
				dtPad(&b, us, 6)
				r := b.String()
				frep = &r
			}
			out.WriteString(*frep)
		default:
			out.WriteByte('%')
			out.WriteByte(c)
		}
	}
	mod, err := in.ImportModule("time")
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(mod)
	fn, err := in.GetAttrString(mod, "strftime")
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(fn)
	result := out.String()
	if i := strings.IndexByte(result, 0); i >= 0 {
		result = result[:i] // C reads the new format up to a NUL
	}
	newFormat, err := in.NewStr(result)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(newFormat)
	return in.Call(fn, []Value{newFormat, timetuple}, nil)
}
