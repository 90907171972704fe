package modules

import (
	"bytes"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The compile() calls _ast serves (interp.ASTCompileHook): with
// PyCF_ONLY_AST (ast.parse) it returns the tree of node objects, given
// a node object it compiles that tree, and it takes the calls with
// other flags (future features) as well. The builtin keeps the calls
// without flags.

var astCompileParams = interp.Params{
	Func:     "compile",
	Names:    []string{"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"},
	KwOnly:   1,
	Required: 3,
}

// astModes are compile()'s modes, in CPython's order (the index picks
// the node class a tree must be).
var astModes = []string{"exec", "eval", "single", "func_type"}

var astModeClasses = []int{clsModule, clsExpression, clsInteractive, clsFunctionType}

var astSyntaxModes = []syntax.Mode{syntax.ModeExec, syntax.ModeEval, syntax.ModeSingle}

// astCompileHook is interp.ASTCompileHook.
func astCompileHook(in *interp.Interp, args, kwnames []Value) (Value, bool, error) {
	var source, filename, mode, flags, dontInherit, optimize, feature Value
	if err := in.Unpack(&astCompileParams, args, kwnames, &source, &filename, &mode, &flags, &dontInherit, &optimize, &feature); err != nil {
		for _, k := range kwnames {
			if k.GoString() == "_feature_version" {
				return Value{}, true, err
			}
		}
		// The builtin reports it with its own parameters.
		in.DiscardError(err)
		return Value{}, false, nil
	}
	isAST := interp.IsInstance(source, astType)
	hasFlags := false
	if i, ok := interp.IntValue(flags); ok {
		hasFlags = i != 0
	}
	if !isAST && !hasFlags && feature.IsNil() {
		return Value{}, false, nil
	}
	r, err := astCompile(in, source, filename, mode, flags, dontInherit, optimize, feature, isAST)
	return r, true, err
}

// astIntArg converts an int argument as argument clinic's "int" does; def
// when it was not given.
func astIntArg(in *interp.Interp, v Value, def int) (int, error) {
	if v.IsNil() {
		return def, nil
	}
	n, err := in.AsSsize(v)
	if err != nil {
		if interp.ErrorIs(err, interp.OverflowError) {
			in.DiscardError(err)
			return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
		}
		return 0, err
	}
	if n < -1<<31 || n >= 1<<31 {
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	return n, nil
}

// astFSPath converts compile()'s filename as PyUnicode_FSDecoder does.
func astFSPath(in *interp.Interp, v Value) (string, error) {
	switch {
	case interp.IsStr(v):
		return v.GoString(), nil
	case v.Type() == interp.BytesType:
		b, _ := interp.BufferBytes(v)
		return string(b), nil
	}
	r, found, err := in.CallSpecial(v, "__fspath__")
	if err != nil {
		return "", err
	}
	if !found {
		return "", in.Raise(interp.TypeError, "expected str, bytes or os.PathLike object, not %s", typeName(v))
	}
	defer in.DecRef(r)
	return astFSPath(in, r)
}

func astCompile(in *interp.Interp, source, filename, mode, flags, dontInherit, optimize, feature Value, isAST bool) (Value, error) {
	// The arguments convert in order, as argument clinic does.
	fname, err := astFSPath(in, filename)
	if err != nil {
		return Value{}, err
	}
	if !interp.IsStr(mode) {
		return Value{}, in.Raise(interp.TypeError, "compile() argument 'mode' must be str, not %s", typeName(mode))
	}
	flagBits, err := astIntArg(in, flags, 0)
	if err != nil {
		return Value{}, err
	}
	if !dontInherit.IsNil() {
		if _, err := in.Truth(dontInherit); err != nil {
			return Value{}, err
		}
	}
	opt, err := astIntArg(in, optimize, -1)
	if err != nil {
		return Value{}, err
	}
	featureVersion, err := astIntArg(in, feature, -1)
	if err != nil {
		return Value{}, err
	}

	if flagBits&^(pyCFMask|coNested|pyCFCompileMask) != 0 {
		return Value{}, in.Raise(interp.ValueError, "compile(): unrecognised flags")
	}
	if opt < -1 || opt > 2 {
		return Value{}, in.Raise(interp.ValueError, "compile(): invalid optimize value")
	}
	onlyAST := flagBits&pyCFOnlyAST != 0
	m := -1
	for i, name := range astModes {
		if mode.GoString() == name {
			m = i
		}
	}
	switch {
	case m == 3 && !onlyAST:
		return Value{}, in.Raise(interp.ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST")
	case m < 0 && onlyAST:
		return Value{}, in.Raise(interp.ValueError, "compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
	case m < 0:
		return Value{}, in.Raise(interp.ValueError, "compile() mode must be 'exec', 'eval' or 'single'")
	}
	opts := compile.Options{Optimize: max(opt, 0), Flags: compile.CodeFlags(flagBits & pyCFMask)}

	if isAST {
		if onlyAST {
			interp.IncRef(source)
			return source, nil
		}
		st, err := astStateOf(in)
		if err != nil {
			return Value{}, err
		}
		if !interp.IsInstance(source, st.types[astModeClasses[m]]) {
			return Value{}, in.Raise(interp.TypeError, "expected %s node, got %.400s", astClasses[astModeClasses[m]].name, typeName(source))
		}
		c := &astFromPy{in: in, st: st}
		mod := c.mod(source)
		if c.err != nil {
			return Value{}, c.err
		}
		if err := validateTree(in, mod); err != nil {
			return Value{}, err
		}
		return in.CompileMod(mod, fname, astSyntaxModes[m], opts)
	}

	var src []byte
	switch {
	case interp.IsStr(source):
		src = ignoreCookie([]byte(source.GoString()))
	default:
		b, ok := interp.BufferBytes(source)
		if !ok {
			return Value{}, in.Raise(interp.TypeError, "compile() arg 1 must be a string, bytes or AST object")
		}
		src = append([]byte(nil), b...)
	}
	if !onlyAST {
		// Future features only; _feature_version only matters for
		// ast.parse.
		if flagBits&(pyCFCompileMask&^pyCFTypeComments|coFutureBarryAsBDFL) != 0 {
			return Value{}, in.Raise(interp.NotImplementedError, "compile() flags are not implemented yet")
		}
		mod, ws, err := syntax.ParseWarnings(fname, src, astSyntaxModes[m])
		if err != nil {
			return Value{}, in.SyntaxErrorFrom(err)
		}
		if err := in.IssueSyntaxWarnings(ws); err != nil {
			return Value{}, err
		}
		return in.CompileMod(mod, fname, astSyntaxModes[m], opts)
	}
	switch {
	case m == 3:
		return Value{}, in.Raise(interp.NotImplementedError, "compile() mode 'func_type' is not implemented yet")
	case flagBits&coFutureBarryAsBDFL != 0:
		return Value{}, in.Raise(interp.NotImplementedError, "compile() flag CO_FUTURE_BARRY_AS_BDFL is not implemented yet")
	case flagBits&pyCFTypeComments != 0 && hasTypeComment(src):
		return Value{}, in.Raise(interp.NotImplementedError, "ast.parse type_comments is not implemented yet")
	case featureVersion >= 0 && featureVersion < 12:
		return Value{}, in.Raise(interp.NotImplementedError, "ast.parse feature_version below (3, 12) is not implemented yet")
	}
	mod, ws, err := syntax.ParseWarnings(fname, src, astSyntaxModes[m])
	if err != nil {
		return Value{}, in.SyntaxErrorFrom(err)
	}
	if err := in.IssueSyntaxWarnings(ws); err != nil {
		return Value{}, err
	}
	st, err := astStateOf(in)
	if err != nil {
		return Value{}, err
	}
	return toPyTree(in, st, mod)
}

// hasTypeComment reports whether src may hold a "# type:" comment, which
// CPython's parser reads with PyCF_TYPE_COMMENTS and ours does not: a
// '#', blanks, then "type:". Anywhere, even inside a string, which only
// makes the check cautious.
func hasTypeComment(src []byte) bool {
	for i := bytes.IndexByte(src, '#'); i >= 0; {
		rest := bytes.TrimLeft(src[i+1:], " \t\f")
		if bytes.HasPrefix(rest, []byte("type:")) {
			return true
		}
		j := bytes.IndexByte(src[i+1:], '#')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// ignoreCookie makes the coding cookie of a str source inert: CPython
// compiles a str as the UTF-8 it is (PyCF_IGNORE_COOKIE), while
// syntax.Parse, made for raw bytes, would decode it again with the
// cookie's codec. It spoils "coding" in the comment lines among the
// first two, keeping every offset.
func ignoreCookie(src []byte) []byte {
	copied := false
	start := 0
	for line := 0; line < 2 && start < len(src); line++ {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		text := bytes.TrimLeft(src[start:end], " \t\f")
		if len(text) > 0 && text[0] == '#' {
			for i := bytes.Index(src[start:end], []byte("coding")); i >= 0; i = bytes.Index(src[start:end], []byte("coding")) {
				if !copied {
					src = append([]byte(nil), src...)
					copied = true
				}
				src[start+i+1] = '0' // "c0ding"
			}
		}
		start = end + 1
	}
	return src
}
