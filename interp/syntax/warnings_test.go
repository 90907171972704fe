package syntax

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// A warning as the tests write it: message, line, and the position of
// the SyntaxError it becomes (offset, end line, end offset).
type wantWarning struct {
	msg                     string
	line                    int
	offset, endLine, endOff int
}

func (w wantWarning) String() string {
	return fmt.Sprintf("%q line %d err %d-%d:%d", w.msg, w.line, w.offset, w.endLine, w.endOff)
}

func gotWarnings(ws []Warning) []wantWarning {
	var got []wantWarning
	for _, w := range ws {
		got = append(got, wantWarning{w.Msg, w.Line, w.Err.Offset, w.Err.EndLine, w.Err.EndOffset})
	}
	return got
}

// Every want below is what CPython 3.12.1 reports for compile(src,
// "<testcase>", "exec") with the warnings recorded, and for the same call
// with the warnings filters set to "error".
var parseWarningTests = []struct {
	src  string
	want []wantWarning
}{
	{`x = "\d"`, []wantWarning{{`invalid escape sequence '\d'`, 1, 5, 1, 9}}},
	{`x = b'\d'`, []wantWarning{{`invalid escape sequence '\d'`, 1, 5, 1, 10}}},
	{`x = '\777'`, []wantWarning{{`invalid octal escape sequence '\777'`, 1, 5, 1, 11}}},
	{`x = 'ab\\c\qz\777'`, []wantWarning{{`invalid escape sequence '\q'`, 1, 5, 1, 19}}},
	{`x = '\777\q'`, []wantWarning{{`invalid octal escape sequence '\777'`, 1, 5, 1, 13}}},
	{`x = b'\N{DASH}'`, []wantWarning{{`invalid escape sequence '\N'`, 1, 5, 1, 16}}},
	{`x = '\8'`, []wantWarning{{`invalid escape sequence '\8'`, 1, 5, 1, 9}}},
	{`x = '\377\u1234\N{DASH}\x41\
'`, nil},
	{`x = rb'\d' + R'\q' + fr'\{{'`, nil},
	{"x = '\\é'", nil},
	{`u'\d'`, []wantWarning{{`invalid escape sequence '\d'`, 1, 1, 1, 6}}},
	{"def f():\n  x = \"\\d\"\n  return x\n", []wantWarning{{`invalid escape sequence '\d'`, 2, 7, 2, 11}}},
	{`x = "a" "\d" "\q"`, []wantWarning{
		{`invalid escape sequence '\d'`, 1, 9, 1, 13},
		{`invalid escape sequence '\q'`, 1, 14, 1, 18}}},
	// f-strings: the literal parts warn at the FSTRING_END token, a
	// format spec at its own token, "\{" from the tokenizer.
	{`x = f'\d{1}'`, []wantWarning{{`invalid escape sequence '\d'`, 1, 12, 1, 13}}},
	{`x = f'{1}\d'`, []wantWarning{{`invalid escape sequence '\d'`, 1, 12, 1, 13}}},
	{`x = f'{1:\d}'`, []wantWarning{{`invalid escape sequence '\d'`, 1, 10, 1, 12}}},
	{`x = f'{1:\d}\d'`, []wantWarning{
		{`invalid escape sequence '\d'`, 1, 10, 1, 12},
		{`invalid escape sequence '\d'`, 1, 15, 1, 16}}},
	{`x = f'\{{'`, []wantWarning{{`invalid escape sequence '\{'`, 1, 8, 1, 8}}},
	{`x = f'\{{\d'`, []wantWarning{
		{`invalid escape sequence '\{'`, 1, 8, 1, 8},
		{`invalid escape sequence '\d'`, 1, 12, 1, 13}}},
	{`x = f'\d\{{'`, []wantWarning{
		{`invalid escape sequence '\{'`, 1, 10, 1, 10},
		{`invalid escape sequence '\d'`, 1, 12, 1, 13}}},
	{`x = f'\{{\}}'`, []wantWarning{
		{`invalid escape sequence '\{'`, 1, 8, 1, 8},
		{`invalid escape sequence '\}'`, 1, 11, 1, 11}}},
	{`x = f'a\{1}'`, []wantWarning{{`invalid escape sequence '\{'`, 1, 9, 1, 9}}},
	{"x = f'''abc\n\\d{1}\n\\q'''", []wantWarning{
		{`invalid escape sequence '\d'`, 3, 3, 3, 6},
		{`invalid escape sequence '\q'`, 3, 3, 3, 6}}},
	{"x = f'''\n\\{{'''", []wantWarning{{`invalid escape sequence '\{'`, 2, 2, 2, 2}}},
	// A number directly followed by a keyword.
	{"x = 1if y else 2", []wantWarning{{"invalid decimal literal", 1, 5, 1, 5}}},
	{"x = [0x1for x in ()]", []wantWarning{{"invalid hexadecimal literal", 1, 9, 1, 9}}},
	{"x = 0o7and y", []wantWarning{{"invalid octal literal", 1, 7, 1, 7}}},
	{"x = 0b1or y", []wantWarning{{"invalid binary literal", 1, 7, 1, 7}}},
	{"x = 1jif y else 2", []wantWarning{{"invalid imaginary literal", 1, 6, 1, 6}}},
	{"x = 1.0 if y else 2", nil},
	{"x = 1 if y else 2", nil},
	{"y = 1 2 1if 1 else 2\n", []wantWarning{{"invalid decimal literal", 1, 9, 1, 9}}},
	// Source order across the stages; the tokenizer's warnings after the
	// parser failed.
	{"x = \"\\d\"\ny = 1if 1 else 2\n", []wantWarning{
		{`invalid escape sequence '\d'`, 1, 5, 1, 9},
		{"invalid decimal literal", 2, 5, 2, 5}}},
	{"x = 1\ny = (1 2)\nz = 1if 1 else 2\nw = 0x1for\n", []wantWarning{
		{"invalid decimal literal", 3, 5, 3, 5},
		{"invalid hexadecimal literal", 4, 8, 4, 8}}},
	{"x = 1\ny = (1 2)\nz=\"\\d\"\n", nil},
}

func TestParseWarnings(t *testing.T) {
	for _, tt := range parseWarningTests {
		_, ws, err := ParseWarnings("<testcase>", []byte(tt.src), ModeExec)
		var se *Error
		if err != nil && errors.As(err, &se) && !reflect.DeepEqual(se.Warnings, ws) {
			t.Errorf("%q: the error's warnings differ from those returned", tt.src)
		}
		if got := gotWarnings(ws); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %v\nwant %v", tt.src, got, tt.want)
		}
		for _, w := range ws {
			if w.Category != "SyntaxWarning" || w.Filename != "<testcase>" || w.Err.Msg != w.Msg || w.Err.Line != w.Line && w.Source != WarnParser {
				t.Errorf("%q: warning %+v", tt.src, w)
			}
		}
	}
}

// The sources below fail; the warnings before the failure still come.
func TestParseWarningsBeforeError(t *testing.T) {
	tests := []struct {
		src, err   string
		warnings   []string
		afterError []bool
	}{
		{"x = \"\\d\"\ny = (1 2)\n", "invalid syntax. Perhaps you forgot a comma?", []string{`invalid escape sequence '\d'`}, []bool{false}},
		{"'\\e' $", "invalid syntax", []string{`invalid escape sequence '\e'`}, []bool{false}},
		{"x = 1\ny = (1 2)\nz = 1if 1 else 2\n", "invalid syntax. Perhaps you forgot a comma?", []string{"invalid decimal literal"}, []bool{true}},
		{"x = 1\ny = (1 2)\nz = f'\\{{'\n", "invalid syntax. Perhaps you forgot a comma?", []string{`invalid escape sequence '\{'`}, []bool{true}},
		{"x = f'\\{'", "f-string: expecting '}'", []string{`invalid escape sequence '\{'`}, []bool{false}},
	}
	for _, tt := range tests {
		_, err := Parse("<testcase>", []byte(tt.src), ModeExec)
		se, ok := err.(*Error)
		if !ok || se.Msg != tt.err {
			t.Errorf("%q: error %v, want %q", tt.src, err, tt.err)
			continue
		}
		var msgs []string
		var after []bool
		for _, w := range se.Warnings {
			msgs = append(msgs, w.Msg)
			after = append(after, w.AfterError)
		}
		if !reflect.DeepEqual(msgs, tt.warnings) || !reflect.DeepEqual(after, tt.afterError) {
			t.Errorf("%q: warnings %q after error %v, want %q %v", tt.src, msgs, after, tt.warnings, tt.afterError)
		}
	}
}

// TestIssueWarnings checks which error a compilation ends with when the
// warnings filters make some warnings errors (the "error" filter, which
// makes every warning one): what CPython 3.12.1 raises for the same
// sources under warnings.simplefilter("error").
func TestIssueWarnings(t *testing.T) {
	tests := []struct {
		src      string
		err      string // the message of the SyntaxError raised
		line     int
		warnings int // how many warnings are issued
	}{
		{"x = \"\\d\"\ny = 1\n", `invalid escape sequence '\d'`, 1, 1},
		{"x = \"\\d\"\ny = \"\\q\"\n", `invalid escape sequence '\d'`, 1, 1},
		// After a parser warning, the tokenizer still reads the rest of
		// the input, and its warnings may replace the error.
		{"x = \"\\d\"\ny = 1if 1 else 2\n", "invalid decimal literal", 2, 2},
		{"x = \"\\d\"\nz = 1if 1 else 2\nw = 0x1for\n", "invalid decimal literal", 2, 2},
		{"x = \"\\d\" + 1if 1 else 2\n", "invalid decimal literal", 1, 2},
		{"x = \"\\d\"\ny = (1 2)\n", `invalid escape sequence '\d'`, 1, 1},
		{"x = \"\\d\"\ny = 1abc\n", "invalid decimal literal", 2, 1},
		{"x = \"\\d\"\ny = f'\\{{'\n", `invalid escape sequence '\d'`, 1, 2},
		{"x = 1if 1 else 2\ny = \"\\d\"\n", "invalid decimal literal", 1, 1},
		{"x = 1\ny = (1 2)\nz = 1if 1 else 2\n", "invalid decimal literal", 3, 1},
		{"x = 1\ny = (1 2)\nz = f'\\{{'\n", "invalid syntax. Perhaps you forgot a comma?", 2, 1},
		{"x = f'{1:\\{{}'", `invalid escape sequence '\{'`, 1, 1},
		{"'\\e' $", `invalid escape sequence '\e'`, 1, 1},
	}
	for _, tt := range tests {
		_, ws, perr := ParseWarnings("<testcase>", []byte(tt.src), ModeExec)
		n := 0
		err := IssueWarnings(ws, perr, func(w *Warning) (bool, error) {
			n++
			return true, nil
		})
		se, ok := err.(*Error)
		if !ok || se.Msg != tt.err || se.Line != tt.line || n != tt.warnings {
			t.Errorf("%q: %v after %d warnings, want %q line %d after %d", tt.src, err, n, tt.err, tt.line, tt.warnings)
		}
	}

	// Warnings that stay warnings: all issued, the failure stands.
	_, ws, perr := ParseWarnings("<testcase>", []byte("x = \"\\d\"\ny = (1 2)\nz = 1if 1 else 2\n"), ModeExec)
	n := 0
	err := IssueWarnings(ws, perr, func(w *Warning) (bool, error) { n++; return false, nil })
	if err != perr || n != 2 {
		t.Errorf("not raised: %v after %d warnings", err, n)
	}
	// An error of issue itself ends everything.
	boom := errors.New("boom")
	if err := IssueWarnings(ws, perr, func(w *Warning) (bool, error) { return false, boom }); err != boom {
		t.Errorf("issue error: got %v", err)
	}
}

func TestInvalidEscape(t *testing.T) {
	tests := []struct {
		body             string
		isBytes, fstring bool
		want             string
	}{
		{`abc`, false, false, ""},
		{`\n\t\\\'\"\a\b\f\v\r\0\12\123\x41\u1234\U00012345\N{DASH}`, false, false, ""},
		{`\d`, false, false, `invalid escape sequence '\d'`},
		{`\N{DASH}\q`, false, false, `invalid escape sequence '\q'`},
		{`\400`, false, false, `invalid octal escape sequence '\400'`},
		{`\3777`, false, false, ""},
		{`\40\7777`, false, false, `invalid octal escape sequence '\777'`},
		{`\u1234`, true, false, `invalid escape sequence '\u'`},
		{`\N{DASH}`, true, false, `invalid escape sequence '\N'`},
		{"\\é\\d", false, false, `invalid escape sequence '\d'`},
		{`\{`, false, true, ""},
		{`\{`, false, false, `invalid escape sequence '\{'`},
		{`\`, false, true, ""},
		{"\\\x01", false, false, "invalid escape sequence '\\\x01'"},
	}
	for _, tt := range tests {
		if got := invalidEscape(tt.body, tt.isBytes, tt.fstring); got != tt.want {
			t.Errorf("invalidEscape(%q, %v, %v) = %q, want %q", tt.body, tt.isBytes, tt.fstring, got, tt.want)
		}
	}
	if got := stringTokenWarning(`b'''\d'''`); !strings.Contains(got, `'\d'`) {
		t.Errorf("stringTokenWarning: %q", got)
	}
}
