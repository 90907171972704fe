package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/runtime"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// statusOther is the exit status when parallel itself fails (an
// unreadable argument file, a program that does not compile), GNU
// parallel's 255: 1 to 101 count failed jobs.
const statusOther = 255

// runJobs runs p once per job of the input sources on the command line
// (or the lines of standard input), as GNU parallel runs a command.
func runJobs(c *cli.Context, p program) error {
	usage := func(err error) error { return usageError{c.Command.HelpName, err} }
	stdin, stdout, stderr := c.App.Reader, c.App.Writer, c.App.ErrWriter
	other := func(err error) error {
		fmt.Fprintf(stderr, "parallel: %v\n", err)
		return exitError{statusOther}
	}
	cfg, err := jobsConfigFrom(c)
	if err != nil {
		return usage(err)
	}
	if p.file == argSep || p.file == argFileSep {
		return usage(fmt.Errorf("run needs a program (FILE, -c CODE or -m MODULE) before %s", p.file))
	}
	if p.stats {
		return usage(errors.New("--stats is not implemented for jobs yet"))
	}
	if p.file == "-" && readsStdin(p.args) {
		return usage(errors.New("the program and the jobs' arguments cannot both come from standard input"))
	}

	// The program is read and compiled once; every job runs the same
	// code (templates are shared between interpreters).
	j := &jobsRun{p: p, cfg: cfg}
	switch {
	case p.module != "":
		j.argv0 = "-m"
		if wd, err := os.Getwd(); err == nil {
			j.path0 = wd
		}
	case p.isCode:
		j.argv0, j.filename, j.src = "-c", "<string>", []byte(p.code)
	default:
		j.argv0 = p.file
		if j.filename, j.src, err = readSource(p.file, stdin); err != nil {
			return other(err)
		}
		if j.filename != "<stdin>" {
			if abs, err := filepath.Abs(j.filename); err == nil {
				j.filename = abs
			}
			j.path0 = filepath.Dir(j.filename)
		}
	}
	if p.module == "" {
		if j.code, err = compileProgram(j.filename, j.src); err != nil {
			printCompileWarnings(stderr, err, j.filename, j.src)
			if rerr := reportCompileError(stderr, err, j.src); !errors.As(rerr, new(exitError)) {
				return other(rerr)
			}
			return exitError{statusOther}
		}
	}

	template, sources, err := splitInputSources(p.args, stdin)
	if err != nil {
		var fe argFileError
		if errors.As(err, &fe) {
			return other(err)
		}
		return usage(err)
	}
	if len(sources) == 0 {
		lines, err := readArgFile("-", stdin)
		if err != nil {
			return other(err)
		}
		sources = [][]string{lines}
	}
	if j.inputs, err = newJobInputs(sources); err != nil {
		return usage(err)
	}
	if j.tmpl, err = newArgTemplate(template, len(sources)); err != nil {
		return usage(err)
	}
	if cfg.joblog != "" {
		if j.log, err = openJobLog(cfg.joblog); err != nil {
			return other(err)
		}
		defer j.log.close()
	}
	if cfg.results != "" {
		if err := os.MkdirAll(cfg.results, 0o755); err != nil {
			return other(fmt.Errorf("--results: %w", err))
		}
	}

	path, lib, libErr := programPath(p, j.path0)
	j.base = p.interpOptions(nil, path, libErr != nil)
	j.rt, err = runtime.New(runtime.Options{StdlibDir: lib.Dir, SwitchInterval: p.switchInterval})
	if err != nil {
		return other(err)
	}
	j.out = newPrinter(stdout, stderr, cfg.lineBuffer, cfg.keepOrder)
	if cfg.progress && j.inputs.total > 0 && isTerminal(stderr) {
		// progressbar/v3 rather than mpb: one bar with a count and an
		// ETA is all --progress shows, and it draws only when told to
		// (no goroutine of its own), from the goroutine that ends a job.
		j.bar = progressbar.NewOptions(j.inputs.total,
			progressbar.OptionSetWriter(stderrLocked{j.out}),
			progressbar.OptionSetDescription("jobs"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetRenderBlankState(true),
		)
	}
	j.gc = newGCTuner()
	status := j.run()
	j.gc.stop()
	if err := j.out.close(); err != nil {
		return other(fmt.Errorf("writing standard output: %w", err))
	}
	if err := j.rt.Close(); err != nil {
		fmt.Fprintf(stderr, "parallel: %v\n", err)
	}
	if j.log != nil {
		if err := j.log.close(); err != nil {
			return other(fmt.Errorf("--joblog: %w", err))
		}
	}
	if status != 0 {
		return exitError{status}
	}
	return nil
}

// readsStdin tells whether the input sources in args read standard
// input: "::::" with "-", or no source at all.
func readsStdin(args []string) bool {
	if !hasInputSeparator(args) {
		return true
	}
	inFiles := false
	for _, a := range args {
		switch {
		case a == argSep:
			inFiles = false
		case a == argFileSep:
			inFiles = true
		case inFiles && a == "-":
			return true
		}
	}
	return false
}

// isTerminal tells whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// stderrLocked writes to the printer's stderr under its lock, so that
// the progress bar and the jobs' lines do not cut into each other.
type stderrLocked struct{ p *printer }

func (w stderrLocked) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	w.p.stdout.Flush()
	return w.p.stderr.Write(b)
}

// jobsRun is one `parallel run ... :::` invocation.
type jobsRun struct {
	// fixed before the jobs start
	p                    program
	cfg                  jobsConfig
	argv0                string // sys.argv[0]: the script as given, -c or -m
	filename             string
	src                  []byte
	code                 *compile.Code // nil for -m
	path0                string
	base                 interp.Options
	inputs               *jobInputs
	tmpl                 *argTemplate
	rt                   *runtime.Runtime
	out                  *printer
	log                  *jobLog
	bar                  *progressbar.ProgressBar
	gc                   *gcTuner
	interrupted, stopped context.Context // Ctrl-C; Ctrl-C or --halt now

	mu                                sync.Mutex
	running, failed, succeeded, ended int
	halting                           bool
	haltStatus                        int // the status of the job that made it halt
	resultErrs                        []error
}

// jobResult is how one attempt at a job ended.
type jobResult struct {
	exitval int // -1 when cancelled (timeout, --halt now, Ctrl-C)
	signal  int // 15 (SIGTERM, GNU parallel's) when cancelled, 2 for Ctrl-C
	start   time.Time
	runtime time.Duration
}

// run starts the jobs in order, at most cfg.jobs at once, and returns
// the exit status.
func (j *jobsRun) run() int {
	interrupted, stopInt := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stopInt()
	stopped, stop := context.WithCancel(interrupted)
	defer stop()
	j.interrupted, j.stopped = interrupted, stopped
	limit := j.cfg.jobs
	if limit == 0 || limit > j.inputs.total {
		limit = max(1, j.inputs.total)
	}
	slots := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for seq := 1; seq <= j.inputs.total; seq++ {
		select {
		case slots <- struct{}{}:
		case <-stopped.Done():
		}
		if stopped.Err() != nil || j.isHalting() {
			break
		}
		// Counted as running from here, not from when its goroutine is
		// scheduled, for --halt soon's message.
		j.mu.Lock()
		j.running++
		j.mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			j.runJob(seq, stop)
		}()
	}
	wg.Wait()
	if j.bar != nil {
		j.bar.Exit()
		io.WriteString(stderrLocked{j.out}, "\n")
	}
	for _, err := range j.resultErrs {
		j.out.message("%v", err)
	}
	return j.exitStatus()
}

func (j *jobsRun) isHalting() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.halting
}

// runJob runs job seq, with its retries, then prints and records it.
func (j *jobsRun) runJob(seq int, stop context.CancelFunc) {
	values := j.inputs.args(seq - 1)
	args := j.tmpl.expand(values, seq)
	tag := ""
	if j.cfg.tag {
		tag = strings.Join(values, "\t") + "\t"
	}
	out := j.out.start(seq, tag, j.cfg.results != "")
	argv := append([]string{j.argv0}, args...)
	var res jobResult
	for attempt := 1; ; attempt++ {
		res = j.attempt(out, argv)
		if res.exitval == 0 || attempt >= j.cfg.retries || j.stopped.Err() != nil {
			break
		}
		out.retry()
	}
	out.finish()
	command := j.command(args)
	if res.signal == 15 && j.stopped.Err() == nil {
		j.out.message("Warning: This job was killed because it timed out:\nparallel: Warning: %s", command)
	}
	if j.log != nil {
		if err := j.log.record(seq, res.start, res.runtime, res.exitval, res.signal, command); err != nil {
			j.addResultErr(fmt.Errorf("--joblog: %w", err))
		}
	}
	if j.cfg.results != "" {
		// The printer has the whole output now: the job has ended.
		j.out.mu.Lock()
		o, e := append([]byte{}, out.allOut.Bytes()...), append([]byte{}, out.allErr.Bytes()...)
		j.out.mu.Unlock()
		if err := writeResults(j.cfg.results, values, seq, res.exitval, o, e); err != nil {
			j.addResultErr(err)
		}
	}
	j.ended1(res, command, stop)
}

func (j *jobsRun) addResultErr(err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.resultErrs) < 10 { // the first few say it all
		j.resultErrs = append(j.resultErrs, err)
	}
}

// command is the job's command line for the joblog and messages.
func (j *jobsRun) command(args []string) string {
	words := []string{j.argv0}
	switch {
	case j.p.module != "":
		words = append(words, j.p.module)
	case j.p.isCode:
		words = append(words, j.p.code)
	}
	words = append(words, args...)
	for i, w := range words {
		words[i] = shellQuote(w)
	}
	// One line per job in the joblog, whatever the words hold.
	return strings.NewReplacer("\n", `\n`, "\t", `\t`).Replace(strings.Join(words, " "))
}

// ended1 counts a finished job and decides whether to halt.
func (j *jobsRun) ended1(res jobResult, command string, stop context.CancelFunc) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.ended++
	j.running--
	if res.exitval != 0 {
		j.failed++
	} else {
		j.succeeded++
	}
	if j.bar != nil {
		j.bar.Add(1)
	}
	j.gc.update()
	h := j.cfg.halt
	if h.when == "never" || j.halting || j.interrupted.Err() != nil {
		return
	}
	var n int
	switch h.why {
	case "fail":
		if res.exitval == 0 {
			return
		}
		n = j.failed
	case "success":
		if res.exitval != 0 {
			return
		}
		n = j.succeeded
	default:
		n = j.ended
	}
	if h.isPct && float64(n)*100 < h.percent*float64(j.inputs.total) || !h.isPct && n < h.count {
		return
	}
	j.halting = true
	j.haltStatus = res.exitval
	verb := map[string]string{"fail": "failed", "success": "succeeded", "done": "finished"}[h.why]
	running := j.running
	if h.when == "now" {
		stop()
		j.out.message("This job %s:\n%s", verb, command)
		return
	}
	if running > 0 {
		j.out.message("This job %s:\n%s\nparallel: Starting no more jobs. Waiting for %d jobs to finish.", verb, command, running)
	} else {
		j.out.message("This job %s:\n%s", verb, command)
	}
}

// exitStatus is GNU parallel's: the number of failed jobs up to 101;
// with --halt ...,fail=1 the status of the job that failed, with
// fail=N% the percentage that failed, 0 when a success= condition
// halted; 130 after Ctrl-C.
func (j *jobsRun) exitStatus() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.interrupted.Err() != nil {
		return 130
	}
	h := j.cfg.halt
	if j.halting {
		switch {
		case h.why == "success":
			return 0
		case h.why == "fail" && h.isPct:
			return min(100, j.failed*100/max(1, j.inputs.total))
		case h.why == "fail" && h.count == 1:
			return j.haltStatus & 0xff // -1, a cancelled job, is 255 as in Perl
		}
	}
	return min(j.failed, 101)
}

// attempt runs the program once in a new interpreter with argv.
func (j *jobsRun) attempt(out *jobOutput, argv []string) jobResult {
	ctx := j.stopped
	if j.cfg.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, j.cfg.timeout)
		defer cancel()
	}
	res := jobResult{start: time.Now()}
	defer func() { res.runtime = time.Since(res.start) }()
	base := j.base
	base.Argv = argv
	it, err := j.rt.NewInterpreter(runtime.InterpreterOptions{
		Stdout:      out.stdoutW,
		Stderr:      out.stderrW,
		MemoryLimit: j.p.memLimit,
		Base:        &base,
	})
	if err != nil {
		fmt.Fprintf(out.stderrW, "parallel: %v\n", err)
		res.exitval = statusOther
		res.runtime = time.Since(res.start)
		return res
	}
	cancelled := false
	err = it.Do(ctx, func(in *interp.Interp) error {
		var err error
		if j.p.module != "" {
			err = in.RunModule(j.p.module)
		} else {
			err = in.RunMain(j.code)
		}
		if err == nil {
			in.WaitForThreads()
			in.RunAtExit()
			return nil
		}
		if _, isExc := interp.ExceptionTypeName(err); isExc {
			defer in.DiscardError(err)
		}
		if ctx.Err() != nil && in.IsKeyboardInterrupt(err) {
			// Cancelled: as a killed process, it leaves no traceback,
			// and its threads and atexit functions do not run.
			cancelled = true
			return nil
		}
		if st, ok := in.ExitStatus(err, out.stderrW); ok {
			res.exitval = st
		} else {
			in.PrintException(out.stderrW, err, sourceReader(j.filename, j.src))
			res.exitval = 1
		}
		in.WaitForThreads()
		in.RunAtExit()
		return nil
	})
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			cancelled = true // cancelled before it started
		} else {
			fmt.Fprintf(out.stderrW, "parallel: %v\n", err)
			res.exitval = statusOther
		}
	}
	if cerr := it.Close(); cerr != nil {
		fmt.Fprintf(out.stderrW, "parallel: %v\n", cerr)
	}
	if cancelled {
		res.exitval, res.signal = -1, 15
		if j.interrupted.Err() != nil {
			res.signal = 2
		}
	}
	res.runtime = time.Since(res.start)
	return res
}

// argFileError is an argument file that could not be read: parallel's
// own failure (status 255), not a bad command line.
type argFileError struct{ err error }

func (e argFileError) Error() string { return e.err.Error() }
func (e argFileError) Unwrap() error { return e.err }
