package interp

import (
	"errors"

	"github.com/parallel-py/parallel/interp/syntax"
)

// syntaxErrorFrom turns a front-end error into the Python exception
// CPython raises for it: SyntaxError (or IndentationError, TabError)
// with args (msg, (filename, lineno, offset, text, end_lineno,
// end_offset)), or MemoryError and RecursionError for over-deep input.
func (in *Interp) syntaxErrorFrom(err error) error {
	var se *syntax.Error
	if !errors.As(err, &se) {
		return in.raise(systemErrorType, "compiler failed: %v", err)
	}
	if len(se.Warnings) > 0 {
		return in.syntaxErrorWithWarnings(se)
	}
	t := exceptionTypes[se.Type.String()]
	if t == nil {
		t = syntaxErrorType
	}
	if !t.IsSubtype(syntaxErrorType) {
		return in.raise(t, "%s", se.Msg)
	}
	msg, err := in.NewStr(se.Msg)
	if err != nil {
		return err
	}
	defer in.decRef(msg)
	file, err := in.NewStr(se.Filename)
	if err != nil {
		return err
	}
	defer in.decRef(file)
	text := None
	if se.Text != "" {
		if text, err = in.NewStr(se.Text); err != nil {
			return err
		}
		defer in.decRef(text)
	}
	endLine, endOffset := None, None
	if se.EndLine > 0 {
		endLine, endOffset = Int(int64(se.EndLine)), Int(int64(se.EndOffset))
	}
	details, err := in.NewTuple(file, Int(int64(se.Line)), Int(int64(se.Offset)), text, endLine, endOffset)
	if err != nil {
		return err
	}
	defer in.decRef(details)
	e, err := in.newException(t, msg, details)
	if err != nil {
		return err
	}
	return e
}

var syntaxErrorType = exceptionTypes["SyntaxError"]

// syntaxErrorField reads field i of a SyntaxError's details; the message
// is args[0].
func syntaxErrorField(i int) func(in *Interp, v Value) (Value, error) {
	return func(in *Interp, v Value) (Value, error) {
		args := asObject[Tuple](asObject[Exception](v).args).items
		var r Value = None
		switch {
		case i < 0 && len(args) > 0:
			r = args[0]
		case i >= 0 && len(args) == 2 && args[1].Type() == tupleType:
			if d := asObject[Tuple](args[1]).items; i < len(d) {
				r = d[i]
			}
		}
		incRef(r)
		return r, nil
	}
}

func init() {
	defGetSet(syntaxErrorType, "msg", syntaxErrorField(-1), nil)
	for i, name := range []string{"filename", "lineno", "offset", "text", "end_lineno", "end_offset"} {
		defGetSet(syntaxErrorType, name, syntaxErrorField(i), nil)
	}
	// str(SyntaxError) is "msg (file, line N)" when it has a location.
	syntaxErrorType.str = func(in *Interp, v Value) (Value, error) {
		args := asObject[Tuple](asObject[Exception](v).args).items
		if len(args) == 2 && args[0].Type() == strType && args[1].Type() == tupleType {
			d := asObject[Tuple](args[1]).items
			if len(d) >= 2 && d[0].Type() == strType && d[1].IsSmallInt() {
				return in.NewStr(sprintf("%s (%s, line %d)", args[0].GoString(), baseName(d[0].GoString()), d[1].SmallInt()))
			}
		}
		return exceptionStr(in, v)
	}
	for _, name := range []string{"IndentationError", "TabError"} {
		exceptionTypes[name].str = syntaxErrorType.str
	}
}

// baseName is the last element of a path, as CPython's SyntaxError str
// shows the file.
func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}
