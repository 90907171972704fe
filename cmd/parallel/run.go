package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/codecache"
	"github.com/parallel-py/parallel/interp/compile"
	_ "github.com/parallel-py/parallel/interp/modules" // the built-in modules register themselves
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
	"github.com/parallel-py/parallel/interp/traceback"
	"github.com/parallel-py/parallel/runtime"
	"github.com/urfave/cli/v2"
)

func runCommand() *cli.Command {
	return &cli.Command{
		Name:  "run",
		Usage: "run a Python program, like python3 script.py",
		Description: "Runs FILE (- for standard input, or the program given with -c)\n" +
			"   in one interpreter, printing what CPython 3.12 prints: output, an\n" +
			"   uncaught exception's traceback on stderr with exit status 1, or a\n" +
			"   syntax error. Threads run under a GIL per interpreter, and the program\n" +
			"   may create subinterpreters (concurrent.interpreters) that run in\n" +
			"   parallel. The interpreter is young: what it does not support yet\n" +
			"   raises NotImplementedError naming the feature (see the README)." +
			jobsHelp,
		ArgsUsage: "FILE|- [ARG...] [::: ARG... | :::: ARGFILE...]",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "c", Usage: "run `CODE` as the program"},
			&cli.StringFlag{Name: "m", Usage: "run library `MODULE` as a script, like python3 -m"},
			&cli.StringSliceFlag{Name: "W", Usage: "warning control, like python3 -W `ARG` (action:message:category:module:lineno)"},
			&cli.StringSliceFlag{Name: "X", Usage: "implementation option, like python3 -X `OPT` (dev, utf8, faulthandler, ...)"},
			&cli.DurationFlag{Name: "switch-interval", Usage: "how long a thread may keep an interpreter's GIL while others wait (sys.setswitchinterval): `DURATION` such as 5ms or 100us, at least 1us", DefaultText: "5ms", EnvVars: []string{"PARALLEL_SWITCH_INTERVAL"}},
			&cli.StringFlag{Name: "mem-limit", Usage: "bound each interpreter's Python objects to `SIZE` bytes (e.g. 512MiB, 2G); past it the code gets MemoryError", EnvVars: []string{"PARALLEL_MEM_LIMIT"}},
			&cli.BoolFlag{Name: "stats", Usage: "print the runtime's counters (memory, threads, scheduler) to stderr at exit", EnvVars: []string{"PARALLEL_STATS"}},
			&cli.StringFlag{Name: "cpuprofile", Usage: "write a Go CPU profile of the run to `FILE` (for go tool pprof)", EnvVars: []string{"PARALLEL_CPUPROFILE"}},
			&cli.StringFlag{Name: "memprofile", Usage: "write a Go heap profile to `FILE` at exit (for go tool pprof)", EnvVars: []string{"PARALLEL_MEMPROFILE"}},
		}, jobsFlags()...),
		Action: runAction,
	}
}

// program is what to run and how: the program (-c CODE, -m MODULE, a
// FILE or "-" for standard input) with its arguments, and the options
// python3's command line would give the interpreter.
type program struct {
	code, module, file string // exactly one is set (code may be empty)
	isCode             bool
	args               []string // sys.argv[1:]
	flags              interp.Flags
	warnOptions        []string
	xOptions           []string
	origArgv           []string // sys.orig_argv, when known

	switchInterval time.Duration // --switch-interval (0: CPython's 5 ms)
	memLimit       int64         // --mem-limit in bytes (0: none)
	stats          bool          // --stats

	// afterRun, if set, is called holding the GIL once the program
	// (a file or -c code, not -m) and its atexit functions have run,
	// with the code it ran: parallel dis --adaptive reads the
	// specialized instructions there.
	afterRun func(in *interp.Interp, code *compile.Code)
}

func runAction(c *cli.Context) error {
	var p program
	switch {
	case c.IsSet("c") && c.IsSet("m"):
		return usageError{c.Command.HelpName, fmt.Errorf("run takes -c or -m, not both")}
	case c.IsSet("m"):
		p.module = c.String("m")
	case c.IsSet("c"):
		p.code, p.isCode = c.String("c"), true
	case c.NArg() == 0:
		return usageError{c.Command.HelpName, fmt.Errorf("run needs a FILE, - or -c CODE")}
	default:
		p.file = c.Args().First()
	}
	p.args = c.Args().Slice()
	if p.file != "" {
		p.args = p.args[1:]
	}
	p.warnOptions = envWarnOptions(false)
	p.warnOptions = append(p.warnOptions, c.StringSlice("W")...)
	p.xOptions = c.StringSlice("X")
	applyXOptions(&p)
	if p.switchInterval = c.Duration("switch-interval"); p.switchInterval < 0 || c.IsSet("switch-interval") && p.switchInterval < time.Microsecond {
		return usageError{c.Command.HelpName, fmt.Errorf("--switch-interval must be at least 1us, got %v", p.switchInterval)}
	}
	if c.IsSet("mem-limit") {
		n, err := parseSize(c.String("mem-limit"))
		if err != nil {
			return usageError{c.Command.HelpName, fmt.Errorf("--mem-limit: %w", err)}
		}
		p.memLimit = n
	}
	p.stats = c.Bool("stats")
	return profiled(c.String("cpuprofile"), c.String("memprofile"), func() error {
		if isJobsRun(c) {
			return runJobs(c, p)
		}
		gc := newGCTuner()
		gc.watch()
		defer gc.stop()
		return runProgram(c.App.Reader, c.App.Writer, c.App.ErrWriter, p)
	})
}

// runProgram runs p in a new interpreter with the process's standard
// streams, printing what CPython prints, and returns exitError for a
// non-zero exit status.
func runProgram(stdin io.Reader, stdoutW, stderr io.Writer, p program) error {
	var filename string
	var src []byte
	switch {
	case p.module != "":
		// runpy finds and compiles the module itself.
	case p.isCode:
		filename, src = "<string>", []byte(p.code)
	default:
		var err error
		if filename, src, err = readSource(p.file, stdin); err != nil {
			return err
		}
		// CPython 3.12 names the main script by its absolute path.
		if filename != "<stdin>" {
			if abs, err := filepath.Abs(filename); err == nil {
				filename = abs
			}
		}
	}
	var code *compile.Code
	if p.module == "" {
		var err error
		if code, err = compileProgram(filename, src); err != nil {
			printCompileWarnings(stderr, err, filename, src)
			return reportCompileError(stderr, err, src)
		}
	}

	// sys.argv[0] is the script as given ("-c" for -c, "-" for stdin);
	// sys.path[0] is the script's directory ("" for -c and stdin).
	argv := append([]string{}, p.args...)
	path0 := ""
	switch {
	case p.module != "":
		// runpy replaces "-m" with the module's file once it finds it;
		// the module is looked for from the current directory.
		argv = append([]string{"-m"}, argv...)
		if wd, err := os.Getwd(); err == nil {
			path0 = wd
		}
	case p.isCode:
		argv = append([]string{"-c"}, argv...)
	default:
		argv = append([]string{p.file}, argv...)
		if filename != "<stdin>" {
			path0 = filepath.Dir(filename)
		}
	}
	path, lib, libErr := programPath(p, path0)
	stdout := &syncWriter{w: bufio.NewWriter(stdoutW)}
	defer stdout.Flush()
	// The runtime makes the interpreter, so that its code can create
	// subinterpreters (concurrent.interpreters), which share the
	// process's standard streams: stdout is safe for their concurrent
	// writes, and stderr is the process's own.
	rt, err := runtime.New(runtime.Options{StdlibDir: lib.Dir, SwitchInterval: p.switchInterval})
	if err != nil {
		return err
	}
	// SIGINT raises KeyboardInterrupt in the program, as in CPython;
	// other signals reach it when it installs a handler for them.
	signals := make(chan os.Signal, 8)
	signal.Notify(signals, os.Interrupt)
	defer signal.Stop(signals)
	base := p.interpOptions(argv, path, libErr != nil)
	base.SignalMode = func(sig int, mode interp.SignalMode) {
		s := syscall.Signal(sig)
		switch mode {
		case interp.SignalCatch:
			signal.Notify(signals, s)
		case interp.SignalIgnore:
			signal.Ignore(s)
		default:
			signal.Reset(s)
		}
	}
	it, err := rt.NewInterpreter(runtime.InterpreterOptions{
		Stdout:      stdout,
		Stderr:      stderr,
		Stdin:       stdin,
		MemoryLimit: p.memLimit,
		Base:        &base,
	})
	if err != nil {
		return err
	}
	status := 0
	err = it.Do(context.Background(), func(in *interp.Interp) error {
		done := make(chan struct{})
		defer close(done)
		go func() {
			for {
				select {
				case s := <-signals:
					if n, ok := s.(syscall.Signal); ok {
						in.Signal(int(n))
					}
				case <-done:
					return
				}
			}
		}()
		if p.stats {
			// The specializer counts only when asked before the program
			// runs (a branch per specialized instruction otherwise).
			in.EnableSpecializationStats()
		}
		var err error
		if p.module != "" {
			err = in.RunModule(p.module)
		} else {
			err = in.RunMain(code)
		}
		if err != nil {
			if st, ok := in.ExitStatus(err, stderr); ok {
				status = st
			} else {
				stdout.Flush()
				in.PrintException(stderr, err, sourceReader(filename, src))
				status = 1
				if in.IsKeyboardInterrupt(err) {
					status = 130 // killed by SIGINT, as CPython's exit looks
				}
			}
		}
		// At exit, as CPython: wait for the threads that are not daemons,
		// run the atexit functions, then flush sys.stdout's buffer.
		in.WaitForThreads()
		in.RunAtExit()
		if p.afterRun != nil && code != nil {
			p.afterRun(in, code)
		}
		if p.stats {
			stdout.Flush()
			printStats(stderr, rt, in)
		}
		return nil
	})
	if err != nil {
		stdout.Flush()
		return err
	}
	// Finalize as CPython does at exit: the main module's objects and
	// then the other modules' go, so their __del__ methods run, and the
	// subinterpreters the program left open are closed.
	if err := rt.Close(); err != nil {
		fmt.Fprintf(stderr, "parallel: %v\n", err)
	}
	stdout.Flush()
	if status != 0 {
		return exitError{status}
	}
	return nil
}

// programPath is sys.path for p whose own directory is path0:
// PYTHONPATH's directories follow the script's, then the pure-Python
// standard library, as in CPython. -P and -I leave the script's
// directory out; -E and -I ignore PYTHONPATH. libErr says why there is
// no standard library.
func programPath(p program, path0 string) (path []string, lib stdlib.Location, libErr error) {
	if !p.flags.SafePath {
		path = append(path, path0)
	}
	if pp := os.Getenv("PYTHONPATH"); pp != "" && p.flags.IgnoreEnvironment == 0 {
		for _, d := range filepath.SplitList(pp) {
			if d != "" {
				path = append(path, d)
			}
		}
	}
	lib, libErr = stdlib.Find()
	if libErr == nil {
		path = append(path, lib.Dir)
	}
	return path, lib, libErr
}

// syncWriter is a buffered writer that several interpreters may write
// to at once.
// interpOptions is the interp.Options of the program's command line, for
// an interpreter whose sys.argv is argv and sys.path starts with path.
func (p *program) interpOptions(argv, path []string, noStdlib bool) interp.Options {
	return interp.Options{
		Argv:        argv,
		OrigArgv:    p.origArgv,
		Flags:       p.flags,
		WarnOptions: p.warnOptions,
		XOptions:    p.xOptions,
		Path:        path,
		NoStdlib:    noStdlib,
		Executable:  executablePath(),
		Debug:       os.Getenv("PARALLEL_DEBUG") != "",
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  *bufio.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// Flush writes out what is buffered.
func (s *syncWriter) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Flush()
}

// executablePath is sys.executable: this program's absolute path.
func executablePath() string {
	p, err := os.Executable()
	if err != nil {
		return ""
	}
	return p
}

// compileProgram parses and compiles a main program.
func compileProgram(filename string, src []byte) (*compile.Code, error) {
	return codecache.Compile(filename, src, syntax.ModeExec, compile.Options{})
}

// sourceReader gives the traceback printer the program's own text for its
// file name and reads other files from disk, as linecache does.
func sourceReader(filename string, src []byte) traceback.SourceFunc {
	return func(name string) ([]string, bool) {
		if name == filename {
			return traceback.SplitLines(string(src)), true
		}
		if strings.HasPrefix(name, "<") {
			return nil, false
		}
		data, err := os.ReadFile(filepath.Clean(name))
		if err != nil {
			return nil, false
		}
		return traceback.SplitLines(string(data)), true
	}
}
