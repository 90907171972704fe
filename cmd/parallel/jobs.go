package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"regexp"
	goruntime "runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
)

// Parallel jobs: `parallel run -j N script.py ARGS ::: a b c` runs the
// program once per argument, as GNU parallel runs a command, but each
// job is an interpreter of one shared runtime instead of a process. This
// file holds the flags and their parsing; jobs_input.go the input
// sources and replacement strings, jobs_run.go the scheduler and
// jobs_output.go the output, --joblog and --results.

// jobsCategory groups the jobs flags in `parallel help run`.
const jobsCategory = "Parallel jobs (with ::: ARGS or :::: FILE)"

// jobsFlag names a jobs flag with its environment variable.
type jobsFlag struct{ name, env string }

// jobsFlagNames are the flags only jobs use, with their variables: a
// flag given on the command line makes run a jobs run even without
// ::: (arguments then come from standard input, as in GNU parallel).
var jobsFlagNames = []jobsFlag{
	{"jobs", "PARALLEL_JOBS"},
	{"group", "PARALLEL_GROUP"},
	{"line-buffer", "PARALLEL_LINE_BUFFER"},
	{"keep-order", "PARALLEL_KEEP_ORDER"},
	{"tag", "PARALLEL_TAG"},
	{"results", "PARALLEL_RESULTS"},
	{"joblog", "PARALLEL_JOBLOG"},
	{"progress", "PARALLEL_PROGRESS"},
	{"halt", "PARALLEL_HALT"},
	{"timeout", "PARALLEL_TIMEOUT"},
	{"retries", "PARALLEL_RETRIES"},
}

func jobsEnv(name string) []string {
	for _, f := range jobsFlagNames {
		if f.name == name {
			return []string{f.env}
		}
	}
	panic("jobsEnv: unknown flag " + name) // a typo in this file
}

// jobsFlags are run's flags for parallel jobs.
func jobsFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "jobs", Aliases: []string{"j"}, Category: jobsCategory, EnvVars: jobsEnv("jobs"), DefaultText: "the number of CPUs",
			Usage: "run up to `N` jobs at once: N, +N or -N (the CPUs plus or minus N), N% of the CPUs, or 0 for all at once"},
		&cli.BoolFlag{Name: "group", Category: jobsCategory, EnvVars: jobsEnv("group"),
			Usage: "print each job's stdout, then its stderr, whole when it ends (the default)"},
		&cli.BoolFlag{Name: "line-buffer", Aliases: []string{"lb"}, Category: jobsCategory, EnvVars: jobsEnv("line-buffer"),
			Usage: "print jobs' output line by line as it comes, lines of different jobs mixed (wins over --group)"},
		&cli.BoolFlag{Name: "keep-order", Aliases: []string{"k"}, Category: jobsCategory, EnvVars: jobsEnv("keep-order"),
			Usage: "print the jobs' output in the order of their arguments, not the order they end in"},
		&cli.BoolFlag{Name: "tag", Category: jobsCategory, EnvVars: jobsEnv("tag"),
			Usage: "prefix each output line with the job's arguments and a tab"},
		&cli.StringFlag{Name: "results", Aliases: []string{"res"}, Category: jobsCategory, EnvVars: jobsEnv("results"),
			Usage: "also write each job's stdout, stderr, seq and exitval to files under `DIR`/1/ARG1/2/ARG2/..."},
		&cli.StringFlag{Name: "joblog", Category: jobsCategory, EnvVars: jobsEnv("joblog"),
			Usage: "write a line per job to `FILE` (+FILE appends): Seq, Host, Starttime, JobRuntime, Send, Receive, Exitval, Signal, Command"},
		&cli.BoolFlag{Name: "progress", Aliases: []string{"bar"}, Category: jobsCategory, EnvVars: jobsEnv("progress"),
			Usage: "show a progress bar with the ETA on stderr when it is a terminal"},
		&cli.StringFlag{Name: "halt", Aliases: []string{"halt-on-error"}, Category: jobsCategory, EnvVars: jobsEnv("halt"), DefaultText: "never",
			Usage: "stop early: `WHEN,WHY` with WHEN now (cancel running jobs) or soon (let them end) and WHY fail=N, success=N or done=N (N a count or a percentage N%); 0, 1, 2, -1, -2 as in GNU parallel"},
		&cli.StringFlag{Name: "timeout", Category: jobsCategory, EnvVars: jobsEnv("timeout"),
			Usage: "cancel a job that runs longer than `DURATION` (seconds, or with a unit: 1.5, 30s, 2m, 1h, 1d, 500ms); it fails with Exitval -1"},
		&cli.IntFlag{Name: "retries", Category: jobsCategory, EnvVars: jobsEnv("retries"), DefaultText: "1",
			Usage: "run a failing job up to `N` times in all (only the last attempt's output is kept, unless --line-buffer printed it already)"},
	}
}

// jobsHelp is run's help about jobs, after its description.
const jobsHelp = `

   With ::: or :::: after the program's arguments, run runs the program
   once per argument, as GNU parallel runs a command: each job in its own
   interpreter of one runtime, up to --jobs at once. Several ::: lists make
   their cross product (the first varies slowest); :::: FILE reads
   arguments from the lines of FILE (- for standard input); they mix.
   {} in the program's arguments is the job's argument ({1}, {2}... with
   several sources), {.} without its extension, {/} its basename, {//}
   its directory, {/.} its basename without extension, {#} the job's
   number; with none of these the arguments are appended. A jobs flag
   without ::: reads the arguments from standard input.

   The exit status is the number of jobs that failed (101 for more than
   100), or with --halt ...,fail=1 the failing job's status, with
   fail=N% the percentage that failed; 2 for a bad command line and 255
   when parallel itself fails. sys.exit(n) sets a job's status; an
   uncaught exception makes it 1. Jobs' sys.stdin is empty. Each flag is
   also read from its PARALLEL_ variable (PARALLEL_JOBS, PARALLEL_KEEP_ORDER,
   PARALLEL_GROUP, PARALLEL_LINE_BUFFER, PARALLEL_TAG, PARALLEL_RESULTS,
   PARALLEL_JOBLOG, PARALLEL_PROGRESS, PARALLEL_HALT, PARALLEL_TIMEOUT,
   PARALLEL_RETRIES).

   Examples:
     parallel run -j 4 square.py ::: 1 2 3 4 5
     parallel run convert.py {} {.}.png ::: img/*.jpg
     parallel run -k --tag job.py {1} {2} ::: a b ::: 1 2 3
     seq 100 | parallel run --joblog log.tsv --halt now,fail=1 check.py
     parallel run --results out --timeout 30s fetch.py :::: urls.txt`

// isJobsRun tells whether run's command line asks for jobs: an input
// source among the program's arguments, or a jobs flag given on the
// command line (a PARALLEL_ variable alone does not turn a plain run
// into jobs).
func isJobsRun(c *cli.Context) bool {
	if hasInputSeparator(c.Args().Slice()) {
		return true
	}
	for _, f := range jobsFlagNames {
		if c.IsSet(f.name) && os.Getenv(f.env) == "" {
			return true
		}
	}
	return false
}

// jobsConfig is a jobs run's options.
type jobsConfig struct {
	jobs                  int // 0: as many as there are jobs
	lineBuffer, keepOrder bool
	tag                   bool
	results               string
	joblog                string
	progress              bool
	halt                  haltSpec
	timeout               time.Duration // 0: none
	retries               int           // attempts in all, at least 1
}

// jobsConfigFrom reads the jobs flags.
func jobsConfigFrom(c *cli.Context) (jobsConfig, error) {
	cfg := jobsConfig{
		lineBuffer: c.Bool("line-buffer"),
		keepOrder:  c.Bool("keep-order"),
		tag:        c.Bool("tag"),
		results:    c.String("results"),
		joblog:     c.String("joblog"),
		progress:   c.Bool("progress"),
		retries:    c.Int("retries"),
	}
	var err error
	if cfg.jobs, err = parseJobs(c.String("jobs"), goruntime.GOMAXPROCS(0)); err != nil {
		return cfg, err
	}
	if cfg.halt, err = parseHalt(c.String("halt")); err != nil {
		return cfg, err
	}
	if c.String("timeout") != "" {
		if cfg.timeout, err = parseTimeout(c.String("timeout")); err != nil {
			return cfg, err
		}
	}
	if cfg.retries < 0 {
		return cfg, fmt.Errorf("--retries must not be negative, got %d", cfg.retries)
	}
	if cfg.retries == 0 {
		cfg.retries = 1
	}
	if c.IsSet("results") && cfg.results == "" {
		return cfg, errors.New("--results needs a directory")
	}
	if c.IsSet("joblog") && strings.TrimPrefix(cfg.joblog, "+") == "" {
		return cfg, errors.New("--joblog needs a file")
	}
	return cfg, nil
}

// parseJobs reads --jobs as GNU parallel does, relative to ncpu CPUs:
// N, +N, -N, N% (at least 1), or 0 for no limit. "" is the default,
// one job per CPU.
func parseJobs(s string, ncpu int) (int, error) {
	t := strings.TrimSpace(s)
	bad := fmt.Errorf("--jobs: %q is not N, +N, -N, N%% or 0", s)
	switch {
	case t == "":
		return ncpu, nil
	case strings.HasSuffix(t, "%"):
		f, err := strconv.ParseFloat(t[:len(t)-1], 64)
		if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, bad
		}
		return max(1, int(float64(ncpu)*f/100)), nil
	case t[0] == '+' || t[0] == '-':
		n, err := strconv.Atoi(t[1:])
		if err != nil || n < 0 {
			return 0, bad
		}
		if t[0] == '-' {
			n = -n
		}
		return max(1, ncpu+n), nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 {
		return 0, bad
	}
	return n, nil
}

// haltSpec is --halt: when to stop, and why.
type haltSpec struct {
	when    string // "never", "soon" or "now"
	why     string // "fail", "success" or "done"
	count   int    // with percent false
	percent float64
	isPct   bool
}

// parseHalt reads --halt as GNU parallel does: never, WHEN,WHY=N or
// WHEN,WHY=N%, or the old numeric forms.
func parseHalt(s string) (haltSpec, error) {
	t := strings.TrimSpace(s)
	switch t {
	case "", "never", "0":
		return haltSpec{when: "never"}, nil
	case "1":
		return haltSpec{when: "soon", why: "fail", count: 1}, nil
	case "2":
		return haltSpec{when: "now", why: "fail", count: 1}, nil
	case "-1":
		return haltSpec{when: "soon", why: "success", count: 1}, nil
	case "-2":
		return haltSpec{when: "now", why: "success", count: 1}, nil
	}
	bad := fmt.Errorf("--halt: %q is not never, soon,fail=N, now,fail=N (or success=, done=, N%%), 0, 1, 2, -1 or -2", s)
	if strings.HasSuffix(t, "%") && !strings.Contains(t, ",") {
		t = "soon,fail=" + t // GNU's old 1-99% form
	}
	when, cond, ok := strings.Cut(t, ",")
	if !ok || (when != "soon" && when != "now") {
		return haltSpec{}, bad
	}
	why, n, ok := strings.Cut(cond, "=")
	if !ok || (why != "fail" && why != "success" && why != "done") {
		return haltSpec{}, bad
	}
	h := haltSpec{when: when, why: why}
	if p, isPct := strings.CutSuffix(n, "%"); isPct {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil || f <= 0 || f > 100 {
			return haltSpec{}, bad
		}
		h.percent, h.isPct = f, true
		return h, nil
	}
	c, err := strconv.Atoi(n)
	if err != nil || c < 1 {
		return haltSpec{}, bad
	}
	h.count = c
	return h, nil
}

// parseTimeout reads --timeout: seconds (fractions allowed) with an
// optional s, m, h or d, as GNU parallel takes it, or a Go duration
// ("1m30s", "500ms").
func parseTimeout(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	if strings.HasSuffix(t, "%") {
		return 0, fmt.Errorf("--timeout: a percentage of the median run time (%s) is not implemented yet", s)
	}
	bad := fmt.Errorf("--timeout: %q is not a duration (seconds, or 30s, 2m, 1h, 1d, 500ms)", s)
	if d, err := time.ParseDuration(t); err == nil {
		if d <= 0 {
			return 0, bad
		}
		return d, nil
	}
	unit := time.Second
	if t != "" {
		switch t[len(t)-1] {
		case 's':
			t = t[:len(t)-1]
		case 'm':
			unit, t = time.Minute, t[:len(t)-1]
		case 'h':
			unit, t = time.Hour, t[:len(t)-1]
		case 'd':
			unit, t = 24*time.Hour, t[:len(t)-1]
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f <= 0 || math.IsInf(f, 0) || f*float64(unit) > math.MaxInt64 {
		return 0, bad
	}
	return time.Duration(f * float64(unit)), nil
}

// jobsShortRE matches GNU parallel's attached -jN forms (-j4, -j+1,
// -j-1, -j50%), which the flag parser would take for an unknown flag.
var jobsShortRE = regexp.MustCompile(`^-j([+-]?[0-9]+%?)$`)

// splitJobsShorthand rewrites run's attached -jN into -j N, among run's
// own flags only (up to the program: a word not starting with "-", or
// "--").
func splitJobsShorthand(args []string) []string {
	i := slices.Index(args, "run")
	if i < 1 {
		return args
	}
	out := append([]string{}, args[:i+1]...)
	j := i + 1
	for ; j < len(args); j++ {
		a := args[j]
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		if m := jobsShortRE.FindStringSubmatch(a); m != nil {
			out = append(out, "-j", m[1])
			continue
		}
		out = append(out, a)
	}
	return append(out, args[j:]...)
}
