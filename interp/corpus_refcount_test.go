package interp

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/internal/corpus"
)

// TestCorpusReferenceCounts runs every program of the differential
// corpus in-process and tears the interpreter down: afterwards no object
// may be left alive (every count must have reached zero, cycles freed by
// the cycle finder), and under -tags rcdebug no use-after-free or bad
// count may have been reported. It lists the programs that made
// reference cycles.
func TestCorpusReferenceCounts(t *testing.T) {
	progs, err := corpus.Load("../testdata/programs")
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var cyclic []string
	for _, p := range progs {
		t.Run(p.Name, func(t *testing.T) {
			tmp := t.TempDir()
			args := []string{p.Path}
			for _, a := range p.Args {
				args = append(args, strings.ReplaceAll(a, corpus.TmpPlaceholder, tmp))
			}
			if err := os.Chdir(p.Dir); err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(p.Path)
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			in := New(Options{Stdout: &stdout, Stderr: &stderr, Stdin: bytes.NewReader(p.Stdin), Argv: args, Path: []string{p.Dir}})
			code, cerr := in.compileText(src, p.Path, 0)
			if cerr == nil {
				if err := in.RunMain(code); err != nil {
					var e *Exception
					if errors.As(err, &e) {
						in.decRef(valueOf(e))
					}
				}
			} else {
				var e *Exception
				if errors.As(cerr, &e) {
					in.decRef(valueOf(e))
				}
			}
			if in.Close() > 0 {
				cyclic = append(cyclic, p.Name)
			}
			for _, r := range in.Heap().Reports() {
				t.Errorf("reference-count report: %v", r)
			}
			if leaks := liveObjects(in.Heap()); len(leaks) > 0 {
				t.Errorf("objects left after teardown: %s", strings.Join(leaks, ", "))
			}
		})
	}
	sort.Strings(cyclic)
	t.Logf("%d of %d programs made reference cycles (freed by the cycle finder): %s", len(cyclic), len(progs), strings.Join(cyclic, " "))
}

// liveObjects lists the accounting classes with live objects.
func liveObjects(a *alloc.Allocator) []string {
	var out []string
	for _, c := range a.Stats().Classes {
		if c.Live > 0 {
			out = append(out, fmt.Sprintf("%s=%d", c.Name, c.Live))
		}
	}
	return out
}
