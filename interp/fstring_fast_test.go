package interp

import "testing"

// fstringFastPrograms exercise FORMAT_VALUE and BUILD_STRING, which the
// fast loop runs through execPlain: conversions (!s, !r, !a), nested and
// computed specs, ASCII and non-ASCII parts (lengths and indexing of the
// result), lone surrogates, a __format__ returning a str subclass, and
// a __str__ or __format__ that raises inside a loop (the traceback line),
// against CPython 3.12.
var fstringFastPrograms = map[string]string{
	"fstring_parts": `class S(str):
    pass
class F:
    def __format__(self, spec):
        return S('F<' + spec + '>')
class R:
    def __repr__(self): return 'R\u00e9pr'
    def __str__(self): return 'str\u2603'
out = []
for i in range(4):
    w = 4 + i
    s = f"{i:>{w}}|{i * 1.5:.{i}f}|{R()!r}|{R()!s}|{R()!a}|{F():x{i}}|{'caf\u00e9'}{i:,}{''}"
    out.append(s)
    print(s, len(s), s[-3:], s.isascii(), type(s).__name__)
print(len(f"{F()}"), type(f"{F()}").__name__, f"{F()}{F()}")
u = f"{'\ud800'}{'\udc00'}"
print(len(u), repr(u), u == '\ud800\udc00')
print(f"{'':>0}" == '', f"{3}", f"{'x'}", f"{1}{2}{3}{4}{5}{6}{7}{8}")
`,
	"fstring_raises": `class Bad:
    def __str__(self): raise ValueError('bad str')
    def __format__(self, spec):
        if spec: raise KeyError(spec)
        return 'ok'
def f(n):
    r = []
    for i in range(n):
        r.append(f"{i}:{Bad()}")
        if i == 2:
            try:
                r.append(f"{Bad():z}")
            except KeyError as e:
                r.append('KeyError ' + str(e))
            r.append(f"{Bad()!s}")
    return r
try:
    f(5)
except ValueError as e:
    tb, lines = e.__traceback__, []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(e, lines)
`,
}

func TestFStringFast(t *testing.T) { checkProgramsAtThresholds(t, fstringFastPrograms) }
