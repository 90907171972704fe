package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// parallel dis --adaptive runs the file, then lists the specialized
// forms its warm-up left; a program that fails still gets its listing
// and keeps its exit status; bad combinations are refused.
func TestDisAdaptive(t *testing.T) {
	dir := t.TempDir()
	failing := filepath.Join(dir, "failing.py")
	if err := os.WriteFile(failing, []byte("def f(n):\n    return sum(i * 2 for i in range(n))\nf(100)\nraise ValueError('late')\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		args   []string
		status int
		want   []string // in stdout
		not    []string // not in stdout
		errs   []string // in stderr
	}{
		{"specialized", []string{"--adaptive", "testdata/dis_adaptive.py"}, 0,
			[]string{"499500\n", "FOR_ITER_RANGE", "LOAD_GLOBAL_MODULE", "BINARY_OP_ADD_INT", "Disassembly of <code object get"},
			[]string{" FOR_ITER  "}, nil},
		{"plain listing stays generic", []string{"testdata/dis_adaptive.py"}, 0,
			[]string{" FOR_ITER "}, []string{"FOR_ITER_RANGE", "499500"}, nil},
		{"failing program", []string{"--adaptive", failing}, 1,
			[]string{"FOR_ITER_RANGE", "Disassembly of <code object <genexpr>"}, nil, []string{"ValueError: late"}},
		{"with --optimize", []string{"--adaptive", "--optimize", "1", "testdata/dis_adaptive.py"}, 2,
			nil, nil, []string{"--adaptive runs FILE as parallel run does"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(append([]string{"parallel", "dis"}, c.args...), strings.NewReader(""), &stdout, &stderr)
			if status != c.status {
				t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, c.status, stdout.String(), stderr.String())
			}
			for _, w := range c.want {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
			for _, w := range c.not {
				if strings.Contains(stdout.String(), w) {
					t.Errorf("stdout has %q:\n%s", w, stdout.String())
				}
			}
			for _, w := range c.errs {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
				}
			}
		})
	}
}
