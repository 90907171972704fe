package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "regenerate testdata/*.stdout and *.stderr with CPython 3.12")

// runApp runs the program in process with args after the program name and
// the given standard input, and returns its exit status and output.
func runApp(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"parallel"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// astCases are checked against golden files written by CPython: for case
// name, testdata/name.stdout and testdata/name.stderr hold what the oracle
// program astOracle prints. Regenerate them with
//
//	go test ./cmd/parallel -run TestAST -update
//
// which needs CPython 3.12 (PYENV_VERSION=3.12.1 python3).
var astCases = []struct {
	name  string
	args  []string // after "parallel ast"
	stdin string   // a file fed to standard input, for FILE "-"
	code  int
}{
	{name: "small", args: []string{"testdata/small.py"}},
	{name: "small_indent2", args: []string{"--indent", "2", "testdata/small.py"}},
	{name: "small_indent0_attributes", args: []string{"--indent=0", "--attributes", "testdata/small.py"}},
	{name: "small_attributes", args: []string{"--attributes", "testdata/small.py"}},
	{name: "hello_indent2", args: []string{"--indent", "2", "../../examples/hello.py"}},
	{name: "stdin_indent4", args: []string{"--indent", "4", "-"}, stdin: "testdata/small.py"},
	{name: "empty", args: []string{"testdata/empty.py"}},
	{name: "syntax_error", args: []string{"testdata/syntax_error.py"}, code: 1},
	{name: "indentation_error", args: []string{"testdata/indentation_error.py"}, code: 1},
	{name: "stdin_syntax_error", args: []string{"-"}, stdin: "testdata/syntax_error.py", code: 1},
}

func TestAST(t *testing.T) {
	for _, tc := range astCases {
		t.Run(tc.name, func(t *testing.T) {
			var stdin string
			if tc.stdin != "" {
				b, err := os.ReadFile(tc.stdin)
				if err != nil {
					t.Fatal(err)
				}
				stdin = string(b)
			}
			outFile := filepath.Join("testdata", tc.name+".stdout")
			errFile := filepath.Join("testdata", tc.name+".stderr")
			if *update {
				code, out, errOut := astOracle(t, tc.args, stdin)
				if code != tc.code {
					t.Fatalf("CPython exited with status %d, the test expects %d; stderr:\n%s", code, tc.code, errOut)
				}
				writeGolden(t, outFile, out)
				writeGolden(t, errFile, errOut)
			}
			wantOut, wantErr := readGolden(t, outFile), readGolden(t, errFile)

			code, out, errOut := runApp(t, stdin, append([]string{"ast"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d", code, tc.code)
			}
			if out != wantOut {
				t.Errorf("stdout differs from %s\ngot:\n%s\nwant:\n%s", outFile, out, wantOut)
			}
			if errOut != wantErr {
				t.Errorf("stderr differs from %s\ngot:\n%s\nwant:\n%s", errFile, errOut, wantErr)
			}
		})
	}
}

// oracleScript does what "parallel ast" does, in CPython. It takes the
// ast command's arguments; a syntax error is left uncaught, so CPython
// prints it itself.
const oracleScript = `
import ast, sys
indent, attrs, args = None, False, sys.argv[1:]
while args[0].startswith("--") :
    flag = args.pop(0)
    if flag == "--attributes":
        attrs = True
    elif flag.startswith("--indent="):
        indent = int(flag.split("=", 1)[1])
    elif flag == "--indent":
        indent = int(args.pop(0))
    else:
        sys.exit("oracle: unknown flag " + flag)
(path,) = args
if path == "-":
    src, name = sys.stdin.read(), "<stdin>"
else:
    with open(path) as f:
        src, name = f.read(), path
tree = compile(src, name, "exec", ast.PyCF_ONLY_AST)
print(ast.dump(tree, indent=indent, include_attributes=attrs))
`

// astOracle runs oracleScript with CPython 3.12 and returns its exit
// status and output. From stderr it keeps only the part "parallel ast"
// prints: the traceback header and the frame of the -c script go, and the
// syntax error's own block, from its `  File "name", line N` line, stays.
func astOracle(t *testing.T, args []string, stdin string) (code int, stdout, stderr string) {
	t.Helper()
	python := python312(t)
	cmd := exec.Command(python[0], append(append(python[1:], "-c", oracleScript), args...)...)
	cmd.Env = append(os.Environ(), "PYENV_VERSION=3.12.1", "PYTHONIOENCODING=utf-8")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		exit, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("running CPython: %v", err)
		}
		code = exit.ExitCode()
	}
	stderr = errOut.String()
	if code != 0 {
		name := args[len(args)-1]
		if name == "-" {
			name = "<stdin>"
		}
		i := strings.Index(stderr, `  File "`+name+`", line `)
		if i < 0 || !strings.HasPrefix(stderr, "Traceback (most recent call last):\n") {
			t.Fatalf("CPython failed in an unexpected way (status %d):\n%s", code, stderr)
		}
		stderr = stderr[i:]
	}
	return code, out.String(), stderr
}

// python312 returns the command that runs CPython 3.12, or fails the test:
// only -update needs it.
func python312(t *testing.T) []string {
	t.Helper()
	cmd := exec.Command("python3", "--version")
	cmd.Env = append(os.Environ(), "PYENV_VERSION=3.12.1")
	v, err := cmd.Output()
	if err != nil || !strings.HasPrefix(string(v), "Python 3.12.") {
		t.Fatalf("-update needs CPython 3.12 as PYENV_VERSION=3.12.1 python3 (got %q, %v)", v, err)
	}
	return []string{"python3"}
}

func readGolden(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (regenerate with go test ./cmd/parallel -run TestAST -update)", err)
	}
	return string(b)
}

func writeGolden(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCommandLine covers what needs no oracle: version output, bad command
// lines and unreadable files.
func TestCommandLine(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a regular expression the whole of stdout must match
		stderr string // likewise for stderr
	}{
		{
			name:   "version",
			args:   []string{"version"},
			stdout: `parallel \S+ go\S+ \w+/\w+\nstandard library: (/\S+ \(.+\)|none found \(set PARALLEL_STDLIB\))\n`,
		},
		{
			name:   "missing file",
			args:   []string{"ast", "testdata/no_such_file.py"},
			code:   1,
			stderr: regexp.QuoteMeta("parallel: can't open file 'testdata/no_such_file.py': [Errno 2] No such file or directory\n"),
		},
		{
			name:   "directory",
			args:   []string{"ast", "testdata"},
			code:   1,
			stderr: regexp.QuoteMeta("parallel: can't open file 'testdata': [Errno 21] Is a directory\n"),
		},
		{
			name:   "ast without file",
			args:   []string{"ast"},
			code:   2,
			stderr: `parallel: ast takes one FILE .*\nRun 'parallel ast --help' for usage\.\n`,
		},
		{
			name:   "ast with two files",
			args:   []string{"ast", "a.py", "b.py"},
			code:   2,
			stderr: `parallel: ast takes one FILE .*got 2 arguments\nRun 'parallel ast --help' for usage\.\n`,
		},
		{
			name:   "flag after file",
			args:   []string{"ast", "a.py", "--indent", "2"},
			code:   2,
			stderr: `parallel: ast takes one FILE .*got 3 arguments; flags must come before FILE\nRun 'parallel ast --help' for usage\.\n`,
		},
		{
			name:   "bad indent",
			args:   []string{"ast", "--indent", "x", "a.py"},
			code:   2,
			stderr: `parallel: invalid value "x" for flag -indent: .*\nRun 'parallel ast --help' for usage\.\n`,
		},
		{
			name:   "unknown flag",
			args:   []string{"ast", "--nope", "a.py"},
			code:   2,
			stderr: `parallel: flag provided but not defined: -nope\nRun 'parallel ast --help' for usage\.\n`,
		},
		{
			name:   "unknown command",
			args:   []string{"frobnicate"},
			code:   2,
			stderr: `parallel: unknown command "frobnicate"\nRun 'parallel --help' for usage\.\n`,
		},
		{
			name:   "version with argument",
			args:   []string{"version", "x"},
			code:   2,
			stderr: `parallel: unexpected argument "x"\nRun 'parallel version --help' for usage\.\n`,
		},
		{
			name:   "help",
			args:   []string{"--help"},
			stdout: `(?s).*\bast\b.*\bversion\b.*`,
		},
		{
			name:   "ast help",
			args:   []string{"ast", "--help"},
			stdout: `(?s).*--indent N.*--attributes.*`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runApp(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			if !regexp.MustCompile(`\A(?:` + tt.stdout + `)\z`).MatchString(out) {
				t.Errorf("stdout:\n%s\ndoes not match:\n%s", out, tt.stdout)
			}
			if !regexp.MustCompile(`\A(?:` + tt.stderr + `)\z`).MatchString(errOut) {
				t.Errorf("stderr:\n%s\ndoes not match:\n%s", errOut, tt.stderr)
			}
		})
	}
}

func TestVersionString(t *testing.T) {
	saved := version
	defer func() { version = saved }()

	version = "v1.2.3"
	if got := versionString(); got != "v1.2.3" {
		t.Errorf("versionString() = %q with version set at link time, want v1.2.3", got)
	}
	version = ""
	if got := versionString(); got == "" || strings.ContainsAny(got, " \n") {
		t.Errorf("versionString() = %q from build info, want one non-empty word", got)
	}
}

// Flags of run that take a value may come before -c or -m: their values
// are not taken for the program, and what follows the code is argv.
func TestRunFlagValuesBeforeCode(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--switch-interval", "1ms", "-c", "import sys; print(sys.argv)", "-v"}, "['-c', '-v']\n"},
		{[]string{"run", "--switch-interval=1ms", "-c", "import sys; print(sys.argv)", "-v"}, "['-c', '-v']\n"},
		{[]string{"run", "-X", "dev", "-c", "import sys; print(sys.argv, sys.flags.dev_mode)", "a"}, "['-c', 'a'] True\n"},
	} {
		var stdout, stderr bytes.Buffer
		status := run(append([]string{"parallel"}, c.args...), strings.NewReader(""), &stdout, &stderr)
		if status != 0 || stdout.String() != c.want {
			t.Errorf("%v: status %d, stdout %q, stderr %q; want %q", c.args, status, stdout.String(), stderr.String(), c.want)
		}
	}
}
