// Command compat runs CPython 3.12's regression tests for a list of
// modules on parallel and on CPython, and writes docs/compat.md: per
// module the tests run, passed, failed, errored and skipped, and every
// failure with the exception it ended with.
//
//	go run ./internal/compat/cmd/compat                 # the 37 modules
//	go run ./internal/compat/cmd/compat test.test_int   # some modules, printed only
//
// Tests that CPython itself skips or expects to fail do not count
// towards the pass rate. A module's run is cut off after -timeout.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/parallel-py/parallel/internal/compat"
	"github.com/parallel-py/parallel/internal/pyoracle"
)

// modules are the test modules the standard-library issue names.
var modules = strings.Fields(`test_int test_float test_bool test_list test_tuple test_dict
test_set test_string test_unicode test_bytes test_slice test_range test_enumerate
test_exceptions test_scope test_class test_grammar test_generators test_augassign
test_unpack test_json test_re test_itertools test_functools test_collections
test_heapq test_bisect test_math test_random test_fractions test_statistics
test_dataclasses test_enum test_contextlib test_copy test_string_literals test_fstring`)

func main() {
	bin := flag.String("parallel", "", "the parallel binary (default: go build ./cmd/parallel into a temporary directory)")
	out := flag.String("o", "docs/compat.md", "where to write the report (only when no modules are named)")
	timeout := flag.Duration("timeout", 10*time.Minute, "time limit of each module's run")
	jobs := flag.Int("j", 2, "modules run at once")
	flag.Parse()

	mods := modules
	write := true
	if flag.NArg() > 0 {
		mods, write = flag.Args(), false
	}
	for i, m := range mods {
		if !strings.HasPrefix(m, "test.") {
			mods[i] = "test." + m
		}
	}
	tmp, err := os.MkdirTemp("", "compat")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(tmp)
	if *bin == "" {
		*bin = filepath.Join(tmp, "parallel")
		build := exec.Command("go", "build", "-o", *bin, "./cmd/parallel")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fail(fmt.Errorf("building parallel: %w", err))
		}
	}

	ours := map[string]*compat.Result{}
	theirs := map[string]*compat.Result{}
	var mu sync.Mutex
	sem := make(chan struct{}, max(*jobs, 1))
	var wg sync.WaitGroup
	for _, m := range mods {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			o := runModule(m, *timeout, tmp, *bin, "run", "-m", "unittest", "-v", m)
			c := runModule(m, *timeout, tmp, "", "-m", "unittest", "-v", m)
			mu.Lock()
			ours[m], theirs[m] = o, c
			cnt := compat.Count(o, c)
			fmt.Fprintf(os.Stderr, "%-28s %5d tests %5d passed %4d failed %4d errors %4d skipped %s\n", m, cnt.Total, cnt.Passed, cnt.Failed, cnt.Errored, cnt.Skipped, o.Crash)
			mu.Unlock()
		}()
	}
	wg.Wait()

	report := compat.Render(header(), mods, ours, theirs)
	if !write {
		fmt.Print(report)
		return
	}
	if err := os.WriteFile(*out, []byte(report), 0o644); err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s\n", *out)
}

// runModule runs one module's tests, with parallel (bin set) or CPython,
// in a directory of its own, and parses the report.
func runModule(module string, timeout time.Duration, tmp, bin string, args ...string) *compat.Result {
	dir, err := os.MkdirTemp(tmp, "run")
	if err != nil {
		return &compat.Result{Module: module, Crash: err.Error()}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var cmd *exec.Cmd
	if bin != "" {
		cmd = exec.CommandContext(ctx, bin, args...)
	} else {
		cmd = exec.CommandContext(ctx, pyoracle.Python(), args...)
		cmd.Env = pyoracle.Env()
	}
	cmd.Dir = dir
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	runErr := cmd.Run()
	r := compat.Parse(module, output.String())
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		r.Crash = fmt.Sprintf("cut off after %s", timeout)
	case r.Ran == 0 && runErr != nil:
		r.Crash = "no tests ran: " + lastLine(output.String())
	case runErr != nil && !errors.As(runErr, &exit):
		r.Crash = runErr.Error()
	}
	return r
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	l := strings.TrimSpace(lines[len(lines)-1])
	if len(l) > 200 {
		l = l[:197] + "..."
	}
	return l
}

func header() string {
	commit := "unknown"
	if b, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output(); err == nil {
		commit = strings.TrimSpace(string(b))
	}
	return fmt.Sprintf(`# CPython's regression tests on parallel

CPython 3.12.1's own tests (Lib/test, unchanged), run with `+"`parallel run -m unittest -v test.test_X`"+`
and compared with CPython's own run of the same module. Regenerate with
`+"`./scripts/compat.sh`"+` (it takes a while). Tests that CPython itself skips or
expects to fail here do not count towards the pass rate; tests CPython runs
that our run never reached count as errors.

Measured %s at commit %s.

`, time.Now().UTC().Format("2006-01-02"), commit)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "compat:", err)
	os.Exit(1)
}
