package interp

import "testing"

// callBodies are the call shapes of the call-heavy bench programs
// (pystone, richards, hexiom), inside a function so that they run as
// hot code does: exact positional arguments, defaults filled in, a
// method, a closure, a class call running __init__, keywords.
var callBodies = map[string]string{
	"exact":    "def f(a, b):\n    return a\ndef g(n):\n    for i in range(n):\n        f(i, 2)\ng(%d)\n",
	"defaults": "def f(a, b=1, c=2):\n    return a\ndef g(n):\n    for i in range(n):\n        f(i)\ng(%d)\n",
	"method":   "class C:\n    def m(self, a):\n        return a\ndef g(n):\n    o = C()\n    for i in range(n):\n        o.m(i)\ng(%d)\n",
	"closure":  "def g(n):\n    k = 3\n    def f(a):\n        return a + k\n    for i in range(n):\n        f(i)\ng(%d)\n",
	"init":     "class C:\n    def __init__(self, a):\n        self.a = a\ndef g(n):\n    for i in range(n):\n        C(i)\ng(%d)\n",
	"keywords": "def f(a, b=1, *, c=2):\n    return a\ndef g(n):\n    for i in range(n):\n        f(i, c=3)\ng(%d)\n",
}

// BenchmarkCalls is the cost of one Python-to-Python call and return,
// with the loop around it.
func BenchmarkCalls(b *testing.B) { benchLoops(b, callBodies, 20000) }

// fastCallOutBodies are the instructions the fast loop runs by calling
// out (eval_fast_ops.go) and the loop ends it runs itself.
var fastCallOutBodies = map[string]string{
	"dict_subscr":  "def g(n):\n    d = {1: 2, 3: 4}\n    for i in range(n):\n        d[3] = d[1]\ng(%d)\n",
	"str_compare":  "def g(n):\n    a, b = 'abc', 'abd'\n    c = 0\n    for i in range(n):\n        if a < b:\n            c += 1\ng(%d)\n",
	"store_global": "G = 0\ndef g(n):\n    global G\n    for i in range(n):\n        G = i\ng(%d)\n",
	"tuple_concat": "def g(n):\n    t = (1,)\n    for i in range(n):\n        u = t + t\ng(%d)\n",
	"inner_loop":   "def g(n):\n    xs = [1, 2]\n    for i in range(n):\n        for x in xs:\n            pass\ng(%d)\n",
	"int_floordiv": "def g(n):\n    x = 0\n    for i in range(n):\n        x = i // 3\ng(%d)\n",
}

// BenchmarkFastCallOuts is the cost of an iteration of those loops.
func BenchmarkFastCallOuts(b *testing.B) { benchLoops(b, fastCallOutBodies, 20000) }
