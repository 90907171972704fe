package interp

import (
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// io.StringIO: an in-memory text file. The text is kept as code points
// so that positions (tell, seek, truncate) count characters, as
// CPython's do; text written at the end is first kept as it came
// (stringIO.acc) until an operation needs the code points.

// stringIO is an _io.StringIO.
type stringIO struct {
	alloc.Header
	alloc.GCLink
	dict  Value
	slots []Value // must follow dict

	buf    []rune
	pos    int
	closed bool
	ok     bool // __init__ ran

	// acc holds text written at the end since buf was last settled, as
	// WTF-8 (CPython's accumulator): a log written line by line stays
	// compact and getvalue() copies it once. accN counts its code points;
	// the text is buf then acc, and pos counts both.
	acc  []byte
	accN int

	// Newline handling from the newline argument: translate (None) turns
	// \r\n and \r into \n on write; universal ("") splits lines at any
	// of them; both record the kinds written (seenNL). Otherwise lines
	// end at readNL and writeNL replaces \n on write ("" leaves it).
	translate bool
	universal bool
	readNL    string
	writeNL   string
	seenNL    uint8
}

var stringIOType = newIOTypeBase("StringIO", textIOBaseType)

const stringIOSize = unsafe.Sizeof(stringIO{})

func sioOf(v Value) *stringIO { return asObject[stringIO](v) }

// newlinesValue is the newlines attribute for the kinds of newline seen.
func (in *Interp) newlinesValue(seen uint8) (Value, error) {
	var kinds []Value
	for _, k := range []struct {
		bit uint8
		s   string
	}{{seenCR, "\r"}, {seenLF, "\n"}, {seenCRLF, "\r\n"}} {
		if seen&k.bit != 0 {
			kinds = append(kinds, internName(k.s))
		}
	}
	switch len(kinds) {
	case 0:
		return None, nil
	case 1:
		return kinds[0], nil
	}
	return in.NewTuple(kinds...)
}

// sioCheck raises the ValueError of an operation on a closed StringIO.
func (in *Interp) sioCheck(s *stringIO) error {
	if !s.ok {
		return in.raise(valueErrorType, "I/O operation on uninitialized object")
	}
	if s.closed {
		// StringIO's own methods word it without the full stop.
		return in.closedFile("I/O operation on closed file")
	}
	return nil
}

// size is the length of the text in code points.
func (s *stringIO) size() int { return len(s.buf) + s.accN }

// settle moves the accumulated text into buf, for the operations that
// index code points.
func (s *stringIO) settle() {
	if len(s.acc) == 0 {
		return
	}
	s.buf = slices.Grow(s.buf, s.accN)
	for i := 0; i < len(s.acc); {
		if c := s.acc[i]; c < utf8.RuneSelf {
			s.buf = append(s.buf, rune(c))
			i++
			continue
		}
		r, w := decodeCP(string(s.acc[i:min(i+utf8.UTFMax, len(s.acc))]))
		s.buf = append(s.buf, r)
		i += w
	}
	s.acc, s.accN = s.acc[:0], 0
}

// value is the whole text.
func (s *stringIO) value() string {
	if len(s.buf) == 0 {
		return string(s.acc)
	}
	return runesString(s.buf) + string(s.acc)
}

// sioWrite writes text at the position, translating newlines, and
// returns the number of characters given.
func (in *Interp) sioWrite(s *stringIO, text string) int {
	n := countRunes(text)
	if s.translate || s.universal {
		if strings.Contains(text, "\r\n") {
			s.seenNL |= seenCRLF
		}
		if strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\r") {
			s.seenNL |= seenCR
		}
		if strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
			s.seenNL |= seenLF
		}
	}
	if s.translate {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	if s.writeNL != "" {
		text = strings.ReplaceAll(text, "\n", s.writeNL)
	}
	if text == "" {
		return n
	}
	if s.pos == s.size() {
		// Appending, the usual case: the text is kept as it is. The
		// buffer doubles (append grows large slices by a quarter, which
		// copies a long log many times over).
		if len(s.acc)+len(text) > cap(s.acc) {
			s.acc = append(make([]byte, 0, max(2*cap(s.acc), len(s.acc)+len(text), 256)), s.acc...)
		}
		s.acc = append(s.acc, text...)
		k, _ := codePoints(text)
		s.accN += k
		s.pos += k
		return n
	}
	s.settle()
	var runes []rune
	for i := 0; i < len(text); {
		r, w := decodeCP(text[i:])
		runes = append(runes, r)
		i += w
	}
	if len(runes) == 0 {
		return n
	}
	for len(s.buf) < s.pos {
		s.buf = append(s.buf, 0)
	}
	end := s.pos + len(runes)
	if end > len(s.buf) {
		s.buf = append(s.buf, make([]rune, end-len(s.buf))...)
	}
	copy(s.buf[s.pos:], runes)
	s.pos = end
	return n
}

// runesString encodes code points as WTF-8.
func runesString(rs []rune) string {
	b := make([]byte, 0, len(rs))
	for _, r := range rs {
		b = appendCP(b, r)
	}
	return string(b)
}

// sioReadLine returns the next line, at most limit characters (limit < 0
// means no limit).
func (s *stringIO) readLine(limit int) []rune {
	s.settle()
	if s.pos >= len(s.buf) {
		return nil
	}
	rest := s.buf[s.pos:]
	if limit >= 0 && limit < len(rest) {
		rest = rest[:limit]
	}
	end := len(rest)
	switch {
	case s.universal:
		for i, r := range rest {
			if r == '\n' {
				end = i + 1
				break
			}
			if r == '\r' {
				end = i + 1
				if i+1 < len(rest) && rest[i+1] == '\n' {
					end = i + 2
				}
				break
			}
		}
	default:
		nl := []rune(s.readNL)
		if len(nl) == 0 {
			nl = []rune{'\n'}
		}
	search:
		for i := 0; i+len(nl) <= len(rest); i++ {
			for j, r := range nl {
				if rest[i+j] != r {
					continue search
				}
			}
			end = i + len(nl)
			break
		}
	}
	line := rest[:end]
	s.pos += end
	return line
}

func stringIONew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	s := &stringIO{readNL: "\n", closed: true}
	if err := in.account(&s.Header, t, stringIOSize); err != nil {
		return Value{}, err
	}
	return valueOf(s), nil
}

// stringIOInit is StringIO.__init__(initial_value="", newline="\n"),
// which starts the file afresh when called again.
func stringIOInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	var initial, newline Value
	if err := in.parseArgs("StringIO", args, kwnames, []string{"initial_value", "newline"}, 0, &initial, &newline); err != nil {
		return err
	}
	s := sioOf(self)
	s.closed, s.ok = true, false
	s.translate, s.universal, s.readNL, s.writeNL, s.seenNL = false, false, "\n", "", 0
	if !newline.IsNil() {
		switch {
		case newline.IsNone():
			s.translate, s.readNL = true, "\n"
		case newline.Type() != strType:
			return in.raise(typeErrorType, "newline must be str or None, not %s", newline.Type().Name)
		default:
			nl := newline.GoString()
			switch nl {
			case "":
				s.universal = true
			case "\n", "\r", "\r\n":
				s.readNL = nl
				if nl != "\n" {
					s.writeNL = nl
				}
			default:
				r, err := in.Repr(newline)
				if err != nil {
					return err
				}
				defer in.decRef(r)
				return in.raise(valueErrorType, "illegal newline value: %s", r.GoString())
			}
		}
	}
	if !initial.IsNil() && !initial.IsNone() && initial.Type() != strType {
		return in.raise(typeErrorType, "initial_value must be str or None, not %s", initial.Type().Name)
	}
	s.buf, s.acc, s.accN, s.pos, s.closed, s.ok = s.buf[:0], s.acc[:0], 0, 0, false, true
	if !initial.IsNil() && !initial.IsNone() {
		in.sioWrite(s, initial.GoString())
		s.pos = 0
	}
	return nil
}

func init() {
	t := stringIOType
	types := []*Type{t}
	t.new, t.init = stringIONew, stringIOInit
	t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		v, err := stringIONew(in, t, args, kwnames)
		if err != nil {
			return Value{}, err
		}
		if err := stringIOInit(in, v, args, kwnames); err != nil {
			in.decRef(v)
			return Value{}, err
		}
		return v, nil
	}
	t.dealloc = func(in *Interp, v Value) {
		s := sioOf(v)
		in.xdecRef(s.dict)
		*s = stringIO{Header: s.Header}
		in.heap.Free(&s.Header, stringIOSize)
	}
	t.iter = func(in *Interp, v Value) (Value, error) {
		if sioOf(v).closed {
			return Value{}, in.closedFile("")
		}
		incRef(v)
		return v, nil
	}
	t.next = func(in *Interp, v Value) (Value, bool, error) {
		if v.Type() != stringIOType {
			return in.ioNextLine(v)
		}
		s := sioOf(v)
		if err := in.sioCheck(s); err != nil {
			return Value{}, false, err
		}
		line := s.readLine(-1)
		if len(line) == 0 {
			return Value{}, false, nil
		}
		r, err := in.NewStr(runesString(line))
		return r, err == nil, err
	}
	fileMethod(types, "write", 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		s := sioOf(self)
		if err := in.sioCheck(s); err != nil {
			return Value{}, err
		}
		if args[0].Type() != strType {
			return Value{}, in.raise(typeErrorType, "string argument expected, got '%s'", args[0].Type().Name)
		}
		return Int(int64(in.sioWrite(s, args[0].GoString()))), nil
	})
	fileMethod(types, "read", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		n, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		s := sioOf(self)
		if err := in.sioCheck(s); err != nil {
			return Value{}, err
		}
		s.settle()
		if s.pos >= len(s.buf) {
			return in.NewStr("")
		}
		rest := s.buf[s.pos:]
		if n >= 0 && n < len(rest) {
			rest = rest[:n]
		}
		s.pos += len(rest)
		return in.NewStr(runesString(rest))
	})
	fileMethod(types, "readline", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		n, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		s := sioOf(self)
		if err := in.sioCheck(s); err != nil {
			return Value{}, err
		}
		return in.NewStr(runesString(s.readLine(n)))
	})
	fileMethod(types, "getvalue", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		s := sioOf(self)
		if err := in.sioCheck(s); err != nil {
			return Value{}, err
		}
		return in.NewStr(s.value())
	})
	fileMethod(types, "tell", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		s := sioOf(self)
		if err := in.sioCheck(s); err != nil {
			return Value{}, err
		}
		return Int(int64(s.pos)), nil
	})
	fileMethod(types, "seek", 1, 2, func(in *Interp, self Value, args []Value) (Value, error) {
		off, whence, err := in.seekArgs(args)
		if err != nil {
			return Value{}, err
		}
		s := sioOf(self)
		if err := in.sioCheck(s); err != nil {
			return Value{}, err
		}
		switch {
		case whence < 0 || whence > 2:
			return Value{}, in.raise(valueErrorType, "Invalid whence (%d, should be 0, 1 or 2)", whence)
		case off < 0 && whence == 0:
			return Value{}, in.raise(valueErrorType, "Negative seek position %d", off)
		case off != 0 && whence != 0:
			return Value{}, in.raise(osErrorType, "Can't do nonzero cur-relative seeks")
		}
		switch whence {
		case 0:
			if off > 1<<40 {
				off = 1 << 40
			}
			s.pos = int(off)
		case 2:
			s.pos = s.size()
		}
		return Int(int64(s.pos)), nil
	})
	fileMethod(types, "truncate", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		s := sioOf(self)
		if err := in.sioCheck(s); err != nil {
			return Value{}, err
		}
		size := int64(s.pos)
		if len(args) > 0 && !args[0].IsNone() {
			var err error
			if size, err = in.fileOffset(args[0]); err != nil {
				return Value{}, err
			}
			if size < 0 {
				return Value{}, in.raise(valueErrorType, "Negative size value %d", size)
			}
		}
		s.settle()
		if size < int64(len(s.buf)) {
			s.buf = s.buf[:size]
		}
		return Int(size), nil
	})
	fileMethod(types, "close", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		s := sioOf(self)
		s.closed, s.buf, s.acc, s.accN = true, nil, nil, 0
		return None, nil
	})
	for _, name := range []string{"readable", "writable", "seekable"} {
		fileMethod(types, name, 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
			if err := in.sioCheck(sioOf(self)); err != nil {
				return Value{}, err
			}
			return True, nil
		})
	}
	fileMethod(types, "flush", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return None, nil
	})
	fileMethod(types, "isatty", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		if sioOf(self).closed {
			return Value{}, in.closedFile("")
		}
		return False, nil
	})
	fileMethod(types, "detach", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return Value{}, in.unsupported("detach")
	})
	fileMethod(types, "fileno", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		return Value{}, in.unsupported("fileno")
	})
	fileGetter(types, "closed", func(in *Interp, v Value) (Value, error) {
		if s := sioOf(v); !s.ok {
			return Value{}, in.sioCheck(s)
		}
		return Bool(sioOf(v).closed), nil
	})
	fileGetter(types, "line_buffering", func(in *Interp, v Value) (Value, error) {
		if err := in.sioCheck(sioOf(v)); err != nil {
			return Value{}, err
		}
		return False, nil
	})
	fileGetter(types, "newlines", func(in *Interp, v Value) (Value, error) {
		s := sioOf(v)
		if err := in.sioCheck(s); err != nil {
			return Value{}, err
		}
		if !s.translate && !s.universal {
			return None, nil
		}
		return in.newlinesValue(s.seenNL)
	})
	for _, name := range []string{"encoding", "errors"} {
		fileGetter(types, name, func(in *Interp, v Value) (Value, error) { return None, nil })
	}
	fileCommon(types,
		func(in *Interp, v Value) (bool, error) { return sioOf(v).closed, nil },
		func(in *Interp, v Value) (Value, bool, error) {
			line := sioOf(v).readLine(-1)
			if len(line) == 0 {
				return Value{}, false, nil
			}
			r, err := in.NewStr(runesString(line))
			return r, err == nil, err
		},
		func(in *Interp, self, line Value) error {
			if line.Type() != strType {
				return in.raise(typeErrorType, "string argument expected, got '%s'", line.Type().Name)
			}
			in.sioWrite(sioOf(self), line.GoString())
			return nil
		},
		func(in *Interp, v Value) error {
			s := sioOf(v)
			s.closed, s.buf, s.acc, s.accN = true, nil, nil, 0
			return nil
		})
}
