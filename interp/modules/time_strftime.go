package modules

import (
	"strconv"
	"strings"
	"time"

	"github.com/parallel-py/parallel/interp"
)

// time.strftime: glibc's conversions in the C locale (the locale CPython
// leaves LC_TIME in), with its flags (- _ 0 ^ #), field widths and E/O
// modifiers; an unknown conversion, or a modifier glibc refuses, is
// copied as written.

// timeStrftime is strftime(format[, t]).
func timeStrftime(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if len(kwnames) > 0 {
		return interp.Value{}, in.Raise(interp.TypeError, "strftime() takes no keyword arguments")
	}
	switch {
	case len(args) == 0:
		return interp.Value{}, in.Raise(interp.TypeError, "strftime() takes at least 1 argument (0 given)")
	case len(args) > 2:
		return interp.Value{}, in.Raise(interp.TypeError, "strftime() takes at most 2 arguments (%d given)", len(args))
	case !interp.IsStr(args[0]):
		return interp.Value{}, in.Raise(interp.TypeError, "strftime() argument 1 must be str, not %s", args[0].Type().Name)
	}
	var tm tmFields
	if len(args) == 2 {
		var err error
		if tm, err = tmArg(in, args[1], "strftime"); err != nil {
			return interp.Value{}, err
		}
		if err := checkTM(in, &tm); err != nil {
			return interp.Value{}, err
		}
	} else {
		tm = tmOf(time.Now().In(localZone(in)))
	}
	switch {
	case tm.isdst < -1:
		tm.isdst = -1
	case tm.isdst > 1:
		tm.isdst = 1
	}
	format := args[0].GoString()
	if strings.IndexByte(format, 0) >= 0 {
		return interp.Value{}, in.Raise(interp.ValueError, "embedded null character")
	}
	// CPython gives strftime buffers of 1024 bytes, doubled up to 256
	// times the format's length, and answers "" when none holds the
	// result (and its NUL).
	limit := 1024
	for limit < 256*len(format) {
		limit *= 2
	}
	out := strftime(format, &tm, mktimeOf(in), limit)
	if len(out) >= limit {
		out = ""
	}
	return in.NewStr(out)
}

// strftime formats tm by format, giving up (with what it has) once the
// result reaches limit bytes (0: no limit).
func strftime(format string, tm *tmFields, state *mktimeState, limit int) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if limit > 0 && b.Len() >= limit {
			break
		}
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		start := i
		// Flags, width, modifier, conversion.
		var padc byte
		upper, swap := false, false
		i++
		for ; i < len(format); i++ {
			switch format[i] {
			case '_', '-', '0':
				padc = format[i]
				continue
			case '^':
				upper = true
				continue
			case '#':
				swap = true
				continue
			}
			break
		}
		width := -1
		for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
			if width < 0 {
				width = 0
			}
			if width < 1<<20 {
				width = width*10 + int(format[i]-'0')
			}
		}
		modifier := byte(0)
		if i < len(format) && (format[i] == 'E' || format[i] == 'O') {
			modifier = format[i]
			i++
		}
		f := field{padc: padc, width: width, upper: upper}
		// A bad conversion is copied as written, padded to the width
		// (and uppercased by ^) as glibc's bad_format does.
		if i >= len(format) {
			f.text(&b, format[start:], false)
			break
		}
		conv := format[i]
		if !validModifier(modifier, conv) {
			// glibc sets the case of these before it refuses the
			// modifier, so # uppercases the copy.
			f.upper = f.upper || swap && strings.IndexByte("bBh", conv) >= 0
			f.text(&b, format[start:i+1], false)
		} else if !f.convert(&b, conv, tm, swap, state) {
			f.text(&b, format[start:i+1], false)
		}
	}
	return b.String()
}

// validModifier tells whether glibc accepts the E or O modifier on conv
// (with any other, the whole conversion is copied as written).
func validModifier(modifier, conv byte) bool {
	var refusesE, refusesO string
	switch modifier {
	case 0:
		return true
	case 'E':
		refusesE = "aAbBdDeFgGhHIjklmMSUVwW"
		return strings.IndexByte(refusesE, conv) < 0
	}
	refusesO = "aAcDFxXY"
	return strings.IndexByte(refusesO, conv) < 0
}

// field is one conversion's flags.
type field struct {
	padc  byte
	width int
	upper bool
}

// text writes a string conversion, padded to the width with spaces, or
// zeros with the 0 flag.
func (f field) text(b *strings.Builder, s string, lower bool) {
	// glibc's lowercasing wins over ^.
	switch {
	case lower:
		s = strings.ToLower(s)
	case f.upper:
		s = strings.ToUpper(s)
	}
	fill := byte(' ')
	if f.padc == '0' {
		fill = '0'
	}
	for n := len(s); n < f.width; n++ {
		b.WriteByte(fill)
	}
	b.WriteString(s)
}

// number writes n in at least digits digits, or the width when larger:
// padded with zeros (spaces when spacePad), with spaces for the _ flag,
// with zeros for the 0 flag; the - flag drops the padding to digits but
// not to an explicit width, which it fills with spaces.
func (f field) number(b *strings.Builder, n int64, digits int, spacePad bool) {
	fill := byte('0')
	if spacePad {
		fill = ' '
	}
	switch f.padc {
	case '_':
		fill = ' '
	case '0':
		fill = '0'
	case '-':
		fill, digits = ' ', 0
	}
	if f.width > digits {
		digits = f.width
	}
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
		digits--
	}
	if neg && fill == '0' {
		b.WriteByte('-')
	}
	for k := len(s); k < digits; k++ {
		b.WriteByte(fill)
	}
	if neg && fill != '0' {
		b.WriteByte('-')
	}
	b.WriteString(s)
}

// yearish writes a year-like number (%Y %C %G): padded only to an
// explicit width (glibc 2.36 ignores the 0 flag without one).
func (f field) yearish(b *strings.Builder, n int64) {
	f.number(b, n, 1, false)
}

// tzDigits writes the digits of %z after the sign: at least four, or
// the width, zero-padded (the _ flag pads with spaces, then to the width
// what is left of it; the - flag pads to the width with spaces only).
func (f field) tzDigits(b *strings.Builder, s string) {
	width := f.width
	digits := max(4, width)
	pad := func(c byte, n int) {
		for ; n > 0; n-- {
			b.WriteByte(c)
		}
	}
	switch f.padc {
	case '-':
		pad(' ', width-len(s))
	case '_':
		padding := digits - len(s)
		if padding > 0 {
			pad(' ', padding)
			width = max(width-padding, 0)
		}
		pad(' ', width-len(s))
	default:
		pad('0', digits-len(s))
	}
	b.WriteString(s)
}

// sub formats a composite conversion and writes it as text.
func (f field) sub(b *strings.Builder, format string, tm *tmFields) {
	f.text(b, strftime(format, tm, nil, 0), false)
}

// convert writes one conversion; it reports false for an unknown one.
func (f field) convert(b *strings.Builder, conv byte, tm *tmFields, swap bool, state *mktimeState) bool {
	cwday := tm.cWday()
	cyday := tm.yday - 1
	hour12 := tm.hour % 12
	if hour12 == 0 {
		hour12 = 12
	}
	switch conv {
	case 'a':
		f.upper = f.upper || swap
		f.text(b, dayNames[cwday][:3], false)
	case 'A':
		f.upper = f.upper || swap
		f.text(b, dayNames[cwday], false)
	case 'b', 'h':
		f.upper = f.upper || swap
		f.text(b, monthNames[tm.mon-1][:3], false)
	case 'B':
		f.upper = f.upper || swap
		f.text(b, monthNames[tm.mon-1], false)
	case 'c':
		f.sub(b, "%a %b %e %H:%M:%S %Y", tm)
	case 'C':
		century := tm.year / 100 // floored, as glibc 2.36
		if tm.year%100 < 0 {
			century--
		}
		f.yearish(b, century)
	case 'd':
		f.number(b, tm.mday, 2, false)
	case 'D', 'x':
		f.sub(b, "%m/%d/%y", tm)
	case 'e':
		f.number(b, tm.mday, 2, true)
	case 'F':
		f.sub(b, "%Y-%m-%d", tm)
	case 'g', 'G', 'V':
		weeks, yearAdjust := isoWeek(tm)
		switch conv {
		case 'g':
			f.number(b, ((tm.year%100+yearAdjust)%100+100)%100, 2, false)
		case 'G':
			f.yearish(b, tm.year+yearAdjust)
		default:
			f.number(b, weeks, 2, false)
		}
	case 'H':
		f.number(b, tm.hour, 2, false)
	case 'I':
		f.number(b, hour12, 2, false)
	case 'j':
		f.number(b, cyday+1, 3, false)
	case 'k':
		f.number(b, tm.hour, 2, true)
	case 'l':
		f.number(b, hour12, 2, true)
	case 'm':
		f.number(b, tm.mon, 2, false)
	case 'M':
		f.number(b, tm.min, 2, false)
	case 'n':
		f.text(b, "\n", false)
	case 'p':
		s := "AM"
		if tm.hour >= 12 {
			s = "PM"
		}
		f.text(b, s, swap)
	case 'P':
		s := "am"
		if tm.hour >= 12 {
			s = "pm"
		}
		f.text(b, s, true)
	case 'r':
		f.sub(b, "%I:%M:%S %p", tm)
	case 'R':
		f.sub(b, "%H:%M", tm)
	case 's':
		if state == nil {
			return false // no composite conversion holds %s
		}
		t, ok := mktime(state, *tm)
		if !ok {
			t = -1
		}
		f.text(b, strconv.FormatInt(t, 10), false) // padded as text, sign and all
	case 'S':
		f.number(b, tm.sec, 2, false)
	case 't':
		f.text(b, "\t", false)
	case 'T', 'X':
		f.sub(b, "%H:%M:%S", tm)
	case 'u':
		f.number(b, (cwday-1+7)%7+1, 1, false)
	case 'U':
		f.number(b, (cyday-cwday+7)/7, 2, false)
	case 'w':
		f.number(b, cwday, 1, false)
	case 'W':
		f.number(b, (cyday-(cwday-1+7)%7+7)/7, 2, false)
	case 'y':
		f.number(b, (tm.year%100+100)%100, 2, false)
	case 'Y':
		f.yearish(b, tm.year)
	case 'z':
		if tm.isdst < 0 {
			break // glibc writes no offset for an unknown DST state
		}
		off := tm.gmtoff
		sign := "+"
		if off < 0 {
			sign, off = "-", -off
		}
		off /= 60
		// glibc 2.36 pads the sign to the width, then the digits.
		f.text(b, sign, false)
		f.tzDigits(b, strconv.FormatInt(off/60*100+off%60, 10))
	case 'Z':
		zone := ""
		switch {
		case tm.hasZone && tm.zone != "":
			zone = tm.zone
		case tm.isdst >= 0:
			loc := time.Local
			if state != nil {
				loc = state.loc
			}
			tz := localZoneInfo(time.Now(), loc)
			zone = tz.stdName
			if tm.isdst > 0 {
				zone = tz.dstName
			}
		}
		f.text(b, zone, swap)
	case '%':
		f.text(b, "%", false)
	default:
		return false
	}
	return true
}

// isoWeekDays is glibc's iso_week_days: the number of days from the
// first day of the first ISO week of the year to the day yday.
func isoWeekDays(yday, wday int64) int64 {
	const bigEnough = (366/7 + 2) * 7
	return yday - (yday-wday+4+bigEnough)%7 + 4 - 1
}

// isoWeek returns the ISO week number and how the ISO year differs from
// the calendar year (-1, 0 or 1).
func isoWeek(tm *tmFields) (week, yearAdjust int64) {
	yday, wday := tm.yday-1, tm.cWday()
	days := isoWeekDays(yday, wday)
	if days < 0 {
		yearAdjust = -1
		days = isoWeekDays(yday+365+leap(tm.year-1), wday)
	} else if d := isoWeekDays(yday-(365+leap(tm.year)), wday); d >= 0 {
		yearAdjust = 1
		days = d
	}
	return days/7 + 1, yearAdjust
}

func leap(year int64) int64 {
	if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 1
	}
	return 0
}
