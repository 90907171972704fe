package syntax

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallel-py/parallel/internal/pyoracle"
)

// tokenizeAll decodes raw and tokenizes it to EOF, returning the tokens
// (EOF included), the tokenizer and the first error.
func tokenizeAll(filename string, raw []byte) ([]Token, *tokenizer, *Error) {
	src, err := DecodeSource(filename, raw)
	if err != nil {
		return nil, nil, err
	}
	t := newTokenizer(filename, src)
	var toks []Token
	for {
		tok := t.next()
		if tok.Kind == ILLEGAL {
			return toks, t, t.err
		}
		toks = append(toks, tok)
		if tok.Kind == EOF {
			return toks, t, nil
		}
	}
}

// python returns the command line that runs CPython 3.12, or skips t.
// python returns the oracle's command (its resolved executable: see
// pyoracle.Python), or skips the test when CPython 3.12 is absent. The
// version check runs once per test binary.
func python(t testing.TB) []string {
	t.Helper()
	if _, err := pyoracle.Find(); err != nil {
		t.Skipf("CPython 3.12 is not available as PYENV_VERSION=3.12.1 python3: %v", err)
	}
	return []string{pyoracle.Python()}
}

func pythonCommand(t testing.TB, args ...string) *exec.Cmd {
	python(t)
	return pyoracle.Command(args...)
}

func kindsOf(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Kind.String())
	}
	return b.String()
}

func TestTokenKinds(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"x = 1\n", "NAME = NUMBER NEWLINE ENDMARKER"},
		{"x", "NAME NEWLINE ENDMARKER"},
		{"", "ENDMARKER"},
		{"\n\n# c\n", "ENDMARKER"},
		{"if x:\n    y\nz\n", "if NAME : NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE ENDMARKER"},
		{"if x:\n  if y:\n    z\n", "if NAME : NEWLINE INDENT if NAME : NEWLINE INDENT NAME NEWLINE DEDENT DEDENT ENDMARKER"},
		{"a<>b != c\n", "NAME != NAME != NAME NEWLINE ENDMARKER"},
		{"a $ b ? c ` d ! e\n", "NAME OP NAME OP NAME OP NAME ! NAME NEWLINE ENDMARKER"},
		{"x **= y //= z >>= w <<= v ... -> :=\n", "NAME **= NAME //= NAME >>= NAME <<= NAME ... -> := NEWLINE ENDMARKER"},
		{"1if x else 2\n", "NUMBER if NAME else NUMBER NEWLINE ENDMARKER"},
		{"0x1for x in y\n", "NUMBER or NAME in NAME NEWLINE ENDMARKER"},
		{"1.e5 .5j 1_000 0o17 0b1_0 1e-3\n", "NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NEWLINE ENDMARKER"},
		{"match x:\n case _:\n  pass\n", "NAME NAME : NEWLINE INDENT NAME NAME : NEWLINE INDENT pass NEWLINE DEDENT DEDENT ENDMARKER"},
		{"async await type\n", "async await NAME NEWLINE ENDMARKER"},
		{"rb'x' Rb'x' bR\"x\" u'x' br'x'\n", "STRING STRING STRING STRING STRING NEWLINE ENDMARKER"},
		{"bu'x'\n", "NAME STRING NEWLINE ENDMARKER"},
		{"f'a{x!r:>{w}}b'\n", "FSTRING_START FSTRING_MIDDLE { NAME ! NAME : FSTRING_MIDDLE { NAME } FSTRING_MIDDLE } FSTRING_MIDDLE FSTRING_END NEWLINE ENDMARKER"},
		{"f'{x:{{}}>10}'\n", "FSTRING_START { NAME : FSTRING_MIDDLE { { } } FSTRING_MIDDLE } FSTRING_END NEWLINE ENDMARKER"},
		{"f'{'a'}'\n", "FSTRING_START { STRING } FSTRING_END NEWLINE ENDMARKER"},
		{"f'{x=}'\n", "FSTRING_START { NAME = } FSTRING_END NEWLINE ENDMARKER"},
		{"f'{x:=10}'\n", "FSTRING_START { NAME : FSTRING_MIDDLE } FSTRING_END NEWLINE ENDMARKER"},
		{"f'{(x:=10)}'\n", "FSTRING_START { ( NAME := NUMBER ) } FSTRING_END NEWLINE ENDMARKER"},
		{"f'{lambda x:1}'\n", "FSTRING_START { lambda NAME : FSTRING_MIDDLE } FSTRING_END NEWLINE ENDMARKER"},
		{"f'{x:a\nb}'\n", "FSTRING_START { NAME : FSTRING_MIDDLE NAME } FSTRING_END NEWLINE ENDMARKER"},
		{"x = (1,\n 2)\n", "NAME = ( NUMBER , NUMBER ) NEWLINE ENDMARKER"},
		{"x = 1 + \\\n  2\n", "NAME = NUMBER + NUMBER NEWLINE ENDMARKER"},
		{"\\\n  x\n", "INDENT NAME NEWLINE DEDENT ENDMARKER"},
		{"x\r\ny\r\n", "NAME NEWLINE NAME NEWLINE ENDMARKER"},
		{"x\ry\r", "NAME NEWLINE NAME NEWLINE ENDMARKER"},
		{"ℕ = µ·1\n", "NAME = NAME NEWLINE ENDMARKER"},
	}
	for _, tt := range tests {
		toks, _, err := tokenizeAll("<test>", []byte(tt.src))
		if err != nil {
			t.Errorf("%q: unexpected error %v", tt.src, err)
			continue
		}
		if got := kindsOf(toks); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestTokenPositions(t *testing.T) {
	type pos struct {
		kind                       TokenKind
		text                       string
		line, col, endLine, endCol int
	}
	tests := []struct {
		src  string
		want []pos
	}{
		{"x = # c\n", []pos{{NAME, "x", 1, 0, 1, 1}, {EQUAL, "=", 1, 2, 1, 3}, {NEWLINE, "# c\n", 1, 4, 1, 8}, {EOF, "", 2, 0, 2, 0}}},
		{"if x:\n  y", []pos{{KwIf, "if", 1, 0, 1, 2}, {NAME, "x", 1, 3, 1, 4}, {COLON, ":", 1, 4, 1, 5}, {NEWLINE, "\n", 1, 5, 1, 6},
			{INDENT, "  ", 2, 0, 2, 2}, {NAME, "y", 2, 2, 2, 3}, {NEWLINE, "", 2, 3, 2, 4}, {DEDENT, "", 3, 0, 3, 0}, {EOF, "", 3, 0, 3, 0}}},
		{"f'a{{b}}c{x}'\n", []pos{{FSTRING_START, "f'", 1, 0, 1, 2}, {FSTRING_MIDDLE, "a{{", 1, 2, 1, 5}, {FSTRING_MIDDLE, "b}}", 1, 5, 1, 8},
			{FSTRING_MIDDLE, "c", 1, 8, 1, 9}, {LBRACE, "{", 1, 9, 1, 10}, {NAME, "x", 1, 10, 1, 11}, {RBRACE, "}", 1, 11, 1, 12},
			{FSTRING_END, "'", 1, 12, 1, 13}, {NEWLINE, "\n", 1, 13, 1, 14}, {EOF, "", 2, 0, 2, 0}}},
		{"f'''{x:\n}'''\n", []pos{{FSTRING_START, "f'''", 1, 0, 1, 4}, {LBRACE, "{", 1, 4, 1, 5}, {NAME, "x", 1, 5, 1, 6}, {COLON, ":", 1, 6, 1, 7},
			{FSTRING_MIDDLE, "\n", 1, 7, 2, 0}, {RBRACE, "}", 2, 0, 2, 1}, {FSTRING_END, "'''", 2, 1, 2, 4}, {NEWLINE, "\n", 2, 4, 2, 5}, {EOF, "", 3, 0, 3, 0}}},
		{"'''a\nbé'''", []pos{{STRING, "'''a\nbé'''", 1, 0, 2, 6}, {NEWLINE, "", 2, 6, 2, 7}, {EOF, "", 3, 0, 3, 0}}},
	}
	for _, tt := range tests {
		toks, tz, err := tokenizeAll("<test>", []byte(tt.src))
		if err != nil {
			t.Errorf("%q: unexpected error %v", tt.src, err)
			continue
		}
		var got []pos
		for _, tok := range toks {
			got = append(got, pos{tok.Kind, string(tz.src[tok.Start:tok.End]), tok.Line, tok.Col, tok.EndLine, tok.EndCol})
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q:\n got %v\nwant %v", tt.src, got, tt.want)
		}
	}
}

// errorCase is a source and the error CPython 3.12 reports for it when the
// source is compiled as a str from an existing file (so SyntaxError.text is
// the file's line).
type errorCase struct {
	src                              string
	typ                              string
	msg                              string
	line, offset, endLine, endOffset int
	text                             string
}

var tokenizerErrors = []errorCase{
	{"x = )\n", "SyntaxError", "unmatched ')'", 1, 5, 1, 5, "x = )"},
	{"x = (]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, 1, 6, "x = (]"},
	{"x = (\n]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, 2, 1, "]"},
	{"\"abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 1, 1, 1, "\"abc"},
	{"x = \"€\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "x = \"€"},
	{"x = b'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "x = b'abc"},
	{"'\\\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 1, 1, 1, "'\\"},
	{"\"\"\"abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 1, 1, 1, "\"\"\"abc"},
	{"x = \"\"\"abc\ndef", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5, "x = \"\"\"abc"},
	{"f'abc\n", "SyntaxError", "unterminated f-string literal (detected at line 1)", 1, 1, 1, 1, "f'abc"},
	{"f'{x}\n", "SyntaxError", "unterminated f-string literal (detected at line 1)", 1, 1, 1, 1, "f'{x}"},
	{"f'''abc\n\n", "SyntaxError", "unterminated triple-quoted f-string literal (detected at line 2)", 1, 1, 1, 1, "f'''abc"},
	{"f'{x'\n", "SyntaxError", "f-string: expecting '}'", 1, 5, 1, 5, "f'{x'"},
	{"f'{'\n", "SyntaxError", "f-string: expecting '}'", 1, 4, 1, 4, "f'{'"},
	{"f'{x!r'\n", "SyntaxError", "f-string: expecting '}'", 1, 6, 1, 6, "f'{x!r'"},
	{"f'a' f'{'\n", "SyntaxError", "f-string: expecting '}'", 1, 9, 1, 9, "f'a' f'{'"},
	{"f'{x:a{{b}'\n", "SyntaxError", "f-string: expecting '}'", 1, 11, 1, 11, "f'{x:a{{b}'"},
	{"f'{\"x'\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 4, 1, 4, "f'{\"x'"},
	{"f'}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 3, 1, 3, "f'}'"},
	{"f'{x}}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 6, 1, 6, "f'{x}}'"},
	{"f'{{}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 5, 1, 5, "f'{{}'"},
	{"f'{x:}}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 7, 1, 7, "f'{x:}}'"},
	{"f'\\N{{x}}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 9, 1, 9, "f'\\N{{x}}'"},
	{"f'{)}'\n", "SyntaxError", "f-string: unmatched ')'", 1, 4, 1, 4, "f'{)}'"},
	{"f'{(}'\n", "SyntaxError", "closing parenthesis '}' does not match opening parenthesis '('", 1, 5, 1, 5, "f'{(}'"},
	{"f'{x:{y:{z:{w}}}}'\n", "SyntaxError", "f-string: expressions nested too deeply", 1, 11, 1, 11, "f'{x:{y:{z:{w}}}}'"},
	{"f'{x # c}'\n", "SyntaxError", "'{' was never closed", 1, 3, 1, 0, "f'{x # c}'\n"},
	{"f'{x\n", "SyntaxError", "'{' was never closed", 1, 3, 1, 0, "f'{x\n"},
	{"a€b\n", "SyntaxError", "invalid character '€' (U+20AC)", 1, 2, 1, 2, "a€b"},
	{"€\n", "SyntaxError", "invalid character '€' (U+20AC)", 1, 1, 1, 1, "€"},
	{"·a = 1\n", "SyntaxError", "invalid character '·' (U+00B7)", 1, 1, 1, 1, "·a = 1"},
	{"a\u00a0b\n", "SyntaxError", "invalid non-printable character U+00A0", 1, 2, 1, 2, "a\u00a0b"},
	{"a\u200bb\n", "SyntaxError", "invalid non-printable character U+200B", 1, 2, 1, 2, "a\u200bb"},
	{"x = 1 +\x01\n", "SyntaxError", "invalid non-printable character U+0001", 1, 8, 1, 8, "x = 1 +\x01"},
	{"x = 1 + \\\n  é€\n", "SyntaxError", "invalid character '€' (U+20AC)", 2, 4, 2, 4, "  é€"},
	{"0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 2, 1, 2, "0x"},
	{"é = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6, 1, 6, "é = 0x"},
	{"0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 3, 1, 3, "0o8"},
	{"0o\n", "SyntaxError", "invalid octal literal", 1, 2, 1, 2, "0o"},
	{"0o17_9\n", "SyntaxError", "invalid digit '9' in octal literal", 1, 6, 1, 6, "0o17_9"},
	{"0b2\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 3, 1, 3, "0b2"},
	{"0b\n", "SyntaxError", "invalid binary literal", 1, 2, 1, 2, "0b"},
	{"012\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 2, "012"},
	{"é=012\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 4, 1, 5, "é=012"},
	{"1_\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "1_"},
	{"1__2\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "1__2"},
	{"0_\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "0_"},
	{"1e\n", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1, "1e"},
	{"1e+\n", "SyntaxError", "invalid decimal literal", 1, 3, 1, 3, "1e+"},
	{"1abc\n", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1, "1abc"},
	{"1.5j2\n", "SyntaxError", "invalid imaginary literal", 1, 4, 1, 4, "1.5j2"},
	{"0x1g\n", "SyntaxError", "invalid hexadecimal literal", 1, 3, 1, 3, "0x1g"},
	{"x = 1 \\ 2\n", "SyntaxError", "unexpected character after line continuation character", 1, 8, 1, 0, "x = 1 \\ 2\n"},
	{"x = 1\ny = é \\ 3\n", "SyntaxError", "unexpected character after line continuation character", 2, 8, 2, 0, "y = é \\ 3\n"},
	{"x = 1 + \\\n 2 \\ 3\n", "SyntaxError", "unexpected character after line continuation character", 2, 8, 2, 0, " 2 \\ 3\n"},
	{"x = 1 + \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 10, 1, -1, "x = 1 + \\\n"},
	{"x = 1 + \\", "SyntaxError", "unexpected EOF while parsing", 1, 10, 1, -1, "x = 1 + \\"},
	{"x = 1\n  \\\n", "SyntaxError", "unexpected EOF while parsing", 2, 4, 2, -1, "  \\\n"},
	{"x = (1 + \\\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0, "x = (1 + \\\n"},
	{"x = (1,\n2,\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0, "x = (1,\n"},
	{"x = [1,\n\n\n", "SyntaxError", "'[' was never closed", 1, 5, 1, 0, "x = [1,\n"},
	{"x = é + (1 +\n", "SyntaxError", "'(' was never closed", 1, 9, 1, 0, "x = é + (1 +\n"},
	{"if x:\n  y\n z\n", "IndentationError", "unindent does not match any outer indentation level", 3, 3, 3, -1, " z\n"},
	{"if x:\n  y\n z", "IndentationError", "unindent does not match any outer indentation level", 3, 3, 3, -1, " z"},
	{"if x:\n    é\n  é\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4, 3, -1, "  é\n"},
	{"if x:\n        y\n\tz\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "\tz\n"},
	{"if x:\n\ty\n        z\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "        z\n"},
	{"if x:\n\t  y\n\t  z\n\t\tw\n", "TabError", "inconsistent use of tabs and spaces in indentation", 4, 1, 4, 0, "\t\tw\n"},
	{strings.Repeat("(", 1000) + "\n", "SyntaxError", "too many nested parentheses", 1, 201, 1, 201, strings.Repeat("(", 1000)},
	{"x = " + strings.Repeat("(", 200) + "\n", "SyntaxError", "'(' was never closed", 1, 204, 1, 0, "x = " + strings.Repeat("(", 200) + "\n"},
	{"f'{x:{'\n", "SyntaxError", "f-string: expecting '}'", 1, 7, 1, 7, "f'{x:{'"},
	{"f'{\n", "SyntaxError", "'{' was never closed", 1, 3, 1, 0, "f'{\n"},
	{"f'{x:abc\n", "SyntaxError", "'{' was never closed", 1, 3, 1, 0, "f'{x:abc\n"},
	{"f'''{x\n", "SyntaxError", "'{' was never closed", 1, 5, 1, 0, "f'''{x\n"},
	{"f'''{x:abc\n", "SyntaxError", "unterminated triple-quoted f-string literal (detected at line 1)", 1, 1, 1, 1, "f'''{x:abc"},
	{"if x:\n\ty\n  \tz\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "  \tz\n"},
	{"if x:\n  \ty\n\t  z\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "\t  z\n"},
	{"\"abc\\", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 1, 1, 1, "\"abc\\"},
	{"0b1_\n", "SyntaxError", "invalid binary literal", 1, 4, 1, 4, "0b1_"},
	{"0x_\n", "SyntaxError", "invalid hexadecimal literal", 1, 3, 1, 3, "0x_"},
	{"0o_8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 4, 1, 4, "0o_8"},
	{"1e1_\n", "SyntaxError", "invalid decimal literal", 1, 4, 1, 4, "1e1_"},
	{"1.0_\n", "SyntaxError", "invalid decimal literal", 1, 4, 1, 4, "1.0_"},
	{"1_.0\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "1_.0"},
	{"1.e\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "1.e"},
	{"1e_1\n", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1, "1e_1"},
	{"0_7\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 3, "0_7"},
	{"0_8\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 3, "0_8"},
	{"00_9\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 4, "00_9"},
	{"0e\n", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1, "0e"},
	{"0.0j5\n", "SyntaxError", "invalid imaginary literal", 1, 4, 1, 4, "0.0j5"},
	{"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[(\n", "SyntaxError", "too many nested parentheses", 1, 201, 1, 201, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[("},
	{"}\n", "SyntaxError", "unmatched '}'", 1, 1, 1, 1, "}"},
	{"f'{x}' }\n", "SyntaxError", "unmatched '}'", 1, 8, 1, 8, "f'{x}' }"},
	{"f'{x!'\n", "SyntaxError", "f-string: expecting '}'", 1, 6, 1, 6, "f'{x!'"},
	{"x = \u00e9\u20ac + 1\n", "SyntaxError", "invalid character '\u20ac' (U+20AC)", 1, 6, 1, 6, "x = \u00e9\u20ac + 1"},
	{"x = 1 +\u000b2\n", "SyntaxError", "invalid non-printable character U+000B", 1, 8, 1, 8, "x = 1 +\u000b2"},
	{"x = 1 +\u007f\n", "SyntaxError", "invalid non-printable character U+007F", 1, 8, 1, 8, "x = 1 +\u007f"},
	{"f'{x}\\\n", "SyntaxError", "unterminated f-string literal (detected at line 1)", 1, 1, 1, 1, "f'{x}\\"},
	{"f'''{x}\n\\\n", "SyntaxError", "unterminated triple-quoted f-string literal (detected at line 2)", 1, 1, 1, 1, "f'''{x}"},
	{"(\n  \\ x)\n", "SyntaxError", "unexpected character after line continuation character", 2, 4, 2, 0, "  \\ x)\n"},
	{"x = [\n1,\n2\n", "SyntaxError", "'[' was never closed", 1, 5, 1, 0, "x = [\n"},
	{"def f():\n    x = (1,\n  2\n", "SyntaxError", "'(' was never closed", 2, 9, 2, 0, "    x = (1,\n"},
	{"x = 1\n    \\\n", "SyntaxError", "unexpected EOF while parsing", 2, 6, 2, -1, "    \\\n"},
	{"f'{a:{b:{c:{d}}}}'\n", "SyntaxError", "f-string: expressions nested too deeply", 1, 11, 1, 11, "f'{a:{b:{c:{d}}}}'"},
	{"s = 'a\\\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "s = 'a\\"},
	{"s = '''a\\\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5, "s = '''a\\"},
	{"f'{\"'\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 4, 1, 4, "f'{\"'"},
	{"f'{\"\"\"\n\"'\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 4, 1, 4, "f'{\"\"\""},
	{"f'{x:{y}}}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 10, 1, 10, "f'{x:{y}}}'"},
	{"f'{x!r:}}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 9, 1, 9, "f'{x!r:}}'"},
	{"f'{x)}'\n", "SyntaxError", "f-string: unmatched ')'", 1, 5, 1, 5, "f'{x)}'"},
	{"f'{x]}'\n", "SyntaxError", "f-string: unmatched ']'", 1, 5, 1, 5, "f'{x]}'"},
	{"f'{[x)}'\n", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['", 1, 6, 1, 6, "f'{[x)}'"},
	{"(x for x in )]\n", "SyntaxError", "unmatched ']'", 1, 14, 1, 14, "(x for x in )]"},
	{"print(\"a\", end=\")\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 16, 1, 16, "print(\"a\", end=\")"},
	{nestedIfs(100), "IndentationError", "too many levels of indentation", 101, 1, 101, 0, strings.Repeat(" ", 100) + "pass\n"},
	{strings.Repeat("f'{", 150) + "1" + strings.Repeat("}'", 150) + "\n", "SyntaxError", "too many nested f-strings", 1, 449, 1, 449, strings.Repeat("f'{", 150) + "1" + strings.Repeat("}'", 150)},
}

func nestedIfs(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "if 1:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "pass\n")
	return b.String()
}

func TestTokenizerErrors(t *testing.T) {
	for _, tt := range tokenizerErrors {
		_, _, err := tokenizeAll("<test>", []byte(tt.src))
		if err == nil {
			t.Errorf("%.60q: no error, want %s", tt.src, tt.msg)
			continue
		}
		got := errorCase{tt.src, err.Type.String(), err.Msg, err.Line, err.Offset, err.EndLine, err.EndOffset, err.Text}
		if got != tt {
			t.Errorf("%.60q:\n got %s %q %d %d %d %d %.60q\nwant %s %q %d %d %d %d %.60q", tt.src,
				got.typ, got.msg, got.line, got.offset, got.endLine, got.endOffset, got.text,
				tt.typ, tt.msg, tt.line, tt.offset, tt.endLine, tt.endOffset, tt.text)
		}
	}
}

// TestTokenizerErrorsOracle checks the expectations of TestTokenizerErrors
// against CPython itself.
func TestTokenizerErrorsOracle(t *testing.T) {
	dir := t.TempDir()
	var srcs []string
	for _, tt := range tokenizerErrors {
		srcs = append(srcs, tt.src)
	}
	in, _ := json.Marshal(map[string]any{"dir": dir, "srcs": srcs})
	cmd := pythonCommand(t, "-c", `
import json, os, sys
req = json.load(sys.stdin)
out = []
for i, src in enumerate(req["srcs"]):
    path = os.path.join(req["dir"], "case%d.py" % i)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(src)
    try:
        compile(src, path, "exec")
        out.append(None)
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text])
json.dump(out, sys.stdout)
`)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var res [][]any
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	for i, tt := range tokenizerErrors {
		r := res[i]
		if r == nil {
			t.Errorf("%.60q: CPython compiles it", tt.src)
			continue
		}
		want := fmt.Sprintf("%s %q %v %v %v %v %q", r[0], r[1], r[2], r[3], r[4], r[5], r[6])
		got := fmt.Sprintf("%s %q %d %d %d %d %q", tt.typ, tt.msg, tt.line, tt.offset, tt.endLine, tt.endOffset, tt.text)
		if got != want {
			t.Errorf("%.60q: table has\n %s\nCPython says\n %s", tt.src, got, want)
		}
	}
}

func TestByteOffsets(t *testing.T) {
	// CPython counts bytes in the errors its parser raises for a bytes
	// source without an encoding declaration.
	tz := newTokenizer("<test>", []byte("if x:\n  é\n é\n"))
	tz.byteOffsets = true
	for tz.next().Kind != ILLEGAL {
	}
	if tz.err.Offset != 4 {
		t.Errorf("offset %d, want 4", tz.err.Offset)
	}
}

func TestCheckRestForErrors(t *testing.T) {
	tests := []struct {
		src     string
		errLine int
		want    string
	}{
		{"1 +* 2\nx = (\n", 1, ""}, // bracket opened after the error line
		{"x = (\n1 +* 2\n", 2, "'(' was never closed"},
		{"1 +* 2\n'abc\n", 1, "unterminated string literal (detected at line 2)"},
		{"1 +* 2\nf'{'a\n", 1, ""}, // inside an f-string: the parser's error stands
		{"1 +* 2\nx = \\\n", 1, ""},
	}
	for _, tt := range tests {
		tz := newTokenizer("<test>", []byte(tt.src))
		tz.next() // the parser has read some tokens
		e := tz.checkRestForErrors(tt.errLine)
		got := ""
		if e != nil {
			got = e.Msg
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestTokenizerAfterError(t *testing.T) {
	tz := newTokenizer("<test>", []byte("x = )\ny\n"))
	for i := 0; i < 5; i++ {
		tz.next()
	}
	if tok := tz.next(); tok.Kind != ILLEGAL || tz.err == nil {
		t.Fatalf("got %v, err %v", tok.Kind, tz.err)
	}
}

// TestInvalidUTF8Names checks the errors for undeclared invalid UTF-8 in
// names, which CPython's compile() of bytes reports (with byte offsets).
func TestInvalidUTF8Names(t *testing.T) {
	tests := []struct {
		src    string
		msg    string
		line   int
		offset int
	}{
		{"x = 1\n\xff = 2\n", "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", 2, 1},
		{"x = a\xe9b + 1\n", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 1: invalid continuation byte", 1, 7},
		{"x = \xc3\xa9\xe9\n", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 2: unexpected end of data", 1, 7},
		{"x = \xe9\xe9\xe9 + 1 + (\n", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: invalid continuation byte", 1, 7},
	}
	for _, tt := range tests {
		src, derr := DecodeSource("f.py", []byte(tt.src))
		if derr != nil {
			t.Fatal(derr)
		}
		tz := newTokenizer("f.py", src)
		tz.byteOffsets = !declaresEncoding([]byte(tt.src))
		for tz.next().Kind != ILLEGAL {
		}
		e := tz.err
		if e.Msg != tt.msg || e.Line != tt.line || e.Offset != tt.offset || e.EndOffset != -1 {
			t.Errorf("%q: got %q %d %d %d", tt.src, e.Msg, e.Line, e.Offset, e.EndOffset)
		}
	}
}

func TestNulBytes(t *testing.T) {
	if _, err := DecodeSource("<test>", []byte("x\x00")); err == nil || err.Msg != "source code string cannot contain null bytes" {
		t.Errorf("DecodeSource: got %+v", err)
	}
	if _, err := DecodeScript("<test>", []byte("x = 1\ny = 2\x00\n")); err == nil || err.Msg != "source code cannot contain null bytes" || err.Line != 2 || err.Text != "y = 2" {
		t.Errorf("DecodeScript: got %+v", err)
	}
	tz := newTokenizer("<test>", []byte("x = 1\ny = 2\x00\n"))
	for tz.next().Kind != ILLEGAL {
	}
	err := tz.err
	if err == nil || err.Msg != "source code cannot contain null bytes" || err.Line != 2 || err.Text != "y = 2" {
		t.Errorf("got %+v", err)
	}
}

func TestXIDTablesAgainstCPython(t *testing.T) {
	cmd := pythonCommand(t, "-c", `
import sys
out = []
for c in range(0x80, 0x110000):
    ch = chr(c)
    out.append("%d%d%d" % (ch.isidentifier(), ("a" + ch).isidentifier(), ch.isprintable()))
sys.stdout.write("".join(out))
`)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	bad := 0
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		i := int(r-0x80) * 3
		want := string(out[i : i+3])
		b := func(v bool) byte {
			if v {
				return '1'
			}
			return '0'
		}
		got := string([]byte{b(isXIDStart(r)), b(isXIDContinue(r)), b(IsPrintable(r))})
		if got != want {
			if bad++; bad < 20 {
				t.Errorf("U+%04X: start/continue/printable %s, CPython %s", r, got, want)
			}
		}
	}
}

// stdlibKnownDifferences lists stdlib files (relative to the stdlib
// directory) whose tokens may differ from CPython's tokenize output, with
// the reason. It is empty: every file matches.
var stdlibKnownDifferences = map[string]string{}

type pyRecord struct {
	File    string  `json:"file"`
	Tokens  [][]any `json:"tokens"`
	Error   string  `json:"error"`
	Compile []any   `json:"compile"`
}

// TestTokenizeStdlib tokenizes every .py file of CPython 3.12's standard
// library and compares the tokens with those of CPython's tokenize module.
func TestTokenizeStdlib(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: tokenizes the whole standard library with CPython")
	}
	args := []string{filepath.Join("testdata", "tokens", "dump_tokens.py")}
	if dir := os.Getenv("TOKENIZE_DIR"); dir != "" {
		args = append(args, dir)
	}
	cmd := pythonCommand(t, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	r := bufio.NewReaderSize(stdout, 1<<20)
	files, failures := 0, 0
	for {
		line, err := r.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			break
		}
		var rec pyRecord
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatal(err)
		}
		files++
		if msg := compareFile(&rec); msg != "" {
			rel := rec.File
			if i := strings.Index(rel, "python3.12/"); i >= 0 {
				rel = rel[i+len("python3.12/"):]
			}
			if reason, ok := stdlibKnownDifferences[rel]; ok {
				t.Logf("%s: known difference (%s): %s", rel, reason, msg)
				continue
			}
			failures++
			if failures <= 30 {
				t.Errorf("%s: %s", rel, msg)
			}
		}
	}
	if files < 10 {
		t.Fatalf("only %d files tokenized", files)
	}
	t.Logf("%d files, %d failures", files, failures)
}

// compareFile tokenizes one file and compares the result with CPython's;
// it returns a description of the first difference, or "".
func compareFile(rec *pyRecord) string {
	raw, err := os.ReadFile(rec.File)
	if err != nil {
		return err.Error()
	}
	toks, tz, terr := tokenizeAll(rec.File, raw)
	if rec.Error != "" {
		if terr == nil {
			// The tokenize module checks the encoding strictly; compile()
			// leaves invalid UTF-8 in a string literal to the parser,
			// which reports it when it decodes the literal.
			for _, tok := range toks {
				if tok.Kind == STRING && rec.Compile != nil {
					if _, _, _, msg := decodeStringToken(string(tz.src[tok.Start:tok.End])); msg != "" && msg == rec.Compile[1] {
						return ""
					}
				}
			}
			return "CPython's tokenize fails (" + rec.Error + ") but we do not"
		}
		return ""
	}
	if terr != nil {
		if c := rec.Compile; c != nil {
			// CPython's parser also fails; when the tokenizer error is
			// what it reports, it must be the same.
			if c[1] == terr.Msg {
				want := fmt.Sprint(c[2], c[3], c[4], c[5])
				got := fmt.Sprint(terr.Line, terr.Offset, terr.EndLine, terr.EndOffset)
				if want != got {
					return fmt.Sprintf("error %q at %s, CPython at %s", terr.Msg, got, want)
				}
			}
			return ""
		}
		return fmt.Sprintf("unexpected error %v (line %d offset %d)", terr.Msg, terr.Line, terr.Offset)
	}
	src := tz.src
	lineStarts := []int{0, 0}
	for i, c := range src {
		if c == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	charCol := func(line, col int) int {
		if line >= len(lineStarts) {
			return col
		}
		s := lineStarts[line]
		e := s + col
		if e > len(src) {
			return utf8.RuneCount(src[s:]) + e - len(src)
		}
		return utf8.RuneCount(src[s:e])
	}
	n := len(rec.Tokens)
	if len(toks) != n {
		// Find the first different token below.
		if len(toks) < n {
			n = len(toks)
		}
	}
	for i := 0; i < n; i++ {
		want := rec.Tokens[i]
		tok := toks[i]
		typ, text := want[0].(string), want[1].(string)
		sl, sc, el, ec := int(want[2].(float64)), int(want[3].(float64)), int(want[4].(float64)), int(want[5].(float64))
		text = strings.ReplaceAll(text, "\r\n", "\n")
		gotText := string(src[tok.Start:tok.End])
		gsl, gsc, gel, gec := tok.Line, charCol(tok.Line, tok.Col), tok.EndLine, charCol(tok.EndLine, tok.EndCol)
		wantKind := typ
		doubled := 0
		switch typ {
		case "OP":
			if k, ok := opText[text]; ok {
				wantKind = k.String()
			} else if text == "<>" {
				wantKind = NOTEQUAL.String()
			}
		case "NAME":
			if k, ok := keywords[text]; ok {
				wantKind = k.String()
			}
		case "NEWLINE":
			if want[1].(string) == "\r\n" {
				ec--
			}
			// A comment before the newline belongs to our NEWLINE.
			gsl, gsc = gel, gec-1
			text, gotText = "", ""
		case "INDENT", "DEDENT", "ENDMARKER":
			text, gotText = "", ""
		case "FSTRING_MIDDLE":
			if g := gotText; len(g) >= 2 && (g[len(g)-2:] == "{{" || g[len(g)-2:] == "}}") {
				// CPython's token stops before the second brace.
				gotText = g[:len(g)-1]
				doubled = 1
				gec = charCol(tok.EndLine, tok.EndCol-1)
			}
		}
		if (typ == "STRING" || typ == "FSTRING_MIDDLE") && tok.EndLine != tok.Line {
			// The tokenize module converts the end column of a multi-line
			// string to characters using the text that starts at the
			// token's first line, not its last (a reporting quirk of
			// 3.12's Python-tokenize.c).
			endByte := tok.EndCol - doubled
			first := src[lineStarts[tok.Line]:]
			if endByte > len(first) {
				endByte = len(first)
			}
			gec = pyRuneCount(string(first[:endByte]))
		}
		if tok.Kind.String() != wantKind || gotText != text || gsl != sl || gsc != sc || gel != el || gec != ec {
			return fmt.Sprintf("token %d: got %s %q %d:%d-%d:%d, CPython %s %q %d:%d-%d:%d",
				i, tok.Kind, gotText, gsl, gsc, gel, gec, wantKind, text, sl, sc, el, ec)
		}
	}
	if len(toks) != len(rec.Tokens) {
		return fmt.Sprintf("%d tokens, CPython %d", len(toks), len(rec.Tokens))
	}
	return ""
}

// BenchmarkTokenizeStdlib tokenizes the standard library's .py files
// (located through CPython, or TOKENIZE_DIR) and reports lines per second.
func BenchmarkTokenizeStdlib(b *testing.B) {
	dir := os.Getenv("TOKENIZE_DIR")
	if dir == "" {
		out, err := pythonCommand(b, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Output()
		if err != nil {
			b.Skip("no stdlib")
		}
		dir = strings.TrimSpace(string(out))
	}
	var srcs [][]byte
	lines := 0
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") {
			raw, err := os.ReadFile(path)
			if err == nil {
				if src, derr := DecodeSource(path, raw); derr == nil {
					srcs = append(srcs, src)
					lines += bytes.Count(src, []byte{'\n'})
				}
			}
		}
		return nil
	})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range srcs {
			t := newTokenizer("", src)
			for {
				k := t.next().Kind
				if k == EOF || k == ILLEGAL {
					break
				}
			}
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

// tokenSnippets are small programs whose tokens are compared with
// CPython's tokenize module, for constructs the standard library uses
// rarely or not at all (some do not compile: their tokens still count).
var tokenSnippets = []string{
	"f'a{{b}}c{x!r:>{w}d}e'\n",
	"f'{x:{{}}>10}'\n",
	"f'\\N{BULLET} {x}'\n",
	"rf'\\N{BULLET} {x}'\n",
	"f'{x:\\N{BULLET}}'\n",
	"f'é{x}é{{ü}}'\n",
	"f'{x:%H:%M}'\n",
	"f'{ {1:2}[1] }'\n",
	"f'{lambda x:1}'\n",
	"f'{x = !r:^20}'\n",
	"f'{x:=^20}'\n",
	"f''\n",
	"f'{x}' f'{y}' 'z'\n",
	"f\"\"\"{\nx\n}\"\"\"\n",
	"f\"\"\"{x:\n}\"\"\"\n",
	"f\"{x:a\nb}\"\n",
	"f\"a\\\nb\"\n",
	"f\"{x:a\\\nb}\"\n",
	"f'{x:{y:{z}}}'\n",
	"f'{x:{{z}}}'\n",
	"f'\\{{x}}'\n",
	"f'\\\\{x}'\n",
	"f'{x:\\{y}}'\n",
	"f'{f'{f'{1}'}'}'\n",
	"f'''{'''a'''}'''\n",
	"f'''a''{x}''b'''\n",
	"f'''a'''''\n",
	"f'{x!r}' rf'{x}\\d' Rf'{{}}' fR''\n",
	"f'{x:{a}{b}}'\n",
	"f'{\"\\n\"}'\n",
	"f'{x:a\\'b}'\n",
	"f'{x:\\x41}'\n",
	"f\"{x:{y}\\\n}\"\n",
	"f'{x}}}{{{y}'\n",
	"f'{d[\"k\"]:{w}.{p}f}'\n",
	"f'{x!s:{y!r:{z}}}'\n",
	"f'{x:{y}{{}}'\n",
	"f'''\n{x:\n{y}\n}\n'''\n",
	"if x:\n  y\n\n# c\n  z\n",
	"if x:\n  y\n    # c\nz\n",
	"if x:\n  if y:\n    z\nw",
	"\\\n  x\n",
	"x = 1; \\\n  y\n",
	"if x:\n    \\\n  y\n    z\n",
	"x = (1,\n  # c\n 2)\n",
	"x\n  ",
	"x\n  #c",
	"#c",
	"",
	"\n\n",
	"x # c",
	"if 1:\n\tx\n\tif 2:\n\t\ty\n",
	"if 1:\n\f  x\n  \f y\n",
	"1if x else 2\n0x1for x in y\n1.0else\n",
	"a<>b\n",
	"1.__class__ 1..real 1j.imag 1e5.real\n",
	"...\n. . .\n....\n",
	"x = '''a\nb\\\nc'''; y = 'é'\n",
	"ℕ·µ = 1\nᵢ = 2\n",
	"\"\\\"\" '\\'' \"\"\"a\"\"\"\"\"\" '''a''''''\n",
	"x = [1,\n2,\n]\n  \n",
}

func TestTokenizeSnippetsOracle(t *testing.T) {
	dir := t.TempDir()
	for i, s := range tokenSnippets {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%03d.py", i)), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := pythonCommand(t, filepath.Join("testdata", "tokens", "dump_tokens.py"), dir).Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte{'\n'}) {
		var rec pyRecord
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatal(err)
		}
		var i int
		fmt.Sscanf(filepath.Base(rec.File), "s%03d.py", &i)
		if msg := compareFile(&rec); msg != "" {
			t.Errorf("%q: %s", tokenSnippets[i], msg)
		}
	}
}

// tokenizerMessages are the beginnings of the messages of the errors that
// come from CPython's tokenizer (some raised by its parser from the
// tokenizer's state).
var tokenizerMessages = []string{
	"unterminated string literal", "unterminated triple-quoted string literal", "unterminated f-string literal",
	"unterminated triple-quoted f-string literal", "unmatched '", "closing parenthesis", "invalid character",
	"invalid non-printable character", "invalid decimal literal", "invalid hexadecimal literal",
	"invalid octal literal", "invalid binary literal", "invalid imaginary literal", "invalid digit",
	"leading zeros", "unexpected character after line continuation", "unexpected EOF while parsing",
	"unindent does not match", "inconsistent use of tabs", "too many levels of indentation",
	"too many nested parentheses", "too many nested f-strings", "f-string: single '}'", "f-string: unmatched",
	"f-string: expressions nested too deeply",
}

func isTokenizerMessage(msg string) bool {
	if msg == "f-string: expecting '}'" || strings.HasSuffix(msg, "' was never closed") {
		return true
	}
	for _, m := range tokenizerMessages {
		if strings.HasPrefix(msg, m) {
			return true
		}
	}
	return false
}

// TestTokenizerMutationsOracle tokenizes thousands of mutated stdlib
// fragments. Where CPython compiles a fragment, we must tokenize it
// without error; where CPython reports a tokenizer error, we must report
// the same error at the same place.
func TestTokenizerMutationsOracle(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: compiles thousands of fragments with CPython")
	}
	out, err := pythonCommand(t, filepath.Join("testdata", "tokens", "mutate.py"), "1", "10000").Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var cases [][]json.RawMessage
	if err := json.Unmarshal(out, &cases); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, c := range cases {
		var src string
		var want []any
		json.Unmarshal(c[0], &src)
		json.Unmarshal(c[1], &want)
		tz := newTokenizer("mutant.py", []byte(src))
		var e *Error
		for e == nil {
			k := tz.next().Kind
			if k == ILLEGAL {
				e = tz.err
			} else if k == EOF {
				break
			}
		}
		switch {
		case want == nil:
			if e != nil {
				t.Errorf("%q: CPython compiles it, we report %s at %d:%d", src, e.Msg, e.Line, e.Offset)
			}
		case isTokenizerMessage(want[1].(string)):
			checked++
			w := fmt.Sprint(want...)
			if e == nil {
				t.Errorf("%q: no error, CPython %s", src, w)
				continue
			}
			if g := fmt.Sprint(e.Type, e.Msg, e.Line, e.Offset, e.EndLine, e.EndOffset); g != w {
				t.Errorf("%q:\n got %s\nwant %s", src, g, w)
			}
		}
	}
	t.Logf("%d fragments, %d with tokenizer errors", len(cases), checked)
}
