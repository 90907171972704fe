package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInterpretersCorpus runs the programs of testdata/interpreters, which
// use subinterpreters (and their queues) through the API CPython 3.13's
// test.support.interpreters and 3.14's concurrent.interpreters share, and
// compares their output with CPython 3.13's (scripts/gen_interp_goldens.sh
// writes the .out files).
func TestInterpretersCorpus(t *testing.T) {
	progs, err := filepath.Glob("../../testdata/interpreters/*.py")
	if err != nil {
		t.Fatal(err)
	}
	if len(progs) == 0 {
		t.Fatal("no programs in testdata/interpreters")
	}
	for _, prog := range progs {
		name := strings.TrimSuffix(filepath.Base(prog), ".py")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(prog, ".py") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			status := run([]string{"parallel", "run", prog}, strings.NewReader(""), &stdout, &stderr)
			if status != 0 || stderr.Len() > 0 {
				t.Errorf("exit status %d, stderr:\n%s", status, stderr.String())
			}
			if got := stdout.String(); got != string(want) {
				t.Errorf("stdout:\n%s\nCPython 3.13:\n%s", got, want)
			}
		})
	}
}
