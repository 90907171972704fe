package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
	"github.com/urfave/cli/v2"
)

func disCommand() *cli.Command {
	return &cli.Command{
		Name:  "dis",
		Usage: "compile a Python file and print its bytecode like dis.dis",
		Description: "Compiles FILE as CPython 3.12 compiles a module and prints the\n" +
			"   disassembly of the module's code object and of every code object\n" +
			"   nested in it, in the format of dis.dis. Offsets are instruction\n" +
			"   indexes times two (inline caches live outside the code), and code\n" +
			"   objects show address 0x0.\n" +
			"FILE - reads the source from standard input, named <stdin>.\n" +
			"A syntax error is printed as CPython prints it, with exit status 1.\n" +
			"With --adaptive, FILE first runs as `parallel run FILE` would (its\n" +
			"   output comes first), and the listing then shows the instructions\n" +
			"   it ran with: the specialized forms warm-up rewrote them to, as\n" +
			"   dis.dis(adaptive=True) shows them. Code that never ran shows its\n" +
			"   generic instructions. PARALLEL_SPECIALIZE_THRESHOLD=1 specializes\n" +
			"   on the first execution.",
		ArgsUsage: "FILE|-",
		Flags: []cli.Flag{
			&cli.IntFlag{
				Name:  "optimize",
				Usage: "compile with optimization `LEVEL` 0, 1 (no asserts) or 2 (no docstrings)",
			},
			&cli.IntFlag{
				Name:        "depth",
				Usage:       "descend at most `N` levels into nested code objects",
				Value:       -1,
				DefaultText: "all",
			},
			&cli.BoolFlag{
				Name:  "adaptive",
				Usage: "run FILE first and show the specialized instructions it ran with",
			},
		},
		Action: disAction,
	}
}

func disAction(c *cli.Context) error {
	if c.NArg() != 1 {
		err := fmt.Errorf("dis takes one FILE (or - for standard input), got %d arguments", c.NArg())
		if c.NArg() > 1 && len(c.Args().Get(1)) > 1 && strings.HasPrefix(c.Args().Get(1), "-") {
			err = fmt.Errorf("%w; flags must come before FILE", err)
		}
		return usageError{c.Command.HelpName, err}
	}
	if o := c.Int("optimize"); o < 0 || o > 2 {
		return usageError{c.Command.HelpName, fmt.Errorf("--optimize must be 0, 1 or 2, not %d", o)}
	}
	var opts []bytecode.Option
	if d := c.Int("depth"); d >= 0 {
		opts = append(opts, bytecode.Depth(d))
	}
	if c.Bool("adaptive") {
		if c.Int("optimize") != 0 {
			return usageError{c.Command.HelpName, fmt.Errorf("--adaptive runs FILE as parallel run does, without --optimize")}
		}
		return disAdaptive(c, opts)
	}
	filename, src, err := readSource(c.Args().First(), c.App.Reader)
	if err != nil {
		return err
	}
	mod, err := syntax.Parse(filename, src, syntax.ModeExec)
	var code *compile.Code
	if err == nil {
		code, err = compile.Compile(mod, filename, syntax.ModeExec, compile.Options{Optimize: c.Int("optimize")})
	}
	if err != nil {
		return reportCompileError(c.App.ErrWriter, err, src)
	}
	return bytecode.Disassemble(c.App.Writer, code.Listing(), opts...)
}

// disAdaptive runs the program in FILE, then disassembles it with the
// instructions the run left specialized. A program that fails still gets
// its listing, after its traceback, and its exit status.
func disAdaptive(c *cli.Context, opts []bytecode.Option) error {
	p := program{file: c.Args().First()}
	applyXOptions(&p)
	var listing *bytecode.Listing
	p.afterRun = func(in *interp.Interp, code *compile.Code) {
		listing = in.AdaptiveListing(code)
	}
	runErr := runProgram(c.App.Reader, c.App.Writer, c.App.ErrWriter, p)
	if listing == nil {
		return runErr
	}
	if err := bytecode.Disassemble(c.App.Writer, listing, append(opts, bytecode.Adaptive())...); err != nil {
		return err
	}
	return runErr
}

// reportCompileError prints a syntax error as CPython prints it and turns
// it into exit status 1; other errors are returned as they are.
func reportCompileError(w io.Writer, err error, src []byte) error {
	var serr *syntax.Error
	if !errors.As(err, &serr) {
		return err
	}
	if serr.Text == "" {
		serr.Text = sourceLine(src, serr.Line)
	}
	msg := serr.Format()
	if !strings.HasSuffix(msg, "\n") {
		msg += "\n"
	}
	io.WriteString(w, msg)
	return exitError{1}
}

// sourceLine returns line n (from 1) of src with its newline, or "".
func sourceLine(src []byte, n int) string {
	lines := strings.SplitAfter(string(src), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}
