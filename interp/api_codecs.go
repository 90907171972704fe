package interp

import "strings"

// The part of the exported API that the _codecs module
// (interp/modules/codecs.go) needs: the built-in codec layer's UTF-8
// checks and Unicode errors, exceptions as objects, and a hook through
// which str.encode and bytes.decode reach the codec registry for the
// text codecs the built-in layer lacks (utf-16, cp1252...), as CPython
// sends every such conversion through it.

// CodecRegistry is what the _codecs module offers the built-in codec
// layer: Encode is codecs.encode(v, encoding, errors) for a str v and
// must return bytes; Decode is codecs.decode(data, encoding, errors) for
// a bytes object and must return a str. Both check the result's type
// with CPython's messages.
type CodecRegistry struct {
	Encode func(in *Interp, v Value, encoding, errors string) (Value, error)
	Decode func(in *Interp, data Value, encoding, errors string) (Value, error)
}

// codecRegistry is set once, at package initialization.
var codecRegistry *CodecRegistry

// SetCodecRegistry installs the codec registry's entry points. Call it
// from a package init function.
func SetCodecRegistry(r CodecRegistry) {
	checkUnsealed("SetCodecRegistry")
	codecRegistry = &r
}

// useCodecRegistry reports whether a conversion goes to the registry,
// when one is installed, rather than the built-in layer: for a text
// codec of CPython's that the layer does not implement, for a name it
// does not know (which a search function may), and for an error
// handler of the registry's (codecs.register_error).
func useCodecRegistry(encoding, errors string) bool {
	if codecRegistry == nil {
		return false
	}
	norm := normalizeEncodingName(encoding)
	e, ok := codecNames[norm]
	if !ok && strings.Contains(norm, ".") {
		e, ok = codecNames[strings.ReplaceAll(norm, ".", "_")]
		ok = ok && e.alias
	}
	switch {
	case !ok || e.c == codecUnsupported:
		return true
	case e.c == codecNotText:
		return false
	}
	switch errors {
	case "strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass", "xmlcharrefreplace", "namereplace":
		return false
	}
	return true
}

// registryEncode encodes the str v through the registry.
func (in *Interp) registryEncode(v Value, encoding, errors string) ([]byte, error) {
	r, err := codecRegistry.Encode(in, v, encoding, errors)
	if err != nil {
		return nil, err
	}
	defer in.decRef(r)
	b, _ := bytesData(r)
	return append([]byte(nil), b...), nil
}

// registryDecode decodes data through the registry.
func (in *Interp) registryDecode(data []byte, encoding, errors string) (Value, error) {
	obj, err := in.NewBytes(data)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(obj)
	return codecRegistry.Decode(in, obj, encoding, errors)
}

// NormalizeEncoding is the normalization codecs.lookup applies to a
// codec's name before it asks the search functions: lower case, each
// run of characters other than ASCII letters, digits and '.' made one
// '_', none at either end ("UTF-8" is "utf_8").
func NormalizeEncoding(name string) string { return normalizeEncodingName(name) }

// UTF8Sequence checks the UTF-8 sequence that starts b (not empty) as
// CPython's decoder does: its length n, or n = 0 and the length of the
// bad bytes with the reason ("invalid start byte"); incomplete reports
// a valid prefix cut off by the end of b. Surrogates are invalid.
func UTF8Sequence(b []byte) (n, size int, reason string, incomplete bool) {
	return utf8Sequence(b)
}

// NewUnicodeError returns a UnicodeEncodeError or UnicodeDecodeError
// (t) with CPython's five arguments, as the error to return; obj is the
// str or bytes being converted (borrowed).
func (in *Interp) NewUnicodeError(t *Type, encoding string, obj Value, start, end int, reason string) error {
	return in.newUnicodeError(t, encoding, obj, start, end, reason)
}

// ErrorValue returns the exception object of err, a Python exception
// (borrowed, valid while err is held), or the zero Value when err is
// not one.
func ErrorValue(err error) Value {
	if e, ok := err.(*Exception); ok {
		return valueOf(e)
	}
	return Value{}
}

// RaiseValue returns the error that raises v, an exception instance or
// class (borrowed), as a raise statement does: TypeError "exceptions
// must derive from BaseException" for anything else.
func (in *Interp) RaiseValue(v Value) error {
	e, err := in.toException(v)
	if err != nil {
		return err
	}
	return e
}
