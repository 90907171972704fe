package syntax

import (
	"errors"
	"testing"
)

// FuzzParser checks that no input makes Parse panic or return anything but
// a tree or a *Error.
func FuzzParser(f *testing.F) {
	seeds := []string{
		"x = 1\n",
		"def f(a, /, b=2, *c, d, **e) -> int:\n    return a\n",
		"class C[T](B, metaclass=M):\n    x: int = 1\n",
		"f'{a!r:>{w}} {b=}'\n",
		"match x:\n    case [1, *r] | {'k': v, **kw} | C(a, b=2) if v: pass\n",
		"async def g():\n    async with a as b, c:\n        await x\n",
		"try:\n    pass\nexcept* E as e:\n    pass\nfinally:\n    pass\n",
		"lambda *a, **k: (yield)\n",
		"((((((((((",
		"x = [i for i in range(3) if i]\n",
		"\xef\xbb\xbfprint('bom')\n",
		"# -*- coding: latin-1 -*-\nx = '\xe9'\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, mode := range []Mode{ModeExec, ModeEval, ModeSingle} {
			mod, err := Parse("<fuzz>", src, mode)
			if err != nil {
				var se *Error
				if !errors.As(err, &se) {
					t.Fatalf("Parse returned %T, want *Error: %v", err, err)
				}
				if se.Line < 0 || se.Offset < -1 { // CPython uses -1 for "no column"
					t.Fatalf("negative position in %+v", se)
				}
				continue
			}
			if mod == nil {
				t.Fatal("Parse returned neither a tree nor an error")
			}
			_ = Dump(mod, DumpOptions{Indent: -1, IncludeAttributes: true})
		}
	})
}
