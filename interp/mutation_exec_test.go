package interp

import "testing"

// Programs from CPython's test suite that once crashed the interpreter
// with a Go panic or stack overflow: code that changes a container from
// inside a comparison, and __call__ that is itself callable.
var mutationPrograms = map[string]string{
	"dict_key_freed_in_eq": `class S(str):
    def __eq__(self, other):
        d.clear()
        return NotImplemented
    def __hash__(self):
        return hash('test')
d = {S(): 'value'}
print('test' in d, d)
`,
	"set_resized_in_eq": `class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return 1
    def __eq__(self, other):
        global grow
        if grow:
            grow = False
            for i in range(100, 120): s.add(i)
        return self.n == getattr(other, 'n', None)
grow = True
s = {K(1), K(2)}
print(K(2) in s)
grow = True
s.difference_update({K(1)})
print(len(s))
`,
	"call_is_callable_instance": `class A: pass
A.__call__ = A()
a = A()
try:
    a()
except RecursionError as e:
    print('RecursionError', e)
`,
}

func TestMutationPrograms(t *testing.T) { checkPrograms(t, mutationPrograms) }

// "single" mode shows expression statements through sys.displayhook.
func TestSingleModeDisplay(t *testing.T) {
	checkPrograms(t, map[string]string{"single_mode": `exec(compile('1+1', '<s>', 'single'))
exec(compile('None', '<s>', 'single'))
exec(compile('x = 5', '<s>', 'single'))
import sys
sys.displayhook = lambda v: print('hook', v)
exec(compile('[1]', '<s>', 'single'))
print(_)
`})
}
