package modules

import (
	"strings"

	"github.com/parallel-py/parallel/interp"
)

// The _string module: the template parser behind string.Formatter,
// splitting a str.format template the way CPython's MarkupIterator does
// (a literal ends at each escaped brace) and a field name into its first
// part and its .attr / [key] steps.

func initString(in *interp.Interp, m *interp.Module) error {
	for _, fn := range []interp.Value{
		interp.NewBuiltin("formatter_parser", stringFormatterParser),
		interp.NewBuiltin("formatter_field_name_split", stringFieldNameSplit),
	} {
		name, err := in.GetAttrString(fn, "__name__")
		if err != nil {
			return err
		}
		err = m.Set(in, name.GoString(), fn)
		in.DecRef(name)
		if err != nil {
			return err
		}
	}
	return nil
}

// templatePart is one tuple formatter_parser yields; a part without a
// field has hasField false (its other members are None).
type templatePart struct {
	literal                string
	hasField               bool
	name, spec, conversion string
	hasConversion          bool
}

// splitTemplate is CPython's MarkupIterator over a whole template.
func splitTemplate(s string) ([]templatePart, string) {
	var parts []templatePart
	pos := 0
	for pos < len(s) {
		var lit strings.Builder
		p := templatePart{}
		done := false
		for pos < len(s) && !done {
			c := s[pos]
			switch {
			case c != '{' && c != '}':
				lit.WriteByte(c)
				pos++
			case pos+1 < len(s) && s[pos+1] == c:
				// An escaped brace ends the literal, keeping one brace.
				lit.WriteByte(c)
				pos += 2
				done = true
			case c == '}':
				return parts, "Single '}' encountered in format string"
			default: // a replacement field
				// Find the field's closing brace: braces nest, except inside
				// the [key] of the field name, where they are key text.
				end, depth := pos+1, 1
				inName, bracket := true, false
				for end < len(s) && depth > 0 {
					c := s[end]
					switch {
					case inName && c == '[':
						bracket = true
					case inName && c == ']':
						bracket = false
					case inName && !bracket && (c == ':' || c == '!'):
						inName = false
					}
					if !bracket {
						switch c {
						case '{':
							depth++
						case '}':
							depth--
						}
					}
					end++
				}
				if depth > 0 {
					if end >= len(s) && pos+1 == len(s) {
						return parts, "Single '{' encountered in format string"
					}
					// Past a conversion or a spec, CPython blames the
					// spec's braces.
					if strings.ContainsAny(s[pos+1:], "!:") {
						return parts, "unmatched '{' in format spec"
					}
					return parts, "expected '}' before end of string"
				}
				field := s[pos+1 : end-1]
				pos = end
				p.hasField = true
				// The name runs to the first '!' or ':' outside brackets.
				i, bracket := 0, false
				for ; i < len(field); i++ {
					ch := field[i]
					if ch == '[' {
						bracket = true
					} else if ch == ']' {
						bracket = false
					} else if !bracket && (ch == '!' || ch == ':') {
						break
					}
				}
				p.name = field[:i]
				rest := field[i:]
				if strings.HasPrefix(rest, "!") {
					if len(rest) < 2 {
						// CPython takes the closing brace as the conversion
						// character and then misses the field's end.
						return parts, "unmatched '{' in format spec"
					}
					p.conversion, p.hasConversion = rest[1:2], true
					rest = rest[2:]
					if rest != "" && rest[0] != ':' {
						return parts, "expected ':' after conversion specifier"
					}
				}
				if strings.HasPrefix(rest, ":") {
					p.spec = rest[1:]
				}
				done = true
			}
		}
		p.literal = lit.String()
		parts = append(parts, p)
	}
	return parts, ""
}

func stringFormatterParser(in *interp.Interp, args []interp.Value, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("formatter_parser", args, kwnames, 1, 1); err != nil {
		return interp.Value{}, err
	}
	if !interp.IsStr(args[0]) {
		return interp.Value{}, in.Raise(interp.TypeError, "expected str, got %s", args[0].Type().Name)
	}
	parts, msg := splitTemplate(args[0].GoString())
	if msg != "" {
		return interp.Value{}, in.Raise(interp.ValueError, "%s", msg)
	}
	var tuples []interp.Value
	defer func() {
		for _, t := range tuples {
			in.DecRef(t)
		}
	}()
	for _, p := range parts {
		t, err := partTuple(in, p)
		if err != nil {
			return interp.Value{}, err
		}
		tuples = append(tuples, t)
	}
	l, err := in.NewList(tuples...)
	if err != nil {
		return interp.Value{}, err
	}
	defer in.DecRef(l)
	return in.Iter(l)
}

func partTuple(in *interp.Interp, p templatePart) (interp.Value, error) {
	var vals []interp.Value
	defer func() {
		for _, v := range vals {
			in.DecRef(v)
		}
	}()
	for i, s := range []string{p.literal, p.name, p.spec, p.conversion} {
		if i > 0 && !p.hasField || i == 3 && !p.hasConversion {
			vals = append(vals, interp.None)
			continue
		}
		v, err := in.NewStr(s)
		if err != nil {
			return interp.Value{}, err
		}
		vals = append(vals, v)
	}
	return in.NewTuple(vals...)
}

func stringFieldNameSplit(in *interp.Interp, args []interp.Value, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("formatter_field_name_split", args, kwnames, 1, 1); err != nil {
		return interp.Value{}, err
	}
	if !interp.IsStr(args[0]) {
		return interp.Value{}, in.Raise(interp.TypeError, "expected str, got %s", args[0].Type().Name)
	}
	first, index, steps, err := splitFieldName(args[0].GoString())
	if err != "" {
		return interp.Value{}, in.Raise(interp.ValueError, "%s", err)
	}
	var firstV interp.Value
	if index >= 0 {
		firstV = interp.Int(int64(index))
	} else if firstV, _ = in.NewStr(first); firstV.IsNil() {
		return interp.Value{}, in.NoMemory()
	}
	defer in.DecRef(firstV)
	var tuples []interp.Value
	defer func() {
		for _, t := range tuples {
			in.DecRef(t)
		}
	}()
	for _, st := range steps {
		var key interp.Value
		if st.index >= 0 {
			key = interp.Int(int64(st.index))
		} else {
			k, err := in.NewStr(st.key)
			if err != nil {
				return interp.Value{}, err
			}
			key = k
		}
		t, err := in.NewTuple(interp.Bool(st.attr), key)
		in.DecRef(key)
		if err != nil {
			return interp.Value{}, err
		}
		tuples = append(tuples, t)
	}
	l, err2 := in.NewList(tuples...)
	if err2 != nil {
		return interp.Value{}, err2
	}
	defer in.DecRef(l)
	it, err2 := in.Iter(l)
	if err2 != nil {
		return interp.Value{}, err2
	}
	defer in.DecRef(it)
	return in.NewTuple(firstV, it)
}

type fieldStep struct {
	attr  bool
	key   string
	index int
}

// splitFieldName splits "a.b[0]" into "a" and its steps; index is the
// first part's value when it is all digits (else -1).
func splitFieldName(name string) (first string, index int, steps []fieldStep, msg string) {
	i := strings.IndexAny(name, ".[")
	if i < 0 {
		i = len(name)
	}
	first, rest := name[:i], name[i:]
	index = digitsValue(first)
	for rest != "" {
		switch rest[0] {
		case '.':
			j := strings.IndexAny(rest[1:], ".[")
			if j < 0 {
				j = len(rest) - 1
			}
			key := rest[1 : 1+j]
			if key == "" {
				return first, index, steps, "Empty attribute in format string"
			}
			steps = append(steps, fieldStep{attr: true, key: key, index: -1})
			rest = rest[1+j:]
		case '[':
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				return first, index, steps, "Missing ']' in format string"
			}
			key := rest[1:j]
			if key == "" {
				return first, index, steps, "Empty attribute in format string"
			}
			steps = append(steps, fieldStep{key: key, index: digitsValue(key)})
			rest = rest[j+1:]
			if rest != "" && rest[0] != '.' && rest[0] != '[' {
				return first, index, steps, "Only '.' or '[' may follow ']' in format field specifier"
			}
		}
	}
	return first, index, steps, ""
}

// digitsValue is the value of an all-decimal-digit string, or -1.
func digitsValue(s string) int {
	if s == "" || len(s) > 18 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
