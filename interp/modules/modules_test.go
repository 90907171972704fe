package modules_test

import (
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"
	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	_ "github.com/parallel-py/parallel/interp/modules"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The tests of this package run small programs through an interpreter
// with the modules registered and compare what they print, and the last
// line of an uncaught exception, with CPython 3.12.

// runProgram runs src as __main__ here.
func runProgram(t *testing.T, src string) (stdout, exc string) {
	t.Helper()
	mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compile.Compile(mod, "<test>", syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	in := interp.New(interp.Options{Stdout: &out})
	if err := in.RunMain(code); err != nil {
		var b strings.Builder
		if perr := in.PrintException(&b, err, nil); perr != nil {
			t.Fatalf("a non-Python error: %v", err)
		}
		lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
		exc = lines[len(lines)-1]
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
	return out.String(), exc
}

// cpython runs src in CPython 3.12 with extra environment variables.
func cpython(t *testing.T, src string, env ...string) (stdout, exc string) {
	t.Helper()
	cmd := pyoracle.Command("-c", src)
	cmd.Env = append(cmd.Env, env...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Skipf("no CPython 3.12: %v", err)
		}
		lines := strings.Split(strings.TrimRight(errOut.String(), "\n"), "\n")
		exc = lines[len(lines)-1]
	}
	return out.String(), exc
}

// checkModulePrograms compares each program's results with CPython's.
func checkModulePrograms(t *testing.T, programs map[string]string, env ...string) {
	t.Helper()
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src, env...)
			got, gotExc := runProgram(t, src)
			if got != want {
				t.Errorf("stdout:\n%s\nCPython 3.12:\n%s", got, want)
			}
			if gotExc != wantExc {
				t.Errorf("uncaught exception:\n%s\nCPython 3.12:\n%s", gotExc, wantExc)
			}
		})
	}
}
