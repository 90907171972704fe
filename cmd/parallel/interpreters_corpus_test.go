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
// of testdata/interpchannels, which use PEP 554's channels as CPython
// 3.12's test.support.interpreters has them, and compares their output
// with those CPythons' (scripts/gen_interp_goldens.sh writes the .out
// files).
func TestInterpretersCorpus(t *testing.T) {
	for _, corpus := range []struct{ dir, oracle string }{
		{"interpreters", "CPython 3.13"},
		{"interpchannels", "CPython 3.12"},
	} {
		progs, err := filepath.Glob("../../testdata/" + corpus.dir + "/*.py")
		if err != nil {
			t.Fatal(err)
		}
		if len(progs) == 0 {
			t.Fatalf("no programs in testdata/%s", corpus.dir)
		}
		for _, prog := range progs {
			name := corpus.dir + "/" + strings.TrimSuffix(filepath.Base(prog), ".py")
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
					t.Errorf("stdout:\n%s\n%s:\n%s", got, corpus.oracle, want)
				}
			})
		}
	}
}
