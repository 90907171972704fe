package runtime

import (
	"context"
	"errors"
	"sort"

	"github.com/parallel-py/parallel/channels"
	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/codecache"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The _xi module: the Go half of _interpreters, which Python code uses to
// create interpreters and run code in them. It does the work that needs
// the runtime (making, finding and closing interpreters; running code in
// another one with this one's GIL released; moving shareable data) and
// leaves the Python-facing shape — exception classes, excinfo objects,
// argument checking — to the Python half (pylib/_interpreters.py).

// CPython's WHENCE_* numbers: who made an interpreter.
const (
	whenceUnknown = 0
	whenceRuntime = 1 // the runtime's main interpreter
	whenceCAPI    = 3 // made by the Go program (CPython: the C API)
	whenceStdlib  = 5 // made by _interpreters.create
)

// host is the interp.Options.Host of the runtime's interpreters.
type host struct{ it *Interpreter }

// xiState holds the exception classes the Python half passes in
// (_set_error_types), per interpreter.
type xiState struct {
	interpreterError, notFound, notShareable interp.Value
}

var xiStateKey byte

func xiStateOf(in *interp.Interp) *xiState {
	return in.ModuleState(&xiStateKey, func() any { return &xiState{} }).(*xiState)
}

// hostOf returns the Interpreter in belongs to.
func hostOf(in *interp.Interp) (*Interpreter, error) {
	if h, ok := in.Host().(*host); ok && h.it != nil {
		return h.it, nil
	}
	return nil, in.Raise(interp.RuntimeError, "subinterpreters need the parallel runtime (this interpreter was not made by one)")
}

// raiseClass raises cls(msg), cls being one of the classes the Python
// half registered, or fallback before it did.
func raiseClass(in *interp.Interp, cls interp.Value, fallback *interp.Type, msg string) error {
	if cls.IsNil() {
		return in.Raise(fallback, "%s", msg)
	}
	s, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	exc, err := in.Call(cls, []interp.Value{s}, nil)
	in.DecRef(s)
	if err != nil {
		return err
	}
	defer in.DecRef(exc)
	return in.RaiseValue(exc)
}

func raiseInterpreterError(in *interp.Interp, msg string) error {
	return raiseClass(in, xiStateOf(in).interpreterError, interp.RuntimeError, msg)
}

func raiseNotFound(in *interp.Interp, id int64) error {
	return raiseClass(in, xiStateOf(in).notFound, interp.RuntimeError, "unrecognized interpreter ID "+itoa(id))
}

// raiseXIError turns an error of exportShareable or of running code
// elsewhere into the Python exception the module promises.
func raiseXIError(in *interp.Interp, err error, id int64) error {
	var ns *notShareable
	switch {
	case errors.As(err, &ns):
		return raiseClass(in, xiStateOf(in).notShareable, interp.ValueError, ns.Error())
	case errors.Is(err, ErrRunning):
		return raiseInterpreterError(in, "interpreter already running")
	case errors.Is(err, ErrClosed):
		return raiseNotFound(in, id)
	}
	var tl *channels.TooLargeError
	if errors.As(err, &tl) {
		return in.Raise(interp.ValueError, "%s", tl.Error())
	}
	var ce *ConversionError
	if errors.As(err, &ce) {
		return raiseClass(in, xiStateOf(in).notShareable, interp.ValueError, ce.Error())
	}
	if _, ok := interp.ExceptionTypeName(err); ok {
		return err // a Python exception of in itself
	}
	return raiseInterpreterError(in, err.Error())
}

func itoa(n int64) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// idArg reads an interpreter ID argument.
func idArg(in *interp.Interp, v interp.Value) (int64, error) {
	if !interp.IsInt(v) || v.IsBool() {
		return 0, in.Raise(interp.TypeError, "interpreter ID must be an int, got %s", v.Type().Name)
	}
	id, ok := interp.IntValue(v)
	if !ok || id < 0 {
		return 0, in.Raise(interp.ValueError, "interpreter ID must be a non-negative int, got %s", "a negative or huge int")
	}
	return id, nil
}

// target finds the interpreter an ID names.
func target(in *interp.Interp, self *Interpreter, v interp.Value) (*Interpreter, int64, error) {
	id, err := idArg(in, v)
	if err != nil {
		return nil, 0, err
	}
	it, ok := self.rt.Lookup(id)
	if !ok {
		return nil, id, raiseNotFound(in, id)
	}
	return it, id, nil
}

// targetArg checks a call's arguments and finds the interpreter its
// first names, with the caller's own.
func targetArg(in *interp.Interp, name string, args, kwnames []interp.Value, min, max int) (self, it *Interpreter, id int64, err error) {
	if err := in.CheckArgCount(name, args, kwnames, min, max); err != nil {
		return nil, nil, 0, err
	}
	if self, err = hostOf(in); err != nil {
		return nil, nil, 0, err
	}
	it, id, err = target(in, self, args[0])
	return self, it, id, err
}

// runFrom runs body in interpreter it on behalf of Python code of from,
// whose GIL is released meanwhile (so from's other threads run, and a
// single run slot is never held twice).
//
// An interruption of the calling thread (Ctrl-C in the main thread, the
// runtime cancelling the caller) cancels the code running there too, and
// the caller's own exception (KeyboardInterrupt) is what it raises.
func (it *Interpreter) runFrom(from *interp.Interp, op string, body func(in *interp.Interp) (any, error)) (any, error) {
	var r any
	var err error
	callerErr := from.AllowThreadsInterruptible(func(stop <-chan struct{}) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			select {
			case <-stop:
				cancel()
			case <-ctx.Done():
			}
		}()
		r, err = it.run(ctx, op, body)
	})
	if callerErr != nil {
		return nil, callerErr
	}
	return r, err
}

// argumentPath says where an unshareable value sat: in which argument.
func argumentPath(err error, where string) error {
	if ns, ok := err.(*notShareable); ok {
		ns.base = where
	}
	return err
}

// exportDict converts a dict of shareable values (borrowed) to Go; an
// unshareable value names its key.
func exportDict(in *interp.Interp, d interp.Value) (map[string]any, error) {
	return exportDictCopying(in, d, func(in *interp.Interp, v interp.Value) (any, error) {
		return exportShareable(in, v, 0)
	})
}

// exportDictCopying is exportDict with export converting each value.
func exportDictCopying(in *interp.Interp, d interp.Value, export func(*interp.Interp, interp.Value) (any, error)) (map[string]any, error) {
	if d.IsNil() || d.IsNone() {
		return nil, nil
	}
	if d.Type() != interp.DictType {
		return nil, in.Raise(interp.TypeError, "expected a dict of shareable values, got %s", d.Type().Name)
	}
	keys, values := interp.DictItems(interp.AsDict(d))
	m := make(map[string]any, len(keys))
	for i, k := range keys {
		if k.Type() != interp.StrType {
			return nil, in.Raise(interp.TypeError, "names must be str, got %s", k.Type().Name)
		}
		x, err := export(in, values[i])
		if err != nil {
			return nil, argumentPath(err, k.GoString())
		}
		m[k.GoString()] = x
	}
	return m, nil
}

// setMainAttrs binds names in in's __main__ (under in's GIL).
func setMainAttrs(in *interp.Interp, m map[string]any) error {
	if len(m) == 0 {
		return nil
	}
	mod, err := in.MainModule()
	if err != nil {
		return err
	}
	defer in.DecRef(interp.ValueOf(mod))
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v, err := toPython(in, m[k], 0)
		if err != nil {
			return err
		}
		err = mod.Set(in, k, v)
		in.DecRef(v)
		if err != nil {
			return err
		}
	}
	return nil
}

// work is what exec or call runs in the other interpreter: source, a
// code template run as module code, or a function rebuilt there.
type work struct {
	src        string
	tmpl       *compile.Code
	isFunc     bool
	defaults   any            // the function's defaults, as Go data
	kwdefaults map[string]any // and its keyword-only ones
	args       Tuple
	kwargs     map[string]any
}

// workOf reads exec's or call's code argument.
func workOf(in *interp.Interp, v interp.Value, call bool) (*work, error) {
	if !call && v.Type() == interp.StrType {
		return &work{src: v.GoString()}, nil
	}
	if tmpl, ok := interp.CodeTemplate(v); ok && !call {
		return &work{tmpl: tmpl}, nil
	}
	if interp.IsFunction(v) {
		tmpl, defaults, kwdefaults, reason := interp.FunctionTemplate(v)
		if reason != "" {
			return nil, raiseClass(in, xiStateOf(in).notShareable, interp.ValueError, reason)
		}
		if !call && (tmpl.ArgCount > 0 || tmpl.KwOnlyArgCount > 0 || tmpl.Flags&(compile.CO_VARARGS|compile.CO_VARKEYWORDS) != 0) {
			// exec runs a function's body as a script: there is nothing
			// to bind its parameters to.
			return nil, in.Raise(interp.ValueError, "_interpreters.exec(): bad func (arguments not supported)")
		}
		w := &work{tmpl: tmpl, isFunc: true}
		if !defaults.IsNil() {
			d, err := exportShareable(in, defaults, 0)
			if err != nil {
				return nil, err
			}
			w.defaults = d
		}
		if !kwdefaults.IsNil() {
			kw, err := exportDict(in, kwdefaults)
			if err != nil {
				return nil, err
			}
			w.kwdefaults = kw
		}
		return w, nil
	}
	if call {
		return nil, in.Raise(interp.TypeError, "_interpreters.call() argument 2 must be a function, not %s", v.Type().Name)
	}
	return nil, in.Raise(interp.TypeError, "_interpreters.exec() argument 2 must be a string, a function, or a code object, not %s", v.Type().Name)
}

// runWork runs w in in's __main__ (under in's GIL): the result as Go
// data, or the exception it raised described as an xiException.
func runWork(in *interp.Interp, w *work) (result any, exc *xiException, err error) {
	capture := func(err error) (any, *xiException, error) {
		if _, ok := interp.ExceptionTypeName(err); !ok {
			return nil, nil, err
		}
		e := captureException(in, err)
		in.DiscardError(err)
		return nil, e, nil
	}
	if w.tmpl == nil {
		t, err := codecache.Compile("<string>", []byte(w.src), syntax.ModeExec, compile.Options{})
		if err != nil {
			return capture(in.SyntaxErrorFrom(err))
		}
		return nil, nil, errorsOr(capture, in.ExecMain(t))
	}
	if !w.isFunc {
		return nil, nil, errorsOr(capture, in.ExecMain(w.tmpl))
	}
	mod, err := in.MainModule()
	if err != nil {
		return capture(err)
	}
	defer in.DecRef(interp.ValueOf(mod))
	var defaults interp.Value
	if w.defaults != nil {
		if defaults, err = toPython(in, w.defaults, 0); err != nil {
			return capture(err)
		}
		defer in.DecRef(defaults)
	}
	var kwdefaults interp.Value
	if w.kwdefaults != nil {
		m := make(map[string]any, len(w.kwdefaults))
		for k, x := range w.kwdefaults {
			m[k] = x
		}
		if kwdefaults, err = toPython(in, m, 0); err != nil {
			return capture(err)
		}
		defer in.DecRef(kwdefaults)
	}
	fn, err := in.NewFunction(w.tmpl, mod.Dict(), defaults, kwdefaults)
	if err != nil {
		return capture(err)
	}
	defer in.DecRef(fn)
	args := make([]interp.Value, 0, len(w.args)+len(w.kwargs))
	defer func() {
		for _, a := range args {
			in.DecRef(a)
		}
	}()
	for _, x := range w.args {
		a, err := toPython(in, x, 0)
		if err != nil {
			return capture(err)
		}
		args = append(args, a)
	}
	var kwnames []interp.Value
	names := make([]string, 0, len(w.kwargs))
	for k := range w.kwargs {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		a, err := toPython(in, w.kwargs[k], 0)
		if err != nil {
			return capture(err)
		}
		args = append(args, a)
		kn, err := in.NewStr(k)
		if err != nil {
			return capture(err)
		}
		defer in.DecRef(kn)
		kwnames = append(kwnames, kn)
	}
	r, err := in.Call(fn, args, kwnames)
	if err != nil {
		return capture(err)
	}
	defer in.DecRef(r)
	x, err := exportOrCopy(in, r)
	if err != nil {
		var ns *notShareable
		if errors.As(err, &ns) {
			return nil, &xiException{Name: "NotShareableError", Qualname: "NotShareableError", Module: "interpreters",
				Msg: "the result " + ns.Error(), Formatted: "interpreters.NotShareableError: the result " + ns.Error(),
				ErrDisplay: "interpreters.NotShareableError: the result " + ns.Error()}, nil
		}
		return capture(err)
	}
	return x, nil, nil
}

// errorsOr passes a Python exception to capture and returns other errors.
func errorsOr(capture func(error) (any, *xiException, error), err error) error {
	if err == nil {
		return nil
	}
	_, e, err2 := capture(err)
	if err2 != nil {
		return err2
	}
	return &capturedError{e}
}

// capturedError carries an xiException out of runWork's module paths.
type capturedError struct{ exc *xiException }

func (e *capturedError) Error() string { return e.exc.Formatted }

func init() {
	interp.RegisterModule("_xi", initXI)
}

func initXI(in *interp.Interp, m *interp.Module) error {
	fns := map[string]interp.BuiltinFunc{
		"_set_error_types": xiSetErrorTypes,
		"create":           xiCreate,
		"destroy":          xiDestroy,
		"list_all":         xiListAll,
		"current":          xiCurrent,
		"main":             xiMain,
		"whence":           xiWhence,
		"is_running":       xiIsRunning,
		"exec":             xiExec,
		"call":             xiCall,
		"set_main_attrs":   xiSetMainAttrs,
		"incref":           xiIncref,
		"decref":           xiDecref,
		"is_shareable":     xiIsShareable,
		"capture":          xiCapture,
	}
	for name, fn := range fns {
		if err := m.Set(in, name, interp.NewBuiltin(name, fn)); err != nil {
			return err
		}
	}
	return nil
}

func xiSetErrorTypes(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("_set_error_types", args, kwnames, 3, 3); err != nil {
		return interp.Value{}, err
	}
	st := xiStateOf(in)
	for i, p := range []*interp.Value{&st.interpreterError, &st.notFound, &st.notShareable} {
		interp.IncRef(args[i])
		in.XDecRef(*p)
		*p = args[i]
	}
	return interp.None, nil
}

func xiCreate(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("create", args, kwnames, 0, 0); err != nil {
		return interp.Value{}, err
	}
	self, err := hostOf(in)
	if err != nil {
		return interp.Value{}, err
	}
	// A child runs with its parent's argv, path, flags and output
	// streams (CPython's subinterpreters share the process's), but no
	// stdin and no signal handling; its memory limit is its parent's
	// (a bound per interpreter, as --mem-limit promises).
	base := self.base
	base.Stdin, base.SignalMode = nil, nil
	opts := InterpreterOptions{
		Stdout: self.opts.Stdout, Stderr: self.opts.Stderr,
		MemoryLimit:    self.opts.MemoryLimit,
		SwitchInterval: in.SwitchInterval(),
		Base:           &base,
	}
	var child *Interpreter
	in.AllowThreads(func() { child, err = self.rt.NewInterpreter(opts) })
	if err != nil {
		return interp.Value{}, raiseInterpreterError(in, "interpreter creation failed: "+err.Error())
	}
	child.mu.Lock()
	child.whence = whenceStdlib
	child.mu.Unlock()
	return interp.Int(child.id), nil
}

func xiDestroy(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	self, it, id, err := targetArg(in, "destroy", args, kwnames, 1, 1)
	if err != nil {
		return interp.Value{}, err
	}
	if it == self {
		return interp.Value{}, raiseInterpreterError(in, "cannot destroy the current interpreter")
	}
	in.AllowThreads(func() { err = it.Close() })
	if errors.Is(err, ErrRunning) {
		return interp.Value{}, raiseInterpreterError(in, "cannot destroy a running interpreter")
	}
	if err != nil {
		return interp.Value{}, raiseXIError(in, err, id)
	}
	return interp.None, nil
}

func xiListAll(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("list_all", args, kwnames, 0, 0); err != nil {
		return interp.Value{}, err
	}
	self, err := hostOf(in)
	if err != nil {
		return interp.Value{}, err
	}
	var list []any
	for _, it := range self.rt.Interpreters() {
		list = append(list, Tuple{it.id, it.whenceNow()})
	}
	return toPython(in, list, 0)
}

func (it *Interpreter) whenceNow() int64 {
	it.mu.Lock()
	defer it.mu.Unlock()
	return int64(it.whence)
}

func xiCurrent(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("current", args, kwnames, 0, 0); err != nil {
		return interp.Value{}, err
	}
	self, err := hostOf(in)
	if err != nil {
		return interp.Value{}, err
	}
	return toPython(in, Tuple{self.id, self.whenceNow()}, 0)
}

func xiMain(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("main", args, kwnames, 0, 0); err != nil {
		return interp.Value{}, err
	}
	self, err := hostOf(in)
	if err != nil {
		return interp.Value{}, err
	}
	all := self.rt.Interpreters()
	if len(all) == 0 || all[0].id != 0 {
		return interp.Value{}, raiseInterpreterError(in, "the main interpreter has been closed")
	}
	return interp.Int(0), nil
}

func xiWhence(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	_, it, _, err := targetArg(in, "whence", args, kwnames, 1, 1)
	if err != nil {
		return interp.Value{}, err
	}
	return interp.Int(it.whenceNow()), nil
}

func xiIsRunning(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	_, it, _, err := targetArg(in, "is_running", args, kwnames, 1, 1)
	if err != nil {
		return interp.Value{}, err
	}
	return interp.Bool(it.IsRunning()), nil
}

// xiExec is exec(id, code, shared): None, or the excinfo tuple of the
// exception the code raised there.
func xiExec(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	_, it, id, err := targetArg(in, "exec", args, kwnames, 3, 3)
	if err != nil {
		return interp.Value{}, err
	}
	w, err := workOf(in, args[1], false)
	if err != nil {
		return interp.Value{}, err
	}
	shared, err := exportDict(in, args[2])
	if err != nil {
		return interp.Value{}, raiseXIError(in, err, id)
	}
	r, err := it.runFrom(in, "exec", func(tin *interp.Interp) (any, error) {
		if err := setMainAttrs(tin, shared); err != nil {
			return nil, err
		}
		_, exc, err := runWork(tin, w)
		var ce *capturedError
		if errors.As(err, &ce) {
			return ce.exc, nil
		}
		return exc, err
	})
	if err != nil {
		return interp.Value{}, raiseXIError(in, err, id)
	}
	if exc, _ := r.(*xiException); exc != nil {
		return exc.tuple(in)
	}
	return interp.None, nil
}

// xiCall is call(id, func, args, kwargs): (result, None), or (None,
// excinfo) when the function raised.
func xiCall(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	_, it, id, err := targetArg(in, "call", args, kwnames, 4, 4)
	if err != nil {
		return interp.Value{}, err
	}
	w, err := workOf(in, args[1], true)
	if err != nil {
		return interp.Value{}, err
	}
	if !args[2].IsNone() {
		items, ok := interp.TupleItems(args[2])
		if !ok {
			return interp.Value{}, in.Raise(interp.TypeError, "args must be a tuple, got %s", args[2].Type().Name)
		}
		for i, item := range items {
			x, err := exportOrCopy(in, item)
			if err != nil {
				return interp.Value{}, raiseXIError(in, argumentPath(err, "argument "+itoa(int64(i+1))), id)
			}
			w.args = append(w.args, x)
		}
	}
	if w.kwargs, err = exportDictCopying(in, args[3], exportOrCopy); err != nil {
		return interp.Value{}, raiseXIError(in, err, id)
	}
	type outcome struct {
		result any
		exc    *xiException
	}
	r, err := it.runFrom(in, "call", func(tin *interp.Interp) (any, error) {
		res, exc, err := runWork(tin, w)
		return outcome{res, exc}, err
	})
	if err != nil {
		return interp.Value{}, raiseXIError(in, err, id)
	}
	o := r.(outcome)
	if o.exc != nil {
		e, err := o.exc.tuple(in)
		if err != nil {
			return interp.Value{}, err
		}
		defer in.DecRef(e)
		return in.NewTuple(interp.None, e)
	}
	res, err := toPython(in, o.result, 0)
	if err != nil {
		return interp.Value{}, err
	}
	defer in.DecRef(res)
	return in.NewTuple(res, interp.None)
}

func xiSetMainAttrs(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	self, it, id, err := targetArg(in, "set_main_attrs", args, kwnames, 2, 2)
	if err != nil {
		return interp.Value{}, err
	}
	m, err := exportDict(in, args[1])
	if err != nil {
		return interp.Value{}, raiseXIError(in, err, id)
	}
	if it == self {
		if err := setMainAttrs(in, m); err != nil {
			return interp.Value{}, err
		}
		return interp.None, nil
	}
	if _, err := it.runFrom(in, "set_main_attrs", func(tin *interp.Interp) (any, error) {
		return nil, setMainAttrs(tin, m)
	}); err != nil {
		return interp.Value{}, raiseXIError(in, err, id)
	}
	return interp.None, nil
}

func xiIncref(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	_, it, _, err := targetArg(in, "incref", args, kwnames, 1, 1)
	if err != nil {
		return interp.Value{}, err
	}
	it.mu.Lock()
	it.xiRefs++
	it.mu.Unlock()
	return interp.None, nil
}

// xiDecref drops a reference incref took; the last one closes the
// interpreter, unless it is running or is the caller's own.
func xiDecref(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	self, it, _, err := targetArg(in, "decref", args, kwnames, 1, 1)
	if err != nil {
		return interp.Value{}, err
	}
	it.mu.Lock()
	if it.xiRefs > 0 {
		it.xiRefs--
	}
	last := it.xiRefs == 0 && !it.running && it.whence == whenceStdlib
	it.mu.Unlock()
	if last && it != self {
		in.AllowThreads(func() { err = it.Close() })
		if err != nil && !errors.Is(err, ErrRunning) {
			return interp.Value{}, raiseInterpreterError(in, err.Error())
		}
	}
	return interp.None, nil
}

func xiIsShareable(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("is_shareable", args, kwnames, 1, 1); err != nil {
		return interp.Value{}, err
	}
	return interp.Bool(isShareable(in, args[0])), nil
}

// xiCapture is capture(exc): the excinfo tuple of an exception object.
func xiCapture(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.CheckArgCount("capture", args, kwnames, 1, 1); err != nil {
		return interp.Value{}, err
	}
	if _, ok := interp.ExceptionTypeName(interp.AsError(args[0])); !ok {
		return interp.Value{}, in.Raise(interp.TypeError, "expected an exception, got %s", args[0].Type().Name)
	}
	return captureException(in, interp.AsError(args[0])).tuple(in)
}
