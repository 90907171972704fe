package interp

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The text codecs: str.encode, and decoding bytes for str() (and for
// bytes.decode, which can call strDecode). UTF-8, ASCII and Latin-1 are
// implemented with the error handlers strict, ignore, replace,
// backslashreplace, xmlcharrefreplace (encoding), surrogateescape and
// surrogatepass; the other codecs CPython knows raise NotImplementedError.
// Errors are UnicodeEncodeError and UnicodeDecodeError carrying CPython's
// five arguments, whose str() gives its message.

// strCodec is an implemented text codec.
type strCodec uint8

const (
	strUTF8 strCodec = iota + 1
	strASCII
	strLatin1
)

// strCodecNames are the names error messages give the codecs.
var strCodecNames = [...]string{strUTF8: "utf-8", strASCII: "ascii", strLatin1: "latin-1"}

// strCodecAliases maps normalized encoding names to the implemented codecs
// (the aliases of encodings.aliases for them).
var strCodecAliases = func() map[string]strCodec {
	m := map[string]strCodec{}
	for c, names := range map[strCodec]string{
		strUTF8:   "utf_8 utf8 u8 utf utf8_ucs2 utf8_ucs4 cp65001",
		strASCII:  "ascii 646 ansi_x3.4_1968 ansi_x3_4_1968 ansi_x3.4_1986 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6 us us_ascii",
		strLatin1: "latin_1 8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1 iso_8859_1_1987 iso_ir_100 l1 latin latin1",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = c
		}
	}
	return m
}()

// strOtherCodecs are the normalized names of the other codecs CPython 3.12
// has on every platform, and their aliases: they exist, but are not
// implemented here.
var strOtherCodecs = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(strOtherCodecNames) {
		m[n] = true
	}
	return m
}()

// normalizeEncodingName is the normalization of codecs.lookup: lower case,
// each run of characters other than letters, digits and '.' made one
// '_', and no '_' at either end.
func normalizeEncodingName(name string) string {
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

// lookupStrCodec finds the codec named encoding.
func (in *Interp) lookupStrCodec(encoding string) (strCodec, error) {
	if strings.IndexByte(encoding, 0) >= 0 {
		return 0, in.raise(valueErrorType, "embedded null character")
	}
	norm := normalizeEncodingName(encoding)
	if c, ok := strCodecAliases[norm]; ok {
		return c, nil
	}
	if strOtherCodecs[norm] {
		return 0, in.raise(notImplementedErrorType, "the '%s' codec is not implemented yet", encoding)
	}
	return 0, in.raise(lookupErrorT, "unknown encoding: %s", encoding)
}

var (
	lookupErrorT        = exceptionTypes["LookupError"]
	unicodeEncodeErrorT = exceptionTypes["UnicodeEncodeError"]
	unicodeDecodeErrorT = exceptionTypes["UnicodeDecodeError"]
)

// strErrorHandler checks the name of an error handler when an error needs
// it: the ones implemented, or LookupError for unknown names.
func (in *Interp) strErrorHandler(name string, decoding bool) error {
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

// newUnicodeError makes a UnicodeEncodeError or UnicodeDecodeError with
// CPython's arguments (encoding, object, start, end, reason).
func (in *Interp) newUnicodeError(t *Type, encoding string, object Value, start, end int, reason string) error {
	enc, err := in.NewStr(encoding)
	if err != nil {
		return err
	}
	defer in.decRef(enc)
	why, err := in.NewStr(reason)
	if err != nil {
		return err
	}
	defer in.decRef(why)
	e, err := in.newException(t, enc, object, Int(int64(start)), Int(int64(end)), why)
	if err != nil {
		return err
	}
	return e
}

// strEncode encodes the str v; encoding and errors are the arguments of
// str.encode.
func (in *Interp) strEncode(v Value, encoding, errors string) ([]byte, error) {
	// CPython converts both names to UTF-8 C strings first.
	for _, name := range []string{encoding, errors} {
		if i := surrogateIndex(name); i >= 0 {
			nv, err := in.NewStr(name)
			if err != nil {
				return nil, err
			}
			defer in.decRef(nv)
			return nil, in.newUnicodeError(unicodeEncodeErrorT, "utf-8", nv, i, i+1, "surrogates not allowed")
		}
	}
	switch normalizeEncodingName(encoding) {
	case "unicode_escape", "unicodeescape":
		return encodeUnicodeEscape(strObj(v).s, false), nil
	case "raw_unicode_escape":
		return encodeUnicodeEscape(strObj(v).s, true), nil
	}
	c, err := in.lookupStrCodec(encoding)
	if err != nil {
		return nil, err
	}
	o := strObj(v)
	if o.ascii || c == strUTF8 && !strings.Contains(o.s, "\xed") {
		return []byte(o.s), nil
	}
	limit := rune(0x80)
	reason := "ordinal not in range(128)"
	switch c {
	case strLatin1:
		limit, reason = 0x100, "ordinal not in range(256)"
	case strUTF8:
		limit, reason = 0x110000, "surrogates not allowed"
	}
	bad := func(r rune) bool { return r >= limit || c == strUTF8 && r >= 0xd800 && r <= 0xdfff }
	out := make([]byte, 0, len(o.s))
	s := o.s
	pos := 0 // code point index of s[i:]
	for i := 0; i < len(s); {
		r, n := decodeCP(s[i:])
		if !bad(r) {
			if c == strUTF8 {
				out = append(out, s[i:i+n]...)
			} else {
				out = append(out, byte(r))
			}
			i += n
			pos++
			continue
		}
		// A run of unencodable characters goes to the handler at once.
		var run []rune
		for i < len(s) {
			r, n := decodeCP(s[i:])
			if !bad(r) {
				break
			}
			run = append(run, r)
			i += n
		}
		start, end := pos, pos+len(run)
		pos = end
		if err := in.strErrorHandler(errors, false); err != nil {
			return nil, err
		}
		switch errors {
		case "ignore":
		case "replace":
			for range run {
				out = append(out, '?')
			}
		case "backslashreplace":
			for _, r := range run {
				out = appendBackslashEscape(out, r)
			}
		case "xmlcharrefreplace":
			for _, r := range run {
				out = append(out, "&#"...)
				out = strconv.AppendInt(out, int64(r), 10)
				out = append(out, ';')
			}
		case "surrogateescape":
			for k, r := range run {
				if r < 0xdc80 || r > 0xdcff {
					return nil, in.newUnicodeError(unicodeEncodeErrorT, strCodecNames[c], v, start+k, end, reason)
				}
				out = append(out, byte(r-0xdc00))
			}
		case "surrogatepass":
			if c != strUTF8 {
				return nil, in.newUnicodeError(unicodeEncodeErrorT, strCodecNames[c], v, start, end, reason)
			}
			for _, r := range run {
				out = appendCP(out, r)
			}
		default: // strict
			return nil, in.newUnicodeError(unicodeEncodeErrorT, strCodecNames[c], v, start, end, reason)
		}
	}
	return out, nil
}

// surrogateIndex returns the code point index of the first lone
// surrogate in s, or -1.
func surrogateIndex(s string) int {
	if !strings.Contains(s, "\xed") {
		return -1
	}
	pos := 0
	for i := 0; i < len(s); pos++ {
		r, n := decodeCP(s[i:])
		if r >= 0xd800 && r <= 0xdfff {
			return pos
		}
		i += n
	}
	return -1
}

// appendBackslashEscape appends \xhh, \uhhhh or \Uhhhhhhhh for r.
func appendBackslashEscape(b []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	switch {
	case r < 0x100:
		return append(b, '\\', 'x', hex[r>>4], hex[r&15])
	case r < 0x10000:
		return append(b, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
	}
	b = append(b, '\\', 'U')
	for shift := 28; shift >= 0; shift -= 4 {
		b = append(b, hex[r>>uint(shift)&15])
	}
	return b
}

// strDecode decodes data to a new str; encoding and errors are the
// arguments of str() and bytes.decode.
func (in *Interp) strDecode(data []byte, encoding, errors string) (Value, error) {
	c, err := in.lookupStrCodec(encoding)
	if err != nil {
		return Value{}, err
	}
	if asciiBytes(data) {
		return in.newStrText(string(data), len(data), true)
	}
	switch c {
	case strLatin1:
		b := make([]byte, 0, 2*len(data))
		for _, x := range data {
			b = utf8.AppendRune(b, rune(x))
		}
		return in.newStrText(string(b), len(data), false)
	case strUTF8:
		if utf8.Valid(data) {
			n := utf8.RuneCount(data)
			return in.newStrText(string(data), n, false)
		}
	}
	var b []byte
	for i := 0; i < len(data); {
		x := data[i]
		var size int
		var reason string
		if c == strASCII {
			if x < 0x80 {
				b = append(b, x)
				i++
				continue
			}
			size, reason = 1, "ordinal not in range(128)"
		} else {
			r, n := utf8.DecodeRune(data[i:])
			if r != utf8.RuneError || n > 1 {
				b = append(b, data[i:i+n]...)
				i += n
				continue
			}
			size, reason = utf8ErrorAt(data[i:])
		}
		if err := in.strErrorHandler(errors, true); err != nil {
			return Value{}, err
		}
		switch errors {
		case "ignore":
		case "replace":
			b = utf8.AppendRune(b, utf8.RuneError)
		case "backslashreplace":
			for _, y := range data[i : i+size] {
				b = appendBackslashEscape(b, rune(y))
			}
		case "surrogateescape":
			for _, y := range data[i : i+size] {
				b = appendCP(b, 0xdc00+rune(y))
			}
		case "surrogatepass":
			if c == strUTF8 && len(data)-i >= 3 && x == 0xed && data[i+1]&0xe0 == 0xa0 && data[i+2]&0xc0 == 0x80 {
				b = append(b, data[i:i+3]...)
				i += 3
				continue
			}
			fallthrough
		default:
			obj, err := in.newBytes(append([]byte(nil), data...))
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(obj)
			return Value{}, in.newUnicodeError(unicodeDecodeErrorT, strCodecNames[c], obj, i, i+size, reason)
		}
		i += size
	}
	return in.newStrOf(string(b))
}

func asciiBytes(b []byte) bool {
	for _, x := range b {
		if x >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// utf8ErrorAt classifies the invalid UTF-8 at the start of b as CPython's
// decoder does: how many bytes the error covers and why.
func utf8ErrorAt(b []byte) (int, string) {
	x := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xbf) // the range of the second byte
	switch {
	case x >= 0xc2 && x <= 0xdf:
		need = 1
	case x >= 0xe0 && x <= 0xef:
		need = 2
		if x == 0xe0 {
			lo = 0xa0
		} else if x == 0xed {
			hi = 0x9f
		}
	case x >= 0xf0 && x <= 0xf4:
		need = 3
		if x == 0xf0 {
			lo = 0x90
		} else if x == 0xf4 {
			hi = 0x8f
		}
	default:
		return 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) {
			return len(b), "unexpected end of data"
		}
		y := b[k]
		if k == 1 && (y < lo || y > hi) || k > 1 && y&0xc0 != 0x80 {
			return k, "invalid continuation byte"
		}
	}
	return need + 1, "invalid continuation byte" // not reached for invalid input
}

func init() {
	defMethod(strType, "encode", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var encArg, errArg Value
		if err := in.parseArgs("encode", args[1:], kwnames, []string{"encoding", "errors"}, 0, &encArg, &errArg); err != nil {
			return Value{}, err
		}
		encoding, errors := "utf-8", "strict"
		if !encArg.IsNil() {
			if !isStr(encArg) {
				return Value{}, in.raise(typeErrorType, "encode() argument 'encoding' must be str, not %s", encArg.Type().Name)
			}
			encoding = encArg.GoString()
		}
		if !errArg.IsNil() {
			if !isStr(errArg) {
				return Value{}, in.raise(typeErrorType, "encode() argument 'errors' must be str, not %s", errArg.Type().Name)
			}
			errors = errArg.GoString()
		}
		b, err := in.strEncode(args[0], encoding, errors)
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(b)
	})

	// The messages and attributes of UnicodeEncodeError and
	// UnicodeDecodeError, read from their five arguments.
	unicodeEncodeErrorT.str = unicodeErrorStr
	unicodeDecodeErrorT.str = unicodeErrorStr
	for _, t := range []*Type{unicodeEncodeErrorT, unicodeDecodeErrorT} {
		for i, name := range []string{"encoding", "object", "start", "end", "reason"} {
			i, name := i, name
			defGetSet(t, name, func(in *Interp, v Value) (Value, error) {
				args := asObject[Tuple](asObject[Exception](v).args).items
				if len(args) != 5 {
					return None, nil
				}
				incRef(args[i])
				return args[i], nil
			}, func(in *Interp, v, value Value) error {
				return in.raise(notImplementedErrorType, "setting %s.%s is not implemented yet", v.Type().Name, name)
			})
		}
	}
}

// unicodeErrorStr is str() of a UnicodeEncodeError or UnicodeDecodeError
// made with CPython's five arguments; any other is shown as exceptions
// are.
func unicodeErrorStr(in *Interp, v Value) (Value, error) {
	args := asObject[Tuple](asObject[Exception](v).args).items
	if len(args) != 5 || !isStr(args[0]) || !args[2].IsSmallInt() || !args[3].IsSmallInt() || !isStr(args[4]) {
		return exceptionStr(in, v)
	}
	enc, obj, reason := args[0].GoString(), args[1], args[4].GoString()
	start, end := int(args[2].SmallInt()), int(args[3].SmallInt())
	decoding := v.Type().IsSubtype(unicodeDecodeErrorT)
	if decoding && obj.Type().IsSubtype(bytesType) {
		data := asObject[Bytes](obj).b
		if start >= 0 && start < len(data) && end == start+1 {
			return in.NewStr("'" + enc + "' codec can't decode byte 0x" + strHex2(data[start]) + " in position " + strconv.Itoa(start) + ": " + reason)
		}
	} else if !decoding && isStr(obj) {
		o := strObj(obj)
		if start >= 0 && start < o.length && end == start+1 {
			r, _ := decodeCP(o.s[o.offset(start):])
			esc := string(appendBackslashEscape(nil, r))
			return in.NewStr("'" + enc + "' codec can't encode character '" + esc + "' in position " + strconv.Itoa(start) + ": " + reason)
		}
	} else {
		return exceptionStr(in, v)
	}
	verb := "encode"
	if decoding {
		verb = "decode"
	}
	noun := "characters"
	if decoding {
		noun = "bytes"
	}
	return in.NewStr("'" + enc + "' codec can't " + verb + " " + noun + " in position " + strconv.Itoa(start) + "-" + strconv.Itoa(end-1) + ": " + reason)
}

func strHex2(b byte) string {
	const hex = "0123456789abcdef"
	return string([]byte{hex[b>>4], hex[b&15]})
}

// strOtherCodecNames lists the codecs of CPython 3.12 other than UTF-8,
// ASCII and Latin-1, with their aliases, normalized.
const strOtherCodecNames = "" +
	"037 1026 1125 1140 1250 1251 1252 1253 1254 1255 1256 1257 1258 273 " +
	"424 437 500 775 850 852 855 857 858 860 861 862 863 864 865 866 869 " +
	"932 936 949 950 arabic asmo_708 base64 base64_codec base_64 big5 " +
	"big5_hkscs big5_tw big5hkscs bz2 bz2_codec charmap chinese cp037 " +
	"cp1006 cp1026 cp1051 cp1125 cp1140 cp1250 cp1251 cp1252 cp1253 cp1254 " +
	"cp1255 cp1256 cp1257 cp1258 cp1361 cp154 cp273 cp424 cp437 cp500 " +
	"cp720 cp737 cp775 cp850 cp852 cp855 cp856 cp857 cp858 cp860 cp861 " +
	"cp862 cp863 cp864 cp865 cp866 cp866u cp869 cp874 cp875 cp932 cp936 " +
	"cp949 cp950 cp_gr cp_is csHPRoman8 csbig5 csibm037 csibm1026 csibm273 " +
	"csibm424 csibm500 csibm855 csibm857 csibm858 csibm860 csibm861 " +
	"csibm863 csibm864 csibm865 csibm866 csibm869 csiso2022jp csiso2022kr " +
	"csiso58gb231280 csisolatin2 csisolatin3 csisolatin4 csisolatin5 " +
	"csisolatin6 csisolatinarabic csisolatincyrillic csisolatingreek " +
	"csisolatinhebrew cskoi8r cspc775baltic cspc850multilingual " +
	"cspc862latinhebrew cspc8codepage437 cspcp852 csptcp154 csshiftjis " +
	"cyrillic cyrillic_asian ebcdic_cp_be ebcdic_cp_ca ebcdic_cp_ch " +
	"ebcdic_cp_he ebcdic_cp_nl ebcdic_cp_us ebcdic_cp_wt ecma_114 ecma_118 " +
	"elot_928 euc_cn euc_jis2004 euc_jis_2004 euc_jisx0213 euc_jp euc_kr " +
	"euccn eucgb2312_cn eucjis2004 eucjisx0213 eucjp euckr gb18030 " +
	"gb18030_2000 gb2312 gb2312_1980 gb2312_80 gbk greek greek8 hebrew hex " +
	"hex_codec hkscs hp_roman8 hz hz_gb hz_gb_2312 hzgb ibm037 ibm039 " +
	"ibm1026 ibm1051 ibm1125 ibm1140 ibm273 ibm424 ibm437 ibm500 ibm775 " +
	"ibm850 ibm852 ibm855 ibm857 ibm858 ibm860 ibm861 ibm862 ibm863 ibm864 " +
	"ibm865 ibm866 ibm869 idna iso2022_jp iso2022_jp_1 iso2022_jp_2 " +
	"iso2022_jp_2004 iso2022_jp_3 iso2022_jp_ext iso2022_kr iso2022jp " +
	"iso2022jp_1 iso2022jp_2 iso2022jp_2004 iso2022jp_3 iso2022jp_ext " +
	"iso2022kr iso8859_10 iso8859_11 iso8859_13 iso8859_14 iso8859_15 " +
	"iso8859_16 iso8859_2 iso8859_3 iso8859_4 iso8859_5 iso8859_6 " +
	"iso8859_7 iso8859_8 iso8859_9 iso_2022_jp iso_2022_jp_1 iso_2022_jp_2 " +
	"iso_2022_jp_2004 iso_2022_jp_3 iso_2022_jp_ext iso_2022_kr " +
	"iso_8859_10 iso_8859_10_1992 iso_8859_11 iso_8859_11_2001 iso_8859_13 " +
	"iso_8859_14 iso_8859_14_1998 iso_8859_15 iso_8859_16 iso_8859_16_2001 " +
	"iso_8859_2 iso_8859_2_1987 iso_8859_3 iso_8859_3_1988 iso_8859_4 " +
	"iso_8859_4_1988 iso_8859_5 iso_8859_5_1988 iso_8859_6 iso_8859_6_1987 " +
	"iso_8859_7 iso_8859_7_1987 iso_8859_8 iso_8859_8_1988 iso_8859_9 " +
	"iso_8859_9_1989 iso_celtic iso_ir_101 iso_ir_109 iso_ir_110 " +
	"iso_ir_126 iso_ir_127 iso_ir_138 iso_ir_144 iso_ir_148 iso_ir_157 " +
	"iso_ir_166 iso_ir_199 iso_ir_226 iso_ir_58 jisx0213 johab koi8_r " +
	"koi8_t koi8_u korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 " +
	"ksx1001 kz1048 kz_1048 l10 l2 l3 l4 l5 l6 l7 l8 l9 latin10 latin2 " +
	"latin3 latin4 latin5 latin6 latin7 latin8 latin9 mac_arabic " +
	"mac_centeuro mac_croatian mac_cyrillic mac_farsi mac_greek " +
	"mac_iceland mac_latin2 mac_roman mac_romanian mac_turkish " +
	"maccentraleurope maccyrillic macgreek maciceland macintosh maclatin2 " +
	"macroman macturkish ms1361 ms932 ms936 ms949 ms950 ms_kanji mskanji " +
	"palmos pt154 ptcp154 punycode quopri quopri_codec quoted_printable " +
	"quotedprintable r8 raw_unicode_escape rk1048 roman8 rot13 rot_13 " +
	"ruscii s_jis s_jis_2004 s_jisx0213 shift_jis shift_jis_2004 " +
	"shift_jisx0213 shiftjis shiftjis2004 shiftjisx0213 sjis sjis_2004 " +
	"sjisx0213 strk1048_2002 thai tis620 tis_620 tis_620_0 tis_620_2529_0 " +
	"tis_620_2529_1 u16 u32 u7 u_jis uhc ujis undefined unicode_1_1_utf_7 " +
	"unicode_escape unicodebigunmarked unicodelittleunmarked utf16 utf32 " +
	"utf7 utf_16 utf_16_be utf_16_le utf_16be utf_16le utf_32 utf_32_be " +
	"utf_32_le utf_32be utf_32le utf_7 utf_8_sig uu uu_codec windows_1250 " +
	"windows_1251 windows_1252 windows_1253 windows_1254 windows_1255 " +
	"windows_1256 windows_1257 windows_1258 x_mac_japanese x_mac_korean " +
	"x_mac_simp_chinese x_mac_trad_chinese zip zlib zlib_codec "

// encodeUnicodeEscape is the unicode_escape codec's encoder (Python
// literal escapes for everything but printable ASCII), or with raw the
// raw_unicode_escape one (Latin-1 bytes as they are, \u and \U
// escapes above).
func encodeUnicodeEscape(s string, raw bool) []byte {
	const hexDigits = "0123456789abcdef"
	out := make([]byte, 0, len(s))
	for _, r := range decodeWTF8Runes(s) {
		switch {
		case raw && r < 0x100:
			out = append(out, byte(r))
		case !raw && r == '\\':
			out = append(out, '\\', '\\')
		case !raw && r == '\t':
			out = append(out, '\\', 't')
		case !raw && r == '\n':
			out = append(out, '\\', 'n')
		case !raw && r == '\r':
			out = append(out, '\\', 'r')
		case !raw && r >= 0x20 && r < 0x7f:
			out = append(out, byte(r))
		case !raw && r < 0x100:
			out = append(out, '\\', 'x', hexDigits[r>>4], hexDigits[r&15])
		case r < 0x10000:
			out = append(out, '\\', 'u')
			for sh := 12; sh >= 0; sh -= 4 {
				out = append(out, hexDigits[(r>>sh)&15])
			}
		default:
			out = append(out, '\\', 'U')
			for sh := 28; sh >= 0; sh -= 4 {
				out = append(out, hexDigits[(r>>sh)&15])
			}
		}
	}
	return out
}

// decodeWTF8Runes splits WTF-8 text into code points, lone surrogates
// included.
func decodeWTF8Runes(s string) []rune {
	out := make([]rune, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0xed && i+2 < len(s) && s[i+1] >= 0xa0 && s[i+1] <= 0xbf {
			out = append(out, rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f))
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		out = append(out, r)
		i += size
	}
	return out
}
