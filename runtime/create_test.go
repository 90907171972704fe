package runtime

import "testing"

// Interpreters made with the default argv and path share the Go slices
// those come from, never the Python lists: changing one interpreter's
// sys.path or sys.argv leaves the next one's as it was.
func TestNewInterpreterOwnLists(t *testing.T) {
	rt := newRuntime(t, Options{})
	a := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, a, "import sys\nsys.path.append('/nowhere')\nsys.path[0:0] = ['/first']\nsys.argv.append('x')\nsys.argv[0] = 'changed'")
	b := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, b, "import sys\nassert '/nowhere' not in sys.path and '/first' not in sys.path, sys.path\nassert sys.argv == [''], sys.argv")
	if rt.stdlib != "" {
		mustExec(t, b, "import sys\nassert sys.path == ["+pyStr(rt.stdlib)+"], sys.path")
	}
	// Interpreters of the same runtime made after those still start clean.
	c := newInterpreter(t, rt, InterpreterOptions{Argv: []string{"prog", "arg"}, Path: []string{"/p"}})
	mustExec(t, c, "import sys\nassert sys.argv == ['prog', 'arg'], sys.argv\nassert sys.path[0] == '/p', sys.path")
}

// pyStr is a Python literal of s.
func pyStr(s string) string {
	q := []byte{'\''}
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' || s[i] == '\'' {
			q = append(q, '\\')
		}
		q = append(q, s[i])
	}
	return string(append(q, '\''))
}
