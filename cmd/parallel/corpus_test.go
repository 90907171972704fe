package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallel-py/parallel/internal/corpus"
)

// passingFile lists the corpus programs that `parallel run` must get
// exactly right (stdout, stderr, exit status). The list only grows: the
// test fails when a listed program regresses and names the programs that
// now pass but are not listed yet.
const passingFile = "../../testdata/programs/PASSING"

// readPassing reads the names listed in PASSING.
func readPassing() (map[string]bool, error) {
	data, err := os.ReadFile(passingFile)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			want[line] = true
		}
	}
	return want, nil
}

// corpusSetup builds the binary the corpus runs through and loads the
// programs and the list of those that pass.
func corpusSetup(t *testing.T) (bin string, progs []corpus.Program, want map[string]bool) {
	t.Helper()
	bin = filepath.Join(t.TempDir(), "parallel")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	progs, err := corpus.Load("../../testdata/programs")
	if err != nil {
		t.Fatal(err)
	}
	if want, err = readPassing(); err != nil {
		t.Fatal(err)
	}
	return bin, progs, want
}

// TestProgramCorpus runs every program of testdata/programs through a
// freshly built `parallel run` and compares it with CPython 3.12's goldens.
func TestProgramCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs every corpus program")
	}
	bin, progs, want := corpusSetup(t)
	var newlyPassing []string
	passed := 0
	for _, p := range progs {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		res, err := corpus.Run(ctx, []string{bin, "run"}, p)
		cancel()
		diff := ""
		if err != nil {
			diff = err.Error()
		} else {
			diff = corpus.Mismatch(p, res)
		}
		switch {
		case diff == "":
			passed++
			if !want[p.Name] {
				newlyPassing = append(newlyPassing, p.Name)
			}
		case want[p.Name]:
			t.Errorf("%s regressed:\n%s", p.Name, diff)
		}
	}
	sort.Strings(newlyPassing)
	t.Logf("%d of %d corpus programs match CPython 3.12", passed, len(progs))
	if len(newlyPassing) > 0 {
		t.Errorf("these programs now pass; add them to %s:\n%s", passingFile, strings.Join(newlyPassing, "\n"))
	}
}
