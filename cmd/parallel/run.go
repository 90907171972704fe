package main

import (
	"bufio"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/codecache"
	"github.com/parallel-py/parallel/interp/compile"
	_ "github.com/parallel-py/parallel/interp/modules" // the built-in modules register themselves
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
	"github.com/parallel-py/parallel/interp/traceback"
	"github.com/urfave/cli/v2"
)

func runCommand() *cli.Command {
	return &cli.Command{
		Name:  "run",
		Usage: "run a Python program, like python3 script.py",
		Description: "Runs FILE (- for standard input, or the program given with -c)\n" +
			"   in one interpreter, printing what CPython 3.12 prints: output, an\n" +
			"   uncaught exception's traceback on stderr with exit status 1, or a\n" +
			"   syntax error. The interpreter is young: what it does not support yet\n" +
			"   raises NotImplementedError naming the feature (see the README).",
		ArgsUsage: "FILE|- [ARG...]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "c", Usage: "run `CODE` as the program"},
			&cli.StringFlag{Name: "m", Usage: "run library `MODULE` as a script, like python3 -m"},
		},
		Action: runAction,
	}
}

func runAction(c *cli.Context) error {
	var filename string
	var src []byte
	switch {
	case c.IsSet("c") && c.IsSet("m"):
		return usageError{c.Command.HelpName, fmt.Errorf("run takes -c or -m, not both")}
	case c.IsSet("m"):
		// runpy finds and compiles the module itself.
	case c.IsSet("c"):
		filename, src = "<string>", []byte(c.String("c"))
	case c.NArg() == 0:
		return usageError{c.Command.HelpName, fmt.Errorf("run needs a FILE, - or -c CODE")}
	default:
		var err error
		if filename, src, err = readSource(c.Args().First(), c.App.Reader); err != nil {
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
	if !c.IsSet("m") {
		var err error
		if code, err = compileProgram(filename, src); err != nil {
			return reportCompileError(c.App.ErrWriter, err, src)
		}
	}

	// sys.argv[0] is the script as given ("-c" for -c, "-" for stdin);
	// sys.path[0] is the script's directory ("" for -c and stdin).
	argv := append([]string{}, c.Args().Slice()...)
	path0 := ""
	switch {
	case c.IsSet("m"):
		// runpy replaces "-m" with the module's file once it finds it;
		// the module is looked for from the current directory.
		argv = append([]string{"-m"}, argv...)
		if wd, err := os.Getwd(); err == nil {
			path0 = wd
		}
	case c.IsSet("c"):
		argv = append([]string{"-c"}, argv...)
	case filename != "<stdin>":
		path0 = filepath.Dir(filename)
	}
	if len(argv) == 0 {
		argv = []string{"-"}
	}
	// PYTHONPATH's directories follow the script's, then the pure-Python
	// standard library, as in CPython.
	path := []string{path0}
	if pp := os.Getenv("PYTHONPATH"); pp != "" {
		for _, d := range filepath.SplitList(pp) {
			if d != "" {
				path = append(path, d)
			}
		}
	}
	lib, libErr := stdlib.Find()
	if libErr == nil {
		path = append(path, lib.Dir)
	}
	stdout := bufio.NewWriter(c.App.Writer)
	defer stdout.Flush()
	// SIGINT raises KeyboardInterrupt in the program, as in CPython;
	// other signals reach it when it installs a handler for them.
	signals := make(chan os.Signal, 8)
	signal.Notify(signals, os.Interrupt)
	in := interp.New(interp.Options{
		Stdout:     stdout,
		Stderr:     c.App.ErrWriter,
		Stdin:      c.App.Reader,
		Argv:       argv,
		Path:       path,
		NoStdlib:   libErr != nil,
		Executable: executablePath(),
		Debug:      os.Getenv("PARALLEL_DEBUG") != "",
		SignalMode: func(sig int, mode interp.SignalMode) {
			s := syscall.Signal(sig)
			switch mode {
			case interp.SignalCatch:
				signal.Notify(signals, s)
			case interp.SignalIgnore:
				signal.Ignore(s)
			default:
				signal.Reset(s)
			}
		},
	})
	done := make(chan struct{})
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
	var err error
	if c.IsSet("m") {
		err = in.RunModule(c.String("m"))
	} else {
		err = in.RunMain(code)
	}
	status := 0
	if err != nil {
		if st, ok := in.ExitStatus(err, c.App.ErrWriter); ok {
			status = st
		} else {
			stdout.Flush()
			in.PrintException(c.App.ErrWriter, err, sourceReader(filename, src))
			status = 1
			if in.IsKeyboardInterrupt(err) {
				status = 130 // killed by SIGINT, as CPython's exit looks
			}
		}
	}
	// At exit, as CPython: the atexit functions, then sys.stdout's buffer.
	in.RunAtExit()
	signal.Stop(signals)
	close(done)
	stdout.Flush()
	if status != 0 {
		return exitError{status}
	}
	return nil
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
