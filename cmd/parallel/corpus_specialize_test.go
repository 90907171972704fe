package main

import (
	"context"
	"testing"
	"time"

	"github.com/parallel-py/parallel/internal/corpus"
)

// TestProgramCorpusSpecializer runs the passing corpus programs with the
// specializer's warm-up forced to 1 (every adaptive instruction
// specializes on its first run, so every specialized form and every
// deoptimization path runs) and with specialization off: both must give
// CPython 3.12's output exactly, as the default run does.
func TestProgramCorpusSpecializer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs every passing corpus program twice")
	}
	bin, progs, want := corpusSetup(t)
	for _, mode := range []struct{ name, env string }{
		{"threshold1", "PARALLEL_SPECIALIZE_THRESHOLD=1"},
		{"nospecialize", "PARALLEL_NOSPECIALIZE=1"},
	} {
		t.Run(mode.name, func(t *testing.T) {
			ran := 0
			for _, p := range progs {
				if !want[p.Name] {
					continue
				}
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				res, err := corpus.Run(ctx, []string{bin, "run"}, p, mode.env)
				cancel()
				diff := ""
				if err != nil {
					diff = err.Error()
				} else {
					diff = corpus.Mismatch(p, res)
				}
				if diff != "" {
					t.Errorf("%s with %s:\n%s", p.Name, mode.env, diff)
				}
				ran++
			}
			t.Logf("%d passing programs run with %s", ran, mode.env)
		})
	}
}
