package main

import (
	"path/filepath"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// TestJobsInProcess runs jobs inside the test binary, so that
// `go test -race` watches the scheduler and the printer, and goleak
// checks that every goroutine they start is gone at the end.
func TestJobsInProcess(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	sq, err := filepath.Abs("testdata/jobs/square.py")
	if err != nil {
		t.Fatal(err)
	}
	job, _ := filepath.Abs("testdata/jobs/job.py")
	lines, _ := filepath.Abs("testdata/jobs/lines.py")
	args := []string{"run", "-j", "4", "-k", "--tag", sq, ":::"}
	var want strings.Builder
	for i := range 40 {
		n := strings.Repeat("1", i%5+1)
		args = append(args, n)
		want.WriteString(n + "\t")
		want.WriteString(map[string]string{"1": "1", "11": "121", "111": "12321", "1111": "1234321", "11111": "123454321"}[n] + "\n")
	}
	code, out, errOut := runApp(t, "", args...)
	if code != 0 || out != want.String() || errOut != "" {
		t.Errorf("status %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", code, out, want.String(), errOut)
	}
	code, out, errOut = runApp(t, "", "run", "-j", "3", "--lb", "-k", lines, ":::", "a:0:0.2", "b:0:0.01", "c:0.05")
	if code != 0 || out != "a-1\na-2\nb-1\nb-2\nc-1\n" {
		t.Errorf("--lb -k: status %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	code, out, errOut = runApp(t, "", "run", "-j", "3", "--halt", "now,fail=1", job, ":::", "5:0", "5:0", "0.05:3", "0:0")
	if code != 3 || out != "out 0.05:3\n" || !strings.Contains(errOut, "This job failed") {
		t.Errorf("--halt: status %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}
