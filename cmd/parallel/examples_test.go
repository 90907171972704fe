package main

import (
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"
)

// TestExamplesRun runs the README's example the way the README does and
// compares its output with CPython 3.12's.
func TestExamplesRun(t *testing.T) {
	for _, args := range [][]string{
		{"../../examples/inventory.py", "10"},
		{"../../examples/inventory.py"},
	} {
		cmd := pyoracle.Command(args...)
		want, err := cmd.Output()
		if err != nil {
			t.Skipf("no CPython 3.12: %v", err)
		}
		code, got, stderr := runApp(t, "", append([]string{"run"}, args...)...)
		if code != 0 || stderr != "" || got != string(want) {
			t.Errorf("parallel run %v: status %d, stderr %q\nstdout:\n%s\nCPython 3.12:\n%s", args, code, stderr, got, want)
		}
	}
}
