package runtime

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/codecache"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
	"github.com/parallel-py/parallel/interp/traceback"
)

// Running code: each call takes the interpreter's main thread (its GIL
// and a run slot), runs and gives the thread back. sys.stdout and
// sys.stderr write through to the interpreter's writers, so what the code
// printed is there when the call returns, with no flush.
//
// A context that is done while the code runs makes the main thread raise
// KeyboardInterrupt at its next eval-breaker check (a backward jump, a
// call) or at once if it waits (sleep, lock): the code's finally blocks
// and except clauses run as they do for Ctrl-C in CPython. The exception
// that escapes comes back as a *PythonError whose Cause is the context's
// error. Code that catches the interrupt and finishes normally has
// finished: its call returns without error.

// Exec runs src in the interpreter's __main__ module, as CPython's
// PyRun_String does with file name "<string>"; globals persist from one
// call to the next. An uncaught exception (or a SyntaxError) is a
// *PythonError; sys.exit with a non-zero status is an *ExitError, and
// sys.exit() or sys.exit(0) ends the code without error, as it ends a
// script with status 0. A ctx already done returns ctx.Err() at once.
func (it *Interpreter) Exec(ctx context.Context, src string) error {
	return it.execSource(ctx, "exec", "<string>", []byte(src), false)
}

// ExecFile runs the Python file at path in __main__, as CPython runs a
// script: __file__ is set while it runs, and tracebacks show the
// file's lines. Errors are as for Exec.
func (it *Interpreter) ExecFile(ctx context.Context, path string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("runtime: exec file: %w", err)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return fmt.Errorf("runtime: exec file: %w", err)
	}
	return it.execSource(ctx, "exec file", abs, src, true)
}

// execSource compiles src outside the GIL (templates come from the
// process-wide cache) and runs it in __main__.
func (it *Interpreter) execSource(ctx context.Context, op, filename string, src []byte, file bool) error {
	code, cerr := codecache.Compile(filename, src, syntax.ModeExec, compile.Options{})
	_, err := it.run(ctx, op, func(in *interp.Interp) (any, error) {
		if cerr != nil {
			return nil, in.SyntaxErrorFrom(withSourceLine(cerr, src))
		}
		if file {
			return nil, execWithFile(in, code, filename)
		}
		return nil, in.ExecMain(code)
	})
	if err == nil {
		return nil
	}
	var exit *ExitError
	if errors.As(err, &exit) && exit.Code == 0 {
		return nil
	}
	return err
}

// execWithFile runs code in __main__ with __file__ and __cached__ set,
// removing them afterwards if they were not there before, as CPython's
// PyRun_SimpleFile does.
func execWithFile(in *interp.Interp, code *compile.Code, filename string) error {
	m, err := in.MainModule()
	if err != nil {
		return err
	}
	defer in.DecRef(interp.ValueOf(m))
	key := interp.ImmortalStr("__file__")
	if _, ok, err := in.DictGet(m.Dict(), key); err != nil || ok {
		if err != nil {
			return err
		}
		return in.ExecMain(code)
	}
	name, err := in.NewStr(filename)
	if err != nil {
		return err
	}
	err = m.Set(in, "__file__", name)
	in.DecRef(name)
	if err == nil {
		err = m.Set(in, "__cached__", interp.None)
	}
	if err == nil {
		err = in.ExecMain(code)
	}
	for _, n := range []string{"__file__", "__cached__"} {
		if _, derr := in.DictDelete(m.Dict(), interp.ImmortalStr(n)); derr != nil {
			in.DiscardError(derr)
		}
	}
	return err
}

// withSourceLine fills in the source line a syntax error shows when the
// front end left it out, as CPython's printer reads it from the source.
func withSourceLine(err error, src []byte) error {
	var se *syntax.Error
	if !errors.As(err, &se) || se.Text != "" {
		return err
	}
	lines := strings.SplitAfter(string(src), "\n")
	if se.Line >= 1 && se.Line <= len(lines) {
		c := *se
		c.Text = lines[se.Line-1]
		return &c
	}
	return err
}

// Call calls the callable name with args converted to Python and
// returns its result converted to Go (see Tuple for the conversions).
// name is a global of __main__ or a built-in ("len"), an attribute
// path from one ("obj.method"), or a module's attribute
// ("os.path.join"; the module is imported). Errors are as for Exec, except that SystemExit is always
// an *ExitError: the call has no result to return.
func (it *Interpreter) Call(ctx context.Context, name string, args ...any) (any, error) {
	return it.runOp(ctx, opName{"call ", name}, func(in *interp.Interp) (any, error) {
		return callIn(in, name, args)
	})
}

// callIn is Call's body, run holding the interpreter. It has a single
// defer, which Go can then inline (open-code): a call that succeeds
// costs no more for it.
func callIn(in *interp.Interp, name string, args []any) (any, error) {
	fn, err := lookup(in, name)
	if err != nil {
		return nil, err
	}
	// pyArgs is allocated: in.Call's callee may keep the slice.
	var pyArgs []interp.Value
	if len(args) > 0 {
		pyArgs = make([]interp.Value, 0, len(args))
	}
	defer func() {
		decRefAll(in, pyArgs)
		in.DecRef(fn)
	}()
	for i, a := range args {
		v, err := toPython(in, a, 0)
		if err != nil {
			var ce *ConversionError
			if errors.As(err, &ce) {
				return nil, fmt.Errorf("argument %d: %w", i+1, err)
			}
			return nil, err
		}
		pyArgs = append(pyArgs, v)
	}
	r, err := in.Call(fn, pyArgs, nil)
	if err != nil {
		return nil, err
	}
	// fromPython runs no Python code: r cannot go before it is read.
	x, err := fromPython(r, 0)
	in.DecRef(r)
	if err != nil {
		return nil, fmt.Errorf("result: %w", err)
	}
	return x, nil
}

// lookup finds what Call calls (a new reference): the first part of a
// dotted name is a global of __main__, a built-in, or else the start of
// a module to import (the longest prefix that imports).
func lookup(in *interp.Interp, name string) (interp.Value, error) {
	first, ok := checkName(name)
	if !ok {
		return interp.Value{}, fmt.Errorf("invalid name %q", name)
	}
	m, err := in.MainModule()
	if err != nil {
		return interp.Value{}, err
	}
	v, ok, err := mainGlobal(in, m, first)
	in.DecRef(interp.ValueOf(m))
	if err != nil {
		return interp.Value{}, err
	}
	if ok && len(first) == len(name) {
		return v, nil
	}
	// Dotted names and names that are not globals are rarer: only they
	// split the name.
	parts := strings.Split(name, ".")
	rest := parts[1:]
	if !ok {
		if v, ok, err = builtin(in, first); err != nil {
			return interp.Value{}, err
		} else if !ok && len(parts) == 1 {
			return interp.Value{}, in.Raise(interp.ExcType("NameError"), "name '%s' is not defined", name)
		} else if !ok {
			if v, rest, err = importPrefix(in, parts); err != nil {
				return interp.Value{}, err
			}
		}
	}
	for _, attr := range rest {
		next, err := in.GetAttrString(v, attr)
		in.DecRef(v)
		if err != nil {
			return interp.Value{}, err
		}
		v = next
	}
	return v, nil
}

// builtin returns the built-in of that name (a new reference), which a
// global name falls back to as in Python code.
func builtin(in *interp.Interp, name string) (interp.Value, bool, error) {
	b, err := in.ImportModule("builtins")
	if err != nil {
		return interp.Value{}, false, err
	}
	defer in.DecRef(b)
	v, err := in.GetAttrString(b, name)
	if err != nil {
		if interp.ErrorIs(err, interp.AttributeError) {
			in.DiscardError(err)
			return interp.Value{}, false, nil
		}
		return interp.Value{}, false, err
	}
	return v, true, nil
}

// importPrefix imports the longest dotted prefix of parts (but the last
// part) that names a module and returns it with the parts left over.
func importPrefix(in *interp.Interp, parts []string) (interp.Value, []string, error) {
	var first error
	for n := len(parts) - 1; n >= 1; n-- {
		m, err := in.ImportModule(strings.Join(parts[:n], "."))
		if err == nil {
			if first != nil {
				in.DiscardError(first)
			}
			return m, parts[n:], nil
		}
		if !interp.ErrorIs(err, interp.ExcType("ModuleNotFoundError")) {
			if first != nil {
				in.DiscardError(first)
			}
			return interp.Value{}, nil, err
		}
		if first == nil {
			first = err
		} else {
			in.DiscardError(err)
		}
	}
	return interp.Value{}, nil, first
}

// run runs body on the interpreter's main thread with ctx's cancellation
// armed, and turns what it returns into the errors this package
// promises; op names the call in error messages.
func (it *Interpreter) run(ctx context.Context, op string, body func(in *interp.Interp) (any, error)) (any, error) {
	return it.runOp(ctx, opName{verb: op}, body)
}

// runOp is run with op spelled out only if an error needs it.
func (it *Interpreter) runOp(ctx context.Context, op opName, body func(in *interp.Interp) (any, error)) (any, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := it.beginOp(op); err != nil {
		return nil, err
	}
	defer it.end()
	t, in := it.main, it.in
	stop := func() bool { return true }
	var fired chan struct{}
	if ctx.Done() != nil { // else it cannot be cancelled
		fired = make(chan struct{})
		stop = context.AfterFunc(ctx, func() {
			t.SetAsyncExc(interp.ExcType("KeyboardInterrupt"), ctx.Err().Error())
			close(fired)
		})
	}
	t.Acquire()
	defer t.Release()
	var result any
	err := guard(it.id, func() error {
		var err error
		result, err = body(in)
		return err
	})
	var cause error
	if !stop() {
		// The interrupt was requested: if the code ended before it was
		// raised, it must not hit the next call instead.
		<-fired
		t.ClearAsyncExc()
		cause = ctx.Err()
	}
	if err != nil {
		err = guard(it.id, func() error { return it.convertError(in, op.String(), err, cause) })
		return nil, err
	}
	return result, nil
}

// convertError turns what the interpreter returned into this package's
// errors, releasing the Python exception.
func (it *Interpreter) convertError(in *interp.Interp, op string, err error, cause error) error {
	if err == nil {
		return nil
	}
	typeName, ok := interp.ExceptionTypeName(err)
	if !ok {
		return fmt.Errorf("runtime: %s: interpreter %d: %w", op, it.id, err)
	}
	defer in.DiscardError(err)
	if cause == nil {
		if status, ok := in.ExitStatus(err, it.stderr); ok {
			return &ExitError{Code: status}
		}
	}
	return &PythonError{
		Type:      typeName,
		Message:   in.ExceptionMessage(err),
		Traceback: in.FormatException(err, traceback.DiskSource),
		Cause:     cause,
	}
}
