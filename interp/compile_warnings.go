package interp

import (
	"fmt"

	"github.com/parallel-py/parallel/interp/syntax"
)

// The warnings the front end records while it compiles source
// (syntax.Warning: invalid escape sequences, "invalid decimal literal"
// before a keyword, "is" with a literal, ...) are issued here, through
// warnings.warn_explicit as CPython's PyErr_WarnExplicitObject issues
// them, each time a source is compiled: by compile(), exec() and eval()
// of source text, at import and for the main program (a template with
// warnings is never cached, see codecache). A warning the filters turn
// into an exception becomes the SyntaxError CPython raises in its place
// (syntax.IssueWarnings says which stage it interrupts).

// issueCompileWarnings issues the warnings of a successful compilation.
func (in *Interp) issueCompileWarnings(ws []syntax.Warning) error {
	if len(ws) == 0 {
		return nil
	}
	return in.compileOutcome(ws, nil)
}

// syntaxErrorWithWarnings issues the warnings recorded before the front
// end failed with se, and returns the exception to raise.
func (in *Interp) syntaxErrorWithWarnings(se *syntax.Error) error {
	ws := se.Warnings
	plain := *se
	plain.Warnings = nil
	return in.compileOutcome(ws, &plain)
}

// compileOutcome issues ws and returns the exception the compilation
// ends with (nil when it succeeds); failure is the front end's error.
func (in *Interp) compileOutcome(ws []syntax.Warning, failure *syntax.Error) error {
	var fail error
	if failure != nil {
		fail = failure
	}
	var mod Value
	defer func() { in.XDecRef(mod) }()
	res := syntax.IssueWarnings(ws, fail, func(w *syntax.Warning) (bool, error) {
		category := exceptionTypes[w.Category]
		if category == nil {
			category = exceptionTypes["SyntaxWarning"]
		}
		if mod.IsNil() {
			m, err := in.importModule("warnings")
			if err != nil {
				if !ErrorIs(err, importErrorType) {
					return false, err
				}
				// Without the standard library the default action is
				// taken by hand, as in warn.
				in.decRef(valueOf(err.(*Exception)))
				fmt.Fprintf(in.stderr, "%s:%d: %s: %s\n", w.Filename, w.Line, category.Name, w.Msg)
				return false, nil
			}
			mod = m
		}
		err := in.warnExplicit(mod, category, w.Msg, w.Filename, w.Line)
		if err == nil {
			return false, nil
		}
		if ErrorIs(err, category) {
			in.DiscardError(err)
			return true, nil
		}
		return false, err
	})
	if res == nil {
		return nil
	}
	if se, ok := res.(*syntax.Error); ok {
		return in.syntaxErrorFrom(se)
	}
	return res
}

// warnExplicit calls warnings.warn_explicit(msg, category, filename,
// lineno) of the warnings module mod.
func (in *Interp) warnExplicit(mod Value, category *Type, msg, filename string, line int) error {
	m, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	defer in.decRef(m)
	f, err := in.NewStr(filename)
	if err != nil {
		return err
	}
	defer in.decRef(f)
	r, err := in.CallMethod(mod, "warn_explicit", []Value{m, valueOf(category), f, Int(int64(line))}, nil)
	if err != nil {
		return err
	}
	in.decRef(r)
	return nil
}

// IssueSyntaxWarnings issues the warnings a successful parse or compile
// recorded (syntax.ParseWarnings, compile.Code.Warnings) and returns the
// SyntaxError to raise when the warnings filters turn one into an error.
// (SyntaxErrorFrom issues those recorded before a failure.)
func (in *Interp) IssueSyntaxWarnings(ws []syntax.Warning) error {
	return in.issueCompileWarnings(ws)
}
