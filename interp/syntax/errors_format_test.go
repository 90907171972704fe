package syntax

import (
	"reflect"
	"strings"
	"testing"
)

// Every want below is what CPython 3.12.1 printed for the same attributes:
// sys.__excepthook__ applied to cls(msg, (filename, lineno, offset, text,
// end_lineno, end_offset)) with sys.stderr captured. A 0 position stands
// for None.
var formatTests = []struct {
	name string
	err  Error
	want string
}{
	{
		name: "range",
		err:  Error{Msg: "invalid syntax. Perhaps you forgot a comma?", Filename: "x.py", Line: 1, Offset: 6, EndLine: 1, EndOffset: 9, Text: "x = (1 2)\n"},
		want: "  File \"x.py\", line 1\n    x = (1 2)\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
	},
	{
		name: "single caret",
		err:  Error{Msg: "invalid syntax", Filename: "x.py", Line: 3, Offset: 5, EndLine: 3, EndOffset: 6, Text: "x = $y\n"},
		want: "  File \"x.py\", line 3\n    x = $y\n        ^\nSyntaxError: invalid syntax\n",
	},
	{
		name: "offset past end of line",
		err:  Error{Msg: "'(' was never closed", Filename: "x.py", Line: 1, Offset: 40, EndLine: 1, EndOffset: 0, Text: "x = (\n"},
		want: "  File \"x.py\", line 1\n    x = (\n         ^\nSyntaxError: '(' was never closed\n",
	},
	{
		name: "end offset past end of line",
		err:  Error{Msg: "invalid syntax", Filename: "x.py", Line: 1, Offset: 3, EndLine: 1, EndOffset: 50, Text: "abc\n"},
		want: "  File \"x.py\", line 1\n    abc\n      ^^\nSyntaxError: invalid syntax\n",
	},
	{
		name: "end offset past end of line without newline",
		err:  Error{Msg: "invalid syntax", Filename: "x.py", Line: 1, Offset: 3, EndLine: 1, EndOffset: 50, Text: "abc"},
		want: "  File \"x.py\", line 1\n    abc\n      ^\nSyntaxError: invalid syntax\n",
	},
	{
		name: "multi-line error underlines to end of first line",
		err:  Error{Msg: "Generator expression must be parenthesized", Filename: "x.py", Line: 1, Offset: 3, EndLine: 2, EndOffset: 3, Text: "f(a for a in\n"},
		want: "  File \"x.py\", line 1\n    f(a for a in\n      ^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n",
	},
	{
		name: "multi-line error counts bytes of non-ASCII line",
		err:  Error{Msg: "Generator expression must be parenthesized", Filename: "x.py", Line: 1, Offset: 3, EndLine: 2, EndOffset: 3, Text: "f(ééé for é in\n"},
		want: "  File \"x.py\", line 1\n    f(ééé for é in\n      ^^^^^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n",
	},
	{
		name: "multi-line error without newline",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 1, Offset: 2, EndLine: 3, EndOffset: 1, Text: "abcdef"},
		want: "  File \"x.py\", line 1\n    abcdef\n     ^^^^\nSyntaxError: bad\n",
	},
	{
		name: "end line before line",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 3, Offset: 2, EndLine: 2, EndOffset: 5, Text: "abcdef\n"},
		want: "  File \"x.py\", line 3\n    abcdef\n     ^^^\nSyntaxError: bad\n",
	},
	{
		name: "leading spaces stripped",
		err:  Error{Msg: "invalid syntax", Filename: "x.py", Line: 2, Offset: 9, EndLine: 2, EndOffset: 10, Text: "    x = $\n"},
		want: "  File \"x.py\", line 2\n    x = $\n        ^\nSyntaxError: invalid syntax\n",
	},
	{
		name: "leading tab and form feed stripped",
		err:  Error{Msg: "invalid syntax", Filename: "x.py", Line: 2, Offset: 6, EndLine: 2, EndOffset: 7, Text: "\t\f x = $\n"},
		want: "  File \"x.py\", line 2\n    x = $\n      ^\nSyntaxError: invalid syntax\n",
	},
	{
		name: "end offset clipped with indentation",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 1, Offset: 3, EndLine: 1, EndOffset: 90, Text: "  ab\n"},
		want: "  File \"x.py\", line 1\n    ab\n    ^^^\nSyntaxError: bad\n",
	},
	{
		name: "caret inside indentation is dropped",
		err:  Error{Type: IndentationErrorType, Msg: "unexpected indent", Filename: "x.py", Line: 2, Offset: 3, EndLine: 2, EndOffset: -1, Text: "    y = 2\n"},
		want: "  File \"x.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n",
	},
	{
		name: "offset zero",
		err:  Error{Msg: "unexpected EOF while parsing", Filename: "x.py", Line: 1, Offset: 0, EndLine: 1, EndOffset: -1, Text: "x = 5\\"},
		want: "  File \"x.py\", line 1\n    x = 5\\\nSyntaxError: unexpected EOF while parsing\n",
	},
	{
		name: "offset and end unset",
		err:  Error{Msg: "some error", Filename: "x.py", Line: 1, Text: "x = 5\n"},
		want: "  File \"x.py\", line 1\n    x = 5\nSyntaxError: some error\n",
	},
	{
		name: "IndentationError ignores end offset",
		err:  Error{Type: IndentationErrorType, Msg: "expected an indented block after 'if' statement on line 1", Filename: "x.py", Line: 2, Offset: 1, EndLine: 2, EndOffset: 5, Text: "pass\n"},
		want: "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n",
	},
	{
		name: "TabError",
		err:  Error{Type: TabErrorType, Msg: "inconsistent use of tabs and spaces in indentation", Filename: "x.py", Line: 3, Offset: 1, EndLine: 3, EndOffset: 0, Text: "        pass\n"},
		want: "  File \"x.py\", line 3\n    pass\nTabError: inconsistent use of tabs and spaces in indentation\n",
	},
	{
		name: "text without newline",
		err:  Error{Msg: "unterminated string literal (detected at line 1)", Filename: "x.py", Line: 1, Offset: 5, EndLine: 1, EndOffset: 5, Text: "x = 'abc"},
		want: "  File \"x.py\", line 1\n    x = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n",
	},
	{
		name: "text of several lines, caret in a later one",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 1, Offset: 8, EndLine: 1, EndOffset: 9, Text: "abc\ndef\nghi\n"},
		want: "  File \"x.py\", line 1\n    def\nghi\n       ^\nSyntaxError: bad\n",
	},
	{
		name: "text of several lines, caret in the first",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 1, Offset: 2, EndLine: 1, EndOffset: 3, Text: "abc\ndef\n"},
		want: "  File \"x.py\", line 1\n    abc\ndef\n     ^\nSyntaxError: bad\n",
	},
	{
		name: "empty message",
		err:  Error{Msg: "", Filename: "x.py", Line: 1, Offset: 1, EndLine: 1, EndOffset: 2, Text: "x\n"},
		want: "  File \"x.py\", line 1\n    x\n    ^\nSyntaxError\n",
	},
	{
		name: "no text",
		err:  Error{Msg: "invalid syntax", Filename: "x.py", Line: 4, Offset: 2, EndLine: 4, EndOffset: 3},
		want: "  File \"x.py\", line 4\nSyntaxError: invalid syntax\n",
	},
	{
		name: "no filename",
		err:  Error{Msg: "invalid syntax", Line: 1, Offset: 1, EndLine: 1, EndOffset: 2, Text: "$\n"},
		want: "  File \"<string>\", line 1\n    $\n    ^\nSyntaxError: invalid syntax\n",
	},
	{
		name: "line zero",
		err:  Error{Msg: "unknown encoding: klingon", Filename: "x.py", Line: 0, Offset: -1},
		want: "  File \"x.py\", line 0\nSyntaxError: unknown encoding: klingon\n",
	},
	{
		// From the corpus: null_byte_in_source.golden.
		name: "no location",
		err:  Error{Msg: "source code string cannot contain null bytes", Filename: "x.py"},
		want: "SyntaxError: source code string cannot contain null bytes\n",
	},
	{
		name: "non-ASCII before caret",
		err:  Error{Msg: "invalid syntax", Filename: "x.py", Line: 1, Offset: 7, EndLine: 1, EndOffset: 8, Text: "é = é $\n"},
		want: "  File \"x.py\", line 1\n    é = é $\n          ^\nSyntaxError: invalid syntax\n",
	},
	{
		name: "offset in bytes from the tokenizer",
		err:  Error{Msg: "'(' was never closed", Filename: "x.py", Line: 1, Offset: 17, EndLine: 1, EndOffset: 0, Text: "ééé = ééé (\n"},
		want: "  File \"x.py\", line 1\n    ééé = ééé (\n                    ^\nSyntaxError: '(' was never closed\n",
	},
	{
		name: "byte order mark kept",
		err:  Error{Msg: "invalid syntax. Perhaps you forgot a comma?", Filename: "x.py", Line: 1, Offset: 4, EndLine: 1, EndOffset: 7, Text: "\ufeffx = (1 2)\n"},
		want: "  File \"x.py\", line 1\n    \ufeffx = (1 2)\n       ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
	},
	{
		name: "tabs inside the line are not expanded",
		err:  Error{Msg: "invalid syntax", Filename: "x.py", Line: 1, Offset: 5, EndLine: 1, EndOffset: 6, Text: "x\t=\t$\n"},
		want: "  File \"x.py\", line 1\n    x\t=\t$\n        ^\nSyntaxError: invalid syntax\n",
	},
	{
		name: "end before offset",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 1, Offset: 5, EndLine: 1, EndOffset: 2, Text: "abcdefgh\n"},
		want: "  File \"x.py\", line 1\n    abcdefgh\n        ^\nSyntaxError: bad\n",
	},
	{
		name: "end equal to offset",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 1, Offset: 5, EndLine: 1, EndOffset: 5, Text: "abcdefgh\n"},
		want: "  File \"x.py\", line 1\n    abcdefgh\n        ^\nSyntaxError: bad\n",
	},
	{
		name: "text cut at NUL",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 1, Offset: 5, EndLine: 1, EndOffset: 6, Text: "ab\x00cdefgh\n"},
		want: "  File \"x.py\", line 1\n    ab\n      ^\nSyntaxError: bad\n",
	},
	{
		name: "whitespace-only text",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 1, Offset: 2, EndLine: 1, EndOffset: 3, Text: "   \n"},
		want: "  File \"x.py\", line 1\n    \nSyntaxError: bad\n",
	},
	{
		name: "newline-only text",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 1, Offset: 1, EndLine: 1, EndOffset: 2, Text: "\n"},
		want: "  File \"x.py\", line 1\n    \n    ^\nSyntaxError: bad\n",
	},
	{
		name: "carriage return kept",
		err:  Error{Msg: "bad", Filename: "x.py", Line: 1, Offset: 5, EndLine: 1, EndOffset: 6, Text: "x = $\r\n"},
		want: "  File \"x.py\", line 1\n    x = $\r\n        ^\nSyntaxError: bad\n",
	},
}

func TestFormat(t *testing.T) {
	for _, tt := range formatTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Format(); got != tt.want {
				t.Errorf("Format() differs from CPython 3.12 (- CPython, + ours):\n%s", lineDiff(tt.want, got))
			}
		})
	}
}

// TestFormatCorpus checks Format against every printout of the syntax error
// corpus, using the attributes CPython recorded rather than our parser's,
// so it holds whatever state the parser is in.
func TestFormatCorpus(t *testing.T) {
	for _, name := range corpusNames(t) {
		g := readErrorGolden(t, name)
		check := func(what string, g *errorGolden, want string) {
			if got := g.error().Format(); got != want {
				t.Errorf("%s.golden: Format() of the %s differs from CPython 3.12 (- CPython, + ours):\n%s",
					name, what, lineDiff(want, got))
			}
		}
		check("compile() error", g, g.stderr)
		if g.script != nil {
			check("script error", g.script, g.scriptStderr)
		}
	}
}

func TestParseErrorGolden(t *testing.T) {
	const data = `# comment
type: IndentationError
msg: "expected an indented block after function definition on line 1"
lineno: 1
offset: 9
end_lineno: 1
end_offset: -1
text: "def f():\n"
script_type: IndentationError
script_msg: "expected an indented block after function definition on line 1"
script_lineno: 1
script_offset: 0
script_text: "def f():\n"
-- stderr --
  File "f.py", line 1
    def f():
            ^
IndentationError: expected an indented block after function definition on line 1
-- script stderr --
  File "f.py", line 1
    def f():
IndentationError: expected an indented block after function definition on line 1
`
	g, err := parseErrorGolden("f.py", data)
	if err != nil {
		t.Fatal(err)
	}
	want := Error{Type: IndentationErrorType, Msg: "expected an indented block after function definition on line 1",
		Filename: "f.py", Line: 1, Offset: 9, EndLine: 1, EndOffset: -1, Text: "def f():\n"}
	if got := g.error(); !reflect.DeepEqual(*got, want) {
		t.Errorf("error() = %+v, want %+v", *got, want)
	}
	if !strings.HasPrefix(g.stderr, "  File") || !strings.HasSuffix(g.stderr, "line 1\n") || strings.Contains(g.stderr, "--") {
		t.Errorf("stderr block = %q", g.stderr)
	}
	if g.script == nil || g.script.offset != 0 || g.script.endOffset != 0 || g.script.lineno != 1 {
		t.Errorf("script = %+v", g.script)
	}
	if !strings.HasSuffix(g.scriptStderr, "line 1\n") || strings.Count(g.scriptStderr, "\n") != 3 {
		t.Errorf("script stderr block = %q", g.scriptStderr)
	}
	if _, err := parseErrorGolden("f.py", "type: SyntaxError\n"); err == nil {
		t.Errorf("golden without a stderr block accepted")
	}
}
