package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

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
			"A syntax error is printed as CPython prints it, with exit status 1.",
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
	var opts []bytecode.Option
	if d := c.Int("depth"); d >= 0 {
		opts = append(opts, bytecode.Depth(d))
	}
	return bytecode.Disassemble(c.App.Writer, code.Listing(), opts...)
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
