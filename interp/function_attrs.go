package interp

import (
	"sync"
	"unsafe"

	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The attributes of functions and code objects, and the builtins that
// compile source at run time: compile, exec and eval.

// functionField makes a getset over a Value field of Function; nil
// fields read as None. settable fields accept None or a value of want.
func functionField(name string, field func(f *Function) *Value, want *Type, settable bool) {
	get := func(in *Interp, v Value) (Value, error) {
		x := *field(asObject[Function](v))
		if x.IsNil() {
			return None, nil
		}
		incRef(x)
		return x, nil
	}
	var set func(in *Interp, v, value Value) error
	if settable {
		set = func(in *Interp, v, value Value) error {
			if value.IsNil() || (!value.IsNone() && want != nil && value.Type() != want) {
				what := "a tuple"
				if want == dictType {
					what = "a dict"
				}
				return in.raise(typeErrorType, "%s must be set to %s object", name, what)
			}
			p := field(asObject[Function](v))
			incRef(value)
			in.xdecRef(*p)
			if value.IsNone() {
				in.decRef(value)
				*p = Value{}
				return nil
			}
			*p = value
			return nil
		}
	}
	defGetSet(functionType, name, get, set)
}

func init() {
	functionType.dictOffset = unsafe.Offsetof(Function{}.dict)
	functionType.attrs["__dict__"] = instanceAttrDescrs["__dict__"]
	for _, n := range []string{"__name__", "__qualname__"} {
		qual := n == "__qualname__"
		defGetSet(functionType, n, func(in *Interp, v Value) (Value, error) {
			f := asObject[Function](v)
			r := f.name
			if qual {
				r = f.qualname
			}
			incRef(r)
			return r, nil
		}, func(in *Interp, v, value Value) error {
			if value.IsNil() || value.Type() != strType {
				return in.raise(typeErrorType, "%s must be set to a string object", n)
			}
			f := asObject[Function](v)
			p := &f.name
			if qual {
				p = &f.qualname
			}
			incRef(value)
			in.decRef(*p)
			*p = value
			return nil
		})
	}
	defGetSet(functionType, "__doc__", func(in *Interp, v Value) (Value, error) {
		f := asObject[Function](v)
		d := f.docSet
		if d.IsNil() {
			if d = f.doc(); d.IsNil() {
				d = None
			}
		}
		incRef(d)
		return d, nil
	}, func(in *Interp, v, value Value) error {
		f := asObject[Function](v)
		if value.IsNil() {
			value = None
		}
		incRef(value)
		in.xdecRef(f.docSet)
		f.docSet = value
		return nil
	})
	functionField("__defaults__", func(f *Function) *Value { return &f.defaults }, tupleType, true)
	functionField("__kwdefaults__", func(f *Function) *Value { return &f.kwdefaults }, dictType, true)
	functionField("__closure__", func(f *Function) *Value { return &f.closure }, nil, false)
	functionField("__globals__", func(f *Function) *Value { return &f.globals }, nil, false)
	functionField("__module__", func(f *Function) *Value { return &f.module }, nil, true)
	defGetSet(functionType, "__builtins__", func(in *Interp, v Value) (Value, error) {
		b := valueOf(in.builtins)
		incRef(b)
		return b, nil
	}, nil)
	defGetSet(functionType, "__code__", func(in *Interp, v Value) (Value, error) {
		return valueOf(asObject[Function](v).code), nil
	}, func(in *Interp, v, value Value) error {
		// Code objects are immortal: no references to move.
		if value.IsNil() || value.Type() != codeType {
			return in.raise(typeErrorType, "__code__ must be set to a code object")
		}
		f, c := asObject[Function](v), asObject[Code](value)
		nclosure := 0
		if !f.closure.IsNil() && !f.closure.IsNone() {
			nclosure = len(asObject[Tuple](f.closure).items)
		}
		if nfree := len(c.tmpl.Freevars()); nfree != nclosure {
			return in.raise(valueErrorType, "%s() requires a code object with %d free vars, not %d", f.name.GoString(), nclosure, nfree)
		}
		f.code = c
		return nil
	})
	defGetSet(functionType, "__annotations__", func(in *Interp, v Value) (Value, error) {
		f := asObject[Function](v)
		if f.annotations.IsNil() || f.annotations.Type() == tupleType {
			// MAKE_FUNCTION stores (name, value, ...) pairs; the dict is
			// made on first access, as CPython 3.12 does.
			d, err := in.NewDict()
			if err != nil {
				return Value{}, err
			}
			if !f.annotations.IsNil() {
				items := asObject[Tuple](f.annotations).items
				for i := 0; i+1 < len(items); i += 2 {
					if err := in.DictSet(asObject[Dict](d), items[i], items[i+1]); err != nil {
						in.decRef(d)
						return Value{}, err
					}
				}
				in.decRef(f.annotations)
			}
			f.annotations = d
		}
		incRef(f.annotations)
		return f.annotations, nil
	}, func(in *Interp, v, value Value) error {
		f := asObject[Function](v)
		if value.IsNil() || value.IsNone() {
			in.xdecRef(f.annotations)
			f.annotations = Value{}
			return nil
		}
		if value.Type() != dictType {
			return in.raise(typeErrorType, "__annotations__ must be set to a dict object")
		}
		incRef(value)
		in.xdecRef(f.annotations)
		f.annotations = value
		return nil
	})

	codeInt := func(name string, get func(t *compile.Code) int) {
		defGetSet(codeType, name, func(in *Interp, v Value) (Value, error) {
			return Int(int64(get(asObject[Code](v).tmpl))), nil
		}, nil)
	}
	codeNames := func(name string, get func(t *compile.Code) []string) {
		defGetSet(codeType, name, func(in *Interp, v Value) (Value, error) {
			names := get(asObject[Code](v).tmpl)
			vs := make([]Value, len(names))
			for i, n := range names {
				vs[i] = internName(n)
			}
			return in.NewTuple(vs...)
		}, nil)
	}
	// The names are the interned strs functions take as __name__ and
	// __qualname__ (as CPython's are the same objects), not new strs.
	defGetSet(codeType, "co_name", func(in *Interp, v Value) (Value, error) { return asObject[Code](v).name, nil }, nil)
	defGetSet(codeType, "co_qualname", func(in *Interp, v Value) (Value, error) { return asObject[Code](v).qualname, nil }, nil)
	defGetSet(codeType, "co_filename", func(in *Interp, v Value) (Value, error) { return asObject[Code](v).filenameStr(), nil }, nil)
	codeInt("co_firstlineno", func(t *compile.Code) int { return t.FirstLine })
	codeInt("co_argcount", func(t *compile.Code) int { return t.ArgCount })
	codeInt("co_posonlyargcount", func(t *compile.Code) int { return t.PosOnlyArgCount })
	codeInt("co_kwonlyargcount", func(t *compile.Code) int { return t.KwOnlyArgCount })
	codeInt("co_nlocals", func(t *compile.Code) int { return len(t.Varnames()) })
	codeInt("co_stacksize", func(t *compile.Code) int { return t.StackSize })
	codeInt("co_flags", func(t *compile.Code) int { return int(t.Flags) })
	codeNames("co_varnames", (*compile.Code).Varnames)
	codeNames("co_cellvars", (*compile.Code).Cellvars)
	codeNames("co_freevars", (*compile.Code).Freevars)
	codeNames("co_names", func(t *compile.Code) []string { return t.Names })
	defGetSet(codeType, "co_consts", func(in *Interp, v Value) (Value, error) {
		return in.NewTuple(asObject[Code](v).consts...)
	}, nil)

	noneType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(args) > 0 {
			return Value{}, in.raise(typeErrorType, "NoneType takes no arguments")
		}
		return None, nil
	}

	builtinFuncs = append(builtinFuncs,
		newBuiltin("compile", builtinCompile),
		newBuiltin("exec", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return in.execOrEval("exec", args, kwnames)
		}),
		newBuiltin("eval", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return in.execOrEval("eval", args, kwnames)
		}),
	)
}

// compiledSources caches what compile, exec and eval compile, for the
// whole process: their code objects are immortal and shared, so a
// program that evaluates the same text in a loop compiles it once and
// does not grow the process.
var compiledSources sync.Map // sourceKey -> *compile.Code

type sourceKey struct {
	src, filename string
	mode          syntax.Mode
}

// compileText compiles source text in a mode, as compile() does.
func (in *Interp) compileText(src []byte, filename string, mode syntax.Mode) (*compile.Code, error) {
	key := sourceKey{string(src), filename, mode}
	c, ok := compiledSources.Load(key)
	if !ok {
		code, err := compile.CompileSource(filename, src, mode, compile.Options{})
		if err != nil {
			return nil, in.syntaxErrorFrom(err)
		}
		c, _ = compiledSources.LoadOrStore(key, code)
	}
	// The warnings come with every compilation, cached or not.
	code := c.(*compile.Code)
	if err := in.issueCompileWarnings(code.Warnings); err != nil {
		return nil, err
	}
	return code, nil
}

var modeNames = map[string]syntax.Mode{"exec": syntax.ModeExec, "eval": syntax.ModeEval, "single": syntax.ModeSingle}

// sourceText reads the source argument of compile, exec and eval.
func (in *Interp) sourceText(fname string, v Value) ([]byte, error) {
	switch v.Type() {
	case strType:
		return []byte(v.GoString()), nil
	case bytesType:
		return asObject[Bytes](v).b, nil
	case bytearrayType:
		return append([]byte(nil), asObject[ByteArray](v).b...), nil
	}
	if fname == "compile" {
		return nil, in.raise(typeErrorType, "compile() arg 1 must be a string, bytes or AST object")
	}
	return nil, in.raise(typeErrorType, "%s() arg 1 must be a string, bytes or code object", fname)
}

func builtinCompile(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if r, handled, err := in.compileHook(args, kwnames); handled {
		return r, err
	}
	var source, filename, mode, flags, dontInherit, optimize Value
	if err := in.parseArgs("compile", args, kwnames, []string{"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3, &source, &filename, &mode, &flags, &dontInherit, &optimize); err != nil {
		return Value{}, err
	}
	if !flags.IsNil() && !(flags.IsSmallInt() && flags.SmallInt() == 0) {
		return Value{}, in.raise(notImplementedErrorType, "compile() flags are not implemented yet")
	}
	if mode.Type() != strType {
		return Value{}, in.raise(typeErrorType, "compile() argument 'mode' must be str, not %s", mode.Type().Name)
	}
	m, ok := modeNames[mode.GoString()]
	if !ok {
		return Value{}, in.raise(valueErrorType, "compile() mode must be 'exec', 'eval' or 'single'")
	}
	if filename.Type() != strType {
		return Value{}, in.raise(typeErrorType, "compile() argument 'filename' must be str, not %s", filename.Type().Name)
	}
	src, err := in.sourceText("compile", source)
	if err != nil {
		return Value{}, err
	}
	code, err := in.compileText(src, filename.GoString(), m)
	if err != nil {
		return Value{}, err
	}
	return valueOf(codeOf(code)), nil
}

// execOrEval is exec(source, globals=None, locals=None) and eval(...):
// run code in the given namespaces, by default the caller's.
func (in *Interp) execOrEval(fname string, args []Value, kwnames []Value) (Value, error) {
	var source, globals, locals Value
	if err := in.parseArgs(fname, args, kwnames, []string{"source", "globals", "locals"}, 1, &source, &globals, &locals); err != nil {
		return Value{}, err
	}
	if globals.IsNone() {
		globals = Value{}
	}
	if locals.IsNone() {
		locals = Value{}
	}
	if !globals.IsNil() && globals.Type() != dictType {
		if fname == "eval" {
			return Value{}, in.raise(typeErrorType, "globals must be a real dict; try eval(expr, {}, mapping)")
		}
		return Value{}, in.raise(typeErrorType, "exec() globals must be a dict, not %s", globals.Type().Name)
	}
	if !locals.IsNil() && locals.Type() != dictType {
		return Value{}, in.raise(notImplementedErrorType, "%s() with a locals mapping that is not a dict is not implemented yet", fname)
	}
	caller := in.frame
	var g *Dict
	if globals.IsNil() {
		if caller == nil {
			// Called from Go with no Python frame running (an embedding
			// program's Call): CPython's message.
			return Value{}, in.raise(typeErrorType, "%s must be given globals and locals when called without a frame", fname)
		}
		g = caller.globals
		if locals.IsNil() {
			l, err := in.callerLocals()
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(l)
			locals = l
		}
	} else {
		g = asObject[Dict](globals)
	}
	if locals.IsNil() {
		locals = valueOf(g)
	}
	if _, ok, err := in.DictGet(g, internName("__builtins__")); err != nil {
		return Value{}, err
	} else if !ok {
		if err := in.DictSet(g, internName("__builtins__"), valueOf(in.builtinsModule)); err != nil {
			return Value{}, err
		}
	}
	var c *Code
	if source.Type() == codeType {
		c = asObject[Code](source)
	} else {
		src, err := in.sourceText(fname, source)
		if err != nil {
			return Value{}, err
		}
		mode := syntax.ModeExec
		if fname == "eval" {
			mode = syntax.ModeEval
			for len(src) > 0 && (src[0] == ' ' || src[0] == '\t') {
				src = src[1:]
			}
		}
		t, err := in.compileText(src, "<string>", mode)
		if err != nil {
			return Value{}, err
		}
		c = codeOf(t)
	}
	if len(c.tmpl.Freevars()) > 0 {
		return Value{}, in.raise(typeErrorType, "code object passed to %s() may not contain free variables", fname)
	}
	if err := in.checkRunnable(c); err != nil {
		return Value{}, err
	}
	if err := in.enterFrame(); err != nil {
		return Value{}, err
	}
	if err := in.enterCall(""); err != nil {
		in.depth--
		return Value{}, err
	}
	defer in.leaveCall()
	f := in.newFrame(c, g)
	f.names = asObject[Dict](locals)
	f.entry, f.special = true, true
	r, err := in.run(f)
	if err != nil {
		return Value{}, err
	}
	if fname == "exec" {
		in.decRef(r)
		return None, nil
	}
	return r, nil
}
