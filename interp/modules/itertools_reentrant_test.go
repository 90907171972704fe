package modules_test

import "testing"

// groupby's group iterator re-entered from a key's __eq__ (CPython's
// bpo-30347): once a Go panic here.
func TestItertoolsReentrant(t *testing.T) {
	checkModulePrograms(t, map[string]string{
		"groupby_reentrant": `from itertools import groupby
class K:
    def __init__(self, v): pass
    def __eq__(self, other):
        global i
        i += 1
        if i == 1:
            next(g, None)
        return True
i = 0
g = next(groupby(range(10), K))[1]
for j in range(2):
    print(next(g, None))
`,
	})
}
