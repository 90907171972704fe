package interp

import "testing"

// getsetProgram runs LOAD_ATTR sites on attributes that getset
// descriptors compute in Go (frame and code attributes, __class__,
// __dict__, cell_contents): specialized, hit, and their guards failing
// when the site meets another type (a class with an attribute of the
// same name, a class with __getattr__), and getters that raise.
const getsetProgram = `import sys
def who():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_code.co_qualname, f.f_back.f_back is not None
def outer():
    return who()
r = []
for i in range(6):
    r.append(outer())
print(r)
def f(): pass
print(f.__code__.co_name is f.__name__, f.__code__.co_qualname is f.__qualname__)
print(f.__code__.co_filename is f.__code__.co_filename, f.__code__.co_filename == who.__code__.co_filename)
class Fake:
    co_name = 'fake'
class Lazy:
    def __getattr__(self, name):
        return 'lazy ' + name
def name_of(o):
    return o.co_name
r = []
for i in range(8):
    r.append(name_of(f.__code__ if i % 3 else (Fake() if i % 2 else Lazy())))
print(r)
class P:
    def __init__(self): self.x = 1
def cls_and_dict(o):
    return o.__class__.__name__, sorted(o.__dict__)
r = []
for i in range(6):
    o = P()
    if i > 3:
        o.y = i
    r.append(cls_and_dict(o))
    if i == 2:
        P.extra = 1
print(r)
def make_cells():
    def inner():
        return late
    empty = inner.__closure__[0]
    late = 5
    return inner.__closure__[0], empty
def contents(c):
    try:
        return c.cell_contents
    except ValueError as e:
        return 'ValueError: ' + str(e)
full, _ = make_cells()
def empty_cell():
    def inner():
        return never
    return inner.__closure__[0]
    never = 1
r = []
for i in range(6):
    r.append(contents(full if i % 2 else empty_cell()))
print(r)
def renamed(g, n):
    g.__name__ = n
    return g.__name__
print([renamed(f, 'n%d' % i) for i in range(5)])
`

func init() { specPrograms["getset_attrs"] = getsetProgram }

// TestCodeFilenameShared reads co_filename of one shared code object in
// two interpreters at once (under -race, this checks that the str made
// on first use is published safely): each sees one str, the same on
// every read.
func TestCodeFilenameShared(t *testing.T) {
	code := compileForTest(t, `import sys
co = sys._getframe().f_code
names = [co.co_filename for _ in range(50)]
print(all(n is names[0] for n in names), names[0] == co.co_filename)
`)
	outs := runInTwoInterpreters(code)
	for _, o := range outs {
		if o != "True True\n" {
			t.Errorf("got %q, want True True", o)
		}
	}
}
