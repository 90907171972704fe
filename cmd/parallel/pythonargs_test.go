package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestPythonCommandLine runs this binary the way programs start a child
// interpreter through sys.executable: with python3's options. The
// expected values are what CPython 3.12 prints for the same command
// lines (its dont_write_bytecode aside: no .pyc is ever written here).
func TestPythonCommandLine(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "show_argv.py")
	if err := os.WriteFile(script, []byte("import sys\nprint(sys.argv[1:], sys.path[0] == sys.argv[0].rpartition('/')[0])\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	flagsProgram := "import sys; f = sys.flags; print(f.isolated, f.ignore_environment, f.no_user_site, f.safe_path, f.dev_mode, sys.warnoptions, sys._xoptions, sys.argv)"
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a regular expression the whole of stdout must match
		stderr string // likewise for stderr
	}{
		{
			name:   "grouped flags and attached arguments",
			args:   []string{"-IEs", "-Werror", "-Xfaulthandler", "-X", "dev", "-c", flagsProgram, "a", "b"},
			stdout: regexp.QuoteMeta("1 1 1 True True ['default', 'error'] {'faulthandler': True, 'dev': True} ['-c', 'a', 'b']\n"),
		},
		{
			name:   "plain -c",
			args:   []string{"-c", flagsProgram, "-x"},
			stdout: regexp.QuoteMeta("0 0 0 False False [] {} ['-c', '-x']\n"),
		},
		{
			name:   "script with arguments",
			args:   []string{script, "one", "--two"},
			stdout: regexp.QuoteMeta("['one', '--two'] True\n"),
		},
		{
			name:   "-I leaves the script's directory out of sys.path",
			args:   []string{"-I", script},
			stdout: regexp.QuoteMeta("[] False\n"),
		},
		{
			name:   "-W error turns a warning into an exception",
			args:   []string{"-W", "error", "-c", "import warnings; warnings.warn('x')"},
			code:   1,
			stderr: `(?s)Traceback \(most recent call last\):\n.*UserWarning: x\n`,
		},
		{
			name:   "-m",
			args:   []string{"-m", "json.tool", "--help"},
			stdout: `(?s)usage: python -m json.tool .*`,
		},
		{
			name:   "-X int_max_str_digits",
			args:   []string{"-X", "int_max_str_digits=1000", "-c", "import sys; print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)"},
			stdout: regexp.QuoteMeta("1000 1000\n"),
		},
		{
			name:   "version",
			args:   []string{"-V"},
			stdout: regexp.QuoteMeta("Python 3.12.1\n"),
		},
		{
			name:   "unknown option",
			args:   []string{"-z"},
			code:   2,
			stderr: `Unknown option: -z\nusage: parallel \[option\] \.\.\. \[-c cmd \| -m mod \| file \| -\] \[arg\] \.\.\.\nTry ` + "`python -h'" + ` for more information\.\n`,
		},
		{
			name:   "missing argument",
			args:   []string{"-c"},
			code:   2,
			stderr: `Argument expected for the -c option\nusage: .*\n.*\n`,
		},
		{
			name:   "unsupported option",
			args:   []string{"-O", "-c", "pass"},
			code:   2,
			stderr: `-O is not supported yet: .*\nusage: .*\n.*\n`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runApp(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d (stderr %q)", code, tt.code, errOut)
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
