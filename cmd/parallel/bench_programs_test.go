package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallel-py/parallel/internal/pyoracle"
)

// TestBenchProgramsSpecializerModes runs every program of bench/programs
// under CPython 3.12 and under parallel three ways: as shipped, with the
// specializer's warm-up forced to 1 (every adaptive instruction
// specializes at its first run, so the specialized forms and their
// deoptimizations all run) and with specialization off. All four must
// print the same: the bench suite is held to what the differential
// corpus is (TestProgramCorpusSpecializer).
func TestBenchProgramsSpecializerModes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the 20 bench programs four times each")
	}
	progs, err := filepath.Glob("../../bench/programs/*.py")
	if err != nil || len(progs) == 0 {
		t.Fatalf("no bench programs: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "parallel")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := func(env string, argv ...string) ([]byte, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
		cmd.Env = os.Environ()
		if env != "" {
			cmd.Env = append(cmd.Env, env)
		}
		return cmd.CombinedOutput()
	}
	modes := []struct{ name, env string }{
		{"default", ""},
		{"threshold1", "PARALLEL_SPECIALIZE_THRESHOLD=1"},
		{"nospecialize", "PARALLEL_NOSPECIALIZE=1"},
	}
	for _, prog := range progs {
		name := filepath.Base(prog)
		t.Run(name, func(t *testing.T) {
			want, err := run("", pyoracle.Python(), prog)
			if err != nil {
				t.Fatalf("CPython: %v\n%s", err, want)
			}
			for _, m := range modes {
				got, err := run(m.env, bin, "run", prog)
				if err != nil {
					t.Errorf("%s: %v\n%s", m.name, err, got)
					continue
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: output differs from CPython's\n got: %q\nwant: %q", m.name, got, want)
				}
			}
		})
	}
}
