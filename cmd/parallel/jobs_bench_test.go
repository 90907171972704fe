package main

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkJobsTiny runs 1,000 tiny jobs (square.py, the job of
// scripts/bench_jobs.sh) two at a time, in process; ns/op is per job.
func BenchmarkJobsTiny(b *testing.B) {
	sq, err := filepath.Abs("testdata/jobs/square.py")
	if err != nil {
		b.Fatal(err)
	}
	const n = 1000
	args := []string{"parallel", "run", "-j", "2", sq, ":::"}
	for i := 1; i <= n; i++ {
		args = append(args, strconv.Itoa(i))
	}
	for b.Loop() {
		var errOut strings.Builder
		if code := run(args, strings.NewReader(""), io.Discard, &errOut); code != 0 {
			b.Fatalf("status %d: %s", code, errOut.String())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/job")
}
