package interp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Close flushes sys.stdout and sys.stderr whatever they are: a
// TextIOWrapper the program opened (flushed without a call), an object
// with a flush method (called), one whose flush raises (ignored), or
// something without flush at all.
func TestCloseFlushesStdStreams(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.txt")
	src := `
import sys
class Noisy:
    def write(self, s):
        return len(s)
    def flush(self):
        sys.__stdout__.write('flushed by Close\n')
class Bad:
    def write(self, s):
        return len(s)
    def flush(self):
        raise OSError('no')
f = open(` + pyLiteral(path) + `, 'w')
f.write('pending text')
sys.stdout = Noisy()
sys.stderr = f
keep = [Bad(), object()]
`
	var stdout strings.Builder
	in := New(Options{Stdout: &stdout})
	gv, _ := in.NewDict()
	if err := in.ExecModule(compileForTest(t, src), asObject[Dict](gv)); err != nil {
		t.Fatal(err)
	}
	in.decRef(gv)
	in.Close()
	if got := stdout.String(); got != "flushed by Close\n" {
		t.Errorf("stdout after Close: %q", got)
	}
	if leaks := liveObjects(in.Heap()); len(leaks) > 0 {
		t.Errorf("objects left after Close: %v", leaks)
	}
	got, rerr := os.ReadFile(path)
	if rerr != nil || string(got) != "pending text" {
		t.Errorf("file after Close: %q, %v", got, rerr)
	}

	for _, repl := range []string{"Bad()", "object()", "None"} {
		var stdout strings.Builder
		in := New(Options{Stdout: &stdout})
		gv, _ := in.NewDict()
		code := compileForTest(t, "import sys\nclass Bad:\n    def write(self, s): return len(s)\n    def flush(self): raise OSError('no')\nsys.stdout = "+repl+"\nsys.stderr = "+repl+"\n")
		if err := in.ExecModule(code, asObject[Dict](gv)); err != nil {
			t.Fatalf("%s: %v", repl, err)
		}
		in.decRef(gv)
		in.Close()
		if leaks := liveObjects(in.Heap()); len(leaks) > 0 {
			t.Errorf("%s: objects left after Close: %v", repl, leaks)
		}
	}
}

// pyLiteral is a Python str literal of s.
func pyLiteral(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
