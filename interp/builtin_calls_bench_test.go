package interp

import "testing"

// builtinCallBodies are the built-in calls copy.deepcopy makes (issue 5,
// deepcopy), each inside a function as bench programs run them; each runs
// n iterations.
var builtinCallBodies = map[string]string{
	"id": `def run(o, n):
    for i in range(n):
        id(o)
run(object(), %d)
`,
	"type": `def run(o, n):
    for i in range(n):
        type(o)
run(object(), %d)
`,
	"dict_get_hit": `def run(d, n):
    for i in range(n):
        d.get(1)
run({1: 2, "a": 3}, %d)
`,
	"dict_get_miss": `def run(d, n, nil=[]):
    for i in range(n):
        d.get(5, nil)
run({1: 2, "a": 3}, %d)
`,
	"getattr_hit": `class C:
    def __init__(self):
        self.x = 1
def run(o, n):
    for i in range(n):
        getattr(o, "x", None)
run(C(), %d)
`,
	"getattr_miss": `class C:
    def __init__(self):
        self.x = 1
def run(o, n):
    for i in range(n):
        getattr(o, "__deepcopy__", None)
run(C(), %d)
`,
	"hasattr_miss": `class C:
    pass
def run(o, n):
    for i in range(n):
        hasattr(o, "__setstate__")
run(C(), %d)
`,
	"isinstance": `def run(o, n):
    for i in range(n):
        isinstance(o, str)
run((1, 2), %d)
`,
	"issubclass": `class C:
    pass
def run(c, n):
    for i in range(n):
        issubclass(c, type)
run(C, %d)
`,
	"bound_append": `def run(n):
    for i in range(n):
        y = []
        append = y.append
        append(i)
run(%d)
`,
	"dict_items": `def run(d, n):
    for i in range(n):
        for k, v in d.items():
            pass
run({1: 2, "a": 3}, %d)
`,
	"memo_dict": `def run(n):
    for i in range(n):
        m = {}
        m[id(m)] = i
run(%d)
`,
	"dict_update": `class C:
    pass
def run(n):
    for i in range(n):
        o = C.__new__(C)
        o.__dict__.update({"x": 1, "y": i})
run(%d)
`,
	"zip": `def run(t, n):
    for i in range(n):
        for a, b in zip(t, t):
            pass
run((1, 2, 3), %d)
`,
	"tuple_of_list": `def run(l, n):
    for i in range(n):
        tuple(l)
run([1, 2, 3], %d)
`,
}

func BenchmarkBuiltinCalls(b *testing.B) { benchLoops(b, builtinCallBodies, 20000) }
