package syntax

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

const pep263 = ", but no encoding declared; see https://peps.python.org/pep-0263/ for details"

// decodeScriptTests are cases for DecodeScript: CPython running the file.
var decodeScriptTests = []struct {
	raw  string
	text string // decoded text, when no error
	err  string
}{
	{"x = 1\n", "x = 1\n", ""},
	{"\xef\xbb\xbfx = 1\n", "x = 1\n", ""},
	{"x = 1\r\ny = 2\rz = 3\r\n", "x = 1\ny = 2\nz = 3\n", ""},
	{"\xff\n", "", "Non-UTF-8 code starting with '\\xff' in file f.py on line 1" + pep263},
	{"x = 1\n# \xe9\n", "", "Non-UTF-8 code starting with '\\xe9' in file f.py on line 2" + pep263},
	{"x = \"\xed\xa0\x80\"\n", "", "Non-UTF-8 code starting with '\\xed' in file f.py on line 1" + pep263},
	{"# -*- coding: latin-1 -*-\nx = \"\xe9\"\n", "# -*- coding: latin-1 -*-\nx = \"é\"\n", ""},
	{"#!/usr/bin/python\n# vim: set fileencoding=latin-1 :\nx = \"\xe9\"\n", "#!/usr/bin/python\n# vim: set fileencoding=latin-1 :\nx = \"é\"\n", ""},
	{"\n# coding: latin1\nx = '\xe9'\n", "\n# coding: latin1\nx = 'é'\n", ""},
	{"x = 1\n# coding: latin-1\nx = \"\xe9\"\n", "", "Non-UTF-8 code starting with '\\xe9' in file f.py on line 3" + pep263},
	{"\n\n# coding: latin-1\nx = \"\xe9\"\n", "", "Non-UTF-8 code starting with '\\xe9' in file f.py on line 4" + pep263},
	{"# \xe9\n# coding: latin-1\n", "", "Non-UTF-8 code starting with '\\xe9' in file f.py on line 1" + pep263},
	{"# \xe9 coding: latin-1\n", "# é coding: latin-1\n", ""},
	{"# -*- coding: foo -*-\nx = 1\n", "", "encoding problem: foo"},
	{"# coding: cp-1252\n", "", "encoding problem: cp-1252"},
	{"# coding: utf8\nx = '\xe9'\n", "", "encoding problem: utf8"},
	{"# coding: ascii\nx = '\xe9'\n", "", "encoding problem: ascii"},
	{"# coding: utf-16\nx = 1\n", "", "encoding problem: utf-16"},
	{"\xef\xbb\xbf# -*- coding: latin-1 -*-\nx = 1\n", "", "encoding problem: iso-8859-1 with BOM"},
	{"\xef\xbb\xbf\n# coding: utf8\n", "", "encoding problem: utf8 with BOM"},
	{"\xef\xbb\xbf# coding: utf-8-sig\nx = 1\n", "# coding: utf-8-sig\nx = 1\n", ""},
	{"# coding: utf-8\n# \xff\n", "# coding: utf-8\n# \xff\n", ""},
	{"# coding: cp1252\nx = '\x80'\n", "# coding: cp1252\nx = '€'\n", ""},
	{"# coding: cp1252\nx = '\x81'\n", "", "encoding problem: cp1252"},
	{"# coding: koi8-r\nx = '\xc1'\n", "# coding: koi8-r\nx = 'а'\n", ""},
	{"# coding: iso-8859-15\nx = '\xa4'\n", "# coding: iso-8859-15\nx = '€'\n", ""},
	{"# coding: latin-1-unix\nx = '\xe9'\n", "# coding: latin-1-unix\nx = 'é'\n", ""},
	{"# coding: Latin_1\nx = '\xe9'\n", "# coding: Latin_1\nx = 'é'\n", ""},
	{"x = 1 # coding: latin-1\n", "x = 1 # coding: latin-1\n", ""},
	{"\\\n# coding: latin-1\nx = '\xe9'\n", "", "Non-UTF-8 code starting with '\\xe9' in file f.py on line 3" + pep263},
	{"# coding:\n# coding: latin-1\nx='\xe9'\n", "# coding:\n# coding: latin-1\nx='é'\n", ""},
	{"# coding: euc-jp\nx = '\xa4\xa2'\n", "# coding: euc-jp\nx = 'あ'\n", ""},
}

func TestDecodeScript(t *testing.T) {
	for _, tt := range decodeScriptTests {
		text, err := DecodeScript("f.py", []byte(tt.raw))
		switch {
		case tt.err != "":
			if err == nil || err.Msg != tt.err || err.Line != 0 {
				t.Errorf("%q: got %q %+v, want error %q", tt.raw, text, err, tt.err)
			}
		case err != nil:
			t.Errorf("%q: unexpected error %v", tt.raw, err)
		case string(text) != tt.text:
			t.Errorf("%q: got %q, want %q", tt.raw, text, tt.text)
		}
	}
}

// TestDecodeScriptOracle runs each case of TestDecodeScript as a script
// with CPython and compares the SyntaxError message, or the value of the
// last string literal of the source.
func TestDecodeScriptOracle(t *testing.T) {
	python(t)
	dir := t.TempDir()
	hook := `import sys
def hook(t, e, tb):
    print("ERR", e.msg if isinstance(e, SyntaxError) else e)
sys.excepthook = hook
`
	if err := os.WriteFile(filepath.Join(dir, "sitecustomize.py"), []byte(hook), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, tt := range decodeScriptTests {
		name := filepath.Join(dir, "f.py")
		raw := tt.raw
		if tt.err == "" {
			raw += "\nprint(ascii(x) if 'x' in globals() and isinstance(x, str) else None)\n"
		}
		if err := os.WriteFile(name, []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := pythonCommand(t, name)
		cmd.Env = append(cmd.Env, "PYTHONPATH="+dir)
		out, _ := cmd.Output()
		got := strings.TrimSpace(string(out))
		if tt.err != "" {
			want := "ERR " + strings.ReplaceAll(tt.err, "file f.py", "file "+name)
			if got != want {
				t.Errorf("case %d %q: CPython says %q, table %q", i, tt.raw, got, want)
			}
			continue
		}
		want := "None"
		if toks, tz, err := tokenizeAll("f.py", []byte(tt.raw)); err == nil {
			for j := len(toks) - 1; j >= 0; j-- {
				if toks[j].Kind == STRING {
					v, _, _, _ := decodeStringToken(string(tz.src[toks[j].Start:toks[j].End]))
					want = pyASCII(v)
					break
				}
			}
		}
		if got != want {
			t.Errorf("case %d %q: CPython prints %q, we decode %q", i, tt.raw, got, want)
		}
	}
}

// pyASCII formats s as Python's ascii() does.
func pyASCII(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// TestCharmapsOracle decodes every byte with each supported single-byte
// codec and compares with CPython's codec of the same name.
func TestCharmapsOracle(t *testing.T) {
	var names []string
	for n := range charmaps {
		names = append(names, n)
	}
	sort.Strings(names)
	in, _ := json.Marshal(names)
	cmd := pythonCommand(t, "-c", `
import json, sys
out = {}
for name in json.load(sys.stdin):
    row = []
    for b in range(256):
        try:
            row.append(ord(bytes([b]).decode(name)))
        except UnicodeDecodeError:
            row.append(-1)
    out[name] = row
json.dump(out, sys.stdout)
`)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var want map[string][]int
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		dec := lookupCodec(name)
		for b := 0; b < 256; b++ {
			got := -1
			if s, msg := dec([]byte{byte(b)}); msg == "" {
				r, _ := utf8.DecodeRune(s)
				got = int(r)
			}
			if got != want[name][b] {
				t.Errorf("%s: byte %#x decodes to %#x, CPython %#x", name, b, got, want[name][b])
			}
		}
	}
}

// decodeSourceTests are cases for DecodeSource: compile() of bytes.
var decodeSourceTests = []struct {
	raw  string
	text string // decoded text, when no error
	err  string
}{
	{"x = 1\n", "x = 1\n", ""},
	{"\xef\xbb\xbfx = 1\r\n", "x = 1\n", ""},
	{"x = 1\r\ny = 2\rz = 3\r\n", "x = 1\ny = 2\nz = 3\n", ""},
	{"x = 1 # \xff\n", "x = 1 # \xff\n", ""},
	{"x = '\xff'\n", "x = '\xff'\n", ""},
	{"x = 1\x00\n", "", "source code string cannot contain null bytes"},
	{"# coding: latin-1\r\nx = '\xe9'\r\n", "# coding: latin-1\nx = 'é'\n", ""},
	{"# coding: foo\nx = 1\n", "", "unknown encoding: foo"},
	{"# coding: cp1252\nx = \"\x81\"\n", "", "'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>"},
	{"# coding: ascii\nx = \"\xe9\"\n", "", "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)"},
	{"# coding: utf8\nx = \"\xe9\"\n", "", "'utf-8' codec can't decode byte 0xe9 in position 20: invalid continuation byte"},
	{"# coding: utf8\nx = 1\n", "# coding: utf8\nx = 1\n", ""},
	{"\xef\xbb\xbf# coding: latin-1\nx = 1\n", "", "encoding problem: iso-8859-1 with BOM"},
	{"\xef\xbb\xbf# coding: utf8\nx = 1\n", "", "encoding problem: utf8 with BOM"},
	{"x = 1\n# coding: latin-1\nx = '\xe9'\n", "x = 1\n# coding: latin-1\nx = '\xe9'\n", ""},
	{"\n# coding: koi8-r\nx = '\xc1'\n", "\n# coding: koi8-r\nx = 'а'\n", ""},
	{"# coding: utf-8\nx = '\xe9'\n", "# coding: utf-8\nx = '\xe9'\n", ""},
}

func TestDecodeSource(t *testing.T) {
	for _, tt := range decodeSourceTests {
		text, err := DecodeSource("f.py", []byte(tt.raw))
		switch {
		case tt.err != "":
			if err == nil || err.Msg != tt.err || err.Line != 0 {
				t.Errorf("%q: got %q %+v, want error %q", tt.raw, text, err, tt.err)
			}
		case err != nil:
			t.Errorf("%q: unexpected error %v", tt.raw, err)
		case string(text) != tt.text:
			t.Errorf("%q: got %q, want %q", tt.raw, text, tt.text)
		}
	}
}

// TestDecodeSourceOracle compiles each case of TestDecodeSource with
// CPython and compares the errors raised before parsing.
func TestDecodeSourceOracle(t *testing.T) {
	var raws []string
	for _, tt := range decodeSourceTests {
		raws = append(raws, tt.raw)
	}
	cmd := pythonCommand(t, "-c", `
import json, sys
out = []
for s in json.loads(sys.stdin.buffer.read().decode("utf-8", "surrogateescape")):
    try:
        compile(s.encode("utf-8", "surrogateescape"), "f.py", "exec")
        out.append(None)
    except SyntaxError as e:
        out.append([e.msg, e.lineno, e.offset])
json.dump(out, sys.stdout)
`)
	cmd.Stdin = bytes.NewReader(rawJSONStrings(raws))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var res [][]any
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	for i, tt := range decodeSourceTests {
		r := res[i]
		switch {
		case tt.err == "" && r != nil && r[1] == nil:
			t.Errorf("%q: CPython fails before parsing: %v", tt.raw, r)
		case tt.err != "":
			off := -1.0
			if strings.Contains(tt.err, "null bytes") {
				r = append(r[:1], nil, 0.0)
				off = 0
			}
			if r == nil || r[0] != tt.err || r[2] != off {
				t.Errorf("%q: CPython says %v, table %q", tt.raw, r, tt.err)
			}
		}
	}
}

func TestCodecAliases(t *testing.T) {
	for _, name := range []string{"UTF-8", "utf_8", "U8", "Latin-1", "latin1", "ISO-8859-15", "Windows-1252", "KOI8-R", "us-ascii", "Shift_JIS", "EUC-JP", "mac-roman"} {
		if lookupCodec(name) == nil {
			t.Errorf("codec %q not found", name)
		}
	}
	for _, name := range []string{"cp-1252", "uft-8", "utf-16", "rot13", ""} {
		if lookupCodec(name) != nil {
			t.Errorf("codec %q found", name)
		}
	}
}

func TestDeclaresEncoding(t *testing.T) {
	for raw, want := range map[string]bool{
		"x = 1\n": false, "\xef\xbb\xbfx\n": true, "# coding: utf-8\n": true, "\n# coding=latin-1\n": true,
		"x\n# coding: utf-8\n": false, "\n\n# coding: utf-8\n": false,
	} {
		if got := declaresEncoding([]byte(raw)); got != want {
			t.Errorf("%q: got %v", raw, got)
		}
	}
}
