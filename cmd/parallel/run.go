package main

import (
	"bufio"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/parallel-py/parallel/interp"
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
		},
		Action: runAction,
	}
}

func runAction(c *cli.Context) error {
	var filename string
	var src []byte
	switch {
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
	code, err := compileProgram(filename, src)
	if err != nil {
		return reportCompileError(c.App.ErrWriter, err, src)
	}

	// sys.argv[0] is the script as given ("-c" for -c, "-" for stdin);
	// sys.path[0] is the script's directory ("" for -c and stdin).
	argv := append([]string{}, c.Args().Slice()...)
	path0 := ""
	switch {
	case c.IsSet("c"):
		argv = append([]string{"-c"}, argv...)
	case filename != "<stdin>":
		path0 = filepath.Dir(filename)
	}
	if len(argv) == 0 {
		argv = []string{"-"}
	}
	// The pure-Python standard library comes after the script's directory.
	path := []string{path0}
	lib, libErr := stdlib.Find()
	if libErr == nil {
		path = append(path, lib.Dir)
	}
	stdout := bufio.NewWriter(c.App.Writer)
	defer stdout.Flush()
	in := interp.New(interp.Options{
		Stdout:     stdout,
		Stderr:     c.App.ErrWriter,
		Stdin:      c.App.Reader,
		Argv:       argv,
		Path:       path,
		NoStdlib:   libErr != nil,
		Executable: executablePath(),
		Debug:      os.Getenv("PARALLEL_DEBUG") != "",
	})
	// SIGINT raises KeyboardInterrupt in the program, as in CPython.
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-interrupts:
				in.Interrupt()
			case <-done:
				return
			}
		}
	}()
	err = in.RunMain(code)
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
	signal.Stop(interrupts)
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
	mod, err := syntax.Parse(filename, src, syntax.ModeExec)
	if err != nil {
		return nil, err
	}
	return compile.Compile(mod, filename, syntax.ModeExec, compile.Options{})
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
