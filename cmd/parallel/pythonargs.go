package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// python3's own command line. A program that starts a child interpreter
// the usual way, [sys.executable, "-X", "faulthandler", "-I", "-c",
// code] or [sys.executable, "script.py"], runs this binary with
// python3's options; run recognises such a command line (an option first,
// or a file that is not one of the commands) and runs it as python3
// would.

// pythonUsage is python3's one-line usage, printed with option errors.
const pythonUsage = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"

// isPythonCommandLine tells whether args (as os.Args) are python3's
// rather than this tool's.
func isPythonCommandLine(args []string, commands map[string]bool) bool {
	if len(args) < 2 {
		return false
	}
	a := args[1]
	switch {
	case a == "-h" || a == "--help" || a == "-v" || a == "--version":
		return false // this tool's own help and version
	case a == "-" || strings.HasPrefix(a, "-"):
		return true
	case commands[a]:
		return false
	}
	st, err := os.Stat(a)
	return err == nil && !st.IsDir()
}

// parsePythonArgs parses python3's options as CPython's getopt does:
// single-letter options may be grouped (-IEs), an option's argument may
// be attached (-Werror, -cCODE) or follow, and the first of -c, -m, a
// file or "-" ends them. It returns the program, or a message for a bad
// command line; version is set for -V.
func parsePythonArgs(args []string) (p program, version bool, errMsg string) {
	p.origArgv = args
	p.warnOptions = nil
	var ws []string
	i := 1
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if a == "-" || !strings.HasPrefix(a, "-") {
			break
		}
		if strings.HasPrefix(a, "--") {
			switch a {
			case "--version":
				return p, true, ""
			case "--help", "--help-env", "--help-xoptions", "--help-all":
				return p, false, "help"
			}
			return p, false, fmt.Sprintf("unknown option %s", a)
		}
		for j := 1; j < len(a); j++ {
			opt := a[j]
			takesArg := strings.IndexByte("cmWX", opt) >= 0
			var arg string
			if takesArg {
				switch {
				case j+1 < len(a):
					arg = a[j+1:]
				case i+1 < len(args):
					i++
					arg = args[i]
				default:
					return p, false, fmt.Sprintf("Argument expected for the -%c option", opt)
				}
			}
			switch opt {
			case 'c':
				p.code, p.isCode, p.args = arg, true, args[i+1:]
				return p.finish(ws), false, ""
			case 'm':
				p.module, p.args = arg, args[i+1:]
				return p.finish(ws), false, ""
			case 'W':
				ws = append(ws, arg)
			case 'X':
				p.xOptions = append(p.xOptions, arg)
			case 'E':
				p.flags.IgnoreEnvironment = 1
			case 'I':
				p.flags.Isolated, p.flags.IgnoreEnvironment, p.flags.NoUserSite, p.flags.SafePath = 1, 1, 1, true
			case 's':
				p.flags.NoUserSite = 1
			case 'S':
				p.flags.NoSite = 1
			case 'P':
				p.flags.SafePath = true
			case 'q':
				p.flags.Quiet = 1
			case 'v':
				p.flags.Verbose++
			case 'b':
				p.flags.BytesWarning++
			case 'd':
				p.flags.Debug++
			case 'B', 'u':
				// No .pyc files are written anyway; the program's output
				// is written through when it ends or flushes.
			case 'V':
				return p, true, ""
			case 'h', '?':
				return p, false, "help"
			case 'O':
				return p, false, "-O is not supported yet: parallel always runs assert statements and keeps __debug__ true"
			case 'i':
				return p, false, "-i is not supported yet: parallel has no interactive mode"
			case 'x':
				return p, false, "-x is not supported yet"
			default:
				return p, false, fmt.Sprintf("Unknown option: -%c", opt)
			}
			if takesArg {
				break
			}
		}
	}
	if i >= len(args) {
		return p, false, "reading a program from standard input without a file name is not supported yet: give - or a file"
	}
	p.file, p.args = args[i], args[i+1:]
	return p.finish(ws), false, ""
}

// finish applies the environment and the -X options once the command
// line is read.
func (p program) finish(ws []string) program {
	p.warnOptions = append(envWarnOptions(p.flags.IgnoreEnvironment != 0), ws...)
	applyXOptions(&p)
	return p
}

// envWarnOptions are PYTHONWARNINGS' entries, which CPython puts before
// the -W options (unless -E or -I).
func envWarnOptions(ignoreEnv bool) []string {
	if ignoreEnv {
		return nil
	}
	var out []string
	for _, w := range strings.Split(os.Getenv("PYTHONWARNINGS"), ",") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// applyXOptions sets the flags the -X options (and the environment
// variables standing for them) imply: -X dev turns on dev mode and puts
// "default" first in the warning options, as CPython does; PYTHONUTF8=1
// or -X utf8 turn on UTF-8 mode (-X utf8=0 turns it off).
func applyXOptions(p *program) {
	if p.flags.IgnoreEnvironment == 0 {
		switch os.Getenv("PYTHONUTF8") {
		case "1":
			p.flags.UTF8Mode = 1
		case "0":
			p.flags.UTF8Mode = 0
		}
		if v, err := strconv.Atoi(os.Getenv("PYTHONINTMAXSTRDIGITS")); err == nil {
			p.flags.IntMaxStrDigits = &v
		}
		if os.Getenv("PYTHONDEVMODE") != "" && !slices.Contains(p.xOptions, "dev") {
			p.flags.DevMode = true
			p.warnOptions = append([]string{"default"}, p.warnOptions...)
		}
	}
	for _, x := range p.xOptions {
		name, value, hasValue := strings.Cut(x, "=")
		switch name {
		case "dev":
			p.flags.DevMode = true
			p.warnOptions = append([]string{"default"}, p.warnOptions...)
		case "utf8":
			p.flags.UTF8Mode = 1
			if hasValue && value == "0" {
				p.flags.UTF8Mode = 0
			}
		case "warn_default_encoding":
			p.flags.WarnDefaultEncoding = 1
		case "int_max_str_digits":
			if v, err := strconv.Atoi(value); err == nil {
				p.flags.IntMaxStrDigits = &v
			}
		}
	}
}

// runPythonCommandLine runs a python3 command line and returns the exit
// status.
func runPythonCommandLine(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	p, version, msg := parsePythonArgs(args)
	switch {
	case version:
		fmt.Fprintln(stdout, "Python 3.12.1")
		return 0
	case msg == "help":
		fmt.Fprintf(stdout, pythonUsage, args[0])
		fmt.Fprintln(stdout, "parallel accepts python3's command line: see `parallel run --help` for its own.")
		return 0
	case msg != "":
		fmt.Fprintln(stderr, msg)
		fmt.Fprintf(stderr, pythonUsage, args[0])
		return 2
	}
	return exitStatus(runProgram(stdin, stdout, stderr, p), stderr)
}
