package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"
)

// defaultBenchPython is the CPython the suite is measured against:
// Debian's own 3.11, built with PGO and LTO, the fastest CPython on the
// project's machines. pyenv's builds are slower and would flatter us.
const defaultBenchPython = "PYENV_VERSION=system python3"

func benchCommand() *cli.Command {
	return &cli.Command{
		Name:  "bench",
		Usage: "time the benchmark suite with parallel and with CPython side by side",
		Description: "Runs every program of bench/programs whose name matches PATTERN (a\n" +
			"   substring or a glob such as 'n*') once to warm up and then --runs\n" +
			"   times, alternating `parallel run` and CPython so that drift in the\n" +
			"   machine's load affects both alike. Prints the median wall time of\n" +
			"   each, their ratio (parallel/CPython) and the geometric means. A\n" +
			"   program whose output differs from CPython's, that fails or that\n" +
			"   times out is marked FAILED and the exit status is 1.\n" +
			"   --python takes a command with arguments, split on spaces; leading\n" +
			"   NAME=VALUE words are set in its environment. --baseline OPT also\n" +
			"   times parallel run -X OPT in the same rounds and reports the\n" +
			"   speedup over it: --baseline nospecialize measures what the\n" +
			"   specializing interpreter gains.",
		ArgsUsage: "[PATTERN]",
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:        "dir",
				Usage:       "look for the programs (*.py) in `DIR`",
				DefaultText: "bench/programs of the enclosing module",
				EnvVars:     []string{"PARALLEL_BENCH_DIR"},
			},
			&cli.IntFlag{
				Name:    "runs",
				Aliases: []string{"n"},
				Usage:   "time each program `N` times, after one warm-up run",
				Value:   5,
				EnvVars: []string{"PARALLEL_BENCH_RUNS"},
			},
			&cli.StringFlag{
				Name:    "python",
				Usage:   "the CPython `CMD` to compare with",
				Value:   defaultBenchPython,
				EnvVars: []string{"PARALLEL_BENCH_PYTHON"},
			},
			&cli.BoolFlag{
				Name:    "no-python",
				Usage:   "time parallel alone, without CPython",
				EnvVars: []string{"PARALLEL_BENCH_NO_PYTHON"},
			},
			&cli.StringFlag{
				Name:    "json",
				Usage:   "also write the results to `FILE` as JSON",
				EnvVars: []string{"PARALLEL_BENCH_JSON"},
			},
			&cli.StringSliceFlag{
				Name:    "X",
				Usage:   "pass -X `OPT` to parallel run (repeatable)",
				EnvVars: []string{"PARALLEL_BENCH_X"},
			},
			&cli.StringSliceFlag{
				Name:    "baseline",
				Usage:   "also time parallel with -X `OPT` added (repeatable) and report the speedup over it",
				EnvVars: []string{"PARALLEL_BENCH_BASELINE"},
			},
			&cli.StringFlag{
				Name:    "tier",
				Usage:   "run parallel with execution tier `NAME` (passed as -X tier=NAME)",
				EnvVars: []string{"PARALLEL_BENCH_TIER"},
			},
			&cli.DurationFlag{
				Name:    "timeout",
				Usage:   "kill a run that takes longer than `DURATION` and mark the program FAILED",
				Value:   60 * time.Second,
				EnvVars: []string{"PARALLEL_BENCH_TIMEOUT"},
			},
		},
		Action: benchAction,
	}
}

// benchConfig is what one `parallel bench` invocation measures and how.
type benchConfig struct {
	runs      int
	parallel  []string // the command before the program: exe run [-X opt ...]
	baseline  []string // parallel plus the --baseline options; nil without
	python    []string // nil with --no-python
	pythonEnv []string // NAME=VALUE words that led --python
	label     string   // --python as given, for the report
	timeout   time.Duration
	progress  io.Writer // one line per finished program; nil for none
}

func benchAction(c *cli.Context) error {
	usage := func(format string, args ...any) error {
		return usageError{c.Command.HelpName, fmt.Errorf(format, args...)}
	}
	if c.NArg() > 1 {
		err := usage("bench takes at most one PATTERN, got %d arguments", c.NArg())
		if strings.HasPrefix(c.Args().Get(1), "-") {
			err = usage("bench takes at most one PATTERN, got %d arguments; flags must come before PATTERN", c.NArg())
		}
		return err
	}
	if c.Int("runs") < 1 {
		return usage("--runs must be at least 1, not %d", c.Int("runs"))
	}
	if c.Duration("timeout") <= 0 {
		return usage("--timeout must be positive, not %v", c.Duration("timeout"))
	}
	dir := c.String("dir")
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return err
		}
		if dir, err = findBenchDir(wd); err != nil {
			return err
		}
	}
	programs, err := selectPrograms(dir, c.Args().First())
	if err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("cannot find this program's executable to run the benchmarks with: %w", err)
	}
	cfg := benchConfig{
		runs:     c.Int("runs"),
		parallel: []string{exe, "run"},
		timeout:  c.Duration("timeout"),
		progress: c.App.ErrWriter,
	}
	xopts := c.StringSlice("X")
	if t := c.String("tier"); t != "" {
		xopts = append(xopts, "tier="+t)
	}
	for _, x := range xopts {
		cfg.parallel = append(cfg.parallel, "-X", x)
	}
	baseOpts := c.StringSlice("baseline")
	if len(baseOpts) > 0 {
		cfg.baseline = slices.Clone(cfg.parallel)
		for _, x := range baseOpts {
			cfg.baseline = append(cfg.baseline, "-X", x)
		}
	}
	rep := benchReport{
		Date:       time.Now().Format(time.RFC3339),
		Commit:     gitCommit(dir),
		GOMAXPROCS: runtime.GOMAXPROCS(0),
		Parallel:   versionString(),
		Runs:       cfg.runs,
		XOptions:   xopts,
		Baseline:   baseOpts,
	}
	if !c.Bool("no-python") {
		cfg.label = c.String("python")
		cfg.pythonEnv, cfg.python = splitCommand(cfg.label)
		if len(cfg.python) == 0 {
			return usage("--python %q names no command", cfg.label)
		}
		v, err := pythonVersion(cfg)
		if err != nil {
			return fmt.Errorf("cannot run the CPython %q (use --python CMD or --no-python): %w", cfg.label, err)
		}
		rep.Python, rep.PythonVersion = cfg.label, v
	}
	for _, prog := range programs {
		res := benchProgram(cfg, prog)
		rep.Programs = append(rep.Programs, res)
		if cfg.progress != nil {
			fmt.Fprintf(cfg.progress, "bench: %s\n", progressLine(res))
		}
	}
	rep.summarize()
	if err := writeBenchTable(c.App.Writer, &rep); err != nil {
		return err
	}
	if f := c.String("json"); f != "" {
		if err := writeBenchJSON(f, &rep); err != nil {
			return err
		}
	}
	if n := rep.failed(); n > 0 {
		fmt.Fprintf(c.App.ErrWriter, "parallel bench: %d of %d programs FAILED\n", n, len(rep.Programs))
		return exitError{1}
	}
	return nil
}

// findBenchDir finds bench/programs in the module root enclosing start:
// the nearest directory above start with a go.mod and a bench/programs
// folder, so the command works from anywhere in the repository.
func findBenchDir(start string) (string, error) {
	for dir := start; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			progs := filepath.Join(dir, "bench", "programs")
			if fi, err := os.Stat(progs); err == nil && fi.IsDir() {
				return progs, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no bench/programs beside a go.mod in %s or above it (use --dir DIR)", start)
		}
		dir = parent
	}
}

// matchProgram tells whether the program file base (such as "nbody.py")
// is selected by pattern: a substring of the name, or a path.Match glob
// of the name with or without its .py.
func matchProgram(pattern, base string) bool {
	if pattern == "" || strings.Contains(base, pattern) {
		return true
	}
	stem := strings.TrimSuffix(base, ".py")
	for _, name := range []string{base, stem} {
		if ok, err := path.Match(pattern, name); err == nil && ok {
			return true
		}
	}
	return false
}

// selectPrograms lists the *.py files of dir that match pattern, sorted
// by name.
func selectPrograms(dir, pattern string) ([]string, error) {
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, fmt.Errorf("bad PATTERN %q: %w", pattern, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var progs []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".py") || !matchProgram(pattern, e.Name()) {
			continue
		}
		p, err := filepath.Abs(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		progs = append(progs, p)
	}
	if len(progs) == 0 {
		if pattern == "" {
			return nil, fmt.Errorf("no programs (*.py) in %s", dir)
		}
		return nil, fmt.Errorf("no program in %s matches %q", dir, pattern)
	}
	slices.Sort(progs)
	return progs, nil
}

// splitCommand splits a command line on spaces into the NAME=VALUE
// assignments that lead it, as a shell would take them, and the command
// with its arguments.
func splitCommand(cmd string) (env, argv []string) {
	words := strings.Fields(cmd)
	for len(words) > 0 {
		name, _, ok := strings.Cut(words[0], "=")
		if !ok || name == "" || strings.ContainsAny(name, "/.") {
			break
		}
		env = append(env, words[0])
		words = words[1:]
	}
	return env, words
}

// pythonVersion asks the configured CPython for its version, which also
// checks that it runs at all before minutes of benchmarking.
func pythonVersion(cfg benchConfig) (string, error) {
	timeout := min(cfg.timeout, 30*time.Second)
	out := runTimed(append(slices.Clone(cfg.python), "--version"), cfg.pythonEnv, timeout)
	if out.err != nil {
		return "", out.err
	}
	// Python 2 printed its version on stderr.
	v := strings.TrimSpace(string(out.stdout))
	if v == "" {
		v = strings.TrimSpace(out.stderr)
	}
	return v, nil
}

// gitCommit is the short hash of the commit checked out around dir, or ""
// outside a git repository.
func gitCommit(dir string) string {
	cmd := exec.Command("git", "rev-parse", "--short", "HEAD")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// runOutcome is one timed run of a program.
type runOutcome struct {
	secs   float64
	stdout []byte
	stderr string
	err    error // did not start, timed out, or exited with a non-zero status
}

// runTimed runs argv with extra environment env, measuring its wall time
// from start to exit, and kills it after timeout.
func runTimed(argv, env []string, timeout time.Duration) runOutcome {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	if len(env) > 0 {
		cmd.Env = append(os.Environ(), env...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	// A grandchild holding the pipes open must not keep Wait from
	// returning once the run itself has been killed.
	cmd.WaitDelay = 2 * time.Second
	start := time.Now()
	err := cmd.Run()
	out := runOutcome{secs: time.Since(start).Seconds(), stdout: stdout.Bytes(), stderr: stderr.String()}
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		out.err = fmt.Errorf("timed out after %v", timeout)
	case err != nil:
		if last := lastLine(out.stderr); last != "" {
			err = fmt.Errorf("%w: %s", err, last)
		}
		out.err = err
	}
	return out
}

// lastLine is the last non-blank line of s: for a Python traceback, the
// exception.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// programResult is the measurement of one program, as reported in the
// table and in the JSON file.
type programResult struct {
	Name           string    `json:"name"`
	OK             bool      `json:"ok"`
	Error          string    `json:"error,omitempty"`
	ParallelTimes  []float64 `json:"parallel_times"`
	CPythonTimes   []float64 `json:"cpython_times"`
	ParallelMedian *float64  `json:"parallel_median"`
	CPythonMedian  *float64  `json:"cpython_median"`
	Ratio          *float64  `json:"ratio"`
	// With --baseline: the baseline's times and the speedup of parallel
	// over it (baseline median / parallel median).
	BaselineTimes  []float64 `json:"baseline_times,omitempty"`
	BaselineMedian *float64  `json:"baseline_median,omitempty"`
	Speedup        *float64  `json:"speedup,omitempty"`
}

// benchProgram runs prog once to warm up and then cfg.runs timed times
// with each interpreter, alternating them (parallel first, then the
// baseline, then CPython), and checks
// every output against CPython's first one (parallel's with
// --no-python). It stops at the first failure: the remaining runs would
// only repeat it.
func benchProgram(cfg benchConfig, prog string) programResult {
	res := programResult{Name: strings.TrimSuffix(filepath.Base(prog), ".py"), ParallelTimes: []float64{}}
	if cfg.python != nil {
		res.CPythonTimes = []float64{}
	}
	if cfg.baseline != nil {
		res.BaselineTimes = []float64{}
	}
	fail := func(format string, args ...any) programResult {
		res.Error = fmt.Sprintf(format, args...)
		res.finish()
		return res
	}
	var want []byte
	for i := 0; i <= cfg.runs; i++ {
		timed := i > 0
		p := runTimed(append(slices.Clone(cfg.parallel), prog), nil, cfg.timeout)
		if p.err != nil {
			return fail("parallel: %v", p.err)
		}
		if cfg.baseline != nil {
			b := runTimed(append(slices.Clone(cfg.baseline), prog), nil, cfg.timeout)
			if b.err != nil {
				return fail("baseline: %v", b.err)
			}
			if !bytes.Equal(b.stdout, p.stdout) {
				return fail("the baseline's output differs: %s", firstDifference(p.stdout, b.stdout))
			}
			if timed {
				res.BaselineTimes = append(res.BaselineTimes, b.secs)
			}
		}
		if cfg.python == nil {
			if want == nil {
				want = p.stdout
			} else if !bytes.Equal(p.stdout, want) {
				return fail("output changed between runs: %s", firstDifference(want, p.stdout))
			}
		} else {
			c := runTimed(append(slices.Clone(cfg.python), prog), cfg.pythonEnv, cfg.timeout)
			if c.err != nil {
				return fail("CPython: %v", c.err)
			}
			if want == nil {
				want = c.stdout
			} else if !bytes.Equal(c.stdout, want) {
				return fail("CPython's output changed between runs: %s", firstDifference(want, c.stdout))
			}
			if !bytes.Equal(p.stdout, want) {
				return fail("output differs from CPython's: %s", firstDifference(want, p.stdout))
			}
			if timed {
				res.CPythonTimes = append(res.CPythonTimes, c.secs)
			}
		}
		if timed {
			res.ParallelTimes = append(res.ParallelTimes, p.secs)
		}
	}
	res.OK = true
	res.finish()
	return res
}

// finish computes the medians and the ratio from the times measured so
// far; a failed program keeps the medians of the runs it completed.
func (r *programResult) finish() {
	if len(r.ParallelTimes) > 0 {
		m := median(r.ParallelTimes)
		r.ParallelMedian = &m
	}
	if len(r.CPythonTimes) > 0 {
		m := median(r.CPythonTimes)
		r.CPythonMedian = &m
	}
	if r.OK && r.ParallelMedian != nil && r.CPythonMedian != nil && *r.CPythonMedian > 0 {
		ratio := *r.ParallelMedian / *r.CPythonMedian
		r.Ratio = &ratio
	}
	if len(r.BaselineTimes) > 0 {
		m := median(r.BaselineTimes)
		r.BaselineMedian = &m
		if r.OK && r.ParallelMedian != nil && *r.ParallelMedian > 0 {
			speedup := m / *r.ParallelMedian
			r.Speedup = &speedup
		}
	}
}

// firstDifference describes where two outputs first differ, line by
// line, briefly enough for one table cell.
func firstDifference(want, got []byte) string {
	w := strings.Split(string(want), "\n")
	g := strings.Split(string(got), "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("line %d: want %s, got %s", i+1, clip(wl, 40), clip(gl, 40))
		}
	}
	return "outputs differ"
}

// clip quotes s, shortened to about n characters.
func clip(s string, n int) string {
	if len(s) > n {
		s = s[:n] + "..."
	}
	return fmt.Sprintf("%q", s)
}

// median is the middle value of xs (the mean of the two middle values for
// an even count); xs must not be empty and is not modified.
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// geomean is the geometric mean of xs, false when xs is empty or holds a
// value that is not positive (which has no logarithm).
func geomean(xs []float64) (float64, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	sum := 0.0
	for _, x := range xs {
		if !(x > 0) {
			return 0, false
		}
		sum += math.Log(x)
	}
	return math.Exp(sum / float64(len(xs))), true
}

// benchReport is the whole measurement, as written by --json.
type benchReport struct {
	Commit        string          `json:"commit,omitempty"`
	Date          string          `json:"date"`
	GOMAXPROCS    int             `json:"gomaxprocs"`
	Parallel      string          `json:"parallel_version"`
	Python        string          `json:"python,omitempty"`
	PythonVersion string          `json:"python_version,omitempty"`
	Runs          int             `json:"runs"`
	XOptions      []string        `json:"x_options"`
	Baseline      []string        `json:"baseline_x_options,omitempty"`
	Programs      []programResult `json:"programs"`
	Geomean       benchGeomeans   `json:"geomean"`
}

// benchGeomeans are the geometric means over the programs that passed;
// a failed program has no comparable times.
type benchGeomeans struct {
	Parallel *float64 `json:"parallel"`
	CPython  *float64 `json:"cpython"`
	Ratio    *float64 `json:"ratio"`
	Baseline *float64 `json:"baseline,omitempty"`
	Speedup  *float64 `json:"speedup,omitempty"`
}

// summarize computes the geometric means of the report's programs.
func (r *benchReport) summarize() {
	var p, c, ratio, base, speedup []float64
	for _, prog := range r.Programs {
		if !prog.OK {
			continue
		}
		if prog.ParallelMedian != nil {
			p = append(p, *prog.ParallelMedian)
		}
		if prog.CPythonMedian != nil {
			c = append(c, *prog.CPythonMedian)
		}
		if prog.Ratio != nil {
			ratio = append(ratio, *prog.Ratio)
		}
		if prog.BaselineMedian != nil {
			base = append(base, *prog.BaselineMedian)
		}
		if prog.Speedup != nil {
			speedup = append(speedup, *prog.Speedup)
		}
	}
	ptr := func(xs []float64) *float64 {
		if g, ok := geomean(xs); ok {
			return &g
		}
		return nil
	}
	r.Geomean = benchGeomeans{Parallel: ptr(p), CPython: ptr(c), Ratio: ptr(ratio), Baseline: ptr(base), Speedup: ptr(speedup)}
}

// failed counts the programs marked FAILED.
func (r *benchReport) failed() int {
	n := 0
	for _, p := range r.Programs {
		if !p.OK {
			n++
		}
	}
	return n
}

// progressLine is the line printed on stderr as each program finishes,
// so that a long run shows it is moving.
func progressLine(r programResult) string {
	s := fmt.Sprintf("%-20s parallel %s", r.Name, seconds(r.ParallelMedian))
	if r.CPythonTimes != nil {
		s += fmt.Sprintf("  cpython %s", seconds(r.CPythonMedian))
	}
	if r.Ratio != nil {
		s += fmt.Sprintf("  ratio %s", ratioText(r.Ratio))
	}
	if r.Speedup != nil {
		s += fmt.Sprintf("  baseline %s  speedup %s", seconds(r.BaselineMedian), ratioText(r.Speedup))
	}
	if !r.OK {
		s += "  FAILED: " + r.Error
	}
	return s
}

// seconds formats an optional time in seconds; "-" when there is none.
func seconds(x *float64) string {
	if x == nil {
		return "-"
	}
	return fmt.Sprintf("%.3f", *x)
}

// ratioText formats an optional ratio; empty when there is none.
func ratioText(x *float64) string {
	if x == nil {
		return ""
	}
	return fmt.Sprintf("%.2f", *x)
}

// writeBenchTable prints the report as an aligned table: a line saying
// what was measured, one row per program, and the geometric means.
func writeBenchTable(w io.Writer, r *benchReport) error {
	what := fmt.Sprintf("parallel %s", r.Parallel)
	if r.Commit != "" {
		what += " at " + r.Commit
	}
	if len(r.XOptions) > 0 {
		what += " -X " + strings.Join(r.XOptions, " -X ")
	}
	if len(r.Baseline) > 0 {
		what += ", baseline with -X " + strings.Join(r.Baseline, " -X ")
	}
	if r.Python != "" {
		what += fmt.Sprintf(" vs %s (%s)", r.PythonVersion, r.Python)
	}
	runs := "runs"
	if r.Runs == 1 {
		runs = "run"
	}
	if _, err := fmt.Fprintf(w, "# %s; median of %d %s after a warm-up, GOMAXPROCS=%d, %s\n",
		what, r.Runs, runs, r.GOMAXPROCS, r.Date); err != nil {
		return err
	}
	// The columns present: parallel's time always, the baseline's and
	// the speedup with --baseline, CPython's and the ratio unless
	// --no-python. Each cell function reads one program's result; the
	// geometric-mean row reads the same fields from the report's means.
	type column struct {
		head string
		cell func(p programResult) string
	}
	cols := []column{{"parallel (s)", func(p programResult) string { return seconds(p.ParallelMedian) }}}
	if len(r.Baseline) > 0 {
		cols = append(cols,
			column{"baseline (s)", func(p programResult) string { return seconds(p.BaselineMedian) }},
			column{"speedup", func(p programResult) string { return ratioText(p.Speedup) }})
	}
	if r.Python != "" {
		cols = append(cols,
			column{"cpython (s)", func(p programResult) string { return seconds(p.CPythonMedian) }},
			column{"ratio", func(p programResult) string { return ratioText(p.Ratio) }})
	}
	g := r.Geomean
	means := programResult{ParallelMedian: g.Parallel, CPythonMedian: g.CPython, Ratio: g.Ratio, BaselineMedian: g.Baseline, Speedup: g.Speedup}
	header := []string{"program"}
	for _, c := range cols {
		header = append(header, c.head)
	}
	rows := [][]string{append(header, "status")}
	for _, p := range append(slices.Clone(r.Programs), means) {
		row := []string{p.Name}
		for _, c := range cols {
			row = append(row, c.cell(p))
		}
		status := "ok"
		if !p.OK {
			status = "FAILED: " + p.Error
		}
		rows = append(rows, append(row, status))
	}
	last := rows[len(rows)-1]
	last[0] = "geometric mean"
	rows[len(rows)-1] = last[:len(last)-1] // the geomean row has no status
	// Numbers read best right-aligned; tabwriter aligns every cell of a
	// table one way, so the numeric columns are padded here first.
	for col := 1; col <= len(cols); col++ {
		width := 0
		for _, row := range rows {
			width = max(width, len(row[col]))
		}
		for _, row := range rows {
			row[col] = fmt.Sprintf("%*s", width, row[col])
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, row := range rows {
		line := strings.Join(row, "\t")
		if _, err := fmt.Fprintln(tw, strings.TrimRight(line, "\t ")); err != nil {
			return err
		}
	}
	return tw.Flush()
}

// writeBenchJSON writes the report to file, indented for people and
// diffs.
func writeBenchJSON(file string, r *benchReport) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(data, '\n'), 0o644)
}
