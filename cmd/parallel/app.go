package main

import (
	"errors"
	"fmt"
	"github.com/parallel-py/parallel/interp"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

// exitError is returned by a command that has already reported its failure
// (a syntax error printed the way CPython prints it, say) and only needs the
// process to end with code.
type exitError struct {
	code int
}

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageError is a mistake in the command line. run prints it with a pointer
// to the help of command (a full name such as "parallel ast") and exits 2.
type usageError struct {
	command string
	err     error
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// newApp builds the command-line application reading from stdin and
// writing to stdout and stderr. Nothing in it calls os.Exit: commands
// return errors and run decides the exit status.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	commands := []*cli.Command{
		astCommand(),
		benchCommand(),
		disCommand(),
		runCommand(),
		stressCommand(),
		versionCommand(),
	}
	for _, c := range commands {
		c.OnUsageError = onUsageError // not inherited from the app
		c.HideHelpCommand = true      // no subcommands to ask about
	}
	return &cli.App{
		Name:      "parallel",
		Usage:     "run Python programs in many isolated interpreters at once",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands:  commands,
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usageError{"parallel", fmt.Errorf("unknown command %q", c.Args().First())}
			}
			return cli.ShowAppHelp(c)
		},
		OnUsageError: onUsageError,
		// The default handler calls os.Exit; run handles exit codes instead.
		ExitErrHandler: func(*cli.Context, error) {},
	}
}

// onUsageError wraps a flag-parsing error of the command being run, so
// that it is reported like every other usage error.
func onUsageError(c *cli.Context, err error, _ bool) error {
	return usageError{c.Command.HelpName, err}
}

// endRunFlags marks the end of run's own flags after `-m MODULE` or
// `-c CODE`, as python3 does: what follows is the program's sys.argv,
// even when it looks like a flag (`run -m unittest -v`).
func endRunFlags(args []string) []string {
	for i := 1; i < len(args); i++ {
		if args[i] != "run" {
			continue
		}
		for j := i + 1; j < len(args); j++ {
			a := args[j]
			switch {
			case a == "--":
				return args
			case (a == "-m" || a == "-c" || a == "--m" || a == "--c") && j+1 < len(args):
				out := append([]string{}, args[:j+2]...)
				out = append(out, "--")
				return append(out, args[j+2:]...)
			case strings.HasPrefix(a, "-m=") || strings.HasPrefix(a, "-c=") || strings.HasPrefix(a, "--m=") || strings.HasPrefix(a, "--c="):
				out := append([]string{}, args[:j+1]...)
				out = append(out, "--")
				return append(out, args[j+1:]...)
			case !strings.HasPrefix(a, "-"):
				return args // a script: the flag parser stops there itself
			case !strings.Contains(a, "=") && runValueFlags()[strings.TrimLeft(a, "-")]:
				j++ // the flag's value, which may not start with "-"
			}
		}
		return args
	}
	return args
}

// runValueFlags names the flags of run (and their aliases) that take a
// value, so that endRunFlags does not take a value for the script.
func runValueFlags() map[string]bool {
	names := map[string]bool{}
	for _, f := range runCommand().Flags {
		if _, isBool := f.(*cli.BoolFlag); isBool {
			continue
		}
		for _, n := range f.Names() {
			names[n] = true
		}
	}
	return names
}

// run runs the command line args (args[0] is the program name, as in
// os.Args) and returns the process exit status: 0 on success, 1 when the
// command failed, 2 for a bad command line.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if err := interp.HashSeedError(); err != nil {
		fmt.Fprintf(stderr, "Fatal Python error: config_init_hash_seed: %v\n", err)
		return 1
	}
	app := newApp(stdin, stdout, stderr)
	commands := map[string]bool{"help": true, "h": true}
	for _, c := range app.Commands {
		commands[c.Name] = true
	}
	if isPythonCommandLine(args, commands) {
		return runPythonCommandLine(args, stdin, stdout, stderr)
	}
	return exitStatus(app.Run(stressNameLast(splitJobsShorthand(endRunFlags(args)))), stderr)
}

// exitStatus reports err (the outcome of a command) on stderr unless the
// command already did, and returns the process exit status.
func exitStatus(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var (
		exit  exitError
		usage usageError
		coder cli.ExitCoder
	)
	switch {
	case errors.As(err, &exit):
		return exit.code
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "parallel: %v\nRun '%s --help' for usage.\n", usage.err, usage.command)
		return 2
	case errors.As(err, &coder):
		// cli.Exit errors, such as "No help topic for 'x'" from the help
		// command.
		if msg := coder.Error(); msg != "" {
			fmt.Fprintf(stderr, "parallel: %s\n", msg)
		}
		return coder.ExitCode()
	}
	fmt.Fprintf(stderr, "parallel: %v\n", err)
	return 1
}
