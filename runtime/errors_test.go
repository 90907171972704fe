package runtime

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The expected tracebacks are CPython 3.12's for the same source run
// with exec(compile(src, "<string>", "exec")), less the caller's frame.
func TestPythonError(t *testing.T) {
	rt := newRuntime(t, Options{})
	tests := []struct {
		name, src    string
		typ, msg, tb string
	}{
		{
			"zero", "def g():\n    1/0\ng()\n",
			"ZeroDivisionError", "division by zero",
			"Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n  File \"<string>\", line 2, in g\nZeroDivisionError: division by zero\n",
		},
		{
			"custom", "class MyError(Exception):\n    pass\nraise MyError('bad', 2)\n",
			"MyError", "('bad', 2)",
			"Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\nMyError: ('bad', 2)\n",
		},
		{
			"chain", "try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('v') from e\n",
			"ValueError", "v",
			"Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\nKeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"<string>\", line 4, in <module>\nValueError: v\n",
		},
		{
			"context", "try:\n    [][1]\nexcept IndexError:\n    int('x')\n",
			"ValueError", "invalid literal for int() with base 10: 'x'",
			"Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\nIndexError: list index out of range\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"<string>\", line 4, in <module>\nValueError: invalid literal for int() with base 10: 'x'\n",
		},
		{
			"name", "prnt('x')\n",
			"NameError", "name 'prnt' is not defined",
			"Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nNameError: name 'prnt' is not defined. Did you mean: 'print'?\n",
		},
		{
			"syntax", "x = (1,\n",
			"SyntaxError", "'(' was never closed (<string>, line 1)",
			"  File \"<string>\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n",
		},
		{
			"indent", "if x:\npass\n",
			"IndentationError", "expected an indented block after 'if' statement on line 1 (<string>, line 2)",
			"  File \"<string>\", line 2\n    pass\n    ^^^^\nIndentationError: expected an indented block after 'if' statement on line 1\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := newInterpreter(t, rt, InterpreterOptions{})
			defer it.Close()
			err := it.Exec(context.Background(), tc.src)
			var pe *PythonError
			if !errors.As(err, &pe) {
				t.Fatalf("Exec = %v, want a PythonError", err)
			}
			if pe.Type != tc.typ || pe.Message != tc.msg || pe.Cause != nil {
				t.Errorf("Type %q, Message %q, Cause %v; want %q, %q", pe.Type, pe.Message, pe.Cause, tc.typ, tc.msg)
			}
			if pe.Traceback != tc.tb {
				t.Errorf("Traceback:\n%s\nwant:\n%s", pe.Traceback, tc.tb)
			}
			if want := tc.typ + ": " + tc.msg; err.Error() != want {
				t.Errorf("Error() = %q, want %q", err.Error(), want)
			}
		})
	}
}

// TestPythonErrorModule checks the type name of an exception class
// defined outside __main__ and the source lines of library frames.
func TestPythonErrorModule(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	_, err := it.Call(context.Background(), "json.loads", "{")
	var pe *PythonError
	if !errors.As(err, &pe) {
		t.Fatalf("Call = %v, want a PythonError", err)
	}
	if pe.Type != "json.decoder.JSONDecodeError" {
		t.Errorf("Type = %q", pe.Type)
	}
	for _, want := range []string{
		"Traceback (most recent call last):\n  File \"",
		"json/decoder.py\", line 353, in raw_decode\n    obj, end = self.scan_once(s, idx)\n               ^^^^^^^^^^^^^^^^^^^^^^\n",
		"\njson.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\n",
	} {
		if !strings.Contains(pe.Traceback, want) {
			t.Errorf("Traceback lacks %q:\n%s", want, pe.Traceback)
		}
	}
}

func TestExecFile(t *testing.T) {
	rt := newRuntime(t, Options{})
	var out bytes.Buffer
	it := newInterpreter(t, rt, InterpreterOptions{Stdout: &out})
	path := filepath.Join(t.TempDir(), "prog.py")
	src := "import os\nprint(os.path.basename(__file__))\n\ndef f():\n    raise RuntimeError('from file')\nf()\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	err := it.ExecFile(context.Background(), path)
	var pe *PythonError
	if !errors.As(err, &pe) {
		t.Fatalf("ExecFile = %v, want a PythonError", err)
	}
	want := "Traceback (most recent call last):\n" +
		"  File \"" + path + "\", line 6, in <module>\n    f()\n" +
		"  File \"" + path + "\", line 5, in f\n    raise RuntimeError('from file')\n" +
		"RuntimeError: from file\n"
	if pe.Traceback != want {
		t.Errorf("Traceback:\n%s\nwant:\n%s", pe.Traceback, want)
	}
	if out.String() != "prog.py\n" {
		t.Errorf("output %q", out.String())
	}
	// As CPython's PyRun_SimpleFile, __file__ is gone afterwards.
	if got := eval(t, it, "'__file__' in globals()"); got != false {
		t.Errorf("__file__ left in __main__")
	}
	if err := it.ExecFile(context.Background(), filepath.Join(t.TempDir(), "missing.py")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ExecFile of a missing file = %v", err)
	}
}

func TestSystemExit(t *testing.T) {
	rt := newRuntime(t, Options{})
	tests := []struct {
		src    string
		code   int // -1: no error
		stderr string
	}{
		{"import sys; sys.exit()", -1, ""},
		{"import sys; sys.exit(0)", -1, ""},
		{"import sys; sys.exit(None)", -1, ""},
		{"raise SystemExit", -1, ""},
		{"import sys; sys.exit(3)", 3, ""},
		{"import sys; sys.exit(256 + 7)", 7, ""},
		{"import sys; sys.exit('bye')", 1, "bye\n"},
	}
	for _, tc := range tests {
		var stderr bytes.Buffer
		it := newInterpreter(t, rt, InterpreterOptions{Stderr: &stderr})
		err := it.Exec(context.Background(), tc.src+"\nprint('not reached')")
		var ee *ExitError
		switch {
		case tc.code < 0 && err != nil:
			t.Errorf("%s: Exec = %v, want nil", tc.src, err)
		case tc.code >= 0 && (!errors.As(err, &ee) || ee.Code != tc.code):
			t.Errorf("%s: Exec = %v, want exit status %d", tc.src, err, tc.code)
		}
		if stderr.String() != tc.stderr {
			t.Errorf("%s: stderr %q, want %q", tc.src, stderr.String(), tc.stderr)
		}
		it.Close()
	}
	// Call has a result to give, so even status 0 is an error.
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, "import sys\ndef f(): sys.exit(0)")
	var ee *ExitError
	if _, err := it.Call(context.Background(), "f"); !errors.As(err, &ee) || ee.Code != 0 {
		t.Errorf("Call of sys.exit(0) = %v, want ExitError 0", err)
	}
}
