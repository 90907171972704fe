package interp

import "testing"

// attrBodies are the attribute and call benchmarks of issue 5's shapes
// work; each runs n iterations inside a function, as bench programs do.
var attrBodies = map[string]string{
	// A load of an instance attribute (LOAD_ATTR_WITH_HINT).
	"load": `class C:
    def __init__(self):
        self.a = 1; self.b = 2; self.c = 3
def run(o, n):
    for i in range(n):
        o.c
run(C(), %d)
`,
	// A store over an existing attribute (STORE_ATTR_WITH_HINT).
	"store": `class C:
    def __init__(self):
        self.a = 1; self.b = 2; self.c = 3
def run(o, n):
    for i in range(n):
        o.b = i
run(C(), %d)
`,
	// A method call on an instance with a dict
	// (LOAD_ATTR_METHOD_WITH_VALUES, then CALL_PY_EXACT_ARGS).
	"method": `class C:
    def __init__(self):
        self.a = 1; self.b = 2; self.c = 3
    def m(self, x):
        return x
def run(o, n):
    for i in range(n):
        o.m(i)
run(C(), %d)
`,
	// Making an instance whose __init__ sets four attributes
	// (CALL_ALLOC_AND_ENTER_INIT, STORE_ATTR of new attributes).
	"new_instance": `class P:
    def __init__(self, x, y):
        self.x = x; self.y = y; self.z = x; self.w = y
def run(n):
    for i in range(n):
        P(i, 2)
run(%d)
`,
	// A built-in class call (CALL_BUILTIN_CLASS).
	"int_call": `def run(n):
    x = 2.5
    for i in range(n):
        int(x)
run(%d)
`,
}

func BenchmarkAttr(b *testing.B) { benchLoops(b, attrBodies, 100000) }
