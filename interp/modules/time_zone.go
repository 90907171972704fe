package modules

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/parallel-py/parallel/interp"
)

// The local time zone of the time module and time.tzset: TZ read again
// as glibc reads it (a zoneinfo file by name or path, else a POSIX TZ
// string), into the interpreter's own zone, and time.strptime, which
// CPython delegates to _strptime.

// localZone is the interpreter's local time zone.
func localZone(in *interp.Interp) *time.Location { return mktimeOf(in).loc }

func init() {
	defTime("tzset", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := noArgs(in, "tzset", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		loc, err := loadTZ(in)
		if err != nil {
			return interp.Value{}, err
		}
		mktimeOf(in).loc = loc
		mod, err := in.ImportModule("time")
		if err != nil {
			return interp.Value{}, err
		}
		defer in.DecRef(mod)
		err = setZoneAttrs(in, loc, func(name string, v interp.Value) error {
			return in.SetAttr(mod, interp.ImmortalStr(name), v)
		})
		if err != nil {
			return interp.Value{}, err
		}
		return interp.None, nil
	})
	defTime("strptime", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if len(kwnames) > 0 {
			return interp.Value{}, in.Raise(interp.TypeError, "strptime() takes no keyword arguments")
		}
		mod, err := in.ImportModule("_strptime")
		if err != nil {
			return interp.Value{}, err
		}
		defer in.DecRef(mod)
		return in.CallMethod(mod, "_strptime_time", args, nil)
	})
	structTimeType.AddAttr("n_fields", interp.Int(11))
	structTimeType.AddAttr("n_sequence_fields", interp.Int(9))
	structTimeType.AddAttr("n_unnamed_fields", interp.Int(0))
}

// loadTZ reads TZ as glibc's tzset does.
func loadTZ(in *interp.Interp) (*time.Location, error) {
	tz, set := syscall.Getenv("TZ")
	if !set {
		data, err := os.ReadFile("/etc/localtime")
		if err != nil {
			return time.UTC, nil
		}
		if loc, err := time.LoadLocationFromTZData("Local", data); err == nil {
			return loc, nil
		}
		return time.UTC, nil
	}
	if tz == "" {
		return time.UTC, nil
	}
	name := strings.TrimPrefix(tz, ":")
	if strings.HasPrefix(name, "/") {
		if data, err := os.ReadFile(name); err == nil {
			if loc, err := time.LoadLocationFromTZData(name, data); err == nil {
				return loc, nil
			}
		}
	} else if name != "" && name != "Local" {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc, nil
		}
	}
	loc, ok := posixTZ(name)
	if !ok {
		return nil, in.Raise(interp.NotImplementedError, "the TZ value %q is not implemented yet", tz)
	}
	return loc, nil
}

// posixTZ makes the zone of a POSIX TZ string ("EST5EDT,M3.2.0,M11.1.0",
// "JST-9"), falling back as glibc does when the standard time is
// malformed: an empty name, or the name with offset zero. ok is false
// for what it cannot follow (malformed daylight saving rules, or
// daylight saving time without rules, for which glibc reads the
// posixrules file).
func posixTZ(s string) (loc *time.Location, ok bool) {
	p := tzParser{s: s}
	std, ok := p.name()
	if !ok {
		return time.FixedZone("", 0), true
	}
	off, ok := p.offset()
	if !ok {
		return time.FixedZone(std, 0), true
	}
	if p.done() {
		return time.FixedZone(std, -off), true
	}
	if _, ok := p.name(); !ok {
		return nil, false
	}
	if !p.done() && p.s[p.i] != ',' {
		if _, ok := p.offset(); !ok {
			return nil, false
		}
	}
	if p.done() || p.s[p.i] != ',' {
		return nil, false
	}
	for k := 0; k < 2; k++ {
		if p.done() || p.s[p.i] != ',' {
			return nil, false
		}
		p.i++
		if !p.rule() {
			return nil, false
		}
	}
	if !p.done() {
		return nil, false
	}
	loc, err := time.LoadLocationFromTZData(s, tzifFooter(std, -off, s))
	return loc, err == nil
}

// tzParser walks a POSIX TZ string.
type tzParser struct {
	s string
	i int
}

func (p *tzParser) done() bool { return p.i >= len(p.s) }

// name reads a zone name: three or more letters, or <...>.
func (p *tzParser) name() (string, bool) {
	start := p.i
	if !p.done() && p.s[p.i] == '<' {
		j := p.i + 1
		for j < len(p.s) && (tzIsAlnum(p.s[j]) || p.s[j] == '+' || p.s[j] == '-') {
			j++
		}
		if j >= len(p.s) || p.s[j] != '>' || j-start-1 < 3 {
			return "", false
		}
		p.i = j + 1
		return p.s[start+1 : j], true
	}
	j := p.i
	for j < len(p.s) && (p.s[j] >= 'a' && p.s[j] <= 'z' || p.s[j] >= 'A' && p.s[j] <= 'Z') {
		j++
	}
	if j-start < 3 {
		return "", false
	}
	p.i = j
	return p.s[start:j], true
}

func tzIsAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// offset reads [+-]hh[:mm[:ss]], hours west of UTC, in seconds
// (fields clamped as glibc's compute_offset does).
func (p *tzParser) offset() (int, bool) {
	sign := 1
	if !p.done() && (p.s[p.i] == '+' || p.s[p.i] == '-') {
		if p.s[p.i] == '-' {
			sign = -1
		}
		p.i++
	}
	hh, ok := p.number()
	if !ok {
		return 0, false
	}
	fields := []int{hh, 0, 0}
	for k := 1; k < 3; k++ {
		if p.i+1 >= len(p.s) || p.s[p.i] != ':' || p.s[p.i+1] < '0' || p.s[p.i+1] > '9' {
			break
		}
		p.i++
		fields[k], _ = p.number()
	}
	return sign * (min(fields[0], 24)*3600 + min(fields[1], 59)*60 + min(fields[2], 59)), true
}

func (p *tzParser) number() (int, bool) {
	start := p.i
	n := 0
	for !p.done() && p.s[p.i] >= '0' && p.s[p.i] <= '9' && p.i-start < 4 {
		n = n*10 + int(p.s[p.i]-'0')
		p.i++
	}
	return n, p.i > start
}

// rule reads Jn, n or Mm.w.d with an optional /time.
func (p *tzParser) rule() bool {
	if p.done() {
		return false
	}
	switch c := p.s[p.i]; {
	case c == 'J':
		p.i++
		if n, ok := p.number(); !ok || n < 1 || n > 365 {
			return false
		}
	case c == 'M':
		p.i++
		for k, limit := range []int{12, 5, 6} {
			if k > 0 {
				if p.done() || p.s[p.i] != '.' {
					return false
				}
				p.i++
			}
			if n, ok := p.number(); !ok || n > limit || k < 2 && n < 1 {
				return false
			}
		}
	default:
		if n, ok := p.number(); !ok || n > 365 {
			return false
		}
	}
	if !p.done() && p.s[p.i] == '/' {
		p.i++
		if !p.done() && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		for k := 0; k < 3; k++ {
			if k > 0 {
				if p.done() || p.s[p.i] != ':' {
					break
				}
				p.i++
			}
			if _, ok := p.number(); !ok {
				return false
			}
		}
	}
	return true
}

// tzifFooter builds zoneinfo data with no transitions, one zone type
// (the standard time) and footer as the rule for all times, which Go's
// loader follows.
func tzifFooter(std string, off int, footer string) []byte {
	var b bytes.Buffer
	abbr := std + "\x00"
	block := func() {
		b.WriteString("TZif2")
		b.Write(make([]byte, 15))
		for _, n := range []uint32{0, 0, 0, 0, 1, uint32(len(abbr))} {
			binary.Write(&b, binary.BigEndian, n)
		}
		binary.Write(&b, binary.BigEndian, int32(off))
		b.Write([]byte{0, 0})
		b.WriteString(abbr)
	}
	block()
	block()
	b.WriteString("\n" + footer + "\n")
	return b.Bytes()
}
