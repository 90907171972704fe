// Package compat measures how much of CPython 3.12's own regression test
// suite (Lib/test) passes on parallel: it runs `parallel run -m unittest
// -v test.test_X` and CPython's own run of the same module, reads
// unittest's verbose report, and renders the results as docs/compat.md.
// It only reads test output; it must never select, skip or rewrite tests.
package compat

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Verdict is unittest's word for one test.
type Verdict string

// The verdicts unittest's verbose runner prints.
const (
	Pass               Verdict = "ok"
	Fail               Verdict = "FAIL"
	Error              Verdict = "ERROR"
	Skip               Verdict = "skipped"
	ExpectedFailure    Verdict = "expected failure"
	UnexpectedSuccess  Verdict = "unexpected success"
	verdictPlaceholder Verdict = ""
)

// Result is one test module's run.
type Result struct {
	Module  string
	Tests   map[string]Verdict // test id ("test.test_int.IntTest.test_x") -> verdict
	Reasons map[string]string  // failing or erroring test id -> last line of its traceback
	Ran     int                // unittest's "Ran N tests" (0 when it never got there)
	Crash   string             // why the run ended without unittest's summary, if it did
}

var (
	// "test_x (test.test_int.IntTest.test_x) ... ok", possibly with the
	// docstring's first line before the dots, and the verdict possibly
	// on a later line when the test printed something.
	startLine   = regexp.MustCompile(`^(\w+) \(([\w.]+)\)`)
	verdictTail = regexp.MustCompile(`\.\.\. (ok|FAIL|ERROR|skipped.*|expected failure|unexpected success)\s*$`)
	bareVerdict = regexp.MustCompile(`^(ok|FAIL|ERROR|skipped.*|expected failure|unexpected success)\s*$`)
	ranLine     = regexp.MustCompile(`(?m)^Ran (\d+) tests? in `)
	blockHead   = regexp.MustCompile(`^(FAIL|ERROR): (\w+) \(([\w.]+)\)`)
)

func verdictOf(s string) Verdict {
	switch {
	case strings.HasPrefix(s, "skipped"):
		return Skip
	default:
		return Verdict(s)
	}
}

// Parse reads the combined output of `python -m unittest -v MODULE`.
func Parse(module, output string) *Result {
	r := &Result{Module: module, Tests: map[string]Verdict{}, Reasons: map[string]string{}}
	lines := strings.Split(output, "\n")
	pending := "" // a test whose verdict has not been printed yet
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if m := startLine.FindStringSubmatch(line); m != nil && strings.HasSuffix(m[2], "."+m[1]) {
			id := m[2]
			if v := verdictTail.FindStringSubmatch(line); v != nil {
				r.Tests[id] = verdictOf(v[1])
				pending = ""
				continue
			}
			r.Tests[id] = verdictPlaceholder
			pending = id
			continue
		}
		if pending != "" {
			if v := verdictTail.FindStringSubmatch(line); v != nil {
				r.Tests[pending] = verdictOf(v[1])
				pending = ""
				continue
			}
			if v := bareVerdict.FindStringSubmatch(line); v != nil {
				r.Tests[pending] = verdictOf(v[1])
				pending = ""
				continue
			}
		}
		if m := blockHead.FindStringSubmatch(line); m != nil {
			id := m[3]
			reason := blockReason(lines[i+1:])
			if _, seen := r.Reasons[id]; !seen {
				r.Reasons[id] = reason
			}
			// A subtest's failure is reported against its test, which
			// the verbose line may have called ok.
			if v := Verdict(m[1]); r.Tests[id] == Pass || r.Tests[id] == verdictPlaceholder {
				r.Tests[id] = v
			}
		}
	}
	if m := ranLine.FindStringSubmatch(output); m != nil {
		fmt.Sscanf(m[1], "%d", &r.Ran)
	}
	for id, v := range r.Tests {
		if v == verdictPlaceholder {
			r.Tests[id] = Error
			if _, ok := r.Reasons[id]; !ok {
				r.Reasons[id] = "the run ended during this test"
			}
		}
	}
	return r
}

// blockReason is the last line of a failure block's traceback: the
// exception, as "Type: message".
func blockReason(lines []string) string {
	last := ""
	for _, l := range lines {
		if strings.HasPrefix(l, "======") || strings.HasPrefix(l, "Ran ") {
			break
		}
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(l, "------") {
			last = t
		}
	}
	if len(last) > 160 {
		last = last[:157] + "..."
	}
	return last
}

// Counts are a module's totals. Excluded are the tests that do not
// count towards the pass rate: those CPython itself skips or expects to
// fail here.
type Counts struct {
	Total, Passed, Failed, Errored, Skipped, Other, Excluded int
}

// Count totals r against CPython's run of the same module: tests CPython
// ran that this run never reached count as errors.
func Count(r, cpython *Result) Counts {
	var c Counts
	ids := map[string]bool{}
	for id := range r.Tests {
		ids[id] = true
	}
	if cpython != nil {
		for id := range cpython.Tests {
			ids[id] = true
		}
	}
	for id := range ids {
		c.Total++
		if cpython != nil {
			if cv := cpython.Tests[id]; cv == Skip || cv == ExpectedFailure {
				c.Excluded++
			}
		}
		v, ok := r.Tests[id]
		switch {
		case !ok:
			c.Errored++
		case v == Pass:
			c.Passed++
		case v == Fail || v == UnexpectedSuccess:
			c.Failed++
		case v == Error:
			c.Errored++
		case v == Skip:
			c.Skipped++
		default:
			c.Other++ // expected failures
		}
	}
	return c
}

// Render writes docs/compat.md from the results, in the modules' order.
func Render(header string, modules []string, ours, cpython map[string]*Result) string {
	var b strings.Builder
	b.WriteString(header)
	var all Counts
	b.WriteString("| module | tests | passed | failed | errors | skipped | pass rate |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, m := range modules {
		c := Count(ours[m], cpython[m])
		all.Total += c.Total
		all.Passed += c.Passed
		all.Failed += c.Failed
		all.Errored += c.Errored
		all.Skipped += c.Skipped
		all.Other += c.Other
		all.Excluded += c.Excluded
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %s |\n", m, c.Total, c.Passed, c.Failed, c.Errored, c.Skipped, rate(c))
	}
	fmt.Fprintf(&b, "| **all** | %d | %d | %d | %d | %d | %s |\n\n", all.Total, all.Passed, all.Failed, all.Errored, all.Skipped, rate(all))
	b.WriteString("## What fails, and why\n\nEach failing or erroring test with the last line of its traceback (the exception it ended with). Tests that never ran because the module's run stopped are listed under the module.\n\n")
	for _, m := range modules {
		r := ours[m]
		var bad []string
		for id, v := range r.Tests {
			if v == Fail || v == Error || v == UnexpectedSuccess {
				bad = append(bad, id)
			}
		}
		missing := 0
		if cp := cpython[m]; cp != nil {
			for id := range cp.Tests {
				if _, ok := r.Tests[id]; !ok {
					missing++
				}
			}
		}
		if len(bad) == 0 && missing == 0 && r.Crash == "" {
			continue
		}
		sort.Strings(bad)
		fmt.Fprintf(&b, "### %s\n\n", m)
		if r.Crash != "" {
			fmt.Fprintf(&b, "The run stopped early: %s\n\n", r.Crash)
		}
		if missing > 0 {
			fmt.Fprintf(&b, "%d tests that CPython runs were not reached.\n\n", missing)
		}
		for _, id := range bad {
			short := strings.TrimPrefix(id, m+".")
			fmt.Fprintf(&b, "- `%s` %s: %s\n", short, r.Tests[id], mdEscape(r.Reasons[id]))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func rate(c Counts) string {
	n := c.Total - c.Excluded
	if n <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(c.Passed)/float64(n))
}

func mdEscape(s string) string {
	if s == "" {
		return "(no traceback)"
	}
	s = strings.NewReplacer("|", "\\|", "<", "&lt;", ">", "&gt;").Replace(s)
	// Control characters in a message (a test's NULs) are shown escaped,
	// so the report stays text.
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 && r != '\t' || r == 0x7f {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
