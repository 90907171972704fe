package modules

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _contextvars module of CPython 3.12: Context, ContextVar, Token and
// copy_context. Each interpreter (one thread today) has a current
// context, made on first use; Context.run enters another for the length
// of a call. A context owns its own table of variables (CPython shares
// immutable HAMTs; copying a table of a few variables is as cheap), so
// a copy, and an iterator's snapshot, copy the table. Iteration is in
// the order variables were first set (CPython's is its HAMT's, by hash).
// The mapping methods and the iterators are in contextvars_mapping.go.

// contextObject is a Context: vars[i] (ContextVar objects) has the value
// values[i]. While entered, prev is the context that was current before.
type contextObject struct {
	alloc.Header
	alloc.GCLink
	vars, values []Value
	prev         Value
	entered      bool
	accounted    int // bytes of the slices accounted to the object
}

// contextVarObject is a ContextVar: its name (a str) and default (nil
// for none).
type contextVarObject struct {
	alloc.Header
	alloc.GCLink
	name, def Value
}

// tokenObject is a Token: what var.set changed in ctx, and the value it
// replaced (nil: Token.MISSING).
type tokenObject struct {
	alloc.Header
	alloc.GCLink
	ctx, v, old Value
	used        bool
}

// missingObject is Token.MISSING's struct.
type missingObject struct{ alloc.Header }

var (
	contextType = interp.NewType[contextObject](interp.TypeSpec{
		Name: "Context", Module: "_contextvars",
		Construct: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
			if len(args) > 0 {
				return Value{}, in.Raise(interp.TypeError, "Context() does not accept any arguments")
			}
			o, err := interp.NewObject[contextObject](in, t)
			if err != nil {
				return Value{}, err
			}
			return interp.ValueOf(o), nil
		},
		Dealloc: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[contextObject](v)
			releaseAll(in, o.vars)
			releaseAll(in, o.values)
			in.XDecRef(o.prev)
			o.vars, o.values, o.prev = nil, nil, Value{}
			in.AccountBytes(v, -o.accounted)
			o.accounted = 0
		},
		Traverse: func(v Value, visit func(Value)) {
			o := interp.ObjectOf[contextObject](v)
			visitAll(o.vars, visit)
			visitAll(o.values, visit)
			visit(o.prev)
		},
		Clear: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[contextObject](v)
			vars, values := o.vars, o.values
			o.vars, o.values = nil, nil
			in.ClearRef(&o.prev)
			releaseAll(in, vars)
			releaseAll(in, values)
		},
		Compare:  contextCompare,
		GetItem:  contextGetItem,
		Contains: contextContains,
		Len: func(in *interp.Interp, v Value) (int, error) {
			return len(interp.ObjectOf[contextObject](v).vars), nil
		},
		Iter: func(in *interp.Interp, v Value) (Value, error) { return newContextIter(in, v, contextKeys) },
	})

	contextVarType = interp.NewType[contextVarObject](interp.TypeSpec{
		Name: "ContextVar", Module: "_contextvars",
		Construct: contextVarNew,
		Dealloc: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[contextVarObject](v)
			releaseAll(in, []Value{o.name, o.def})
		},
		Traverse: func(v Value, visit func(Value)) {
			o := interp.ObjectOf[contextVarObject](v)
			visit(o.name)
			visit(o.def)
		},
		Repr: contextVarRepr,
	})

	tokenType = interp.NewType[tokenObject](interp.TypeSpec{
		Name: "Token", Module: "_contextvars",
		Construct: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
			return Value{}, in.Raise(interp.RuntimeError, "Tokens can only be created by ContextVars")
		},
		Dealloc: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[tokenObject](v)
			releaseAll(in, []Value{o.ctx, o.v, o.old})
		},
		Traverse: func(v Value, visit func(Value)) {
			o := interp.ObjectOf[tokenObject](v)
			visitAll([]Value{o.ctx, o.v, o.old}, visit)
		},
		Clear: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[tokenObject](v)
			in.ClearRef(&o.ctx)
			in.ClearRef(&o.v)
			in.ClearRef(&o.old)
		},
		Repr: tokenRepr,
	})

	// Token.MISSING's type is named Token.MISSING, as CPython's.
	missingType = interp.NewType[missingObject](interp.TypeSpec{
		Name: "MISSING", Module: "Token",
		Repr: func(in *interp.Interp, v Value) (Value, error) { return in.NewStr("<Token.MISSING>") },
	})
	tokenMissing = interp.ValueOf(interp.NewImmortalObject[missingObject](missingType))
)

var contextvarsTable moduleTable

// currentContext returns the current context (borrowed), making it if
// there is none yet.
func currentContext(in *interp.Interp) (Value, error) {
	st := in.ThreadContext()
	if st.IsNil() {
		ctx, err := newContext(in)
		if err != nil {
			return Value{}, err
		}
		*st = ctx
	}
	return *st, nil
}

func newContext(in *interp.Interp) (Value, error) {
	o, err := interp.NewObject[contextObject](in, contextType)
	if err != nil {
		return Value{}, err
	}
	return interp.ValueOf(o), nil
}

// account brings the bytes accounted to context v up to date with its
// slices' capacity.
func (o *contextObject) account(in *interp.Interp, v Value) error {
	want := (cap(o.vars) + cap(o.values)) * valueSize
	if want == o.accounted {
		return nil
	}
	if err := in.AccountBytes(v, want-o.accounted); err != nil {
		return err
	}
	o.accounted = want
	return nil
}

// find returns the index of variable cv in o, or -1.
func (o *contextObject) find(cv Value) int {
	for i, v := range o.vars {
		if v.Is(cv) {
			return i
		}
	}
	return -1
}

// set binds cv to value (both borrowed) in context v.
func (o *contextObject) set(in *interp.Interp, v, cv, value Value) error {
	interp.IncRef(value)
	if i := o.find(cv); i >= 0 {
		old := o.values[i]
		o.values[i] = value
		in.DecRef(old)
		return nil
	}
	interp.IncRef(cv)
	o.vars = append(o.vars, cv)
	o.values = append(o.values, value)
	if err := o.account(in, v); err != nil {
		o.vars, o.values = o.vars[:len(o.vars)-1], o.values[:len(o.values)-1]
		in.DecRef(cv)
		in.DecRef(value)
		return err
	}
	return nil
}

// remove unbinds the variable at index i.
func (o *contextObject) remove(in *interp.Interp, i int) {
	cv, value := o.vars[i], o.values[i]
	n := len(o.vars)
	copy(o.vars[i:], o.vars[i+1:])
	copy(o.values[i:], o.values[i+1:])
	o.vars[n-1], o.values[n-1] = Value{}, Value{}
	o.vars, o.values = o.vars[:n-1], o.values[:n-1]
	in.DecRef(cv)
	in.DecRef(value)
}

// copyContext returns a new context with the variables of o.
func copyContext(in *interp.Interp, o *contextObject) (Value, error) {
	c, err := newContext(in)
	if err != nil {
		return Value{}, err
	}
	n := interp.ObjectOf[contextObject](c)
	n.vars = append([]Value(nil), o.vars...)
	n.values = append([]Value(nil), o.values...)
	for i := range n.vars {
		interp.IncRef(n.vars[i])
		interp.IncRef(n.values[i])
	}
	if err := n.account(in, c); err != nil {
		in.DecRef(c)
		return Value{}, err
	}
	return c, nil
}

// raiseWithArg raises exception type t with the one argument arg, as
// PyErr_SetObject does (LookupError(var)).
func raiseWithArg(in *interp.Interp, t *interp.Type, arg Value) error {
	e, err := in.Call(interp.TypeValue(t), []Value{arg}, nil)
	if err != nil {
		return err
	}
	defer in.DecRef(e)
	return in.RaiseValue(e)
}

var contextVarParams = interp.Params{Func: "ContextVar", Names: []string{"name", "default"}, PosOnly: 1, KwOnly: 1, Required: 1}

// contextVarNew is ContextVar(name, *, default=...), whose messages are
// PyArg_ParseTupleAndKeywords's.
func contextVarNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	if len(args) > 2 {
		return Value{}, in.Raise(interp.TypeError, "ContextVar() takes at most 2 arguments (%d given)", len(args))
	}
	if npos := len(args) - len(kwnames); npos > 1 {
		return Value{}, in.Raise(interp.TypeError, "ContextVar() takes at most 1 positional argument (%d given)", npos)
	}
	var name, def Value
	if err := in.Unpack(&contextVarParams, args, kwnames, &name, &def); err != nil {
		return Value{}, err
	}
	if !interp.IsStr(name) {
		return Value{}, in.Raise(interp.TypeError, "context variable name must be a str")
	}
	o, err := interp.NewObject[contextVarObject](in, t)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(name)
	o.name = name
	if !def.IsNil() {
		interp.IncRef(def)
		o.def = def
	}
	return interp.ValueOf(o), nil
}

func contextVarRepr(in *interp.Interp, v Value) (Value, error) {
	o := interp.ObjectOf[contextVarObject](v)
	name, err := reprString(in, o.name)
	if err != nil {
		return Value{}, err
	}
	s := "<ContextVar name=" + name
	if !o.def.IsNil() {
		d, err := reprString(in, o.def)
		if err != nil {
			return Value{}, err
		}
		s += " default=" + d
	}
	return in.NewStr(s + " at 0x" + interp.HexAddr(v) + ">")
}

func tokenRepr(in *interp.Interp, v Value) (Value, error) {
	o := interp.ObjectOf[tokenObject](v)
	cv, err := reprString(in, o.v)
	if err != nil {
		return Value{}, err
	}
	used := ""
	if o.used {
		used = " used"
	}
	return in.NewStr("<Token" + used + " var=" + cv + " at 0x" + interp.HexAddr(v) + ">")
}

// contextVarGet is ContextVar.get([default]).
func contextVarGet(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.Raise(interp.TypeError, "ContextVar.get() takes no keyword arguments")
	}
	if err := in.CheckArgCount("get", args[1:], nil, 0, 1); err != nil {
		return Value{}, err
	}
	self := interp.ObjectOf[contextVarObject](args[0])
	if cur := *in.ThreadContext(); !cur.IsNil() {
		o := interp.ObjectOf[contextObject](cur)
		if i := o.find(args[0]); i >= 0 {
			interp.IncRef(o.values[i])
			return o.values[i], nil
		}
	}
	switch {
	case len(args) > 1:
		interp.IncRef(args[1])
		return args[1], nil
	case !self.def.IsNil():
		interp.IncRef(self.def)
		return self.def, nil
	}
	return Value{}, raiseWithArg(in, interp.ExcType("LookupError"), args[0])
}

// contextVarSet is ContextVar.set(value): the Token to undo it with.
func contextVarSet(in *interp.Interp, self, value Value) (Value, error) {
	ctx, err := currentContext(in)
	if err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[contextObject](ctx)
	tok, err := interp.NewObject[tokenObject](in, tokenType)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(ctx)
	interp.IncRef(self)
	tok.ctx, tok.v = ctx, self
	if i := o.find(self); i >= 0 {
		interp.IncRef(o.values[i])
		tok.old = o.values[i]
	}
	t := interp.ValueOf(tok)
	if err := o.set(in, ctx, self, value); err != nil {
		in.DecRef(t)
		return Value{}, err
	}
	return t, nil
}

// contextVarReset is ContextVar.reset(token).
func contextVarReset(in *interp.Interp, self, token Value) (Value, error) {
	if !interp.IsInstance(token, tokenType) {
		r, err := reprString(in, token)
		if err != nil {
			return Value{}, err
		}
		return Value{}, in.Raise(interp.TypeError, "expected an instance of Token, got %s", r)
	}
	tok := interp.ObjectOf[tokenObject](token)
	fail := func(t *interp.Type, format string) error {
		r, err := reprString(in, token)
		if err != nil {
			return err
		}
		return in.Raise(t, format, r)
	}
	if tok.used {
		return Value{}, fail(interp.RuntimeError, "%s has already been used once")
	}
	if !tok.v.Is(self) {
		return Value{}, fail(interp.ValueError, "%s was created by a different ContextVar")
	}
	ctx, err := currentContext(in)
	if err != nil {
		return Value{}, err
	}
	if !tok.ctx.Is(ctx) {
		return Value{}, fail(interp.ValueError, "%s was created in a different Context")
	}
	tok.used = true
	o := interp.ObjectOf[contextObject](ctx)
	if tok.old.IsNil() {
		i := o.find(self)
		if i < 0 {
			return Value{}, raiseWithArg(in, interp.ExcType("LookupError"), self)
		}
		o.remove(in, i)
		return interp.None, nil
	}
	if err := o.set(in, ctx, self, tok.old); err != nil {
		return Value{}, err
	}
	return interp.None, nil
}

// contextRun is Context.run(callable, *args, **kwargs): the call, made
// with the context entered.
func contextRun(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if len(args)-len(kwnames) < 2 {
		return Value{}, in.Raise(interp.TypeError, "run() missing 1 required positional argument")
	}
	self := args[0]
	o := interp.ObjectOf[contextObject](self)
	if o.entered {
		r, err := reprString(in, self)
		if err != nil {
			return Value{}, err
		}
		return Value{}, in.Raise(interp.RuntimeError, "cannot enter context: %s is already entered", r)
	}
	st := in.ThreadContext()
	o.prev, o.entered = *st, true
	interp.IncRef(self)
	*st = self
	r, err := in.Call(args[1], args[2:], kwnames)
	*st, o.prev, o.entered = o.prev, Value{}, false
	in.DecRef(self)
	return r, err
}

func init() {
	contextvarsTable.typ("Context", contextType)
	contextvarsTable.typ("ContextVar", contextVarType)
	contextvarsTable.typ("Token", tokenType)
	contextvarsTable.fn("copy_context", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "_contextvars.copy_context() takes no keyword arguments")
		}
		if len(args) > 0 {
			return Value{}, in.Raise(interp.TypeError, "_contextvars.copy_context() takes no arguments (%d given)", len(args))
		}
		ctx, err := currentContext(in)
		if err != nil {
			return Value{}, err
		}
		return copyContext(in, interp.ObjectOf[contextObject](ctx))
	})

	t := contextVarType
	genericAliasable(t)
	t.AddMember("name", "name", true)
	t.AddMethod("get", contextVarGet)
	t.AddMethod("set", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("ContextVar.set", args, kwnames); err != nil {
			return Value{}, err
		}
		return contextVarSet(in, args[0], args[1])
	})
	t.AddMethod("reset", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("ContextVar.reset", args, kwnames); err != nil {
			return Value{}, err
		}
		return contextVarReset(in, args[0], args[1])
	})

	genericAliasable(tokenType)
	tokenType.AddAttr("MISSING", tokenMissing)
	tokenType.AddGetSet("var", func(in *interp.Interp, obj Value) (Value, error) {
		v := interp.ObjectOf[tokenObject](obj).v
		interp.IncRef(v)
		return v, nil
	}, nil)
	tokenType.AddGetSet("old_value", func(in *interp.Interp, obj Value) (Value, error) {
		old := interp.ObjectOf[tokenObject](obj).old
		if old.IsNil() {
			old = tokenMissing
		}
		interp.IncRef(old)
		return old, nil
	}, nil)

	contextType.AddMethod("run", contextRun)
	contextvarsTable.set("__doc__", interp.ImmortalStr("Context Variables"))
}

// initContextvars fills a new _contextvars module.
func initContextvars(in *interp.Interp, m *interp.Module) error {
	return contextvarsTable.fill(in, m)
}

func init() { interp.RegisterModule("_contextvars", initContextvars) }
