package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		bad  bool
	}{
		{in: "100", want: 100},
		{in: "100B", want: 100},
		{in: "2K", want: 2048},
		{in: "2KiB", want: 2048},
		{in: "2kb", want: 2000},
		{in: "512MiB", want: 512 << 20},
		{in: "1G", want: 1 << 30},
		{in: "3GB", want: 3e9},
		{in: " 7 MiB ", want: 7 << 20},
		{in: "", bad: true},
		{in: "MiB", bad: true},
		{in: "-5", bad: true},
		{in: "1.5G", bad: true},
		{in: "12XB", bad: true},
		{in: "99999999999999999999", bad: true},
		{in: "9999999999T", bad: true},
	} {
		got, err := parseSize(c.in)
		if c.bad {
			if err == nil {
				t.Errorf("parseSize(%q) = %d, want an error", c.in, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}

// TestRunLimitsAndStats: --mem-limit raises MemoryError in the program,
// --switch-interval sets sys.getswitchinterval(), --stats reports at
// exit, and bad values are usage errors.
func TestRunLimitsAndStats(t *testing.T) {
	for _, c := range []struct {
		name      string
		args      []string
		status    int
		stdout    string
		stderrHas []string
	}{
		{"mem limit", []string{"--mem-limit", "1MiB", "-c", "x = []\nwhile True: x.append('a' * 1000)"}, 1, "", []string{"MemoryError"}},
		{"mem limit recovers", []string{"--mem-limit", "1MiB", "-c", "try:\n    x = []\n    while True: x.append('a' * 1000)\nexcept MemoryError:\n    x = None\n    print('recovered')"}, 0, "recovered\n", nil},
		{"switch interval", []string{"--switch-interval", "250us", "-c", "import sys; print(sys.getswitchinterval())"}, 0, "0.00025\n", nil},
		{"stats", []string{"--stats", "-c", "print('hi')"}, 0, "hi\n", []string{"parallel stats:", "live objects:", "run slots:"}},
		{"stats with specialization", []string{"--stats", "-c", "x = 0\nfor i in range(100):\n    x += i\nprint(x)"}, 0, "4950\n", []string{"specialization:", "BINARY_OP", "FOR_ITER"}},
		{"bad size", []string{"--mem-limit", "lots", "-c", "pass"}, 2, "", []string{"--mem-limit"}},
		{"bad interval", []string{"--switch-interval", "10ns", "-c", "pass"}, 2, "", []string{"--switch-interval"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"parallel", "run"}, c.args...)
			status := run(args, strings.NewReader(""), &stdout, &stderr)
			if status != c.status {
				t.Errorf("exit status %d, want %d; stderr:\n%s", status, c.status, stderr.String())
			}
			if stdout.String() != c.stdout {
				t.Errorf("stdout %q, want %q", stdout.String(), c.stdout)
			}
			for _, s := range c.stderrHas {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
		})
	}
}

// --cpuprofile and --memprofile write profiles go tool pprof reads; the
// program's own exit status is kept.
func TestRunProfiles(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := dir+"/cpu.prof", dir+"/mem.prof"
	var stdout, stderr bytes.Buffer
	status := run([]string{"parallel", "run", "--cpuprofile", cpu, "--memprofile", mem, "-c", "print(sum(range(10**5)))\nraise SystemExit(3)"}, strings.NewReader(""), &stdout, &stderr)
	if status != 3 || stdout.String() != "4999950000\n" {
		t.Fatalf("status %d, stdout %q, stderr %q", status, stdout.String(), stderr.String())
	}
	for _, f := range []string{cpu, mem} {
		if st, err := os.Stat(f); err != nil || st.Size() == 0 {
			t.Fatalf("%s: %v", f, err)
		}
	}
	status = run([]string{"parallel", "run", "--cpuprofile", dir + "/no/such/dir/cpu.prof", "-c", "pass"}, strings.NewReader(""), &stdout, &stderr)
	if status != 1 || !strings.Contains(stderr.String(), "--cpuprofile") {
		t.Fatalf("bad profile path: status %d, stderr %q", status, stderr.String())
	}
}
