package syntax

import (
	"strings"
	"testing"
)

// FuzzTokenizer checks that any input either tokenizes to EOF or stops
// with an *Error, without panicking or looping, that tokens are well
// formed, and that the literal decoders accept every STRING, NUMBER and
// FSTRING_MIDDLE token without panicking.
//
//	go test -fuzz FuzzTokenizer ./interp/syntax/
func FuzzTokenizer(f *testing.F) {
	seeds := []string{
		"x = 1\n", "if x:\n    y\nz\n", "def f(a, *b, **c) -> int:\n\treturn a @ b\n",
		"f'a{x!r:>{w}}b{{c}}'\n", "f'''{x:\n}'''\n", "rf'\\N{x}' f'\\N{BULLET}'\n", "f'{f'{f'{1}'}'}'\n",
		"b'\\x41' u'\\N{EM DASH}' '\\ud800'\n", "0x_1f 0o17 0b1 1_0.5e-3j 1if 1else 2\n", "x = (1,\n  2)\n",
		"x = 1 + \\\n  2\n", "\\\n  x\n", "class A:\n\tdef f(self):\n\t\tpass\n", "ℕ·µ = 1\n", "a€b\n",
		"'''a\nb'''\n", "x\r\ny\r", "# coding: latin-1\nx = '\xe9'\n", "\xef\xbb\xbfx\n", "\x00",
		strings.Repeat("(", 300), strings.Repeat("f'{", 160), nestedIfs(110),
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	for _, tt := range tokenizerErrors {
		f.Add([]byte(tt.src))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		src, derr := DecodeSource("fuzz.py", raw)
		if derr != nil {
			if derr.Msg == "" {
				t.Fatal("empty error message")
			}
			src = raw // tokenize the undecoded bytes as well
		}
		checkTokens(t, src)
	})
}

func checkTokens(t *testing.T, src []byte) {
	tz := newTokenizer("fuzz.py", src)
	limit := 4*len(tz.src) + 300
	prevStart := 0
	for n := 0; ; n++ {
		if n > limit {
			t.Fatalf("no end after %d tokens", n)
		}
		tok := tz.next()
		if tok.Kind == ILLEGAL {
			if tz.err == nil || tz.err.Msg == "" {
				t.Fatalf("ILLEGAL token without an error")
			}
			if tz.next().Kind != ILLEGAL {
				t.Fatalf("token after an error")
			}
			return
		}
		if tok.Start < prevStart || tok.Start > tok.End || tok.End > len(tz.src) || tok.Line < 1 || tok.EndLine < tok.Line {
			t.Fatalf("malformed token %+v (src length %d, previous start %d)", tok, len(tz.src), prevStart)
		}
		prevStart = tok.Start
		text := string(tz.src[tok.Start:tok.End])
		switch tok.Kind {
		case STRING:
			decodeStringToken(text)
		case FSTRING_MIDDLE:
			decodeFStringMiddle(text, false)
			decodeFStringMiddle(text, true)
		case NUMBER:
			if _, err := parseNumber(text); err != nil {
				t.Fatalf("NUMBER %q: %v", text, err)
			}
		case NAME:
			normalizeIdentifier(text)
		case EOF:
			if tz.insideFString() || tz.level != 0 {
				t.Fatalf("EOF inside brackets or an f-string")
			}
			return
		}
	}
}
