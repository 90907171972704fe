package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The jobs tests run the built binary, as a person at a shell would:
// `parallel run ... ::: ...` in a temporary directory, checked on its
// output, the files it writes and its exit status. They are subtests of
// TestJobs, which builds the binary once.

// jobsEnv is an invocation's setting.
type jobsInvocation struct {
	dir   string   // working directory
	stdin string   // standard input
	env   []string // added to the environment
}

// jobsRun runs the binary and returns its outputs and exit status.
func runJobsBin(t *testing.T, bin string, inv jobsInvocation, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = inv.dir
	cmd.Stdin = strings.NewReader(inv.stdin)
	// The PARALLEL_ variables of whoever runs the tests must not leak in.
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !slices.ContainsFunc(jobsFlagNames, func(f jobsFlag) bool { return f.env == name }) {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, inv.env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code = 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("running %v: %v", args, err)
	}
	if s := errOut.String(); strings.Contains(s, "panic") || strings.Contains(s, "goroutine ") {
		t.Errorf("%v: a Go panic on stderr:\n%s", args, s)
	}
	return out.String(), errOut.String(), code
}

// sortedLines are s's lines, sorted, for output whose order is free.
func sortedLines(s string) []string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	slices.Sort(lines)
	return lines
}

func TestJobs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	bin := filepath.Join(t.TempDir(), "parallel")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	td, err := filepath.Abs("testdata/jobs")
	if err != nil {
		t.Fatal(err)
	}
	script := func(name string) string { return filepath.Join(td, name) }
	run := func(t *testing.T, inv jobsInvocation, args ...string) (string, string, int) {
		t.Helper()
		if inv.dir == "" {
			inv.dir = t.TempDir()
		}
		return runJobsBin(t, bin, inv, append([]string{"run"}, args...)...)
	}
	want := func(t *testing.T, what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", what, got, want)
		}
	}
	wantCode := func(t *testing.T, got, want int, stderr string) {
		t.Helper()
		if got != want {
			t.Errorf("exit status %d, want %d; stderr:\n%s", got, want, stderr)
		}
	}

	t.Run("one job per argument", func(t *testing.T) {
		out, errOut, code := run(t, jobsInvocation{}, "-j", "2", script("square.py"), ":::", "1", "2", "3", "4")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", strings.Join(sortedLines(out), " "), "1 16 4 9")
		want(t, "stderr", errOut, "")
	})

	t.Run("cross product, first source slowest", func(t *testing.T) {
		out, errOut, code := run(t, jobsInvocation{}, "-k", script("echo.py"), "{1}-{2}", "{#}", ":::", "a", "b", ":::", "1", "2", "3")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "a-1 1\na-2 2\na-3 3\nb-1 4\nb-2 5\nb-3 6\n")
	})

	t.Run("arguments appended without a replacement string", func(t *testing.T) {
		out, errOut, code := run(t, jobsInvocation{}, "-k", script("echo.py"), "first", ":::", "a", "b", ":::", "x")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "first a x\nfirst b x\n")
	})

	t.Run("replacement strings", func(t *testing.T) {
		out, errOut, code := run(t, jobsInvocation{}, "-k", script("echo.py"), "{}|{.}|{/}|{//}|{/.}|{#}", ":::", "dir/sub.d/file.tar.gz", "plain")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "dir/sub.d/file.tar.gz|dir/sub.d/file.tar|file.tar.gz|dir/sub.d|file.tar|1\nplain|plain|plain|.|plain|2\n")
		out, errOut, code = run(t, jobsInvocation{}, "-k", script("echo.py"), "{}", "{2/}", "{1.}", ":::", "a.x", ":::", "p/q")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "a.x p/q q a\n")
	})

	t.Run("argument files and standard input", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "args.txt"), []byte("f1\n\nf3"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := run(t, jobsInvocation{dir: dir, stdin: "s1\ns2\n"}, "-k", script("echo.py"), "[{1}]", "{2}", "{3}", ":::", "A", "::::", "args.txt", "-")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "[A] f1 s1\n[A] f1 s2\n[A]  s1\n[A]  s2\n[A] f3 s1\n[A] f3 s2\n")
		// A jobs flag without ::: reads the arguments from stdin.
		out, errOut, code = run(t, jobsInvocation{stdin: "3\n5\n"}, "-j1", script("square.py"))
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "9\n25\n")
	})

	t.Run("-c and -m", func(t *testing.T) {
		out, errOut, code := run(t, jobsInvocation{}, "-k", "-c", "import sys; print(sys.argv)", "x{}", ":::", "1", "2")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "['-c', 'x1']\n['-c', 'x2']\n")
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "mod.py"), []byte("import sys\nprint(__name__, sys.argv[1:])\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errOut, code = run(t, jobsInvocation{dir: dir}, "-k", "-m", "mod", ":::", "p", "q")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "__main__ ['p']\n__main__ ['q']\n")
	})

	t.Run("keep order", func(t *testing.T) {
		// Without -k the short job's output comes first; with it, input
		// order.
		out, errOut, code := run(t, jobsInvocation{}, "-j", "2", script("status.py"), "{}", "0", ":::", "0.4", "0")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "out 0 0\nout 0.4 0\n")
		out, errOut, code = run(t, jobsInvocation{}, "-j", "2", "--keep-order", script("status.py"), "{}", "0", ":::", "0.4", "0")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "out 0.4 0\nout 0 0\n")
		want(t, "stderr", errOut, "err 0.4 0\nerr 0 0\n")
	})

	t.Run("group and line buffer", func(t *testing.T) {
		// a prints a-1 at once and a-2 after 0.7 s; b prints b-1 and b-2
		// after 0.3 s. Grouped, a job's lines stay together, in the order
		// the jobs end; line buffered, they mix as they come; with -k,
		// the first job's lines flow and the second's wait for it.
		for _, tc := range []struct {
			flags []string
			want  string
		}{
			{nil, "b-1\nb-2\na-1\na-2\n"},
			{[]string{"--group"}, "b-1\nb-2\na-1\na-2\n"},
			{[]string{"--line-buffer"}, "a-1\nb-1\nb-2\na-2\n"},
			{[]string{"--lb", "-k"}, "a-1\na-2\nb-1\nb-2\n"},
			{[]string{"--lb", "--tag"}, "a:0:0.7\ta-1\nb:0.3:0\tb-1\nb:0.3:0\tb-2\na:0:0.7\ta-2\n"},
		} {
			args := append(append([]string{"-j", "2"}, tc.flags...), script("lines.py"), ":::", "a:0:0.7", "b:0.3:0")
			out, errOut, code := run(t, jobsInvocation{}, args...)
			wantCode(t, code, 0, errOut)
			want(t, fmt.Sprint(tc.flags, " stdout"), out, tc.want)
		}
	})

	t.Run("tag", func(t *testing.T) {
		out, errOut, code := run(t, jobsInvocation{}, "-k", "--tag", script("status.py"), "0", "{2}", ":::", "a", "b", ":::", "0", "3")
		wantCode(t, code, 2, errOut)
		want(t, "stdout", out, "a\t0\tout 0 0\na\t3\tout 0 3\nb\t0\tout 0 0\nb\t3\tout 0 3\n")
		want(t, "stderr", errOut, "a\t0\terr 0 0\na\t3\terr 0 3\nb\t0\terr 0 0\nb\t3\terr 0 3\n")
	})

	t.Run("results", func(t *testing.T) {
		dir := t.TempDir()
		out, errOut, code := run(t, jobsInvocation{dir: dir}, "-k", "--results", "res", script("status.py"), "0", "{2}", ":::", "x/y", "..", ":::", "0", "4")
		wantCode(t, code, 2, errOut)
		want(t, "stdout (still printed)", out, "out 0 0\nout 0 4\nout 0 0\nout 0 4\n")
		for _, f := range []struct{ path, want string }{
			{"res/1/x\\_y/2/0/stdout", "out 0 0\n"},
			{"res/1/x\\_y/2/0/stderr", "err 0 0\n"},
			{"res/1/x\\_y/2/0/seq", "1\n"},
			{"res/1/x\\_y/2/0/exitval", "0\n"},
			{"res/1/x\\_y/2/4/exitval", "4\n"},
			{"res/1/\\../2/4/seq", "4\n"},
			{"res/1/\\../2/4/stdout", "out 0 4\n"},
		} {
			b, err := os.ReadFile(filepath.Join(dir, f.path))
			if err != nil {
				t.Error(err)
				continue
			}
			want(t, f.path, string(b), f.want)
		}
	})

	t.Run("joblog", func(t *testing.T) {
		dir := t.TempDir()
		_, errOut, code := run(t, jobsInvocation{dir: dir}, "-j", "1", "--joblog", "log.tsv", script("status.py"), "0", ":::", "0", "5", "it's")
		wantCode(t, code, 2, errOut) // "it's" is no int: ValueError, status 1
		b, err := os.ReadFile(filepath.Join(dir, "log.tsv"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		want(t, "header", lines[0], "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand")
		if len(lines) != 4 {
			t.Fatalf("joblog has %d lines, want 4:\n%s", len(lines), b)
		}
		now := float64(time.Now().Unix())
		for i, line := range lines[1:] {
			f := strings.Split(line, "\t")
			if len(f) != 9 {
				t.Fatalf("line %q has %d columns", line, len(f))
			}
			want(t, "Seq", f[0], strconv.Itoa(i+1))
			want(t, "Host", f[1], ":")
			if st, err := strconv.ParseFloat(f[2], 64); err != nil || st < now-60 || st > now+1 || !strings.Contains(f[2], ".") {
				t.Errorf("Starttime %q", f[2])
			}
			if rt, err := strconv.ParseFloat(strings.TrimSpace(f[3]), 64); err != nil || rt < 0 || rt > 30 {
				t.Errorf("JobRuntime %q", f[3])
			}
			want(t, "Send Receive", f[4]+" "+f[5], "0 0")
			want(t, "Exitval Signal", f[6]+" "+f[7], []string{"0 0", "5 0", "1 0"}[i])
			want(t, "Command", f[8], script("status.py")+" 0 "+[]string{"0", "5", `'it'\''s'`}[i])
		}
		// +FILE appends without a second header.
		_, errOut, code = run(t, jobsInvocation{dir: dir}, "--joblog", "+log.tsv", script("square.py"), ":::", "2")
		wantCode(t, code, 0, errOut)
		b, _ = os.ReadFile(filepath.Join(dir, "log.tsv"))
		if n := strings.Count(string(b), "\n"); n != 5 || strings.Count(string(b), "Seq\t") != 1 {
			t.Errorf("after +log.tsv:\n%s", b)
		}
	})

	t.Run("exit status counts failed jobs", func(t *testing.T) {
		_, errOut, code := run(t, jobsInvocation{}, "-c", "import sys; sys.exit(int(sys.argv[1]))", ":::", "0", "3", "0", "200", "1")
		wantCode(t, code, 3, errOut)
		args := []string{"-c", "raise SystemExit(1)", ":::"}
		for i := range 150 {
			args = append(args, strconv.Itoa(i))
		}
		_, errOut, code = run(t, jobsInvocation{}, args...)
		wantCode(t, code, 101, errOut)
		// An uncaught exception is status 1, with its traceback.
		_, errOut, code = run(t, jobsInvocation{}, "-c", "1/0", ":::", "a")
		wantCode(t, code, 1, errOut)
		if !strings.HasSuffix(errOut, "ZeroDivisionError: division by zero\n") {
			t.Errorf("stderr:\n%s", errOut)
		}
	})

	t.Run("halt", func(t *testing.T) {
		job := script("job.py")
		for _, tc := range []struct {
			halt    string
			jobs    string
			args    []string
			code    int
			out     string // sorted lines
			message string
		}{
			// The running 5 s job is cancelled, the others never start;
			// the status is the failing job's.
			{"now,fail=1", "2", []string{"5:0", "0.1:7", "0:0", "0:0"}, 7, "out 0.1:7", "parallel: This job failed:\n" + job + " 0.1:7\n"},
			{"2", "2", []string{"5:0", "0.1:7", "0:0", "0:0"}, 7, "out 0.1:7", "This job failed"},
			// soon lets the running job end.
			{"soon,fail=1", "2", []string{"1:0", "0:4", "0:0"}, 4, "out 0:4 out 1:0", "Starting no more jobs. Waiting for 1 jobs to finish."},
			{"soon,fail=2", "1", []string{"0:1", "0:0", "0:3", "0:0"}, 2, "out 0:0 out 0:1 out 0:3", "This job failed"},
			{"now,success=1", "2", []string{"5:1", "0:0", "0:0"}, 0, "out 0:0", "This job succeeded"},
			{"soon,done=2", "1", []string{"0:1", "0:0", "0:5"}, 1, "out 0:0 out 0:1", "This job finished"},
			// The status is the percentage of the jobs that failed.
			{"soon,fail=50%", "1", []string{"0:1", "0:1", "0:0", "0:0"}, 50, "out 0:1 out 0:1", "This job failed"},
		} {
			start := time.Now()
			args := append([]string{"-j", tc.jobs, "--halt", tc.halt, job, ":::"}, tc.args...)
			out, errOut, code := run(t, jobsInvocation{}, args...)
			wantCode(t, code, tc.code, errOut)
			want(t, tc.halt+" stdout", strings.Join(sortedLines(out), " "), tc.out)
			if !strings.Contains(errOut, tc.message) {
				t.Errorf("%s: stderr lacks %q:\n%s", tc.halt, tc.message, errOut)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("%s took %v: running jobs were not cancelled", tc.halt, d)
			}
		}
	})

	t.Run("timeout", func(t *testing.T) {
		dir := t.TempDir()
		start := time.Now()
		out, errOut, code := run(t, jobsInvocation{dir: dir}, "--timeout", "0.3", "--joblog", "log", "-k", script("job.py"), ":::", "5:0", "0:0")
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("took %v: the job was not cancelled", d)
		}
		wantCode(t, code, 1, errOut)
		want(t, "stdout", out, "out 0:0\n")
		want(t, "stderr", errOut, "parallel: Warning: This job was killed because it timed out:\nparallel: Warning: "+script("job.py")+" 5:0\n")
		b, _ := os.ReadFile(filepath.Join(dir, "log"))
		if !strings.Contains(string(b), "\t-1\t15\t"+script("job.py")+" 5:0\n") {
			t.Errorf("joblog:\n%s", b)
		}
		// Go durations and GNU's suffixes both work.
		for _, d := range []string{"300ms", "0.3s", "0.005m"} {
			_, errOut, code := run(t, jobsInvocation{}, "--timeout", d, script("job.py"), ":::", "5:0")
			wantCode(t, code, 1, errOut)
		}
	})

	t.Run("mem-limit", func(t *testing.T) {
		out, errOut, code := run(t, jobsInvocation{}, "-k", "--mem-limit", "20MiB", "-c", "import sys; x = [0] * int(sys.argv[1]); print('ok', len(x))", ":::", "10", "100000000")
		wantCode(t, code, 1, errOut)
		want(t, "stdout", out, "ok 10\n")
		if !strings.HasSuffix(errOut, "MemoryError\n") {
			t.Errorf("stderr:\n%s", errOut)
		}
	})

	t.Run("retries", func(t *testing.T) {
		dir := t.TempDir()
		// Succeeds on its second run: only that run's output is printed.
		out, errOut, code := run(t, jobsInvocation{dir: dir}, "--retries", "3", script("attempts.py"), "count_a", "2", ":::", "a")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "attempt 2\n")
		// Never succeeds: run 2 times in all.
		out, errOut, code = run(t, jobsInvocation{dir: dir}, "--retries", "2", script("attempts.py"), "count_b", "9", ":::", "b")
		wantCode(t, code, 1, errOut)
		want(t, "stdout", out, "attempt 2\n")
		// Without --retries, once.
		out, errOut, code = run(t, jobsInvocation{dir: dir}, script("attempts.py"), "count_c", "9", ":::", "c")
		wantCode(t, code, 1, errOut)
		want(t, "stdout", out, "attempt 1\n")
	})

	t.Run("environment variables", func(t *testing.T) {
		dir := t.TempDir()
		env := []string{"PARALLEL_JOBS=1", "PARALLEL_KEEP_ORDER=1", "PARALLEL_TAG=true", "PARALLEL_JOBLOG=env.log",
			"PARALLEL_RESULTS=envres", "PARALLEL_HALT=now,fail=1", "PARALLEL_RETRIES=1", "PARALLEL_TIMEOUT=10", "PARALLEL_PROGRESS=1"}
		out, errOut, code := run(t, jobsInvocation{dir: dir, env: env}, script("job.py"), ":::", "0.1:0", "0:3", "0:0")
		wantCode(t, code, 3, errOut)
		want(t, "stdout", out, "0.1:0\tout 0.1:0\n0:3\tout 0:3\n")
		for _, f := range []string{"env.log", "envres/1/0:3/stdout"} {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Error(err)
			}
		}
		out, errOut, code = run(t, jobsInvocation{env: []string{"PARALLEL_LINE_BUFFER=1", "PARALLEL_JOBS=2"}}, script("lines.py"), ":::", "a:0:0.7", "b:0.3:0")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "a-1\nb-1\nb-2\na-2\n")
		// The variables alone leave a plain run plain.
		out, errOut, code = run(t, jobsInvocation{env: append(env, "PARALLEL_GROUP=1")}, script("echo.py"), "x", "y")
		wantCode(t, code, 0, errOut)
		want(t, "plain run stdout", out, "x y\n")
	})

	t.Run("progress", func(t *testing.T) {
		// stderr is not a terminal here: nothing is drawn.
		out, errOut, code := run(t, jobsInvocation{}, "--progress", script("square.py"), ":::", "2")
		wantCode(t, code, 0, errOut)
		want(t, "stdout", out, "4\n")
		want(t, "stderr", errOut, "")
		// Under script(1), a pseudo-terminal, the bar is drawn on stderr.
		scriptCmd, err := exec.LookPath("script")
		if err != nil {
			t.Skip("script(1) is not installed")
		}
		cmd := exec.Command(scriptCmd, "-qec", bin+" run -j 2 --progress "+script("job.py")+" ::: 0:0 0.2:0 0.1:0 >/dev/null", "/dev/null")
		got, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("script: %v\n%s", err, got)
		}
		for _, w := range []string{"jobs", "100%", "(3/3)", "\r"} {
			if !strings.Contains(string(got), w) {
				t.Errorf("the bar lacks %q:\n%q", w, got)
			}
		}
	})

	t.Run("bad input", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "bad.py"), []byte("x = (\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		sq := script("square.py")
		for _, tc := range []struct {
			name  string
			args  []string
			stdin string
			code  int
			msg   string
		}{
			{"missing script", []string{"nosuch.py", ":::", "1"}, "", 255, "parallel: can't open file 'nosuch.py': [Errno 2] No such file or directory\n"},
			{"no program", []string{":::", "1"}, "", 2, "run needs a program (FILE, -c CODE or -m MODULE) before :::"},
			{"empty :::", []string{sq, ":::"}, "", 2, "::: needs at least one argument after it"},
			{"empty ::: between", []string{sq, ":::", ":::", "1"}, "", 2, "::: needs at least one argument after it"},
			{"empty ::::", []string{sq, "::::"}, "", 2, ":::: needs at least one file"},
			{"unreadable ::::", []string{sq, "::::", "nofile"}, "", 255, "parallel: can't read argument file nofile: no such file or directory\n"},
			{"directory ::::", []string{sq, "::::", "."}, "", 255, "parallel: can't read argument file .:"},
			{"bad --halt", []string{"--halt", "sometimes", sq, ":::", "1"}, "", 2, `--halt: "sometimes" is not`},
			{"bad --halt count", []string{"--halt", "now,fail=0", sq, ":::", "1"}, "", 2, `--halt: "now,fail=0" is not`},
			{"bad --jobs", []string{"-j", "many", sq, ":::", "1"}, "", 2, `--jobs: "many" is not`},
			{"bad --timeout", []string{"--timeout", "soon", sq, ":::", "1"}, "", 2, `--timeout: "soon" is not a duration`},
			{"--timeout %", []string{"--timeout", "200%", sq, ":::", "1"}, "", 2, "is not implemented yet"},
			{"negative --retries", []string{"--retries", "-1", sq, ":::", "1"}, "", 2, "--retries must not be negative"},
			{"{3} of 1 source", []string{sq, "{3}", ":::", "1"}, "", 2, "{3} refers to input source 3, but there is 1"},
			{"stdin twice", []string{"-", "::::", "-"}, "print(1)\n", 2, "cannot both come from standard input"},
			{"syntax error", []string{"bad.py", ":::", "1"}, "", 255, "SyntaxError: '(' was never closed\n"},
			{"--stats", []string{"--stats", sq, ":::", "1"}, "", 2, "--stats is not implemented for jobs yet"},
			{"unwritable --joblog", []string{"--joblog", "nodir/log", sq, ":::", "1"}, "", 255, "--joblog: open nodir/log: no such file or directory"},
		} {
			out, errOut, code := run(t, jobsInvocation{dir: dir, stdin: tc.stdin}, tc.args...)
			if code != tc.code {
				t.Errorf("%s: exit status %d, want %d; stderr:\n%s", tc.name, code, tc.code, errOut)
			}
			if !strings.Contains(errOut, tc.msg) {
				t.Errorf("%s: stderr lacks %q:\n%s", tc.name, tc.msg, errOut)
			}
			if out != "" {
				t.Errorf("%s: stdout %q", tc.name, out)
			}
		}
	})

	t.Run("jobs count forms", func(t *testing.T) {
		for _, j := range []string{"-j0", "-j1", "-j+1", "-j-1", "-j50%", "--jobs=3"} {
			out, errOut, code := run(t, jobsInvocation{}, j, "-k", script("square.py"), ":::", "1", "2", "3")
			wantCode(t, code, 0, errOut)
			want(t, j+" stdout", out, "1\n4\n9\n")
		}
	})

	t.Run("interrupt", func(t *testing.T) {
		dir := t.TempDir()
		cmd := exec.Command(bin, "run", "-j", "2", "--joblog", "log", script("job.py"), ":::", "20:0", "20:0", "0:0")
		cmd.Dir = dir
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond)
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var err error
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Fatal("Ctrl-C did not stop the jobs")
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 130 {
			t.Errorf("exit: %v, want status 130; stderr:\n%s", err, errOut.String())
		}
		b, _ := os.ReadFile(filepath.Join(dir, "log"))
		if strings.Count(string(b), "\t-1\t2\t") != 2 || strings.Contains(string(b), " 0:0") {
			t.Errorf("joblog:\n%s", b)
		}
	})

	t.Run("help", func(t *testing.T) {
		out, errOut, code := runJobsBin(t, bin, jobsInvocation{dir: t.TempDir()}, "help", "run")
		wantCode(t, code, 0, errOut)
		for _, w := range []string{"--jobs", "--keep-order", "--line-buffer", "--group", "--tag", "--results", "--joblog",
			"--progress", "--halt", "--timeout", "--retries", "--mem-limit", "PARALLEL_JOBS", "PARALLEL_KEEP_ORDER", ":::", "Examples:"} {
			if !strings.Contains(out, w) {
				t.Errorf("help run lacks %q", w)
			}
		}
	})
}
