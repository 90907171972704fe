package format

import (
	"fmt"
	"math"
	"strings"
)

// Part is one step of a str.format template: literal text, then
// optionally a replacement field, as string.Formatter.parse yields them.
type Part struct {
	Literal string // text before the field, "{{" and "}}" already undone
	Field   bool   // a replacement field follows the literal
	// Name is the field name: "" (automatic numbering), "0", "name",
	// "obj.attr[key]"...
	Name string
	// Conversion is the character after '!' ('r', 's', 'a'; anything else
	// is rejected when rendering), or 0 when there is none.
	Conversion rune
	Spec       string // the format spec after ':', unexpanded
	Nested     bool   // Spec contains replacement fields to expand
}

// ParseTemplate splits a str.format template into parts. On a malformed
// template it returns the parts before the fault together with the error;
// str.format raises that error only after rendering those parts, so an
// earlier field's error wins (RenderTemplate does this).
func ParseTemplate(s string) ([]Part, error) {
	var parts []Part
	pos := 0
	for {
		p, next, ok, err := nextPart(s, pos)
		if err != nil || !ok {
			return parts, err
		}
		parts = append(parts, p)
		pos = next
	}
}

// nextPart is MarkupIterator_next: it reads the part at byte offset pos.
// Delimiters are ASCII, so scanning bytes of WTF-8 text is safe.
func nextPart(s string, pos int) (p Part, next int, ok bool, err error) {
	if pos >= len(s) {
		return p, pos, false, nil
	}
	start := pos
	var c byte
	markup := false
	for pos < len(s) {
		c = s[pos]
		pos++
		if c == '{' || c == '}' {
			markup = true
			break
		}
	}
	atEnd := pos >= len(s)
	n := pos - start
	if markup && c == '}' && (atEnd || s[pos] != '}') {
		return p, pos, false, errorf(ValueError, "Single '}' encountered in format string")
	}
	if markup && atEnd && c == '{' {
		return p, pos, false, errorf(ValueError, "Single '{' encountered in format string")
	}
	if !atEnd {
		if s[pos] == c {
			pos++ // an escaped brace: the literal keeps one
			markup = false
		} else {
			n--
		}
	}
	p.Literal = s[start : start+n]
	if !markup {
		return p, pos, true, nil
	}
	p.Field = true
	pos, err = parseField(s, pos, &p)
	return p, pos, err == nil, err
}

// parseField is parse_field: it reads a replacement field starting after
// its '{' and returns the offset after its '}'.
func parseField(s string, pos int, p *Part) (int, error) {
	nameStart := pos
	var c byte
scan:
	for pos < len(s) {
		c = s[pos]
		pos++
		switch c {
		case '{':
			return pos, errorf(ValueError, "unexpected '{' in field name")
		case '[':
			for pos < len(s) && s[pos] != ']' {
				pos++
			}
		case '}', ':', '!':
			break scan
		}
	}
	p.Name = s[nameStart : pos-1]
	if c != '!' && c != ':' {
		if c != '}' {
			return pos, errorf(ValueError, "expected '}' before end of string")
		}
		return pos, nil
	}
	if c == '!' {
		if pos >= len(s) {
			return pos, errorf(ValueError, "end of string while looking for conversion specifier")
		}
		r, size := decodeRune(s[pos:])
		p.Conversion = r
		pos += size
		if pos < len(s) {
			c = s[pos]
			pos++
			if c == '}' {
				return pos, nil
			}
			if c != ':' {
				return pos, errorf(ValueError, "expected ':' after conversion specifier")
			}
		}
	}
	specStart := pos
	count := 1
	for pos < len(s) {
		c = s[pos]
		pos++
		switch c {
		case '{':
			p.Nested = true
			count++
		case '}':
			count--
			if count == 0 {
				p.Spec = s[specStart : pos-1]
				return pos, nil
			}
		}
	}
	return pos, errorf(ValueError, "unmatched '{' in format spec")
}

// FieldStep is one '.attr' or '[key]' after the first part of a field
// name.
type FieldStep struct {
	Attr bool   // '.name' rather than '[key]'
	Key  string // the attribute name or the item key
	// Index is the key's value when it is all decimal digits (then the item
	// is looked up with an int), else -1. Always -1 for attributes.
	Index int
}

// SplitFieldName splits a field name as _string.formatter_field_name_split
// does: the first part, its value when it is all decimal digits (else
// -1), and the steps after it. On an error in a step it returns the steps
// before it with the error.
func SplitFieldName(name string) (first string, index int, steps []FieldStep, err error) {
	first, rest := splitFirst(name)
	index, err = fieldIndex(first)
	if err != nil {
		return first, -1, nil, err
	}
	for pos := 0; pos < len(rest); {
		var st FieldStep
		st, pos, err = nextStep(rest, pos)
		if err != nil {
			return first, index, steps, err
		}
		steps = append(steps, st)
	}
	return first, index, steps, nil
}

func splitFirst(name string) (first, rest string) {
	i := strings.IndexAny(name, ".[")
	if i < 0 {
		return name, ""
	}
	return name[:i], name[i:]
}

// fieldIndex is unicode_format.h's get_integer: the value of s when it is
// a non-empty run of decimal digits (any Unicode Nd digits), else -1.
func fieldIndex(s string) (int, error) {
	if s == "" {
		return -1, nil
	}
	acc := 0
	for i := 0; i < len(s); {
		r, size := decodeRune(s[i:])
		i += size
		d := decimalValue(r)
		if d < 0 {
			return -1, nil
		}
		if acc > (math.MaxInt64-d)/10 {
			return -1, errorf(ValueError, "Too many decimal digits in format string")
		}
		acc = acc*10 + d
	}
	return acc, nil
}

// nextStep is FieldNameIterator_next over rest at pos.
func nextStep(rest string, pos int) (st FieldStep, next int, err error) {
	c := rest[pos]
	pos++
	switch c {
	case '.':
		st.Attr = true
		start := pos
		for pos < len(rest) && rest[pos] != '.' && rest[pos] != '[' {
			pos++
		}
		st.Key, st.Index = rest[start:pos], -1
	case '[':
		start := pos
		for pos < len(rest) && rest[pos] != ']' {
			pos++
		}
		if pos >= len(rest) {
			return st, pos, errorf(ValueError, "Missing ']' in format string")
		}
		st.Key = rest[start:pos]
		pos++
		if st.Index, err = fieldIndex(st.Key); err != nil {
			return st, pos, err
		}
	default:
		return st, pos, errorf(ValueError, "Only '.' or '[' may follow ']' in format field specifier")
	}
	if st.Key == "" {
		return st, pos, errorf(ValueError, "Empty attribute in format string")
	}
	return st, pos, nil
}

// Fields gives RenderTemplate what it needs from the interpreter to
// resolve and format replacement fields. V is the interpreter's value
// type.
type Fields[V any] struct {
	// Positional returns positional argument i, or ok=false when there is
	// none (IndexError). A nil Positional means positional fields are not
	// allowed (str.format_map): ValueError.
	Positional func(i int) (v V, ok bool)
	// Keyword returns the keyword argument name (kwargs[name], or
	// mapping[name] for format_map). A nil Keyword raises KeyError(name).
	Keyword func(name string) (V, error)
	// Attr is getattr(v, name).
	Attr func(v V, name string) (V, error)
	// Item is v[key]: with an int when index >= 0 (key is then its
	// digits; CPython uses the sequence protocol when v is a sequence),
	// else with the str key.
	Item func(v V, key string, index int) (V, error)
	// Convert applies conversion 'r' (repr), 's' (str) or 'a' (ascii).
	Convert func(v V, conversion rune) (V, error)
	// Format is format(v, spec).
	Format func(v V, spec string) (string, error)
}

// RenderTemplate renders a str.format template as str.format and
// str.format_map do, with their errors in their order.
func RenderTemplate[V any](template string, f *Fields[V]) (string, error) {
	r := renderer[V]{f: f}
	var out strings.Builder
	out.Grow(len(template))
	if err := r.build(template, 2, &out); err != nil {
		return "", err
	}
	return out.String(), nil
}

const (
	autoInit = iota
	autoAuto
	autoManual
)

type renderer[V any] struct {
	f         *Fields[V]
	autoState int
	autoNext  int
}

// build is build_string and output_markup.
func (r *renderer[V]) build(s string, depth int, out *strings.Builder) error {
	if depth <= 0 {
		return errorf(ValueError, "Max string recursion exceeded")
	}
	for pos := 0; ; {
		p, next, ok, err := nextPart(s, pos)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		pos = next
		out.WriteString(p.Literal)
		if !p.Field {
			continue
		}
		v, err := r.field(p.Name)
		if err != nil {
			return err
		}
		if p.Conversion != 0 {
			switch p.Conversion {
			case 'r', 's', 'a':
				if v, err = r.f.Convert(v, p.Conversion); err != nil {
					return err
				}
			default:
				return errorf(ValueError, "Unknown conversion specifier %s", convForMessage(p.Conversion))
			}
		}
		spec := p.Spec
		if p.Nested {
			var sb strings.Builder
			if err := r.build(spec, depth-1, &sb); err != nil {
				return err
			}
			spec = sb.String()
		}
		text, err := r.f.Format(v, spec)
		if err != nil {
			return err
		}
		out.WriteString(text)
		if err := checkLen(out.Len()); err != nil {
			return err
		}
	}
}

func convForMessage(c rune) string {
	if c > 32 && c < 127 {
		return string(c)
	}
	return fmt.Sprintf("\\x%x", c)
}

// field is get_field_object with field_name_split's automatic numbering.
func (r *renderer[V]) field(name string) (V, error) {
	var v V
	first, rest := splitFirst(name)
	index, err := fieldIndex(first)
	if err != nil {
		return v, err
	}
	empty := first == ""
	if numeric := empty || index >= 0; numeric {
		if r.autoState == autoInit {
			r.autoState = autoManual
			if empty {
				r.autoState = autoAuto
			}
		}
		if r.autoState == autoManual && empty {
			return v, errorf(ValueError, "cannot switch from manual field specification to automatic field numbering")
		}
		if r.autoState == autoAuto && !empty {
			return v, errorf(ValueError, "cannot switch from automatic field numbering to manual field specification")
		}
		if empty {
			index = r.autoNext
			r.autoNext++
		}
	}
	if index < 0 {
		if r.f.Keyword == nil {
			return v, &Error{Kind: KeyError, Msg: first}
		}
		if v, err = r.f.Keyword(first); err != nil {
			return v, err
		}
	} else {
		if r.f.Positional == nil {
			return v, errorf(ValueError, "Format string contains positional fields")
		}
		var ok bool
		if v, ok = r.f.Positional(index); !ok {
			return v, errorf(IndexError, "Replacement index %d out of range for positional args tuple", index)
		}
	}
	for pos := 0; pos < len(rest); {
		var st FieldStep
		if st, pos, err = nextStep(rest, pos); err != nil {
			return v, err
		}
		if st.Attr {
			v, err = r.f.Attr(v, st.Key)
		} else {
			v, err = r.f.Item(v, st.Key, st.Index)
		}
		if err != nil {
			return v, err
		}
	}
	return v, nil
}
