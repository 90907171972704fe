package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	"github.com/parallel-py/parallel/interp/syntax"
	"github.com/urfave/cli/v2"
)

func astCommand() *cli.Command {
	return &cli.Command{
		Name:  "ast",
		Usage: "parse a Python file and print its syntax tree like ast.dump",
		Description: "Prints what CPython 3.12 prints for\n" +
			"   print(ast.dump(ast.parse(source), indent=N, include_attributes=A))\n" +
			"Without --indent the tree is printed on one line (indent=None).\n" +
			"FILE - reads the source from standard input, named <stdin>.\n" +
			"A syntax error is printed as CPython prints it, with exit status 1.",
		ArgsUsage: "FILE|-",
		Flags: []cli.Flag{
			&cli.IntFlag{
				Name:  "indent",
				Usage: "indent nested nodes by `N` spaces, one node per line",
				// Absent means indent=None: the whole tree on one line.
				DefaultText: "one line",
			},
			&cli.BoolFlag{
				Name:  "attributes",
				Usage: "include lineno, col_offset, end_lineno and end_col_offset",
			},
		},
		Action: astAction,
	}
}

func astAction(c *cli.Context) error {
	if c.NArg() != 1 {
		err := fmt.Errorf("ast takes one FILE (or - for standard input), got %d arguments", c.NArg())
		if c.NArg() > 1 && len(c.Args().Get(1)) > 1 && strings.HasPrefix(c.Args().Get(1), "-") {
			err = fmt.Errorf("%w; flags must come before FILE", err)
		}
		return usageError{c.Command.HelpName, err}
	}
	filename, src, err := readSource(c.Args().First(), c.App.Reader)
	if err != nil {
		return err
	}
	mod, err := syntax.Parse(filename, src, syntax.ModeExec)
	if err != nil {
		var serr *syntax.Error
		if errors.As(err, &serr) {
			msg := serr.Format()
			if !strings.HasSuffix(msg, "\n") {
				msg += "\n"
			}
			io.WriteString(c.App.ErrWriter, msg)
			return exitError{1}
		}
		return err
	}
	opts := syntax.DumpOptions{Indent: -1, IncludeAttributes: c.Bool("attributes")}
	if c.IsSet("indent") {
		// ast.dump indents by ' ' * indent, so a negative indent acts as 0.
		opts.Indent = max(c.Int("indent"), 0)
	}
	_, err = io.WriteString(c.App.Writer, syntax.Dump(mod, opts)+"\n")
	return err
}

// readSource returns the name to report in errors and the contents of the
// file arg, or of stdin when arg is "-".
func readSource(arg string, stdin io.Reader) (filename string, src []byte, err error) {
	if arg == "-" {
		src, err = io.ReadAll(stdin)
		if err != nil {
			return "", nil, fmt.Errorf("can't read <stdin>: %w", err)
		}
		return "<stdin>", src, nil
	}
	src, err = os.ReadFile(arg)
	if err != nil {
		return "", nil, openError(arg, err)
	}
	return arg, src, nil
}

// openError words a failure to read file name the way python3 reports a
// script it cannot open:
//
//	can't open file 'x.py': [Errno 2] No such file or directory
func openError(name string, err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		// Go's messages are C's strerror text, lower-cased.
		msg := errno.Error()
		if msg != "" {
			msg = strings.ToUpper(msg[:1]) + msg[1:]
		}
		return fmt.Errorf("can't open file '%s': [Errno %d] %s", name, int(errno), msg)
	}
	return fmt.Errorf("can't open file '%s': %w", name, err)
}
