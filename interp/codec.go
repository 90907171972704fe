package interp

import "strings"

// The codec layer: every conversion between str and bytes goes through
// here (str.encode, str(bytes, encoding, errors), bytes.decode,
// bytes(str, encoding, errors), bytearray's forms, and text files).
//
// UTF-8 (and utf-8-sig), ASCII and Latin-1 are implemented, with the
// error handlers strict, ignore, replace, backslashreplace,
// surrogateescape, surrogatepass and, to encode, xmlcharrefreplace
// (namereplace works for the characters without a name, lone surrogates,
// and raises NotImplementedError for the others). unicode_escape and
// raw_unicode_escape encode here. Every other conversion, their
// decoding included, goes to the codec registry of the _codecs module
// (api_codecs.go) when it is installed, as CPython sends it to its
// registry; without it, CPython's other text codecs raise
// NotImplementedError. The codecs that are not text encodings (hex,
// base64...) and unknown names raise CPython's LookupError.
//
// A str holds WTF-8 (codec_wtf8.go), so a lone surrogate, as
// surrogateescape makes, survives a round trip. The decoders and
// encoders are in codec_text.go, UnicodeEncodeError and
// UnicodeDecodeError in codec_error.go, the known names in
// codec_names.go.

// codec is a codec found by lookupCodecFor.
type codec uint8

const (
	codecUTF8 codec = iota
	codecUTF8Sig
	codecASCII
	codecLatin1
	codecUnicodeEscape    // encoded here, decoded by the registry
	codecRawUnicodeEscape // encoded here, decoded by the registry
	codecUnsupported      // a text codec of CPython's that is not implemented
	codecNotText          // a bytes-to-bytes or str-to-str codec
)

// name is the name CPython's messages give the codec (utf-8-sig reports
// its errors as utf-8).
func (c codec) name() string {
	switch c {
	case codecASCII:
		return "ascii"
	case codecLatin1:
		return "latin-1"
	}
	return "utf-8"
}

// isUTF8 reports whether c encodes as UTF-8.
func (c codec) isUTF8() bool { return c == codecUTF8 || c == codecUTF8Sig }

var (
	lookupErrorT        = exceptionTypes["LookupError"]
	unicodeEncodeErrorT = exceptionTypes["UnicodeEncodeError"]
	unicodeDecodeErrorT = exceptionTypes["UnicodeDecodeError"]
)

// utf8BOM is the byte order mark utf-8-sig writes and skips.
const utf8BOM = "\xef\xbb\xbf"

// normalizeEncodingName is the normalization of codecs.lookup: lower
// case, each run of characters other than ASCII letters, digits and '.'
// made one '_', and no '_' at either end.
func normalizeEncodingName(name string) string {
	// Every open() in text mode and every encode or decode comes here;
	// the names programs spell are nearly always normal already, or
	// UTF-8's, and then no new string is needed.
	switch name {
	case "utf-8", "UTF-8", "utf_8":
		return "utf_8"
	}
	if isNormalEncodingName(name) {
		return name
	}
	return normalizeEncodingNameSlow(name)
}

// isNormalEncodingName reports whether name is its own normalization:
// lower-case letters, digits and dots, with single underscores only
// between two of those.
func isNormalEncodingName(name string) bool {
	kept := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' }
	for i := 0; i < len(name); i++ {
		c := name[i]
		if kept(c) {
			continue
		}
		if c != '_' || i == 0 || i == len(name)-1 || !kept(name[i-1]) || !kept(name[i+1]) {
			return false
		}
	}
	return true
}

// normalizeEncodingNameSlow is normalizeEncodingName by building the
// normal form byte by byte.
func normalizeEncodingNameSlow(name string) string {
	var b strings.Builder
	pending := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' {
			if pending && b.Len() > 0 {
				b.WriteByte('_')
			}
			pending = false
			b.WriteByte(c)
			continue
		}
		pending = true
	}
	return b.String()
}

// lookupCodecFor finds the codec named encoding as codecs.lookup does:
// the normalized name as an alias, then with its dots read as
// underscores as an alias, then as a module name. op ("encode",
// "decode" or "open") completes the message about codecs that are not
// text encodings. Known codecs not implemented here raise
// NotImplementedError.
func (in *Interp) lookupCodecFor(encoding, op string) (codec, error) {
	if strings.IndexByte(encoding, 0) >= 0 {
		return 0, in.raise(valueErrorType, "embedded null character")
	}
	norm := normalizeEncodingName(encoding)
	e, ok := codecNames[norm]
	if !ok && strings.Contains(norm, ".") {
		e, ok = codecNames[strings.ReplaceAll(norm, ".", "_")]
		ok = ok && e.alias
	}
	switch {
	case !ok:
		return 0, in.raise(lookupErrorT, "unknown encoding: %s", encoding)
	case e.c == codecNotText:
		return 0, in.raise(lookupErrorT, "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs", encoding, op)
	case e.c == codecUnsupported:
		return 0, in.codecNotImplemented(encoding)
	}
	return e.c, nil
}

// lookupCodec is lookupCodecFor for a text file, whose codec must
// decode and encode incrementally.
func (in *Interp) lookupCodec(encoding string) (codec, error) {
	c, err := in.lookupCodecFor(encoding, "open")
	if err == nil && (c == codecUnicodeEscape || c == codecRawUnicodeEscape) {
		return 0, in.codecNotImplemented(encoding)
	}
	return c, err
}

// codecNotImplemented is the NotImplementedError of a codec CPython has
// that is not implemented here.
func (in *Interp) codecNotImplemented(encoding string) error {
	return in.raise(notImplementedErrorType, "the '%s' codec is not implemented yet", encoding)
}

// checkErrorHandler checks the name of an error handler when an error
// needs it, as CPython looks handlers up lazily: nil for the handlers
// implemented, TypeError for the encoding-only ones when decoding,
// NotImplementedError for namereplace, LookupError for unknown names.
func (in *Interp) checkErrorHandler(name string, decoding bool) error {
	switch name {
	case "strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass":
		return nil
	case "xmlcharrefreplace", "namereplace":
		if decoding {
			return in.raise(typeErrorType, "don't know how to handle UnicodeDecodeError in error callback")
		}
		if name == "namereplace" {
			return in.raise(notImplementedErrorType, "the 'namereplace' error handler is not implemented yet")
		}
		return nil
	}
	if strings.IndexByte(name, 0) >= 0 {
		return in.raise(valueErrorType, "embedded null character")
	}
	return in.raise(lookupErrorT, "unknown error handler name '%s'", name)
}

// checkCodecArg checks an encoding or errors argument as CPython's
// argument parsing converts it to a C string, before anything else
// happens: a lone surrogate cannot be encoded to UTF-8, and a NUL
// cannot be passed.
func (in *Interp) checkCodecArg(name string) error {
	if i := surrogateIndex(name); i >= 0 {
		v, err := in.NewStr(name)
		if err != nil {
			return err
		}
		defer in.decRef(v)
		return in.newUnicodeError(unicodeEncodeErrorT, "utf-8", v, i, i+1, "surrogates not allowed")
	}
	if strings.IndexByte(name, 0) >= 0 {
		return in.raise(valueErrorType, "embedded null character")
	}
	return nil
}

// codecArgs reads the encoding and errors arguments of fname (nil when
// not given: "utf-8" and "strict"), which must be strs, and checks them
// with checkCodecArg.
func (in *Interp) codecArgs(fname string, encArg, errArg Value) (encoding, errors string, err error) {
	encoding, errors = "utf-8", "strict"
	for i, a := range [2]Value{encArg, errArg} {
		if a.IsNil() {
			continue
		}
		if !isStr(a) {
			return "", "", in.raise(typeErrorType, "%s() argument '%s' must be str, not %s", fname, [2]string{"encoding", "errors"}[i], a.Type().Name)
		}
		s := a.GoString()
		if err := in.checkCodecArg(s); err != nil {
			return "", "", err
		}
		if i == 0 {
			encoding = s
		} else {
			errors = s
		}
	}
	return encoding, errors, nil
}

// codecMethodArgs parses the arguments of str.encode and bytes.decode,
// encoding and errors, with codecArgs.
func (in *Interp) codecMethodArgs(fname string, args, kwnames []Value) (encoding, errors string, err error) {
	var encArg, errArg Value
	if err := in.parseArgs(fname, args, kwnames, []string{"encoding", "errors"}, 0, &encArg, &errArg); err != nil {
		return "", "", err
	}
	return in.codecArgs(fname, encArg, errArg)
}

// decodeToStr decodes data to a new str: str(data, encoding, errors) and
// bytes.decode. Errors show a copy of data as a bytes object.
func (in *Interp) decodeToStr(data []byte, encoding, errors string) (Value, error) {
	if useCodecRegistry(encoding, errors) {
		return in.registryDecode(data, encoding, errors)
	}
	c, err := in.lookupCodecFor(encoding, "decode")
	if err != nil {
		return Value{}, err
	}
	switch c {
	case codecUnicodeEscape, codecRawUnicodeEscape:
		// The escape decoders (\N{...} needs unicodedata) are the
		// _codecs module's, which CPython reaches through the registry
		// too.
		if codecRegistry == nil {
			return Value{}, in.codecNotImplemented(encoding)
		}
		return in.registryDecode(data, encoding, errors)
	case codecUTF8Sig:
		if strings.HasPrefix(string(data), utf8BOM) {
			data = data[len(utf8BOM):]
		}
	}
	// The common cases make the str without scanning it again.
	if asciiBytes(data) {
		return in.newStrText(string(data), len(data), true)
	}
	if c == codecLatin1 {
		b := make([]byte, 0, 2*len(data))
		for _, x := range data {
			b = appendCP(b, rune(x))
		}
		return in.newStrText(string(b), len(data), false)
	}
	s, _, err := in.decode(c, errors, data, true)
	if err != nil {
		return Value{}, in.codecFailed(err, "decoding", encoding)
	}
	return in.newStrOf(s)
}

// encodeStr encodes the str v: str.encode, bytes(v, encoding, errors)
// and bytearray's form. Errors show v itself.
func (in *Interp) encodeStr(v Value, encoding, errors string) ([]byte, error) {
	if useCodecRegistry(encoding, errors) {
		return in.registryEncode(v, encoding, errors)
	}
	c, err := in.lookupCodecFor(encoding, "encode")
	if err != nil {
		return nil, err
	}
	o := strObj(v)
	switch c {
	case codecUnicodeEscape:
		return encodeUnicodeEscape(o.s, false), nil
	case codecRawUnicodeEscape:
		return encodeUnicodeEscape(o.s, true), nil
	}
	var b []byte
	if o.ascii {
		b = []byte(o.s)
	} else if b, err = in.encodeText(c, errors, o.s, v); err != nil {
		return nil, in.codecFailed(err, "encoding", encoding)
	}
	if c == codecUTF8Sig {
		b = append([]byte(utf8BOM), b...)
	}
	return b, nil
}

// codecFastNames are the normalized names CPython encodes and decodes
// without the codec registry.
var codecFastNames = map[string]bool{
	"utf_8": true, "utf8": true, "ascii": true, "us_ascii": true,
	"latin1": true, "latin_1": true, "iso_8859_1": true, "iso8859_1": true,
}

// codecFailed returns err, an error of the codec named encoding, with
// the note CPython adds ("encoding with 'u8' codec failed") when the
// conversion went through its codec registry, as every name but the
// ones of its fast paths does.
func (in *Interp) codecFailed(err error, op, encoding string) error {
	e, ok := err.(*Exception)
	if !ok || e == in.noMemory || codecFastNames[normalizeEncodingName(encoding)] {
		return err
	}
	note, nerr := in.NewStr(op + " with '" + encoding + "' codec failed")
	if nerr != nil {
		in.decRef(valueOf(e))
		return nerr
	}
	defer in.decRef(note)
	add, nerr := in.GetAttr(valueOf(e), internName("add_note"))
	if nerr == nil {
		var r Value
		r, nerr = in.Call(add, []Value{note}, nil)
		in.decRef(add)
		in.xdecRef(r)
	}
	if nerr != nil {
		in.decRef(valueOf(e))
		return nerr
	}
	return err
}

// bytesEncodeArgs is bytes(s, encoding, errors) and the bytearray form
// (ba): s is a str, encoding and errors strs (errors may be nil), already
// checked by bytesCtorArgs.
func (in *Interp) bytesEncodeArgs(ba bool, s, encoding, errors Value) (Value, error) {
	handler := "strict"
	if !errors.IsNil() {
		handler = errors.GoString()
	}
	b, err := in.encodeStr(s, encoding.GoString(), handler)
	if err != nil {
		return Value{}, err
	}
	if len(b) > maxBytesLen {
		return Value{}, in.memoryError()
	}
	if ba {
		return in.newByteArray(b)
	}
	return in.newBytes(b)
}

func init() {
	defMethod(strType, "encode", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		encoding, errors, err := in.codecMethodArgs("encode", args[1:], kwnames)
		if err != nil {
			return Value{}, err
		}
		b, err := in.encodeStr(args[0], encoding, errors)
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(b)
	})

	bytesMethod("decode", func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
		encoding, errors, err := in.codecMethodArgs("decode", args[1:], kwnames)
		if err != nil {
			return Value{}, err
		}
		b, _ := bytesData(args[0])
		return in.decodeToStr(b, encoding, errors)
	})
}
