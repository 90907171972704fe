package interp

import (
	"strconv"
	"strings"
)

// The text codecs of bytes.decode(), bytes(str, encoding) and
// bytearray(str, encoding): UTF-8, ASCII and Latin-1 with CPython's error
// handlers and its exact UnicodeDecodeError and UnicodeEncodeError
// messages. Text is held as WTF-8, so lone surrogates (from
// surrogateescape, say) survive a round trip. Other codecs CPython has
// raise NotImplementedError; names it does not know raise LookupError.

var (
	bytesUnicodeDecodeErrorType = exceptionTypes["UnicodeDecodeError"]
	bytesUnicodeEncodeErrorType = exceptionTypes["UnicodeEncodeError"]
	bytesLookupErrorType        = exceptionTypes["LookupError"]
)

// bytesKnownCodecs lists every codec name CPython 3.12's encodings package
// accepts (module names and aliases), normalized.
var bytesKnownCodecs = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(bytesKnownCodecNames) {
		m[n] = true
	}
	return m
}()

const bytesKnownCodecNames = "" +
	"037 1026 1125 1140 1250 1251 1252 1253 1254 1255 1256 1257 1258 273 424 437 500 646 775 850 852 " +
	"855 857 858 860 861 862 863 864 865 866 869 8859 932 936 949 950 ansi_x3.4_1968 ansi_x3.4_1986 " +
	"ansi_x3_4_1968 arabic ascii asmo_708 base64 base64_codec base_64 big5 big5_hkscs big5_tw " +
	"big5hkscs bz2 bz2_codec charmap chinese cp037 cp1006 cp1026 cp1051 cp1125 cp1140 cp1250 cp1251 " +
	"cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp1361 cp154 cp273 cp367 cp424 cp437 cp500 " +
	"cp65001 cp720 cp737 cp775 cp819 cp850 cp852 cp855 cp856 cp857 cp858 cp860 cp861 cp862 cp863 " +
	"cp864 cp865 cp866 cp866u cp869 cp874 cp875 cp932 cp936 cp949 cp950 cp_gr cp_is csHPRoman8 " +
	"csascii csbig5 csibm037 csibm1026 csibm273 csibm424 csibm500 csibm855 csibm857 csibm858 " +
	"csibm860 csibm861 csibm863 csibm864 csibm865 csibm866 csibm869 csiso2022jp csiso2022kr " +
	"csiso58gb231280 csisolatin1 csisolatin2 csisolatin3 csisolatin4 csisolatin5 csisolatin6 " +
	"csisolatinarabic csisolatincyrillic csisolatingreek csisolatinhebrew cskoi8r cspc775baltic " +
	"cspc850multilingual cspc862latinhebrew cspc8codepage437 cspcp852 csptcp154 csshiftjis cyrillic " +
	"cyrillic_asian ebcdic_cp_be ebcdic_cp_ca ebcdic_cp_ch ebcdic_cp_he ebcdic_cp_nl ebcdic_cp_us " +
	"ebcdic_cp_wt ecma_114 ecma_118 elot_928 euc_cn euc_jis2004 euc_jis_2004 euc_jisx0213 euc_jp " +
	"euc_kr euccn eucgb2312_cn eucjis2004 eucjisx0213 eucjp euckr gb18030 gb18030_2000 gb2312 " +
	"gb2312_1980 gb2312_80 gbk greek greek8 hebrew hex hex_codec hkscs hp_roman8 hz hz_gb hz_gb_2312 " +
	"hzgb ibm037 ibm039 ibm1026 ibm1051 ibm1125 ibm1140 ibm273 ibm367 ibm424 ibm437 ibm500 ibm775 " +
	"ibm819 ibm850 ibm852 ibm855 ibm857 ibm858 ibm860 ibm861 ibm862 ibm863 ibm864 ibm865 ibm866 " +
	"ibm869 idna iso2022_jp iso2022_jp_1 iso2022_jp_2 iso2022_jp_2004 iso2022_jp_3 iso2022_jp_ext " +
	"iso2022_kr iso2022jp iso2022jp_1 iso2022jp_2 iso2022jp_2004 iso2022jp_3 iso2022jp_ext iso2022kr " +
	"iso646_us iso8859 iso8859_1 iso8859_10 iso8859_11 iso8859_13 iso8859_14 iso8859_15 iso8859_16 " +
	"iso8859_2 iso8859_3 iso8859_4 iso8859_5 iso8859_6 iso8859_7 iso8859_8 iso8859_9 iso_2022_jp " +
	"iso_2022_jp_1 iso_2022_jp_2 iso_2022_jp_2004 iso_2022_jp_3 iso_2022_jp_ext iso_2022_kr " +
	"iso_646.irv_1991 iso_8859_1 iso_8859_10 iso_8859_10_1992 iso_8859_11 iso_8859_11_2001 " +
	"iso_8859_13 iso_8859_14 iso_8859_14_1998 iso_8859_15 iso_8859_16 iso_8859_16_2001 " +
	"iso_8859_1_1987 iso_8859_2 iso_8859_2_1987 iso_8859_3 iso_8859_3_1988 iso_8859_4 " +
	"iso_8859_4_1988 iso_8859_5 iso_8859_5_1988 iso_8859_6 iso_8859_6_1987 iso_8859_7 " +
	"iso_8859_7_1987 iso_8859_8 iso_8859_8_1988 iso_8859_9 iso_8859_9_1989 iso_celtic iso_ir_100 " +
	"iso_ir_101 iso_ir_109 iso_ir_110 iso_ir_126 iso_ir_127 iso_ir_138 iso_ir_144 iso_ir_148 " +
	"iso_ir_157 iso_ir_166 iso_ir_199 iso_ir_226 iso_ir_58 iso_ir_6 jisx0213 johab koi8_r koi8_t " +
	"koi8_u korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 ksx1001 kz1048 kz_1048 l1 l10 l2 l3 l4 " +
	"l5 l6 l7 l8 l9 latin latin1 latin10 latin2 latin3 latin4 latin5 latin6 latin7 latin8 latin9 " +
	"latin_1 mac_arabic mac_centeuro mac_croatian mac_cyrillic mac_farsi mac_greek mac_iceland " +
	"mac_latin2 mac_roman mac_romanian mac_turkish maccentraleurope maccyrillic macgreek maciceland " +
	"macintosh maclatin2 macroman macturkish ms1361 ms932 ms936 ms949 ms950 ms_kanji mskanji palmos " +
	"pt154 ptcp154 punycode quopri quopri_codec quoted_printable quotedprintable r8 " +
	"raw_unicode_escape rk1048 roman8 rot13 rot_13 ruscii s_jis s_jis_2004 s_jisx0213 shift_jis " +
	"shift_jis_2004 shift_jisx0213 shiftjis shiftjis2004 shiftjisx0213 sjis sjis_2004 sjisx0213 " +
	"strk1048_2002 thai tis620 tis_620 tis_620_0 tis_620_2529_0 tis_620_2529_1 u16 u32 u7 u8 u_jis " +
	"uhc ujis undefined unicode_1_1_utf_7 unicode_escape unicodebigunmarked unicodelittleunmarked us " +
	"us_ascii utf utf16 utf32 utf7 utf8 utf8_ucs2 utf8_ucs4 utf_16 utf_16_be utf_16_le utf_16be " +
	"utf_16le utf_32 utf_32_be utf_32_le utf_32be utf_32le utf_7 utf_8 utf_8_sig uu uu_codec " +
	"windows_1250 windows_1251 windows_1252 windows_1253 windows_1254 windows_1255 windows_1256 " +
	"windows_1257 windows_1258 x_mac_japanese x_mac_korean x_mac_simp_chinese x_mac_trad_chinese zip " +
	"zlib zlib_codec"

// bytesImplementedCodecs maps the normalized names of the codecs implemented
// here to the name CPython's messages give them.
var bytesImplementedCodecs = map[string]string{
	"utf_8": "utf-8", "utf8": "utf-8", "u8": "utf-8", "utf": "utf-8", "cp65001": "utf-8",
	"utf8_ucs2": "utf-8", "utf8_ucs4": "utf-8",
	"ascii": "ascii", "646": "ascii", "ansi_x3.4_1968": "ascii", "ansi_x3_4_1968": "ascii",
	"ansi_x3.4_1986": "ascii", "cp367": "ascii", "csascii": "ascii", "ibm367": "ascii",
	"iso646_us": "ascii", "iso_646.irv_1991": "ascii", "iso_ir_6": "ascii", "us": "ascii",
	"us_ascii": "ascii",
	"latin_1":  "latin-1", "latin1": "latin-1", "latin": "latin-1", "l1": "latin-1",
	"8859": "latin-1", "cp819": "latin-1", "csisolatin1": "latin-1", "ibm819": "latin-1",
	"iso8859": "latin-1", "iso8859_1": "latin-1", "iso_8859_1": "latin-1",
	"iso_8859_1_1987": "latin-1", "iso_ir_100": "latin-1",
}

// bytesNormalizeCodec is the encodings package's normalize_encoding:
// lower case, each run of characters other than letters, digits and dots
// one underscore, none at either end.
func bytesNormalizeCodec(name string) string {
	var b strings.Builder
	pending := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '.':
			if pending && b.Len() > 0 {
				b.WriteByte('_')
			}
			pending = false
			b.WriteByte(c)
		default:
			pending = true
		}
	}
	return b.String()
}

// bytesBinaryCodecs are the names of CPython's codecs that are not text
// encodings (bytes to bytes, or str to str), which decode() and encode()
// refuse.
var bytesBinaryCodecs = map[string]bool{
	"base64": true, "base64_codec": true, "base_64": true, "bz2": true, "bz2_codec": true,
	"hex": true, "hex_codec": true, "quopri": true, "quopri_codec": true, "quoted_printable": true,
	"quotedprintable": true, "rot13": true, "rot_13": true, "uu": true, "uu_codec": true,
	"zip": true, "zlib": true, "zlib_codec": true,
}

// bytesLookupCodec returns the codec named encoding: "utf-8", "ascii" or
// "latin-1", or the error for a codec not implemented or unknown. op is
// "encode" or "decode", for the message about codecs that are not text
// encodings.
func (in *Interp) bytesLookupCodec(encoding, op string) (string, error) {
	norm := bytesNormalizeCodec(encoding)
	for _, n := range []string{norm, strings.ReplaceAll(norm, ".", "_")} {
		if c, ok := bytesImplementedCodecs[n]; ok {
			return c, nil
		}
	}
	for _, n := range []string{norm, strings.ReplaceAll(norm, ".", "_")} {
		if bytesBinaryCodecs[n] {
			return "", in.raise(bytesLookupErrorType, "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs", encoding, op)
		}
		if bytesKnownCodecs[n] {
			return "", in.raise(notImplementedErrorType, "the '%s' codec is not implemented yet", encoding)
		}
	}
	return "", in.raise(bytesLookupErrorType, "unknown encoding: %s", encoding)
}

// bytesAppendWTF8 appends code point cp as UTF-8, a surrogate included.
func bytesAppendWTF8(b []byte, cp rune) []byte {
	switch {
	case cp < 0x80:
		return append(b, byte(cp))
	case cp < 0x800:
		return append(b, 0xc0|byte(cp>>6), 0x80|byte(cp&0x3f))
	case cp < 0x10000:
		return append(b, 0xe0|byte(cp>>12), 0x80|byte(cp>>6&0x3f), 0x80|byte(cp&0x3f))
	}
	return append(b, 0xf0|byte(cp>>18), 0x80|byte(cp>>12&0x3f), 0x80|byte(cp>>6&0x3f), 0x80|byte(cp&0x3f))
}

// bytesDecodeWTF8 decodes the code point at the start of s (valid WTF-8, as
// every str holds).
func bytesDecodeWTF8(s string) (rune, int) {
	c := s[0]
	switch {
	case c < 0x80:
		return rune(c), 1
	case c < 0xe0 && len(s) >= 2:
		return rune(c&0x1f)<<6 | rune(s[1]&0x3f), 2
	case c < 0xf0 && len(s) >= 3:
		return rune(c&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), 3
	case len(s) >= 4:
		return rune(c&0x07)<<18 | rune(s[1]&0x3f)<<12 | rune(s[2]&0x3f)<<6 | rune(s[3]&0x3f), 4
	}
	return rune(c), 1
}

func bytesIsUTF8Cont(c byte) bool { return c&0xc0 == 0x80 }

// bytesUTF8Sequence checks the UTF-8 sequence at b[i] (a byte >= 0x80): its
// length, or 0 with the end of the bad bytes and CPython's reason.
func bytesUTF8Sequence(b []byte, i int) (n, end int, reason string) {
	const (
		badStart = "invalid start byte"
		badCont  = "invalid continuation byte"
		eod      = "unexpected end of data"
	)
	c, left := b[i], len(b)-i
	switch {
	case 0xc2 <= c && c <= 0xdf:
		if left < 2 {
			return 0, len(b), eod
		}
		if !bytesIsUTF8Cont(b[i+1]) {
			return 0, i + 1, badCont
		}
		return 2, 0, ""
	case 0xe0 <= c && c <= 0xef:
		// E0 must be followed by A0..BF, ED by 80..9F (no surrogates).
		secondOK := func(c2 byte) bool {
			return bytesIsUTF8Cont(c2) && !(c == 0xe0 && c2 < 0xa0) && !(c == 0xed && c2 >= 0xa0)
		}
		if left < 2 {
			return 0, len(b), eod
		}
		if !secondOK(b[i+1]) {
			return 0, i + 1, badCont
		}
		if left < 3 {
			return 0, len(b), eod
		}
		if !bytesIsUTF8Cont(b[i+2]) {
			return 0, i + 2, badCont
		}
		return 3, 0, ""
	case 0xf0 <= c && c <= 0xf4:
		// F0 must be followed by 90..BF, F4 by 80..8F.
		secondOK := func(c2 byte) bool {
			return bytesIsUTF8Cont(c2) && !(c == 0xf0 && c2 < 0x90) && !(c == 0xf4 && c2 >= 0x90)
		}
		if left < 2 {
			return 0, len(b), eod
		}
		if !secondOK(b[i+1]) {
			return 0, i + 1, badCont
		}
		if left < 3 {
			return 0, len(b), eod
		}
		if !bytesIsUTF8Cont(b[i+2]) {
			return 0, i + 2, badCont
		}
		if left < 4 {
			return 0, len(b), eod
		}
		if !bytesIsUTF8Cont(b[i+3]) {
			return 0, i + 3, badCont
		}
		return 4, 0, ""
	}
	return 0, i + 1, badStart
}

// bytesDecodeText decodes b with a codec ("utf-8", "ascii" or "latin-1",
// as bytesLookupCodec returns) and an error handler, giving WTF-8 text.
func (in *Interp) bytesDecodeText(b []byte, codec, errors string) (string, error) {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		var end int
		var reason string
		switch codec {
		case "latin-1":
			out = bytesAppendWTF8(out, rune(c))
			i++
			continue
		case "ascii":
			end, reason = i+1, "ordinal not in range(128)"
		default:
			var n int
			if n, end, reason = bytesUTF8Sequence(b, i); n > 0 {
				out = append(out, b[i:i+n]...)
				i += n
				continue
			}
		}
		var err error
		if out, i, err = in.bytesDecodeError(out, b, i, end, codec, reason, errors); err != nil {
			return "", err
		}
	}
	return string(out), nil
}

// bytesDecodeError applies the error handler to the bad bytes b[start:end]:
// what it appends to out and where decoding resumes, or the exception.
func (in *Interp) bytesDecodeError(out, b []byte, start, end int, codec, reason, errors string) ([]byte, int, error) {
	fail := func() ([]byte, int, error) {
		if end-start == 1 {
			return nil, 0, in.raise(bytesUnicodeDecodeErrorType, "'%s' codec can't decode byte 0x%02x in position %d: %s", codec, b[start], start, reason)
		}
		return nil, 0, in.raise(bytesUnicodeDecodeErrorType, "'%s' codec can't decode bytes in position %d-%d: %s", codec, start, end-1, reason)
	}
	switch errors {
	case "strict":
		return fail()
	case "ignore":
		return out, end, nil
	case "replace":
		return bytesAppendWTF8(out, 0xfffd), end, nil
	case "backslashreplace":
		const hex = "0123456789abcdef"
		for _, c := range b[start:end] {
			out = append(out, '\\', 'x', hex[c>>4], hex[c&15])
		}
		return out, end, nil
	case "surrogateescape":
		for _, c := range b[start:end] {
			if c < 0x80 {
				return fail()
			}
			out = bytesAppendWTF8(out, 0xdc00+rune(c))
		}
		return out, end, nil
	case "surrogatepass":
		if codec == "utf-8" && start+3 <= len(b) && b[start] == 0xed && b[start+1] >= 0xa0 && b[start+1] <= 0xbf && bytesIsUTF8Cont(b[start+2]) {
			return append(out, b[start:start+3]...), start + 3, nil
		}
		return fail()
	case "xmlcharrefreplace", "namereplace":
		return nil, 0, in.raise(typeErrorType, "don't know how to handle UnicodeDecodeError in error callback")
	}
	return nil, 0, in.raise(bytesLookupErrorType, "unknown error handler name '%s'", errors)
}

// bytesEncodeText encodes WTF-8 text s with a codec and an error handler.
func (in *Interp) bytesEncodeText(s, codec, errors string) ([]byte, error) {
	limit := rune(0x110000)
	reason := "surrogates not allowed"
	switch codec {
	case "ascii":
		limit, reason = 0x80, "ordinal not in range(128)"
	case "latin-1":
		limit, reason = 0x100, "ordinal not in range(256)"
	}
	bad := func(cp rune) bool { return cp >= limit || codec == "utf-8" && cp >= 0xd800 && cp <= 0xdfff }
	out := make([]byte, 0, len(s))
	pos := 0 // in code points
	for i := 0; i < len(s); {
		cp, n := bytesDecodeWTF8(s[i:])
		if !bad(cp) {
			if codec == "utf-8" {
				out = append(out, s[i:i+n]...)
			} else {
				out = append(out, byte(cp))
			}
			i += n
			pos++
			continue
		}
		// The run of characters the codec cannot encode.
		var run []rune
		j := i
		for j < len(s) {
			c, m := bytesDecodeWTF8(s[j:])
			if !bad(c) {
				break
			}
			run = append(run, c)
			j += m
		}
		var err error
		if out, err = in.bytesEncodeError(out, run, pos, codec, reason, errors); err != nil {
			return nil, err
		}
		i = j
		pos += len(run)
	}
	return out, nil
}

// bytesEncodeError applies the error handler to the characters run that start
// at code point pos.
func (in *Interp) bytesEncodeError(out []byte, run []rune, pos int, codec, reason, errors string) ([]byte, error) {
	fail := func() ([]byte, error) {
		if len(run) == 1 {
			return nil, in.raise(bytesUnicodeEncodeErrorType, "'%s' codec can't encode character '%s' in position %d: %s", codec, bytesEscapedChar(run[0]), pos, reason)
		}
		return nil, in.raise(bytesUnicodeEncodeErrorType, "'%s' codec can't encode characters in position %d-%d: %s", codec, pos, pos+len(run)-1, reason)
	}
	switch errors {
	case "strict":
		return fail()
	case "ignore":
		return out, nil
	case "replace":
		for range run {
			out = append(out, '?')
		}
		return out, nil
	case "backslashreplace":
		for _, cp := range run {
			out = append(out, bytesEscapedChar(cp)...)
		}
		return out, nil
	case "xmlcharrefreplace":
		for _, cp := range run {
			out = append(out, "&#"+strconv.Itoa(int(cp))+";"...)
		}
		return out, nil
	case "surrogateescape":
		for _, cp := range run {
			if cp < 0xdc80 || cp > 0xdcff {
				return fail()
			}
		}
		for _, cp := range run {
			out = append(out, byte(cp-0xdc00))
		}
		return out, nil
	case "surrogatepass":
		if codec != "utf-8" {
			return fail()
		}
		for _, cp := range run {
			out = bytesAppendWTF8(out, cp)
		}
		return out, nil
	case "namereplace":
		if codec == "utf-8" {
			// Surrogates have no names: the backslash form it is.
			for _, cp := range run {
				out = append(out, bytesEscapedChar(cp)...)
			}
			return out, nil
		}
		return nil, in.raise(notImplementedErrorType, "the 'namereplace' error handler is not implemented yet")
	}
	return nil, in.raise(bytesLookupErrorType, "unknown error handler name '%s'", errors)
}

// bytesEscapedChar is how encode errors show a character: \xhh, \uhhhh or
// \Uhhhhhhhh.
func bytesEscapedChar(cp rune) string {
	h := strconv.FormatInt(int64(cp), 16)
	switch {
	case cp < 0x100:
		return `\x` + strings.Repeat("0", 2-len(h)) + h
	case cp < 0x10000:
		return `\u` + strings.Repeat("0", 4-len(h)) + h
	}
	return `\U` + strings.Repeat("0", 8-len(h)) + h
}

// bytesEncodeArgs is bytes(s, encoding, errors) and the bytearray form:
// s is a str, encoding and errors strs (errors may be nil).
func (in *Interp) bytesEncodeArgs(ba bool, s, encoding, errors Value) (Value, error) {
	codec, err := in.bytesLookupCodec(encoding.GoString(), "encode")
	if err != nil {
		return Value{}, err
	}
	handler := "strict"
	if !errors.IsNil() {
		handler = errors.GoString()
	}
	b, err := in.bytesEncodeText(s.GoString(), codec, handler)
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
	bytesMethod("decode", func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
		var encv, errv Value
		if err := in.parseArgs("decode", args[1:], kwnames, []string{"encoding", "errors"}, 0, &encv, &errv); err != nil {
			return Value{}, err
		}
		encoding, handler := "utf-8", "strict"
		for _, a := range []struct {
			name string
			v    Value
			dst  *string
		}{{"encoding", encv, &encoding}, {"errors", errv, &handler}} {
			if a.v.IsNil() {
				continue
			}
			if !isStrValue(a.v) {
				return Value{}, in.raise(typeErrorType, "decode() argument '%s' must be str, not %s", a.name, a.v.Type().Name)
			}
			*a.dst = a.v.GoString()
		}
		codec, err := in.bytesLookupCodec(encoding, "decode")
		if err != nil {
			return Value{}, err
		}
		b, _ := bytesData(args[0])
		s, err := in.bytesDecodeText(b, codec, handler)
		if err != nil {
			return Value{}, err
		}
		return in.NewStr(s)
	})
}
