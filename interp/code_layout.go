package interp

import (
	"sync"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// Code objects in CPython 3.12's layout: co_code, co_exceptiontable,
// co_linetable and co_lnotab as CPython would hold the same code, so that
// CPython's own dis, inspect and traceback modules read our code objects.
// They are views computed from the template (bytecode.CPythonLayout) once
// per template and kept for the process; the interpreter itself never
// reads them. Byte offsets into co_code are what tb_lasti, f_lasti,
// co_positions() and co_lines() count in.

// cpyView is a template's CPython layout and the tables derived from it.
type cpyView struct {
	layout    *bytecode.CPythonLayout
	exc       []byte // co_exceptiontable
	linetable []byte // co_linetable
	lines     []bytecode.LineEntry
	err       error // why the view could not be made
}

var cpyViews sync.Map // *compile.Code -> *cpyView

// cpyViewOf returns t's CPython layout, computing it on first use.
func cpyViewOf(t *compile.Code) *cpyView {
	if v, ok := cpyViews.Load(t); ok {
		return v.(*cpyView)
	}
	v := &cpyView{}
	v.layout, v.err = bytecode.NewCPythonLayout(t.Instructions)
	if v.err == nil {
		v.exc, v.err = v.layout.ExceptionTable(t.ExceptionTable)
	}
	if v.err == nil {
		v.linetable, v.err = v.layout.LineTable(t.Positions, t.FirstLine)
	}
	if v.err == nil {
		v.lines, v.err = bytecode.DecodeLineTable(v.linetable, t.FirstLine)
	}
	actual, _ := cpyViews.LoadOrStore(t, v)
	return actual.(*cpyView)
}

// cpyView returns c's CPython layout, or NotImplementedError when the code
// has no CPython encoding.
func (in *Interp) cpyView(c *Code) (*cpyView, error) {
	v := cpyViewOf(c.tmpl)
	if v.err != nil {
		return nil, in.raise(notImplementedErrorType, "the CPython layout of this code object is not implemented yet (%v)", v.err)
	}
	return v, nil
}

// codeLasti is the byte offset in co_code of instruction pc of c, as
// tb_lasti and f_lasti report it: the instruction itself, after any
// EXTENDED_ARG prefix.
func codeLasti(c *Code, pc int) int {
	v := cpyViewOf(c.tmpl)
	if v.err != nil || pc < 0 || pc >= len(c.tmpl.Instructions) {
		return 2 * pc
	}
	return 2 * v.layout.Offset(pc)
}

// codeLastiInCall is f_lasti of a frame whose instruction pc is a CALL
// that entered a Python function in the same eval loop: CPython's frame
// then points past the call's inline caches, at their last code unit
// (the offset it resumes after). Other calls, made through Go code, leave
// it at the CALL itself (codeLasti).
func codeLastiInCall(c *Code, pc int) int {
	v := cpyViewOf(c.tmpl)
	if v.err != nil || pc < 0 || pc >= len(c.tmpl.Instructions) ||
		c.tmpl.Instructions[pc].Op().Base() != bytecode.CALL {
		return codeLasti(c, pc)
	}
	return 2 * (v.layout.Start(pc+1) - 1)
}

// callsInLoop reports whether the live frame f is suspended in a call
// whose callee frame this eval loop pushed directly (a Python-to-Python
// call, as CPython inlines them), rather than through Go code.
func (in *Interp) callsInLoop(f *frame) bool {
	for g := in.frame; g != nil && g != f; g = frameCaller(g) {
		if g.back == f {
			return true
		}
	}
	return false
}

func init() {
	codeBytes := func(name string, get func(v *cpyView) []byte) {
		defGetSet(codeType, name, func(in *Interp, obj Value) (Value, error) {
			v, err := in.cpyView(asObject[Code](obj))
			if err != nil {
				return Value{}, err
			}
			return in.newBytes(append([]byte(nil), get(v)...))
		}, nil)
	}
	codeBytes("co_code", func(v *cpyView) []byte { return v.layout.Code() })
	// The adaptive form shows specialized instructions; ours are kept
	// apart from the template, so it shows the code before any warm-up.
	codeBytes("_co_code_adaptive", func(v *cpyView) []byte { return v.layout.Code() })
	codeBytes("co_exceptiontable", func(v *cpyView) []byte { return v.exc })
	codeBytes("co_linetable", func(v *cpyView) []byte { return v.linetable })
	defGetSet(codeType, "co_lnotab", func(in *Interp, obj Value) (Value, error) {
		c := asObject[Code](obj)
		v, err := in.cpyView(c)
		if err != nil {
			return Value{}, err
		}
		if err := in.warnDeprecated("co_lnotab is deprecated, use co_lines instead."); err != nil {
			return Value{}, err
		}
		return in.newBytes(bytecode.Lnotab(v.lines, c.tmpl.FirstLine))
	}, nil)
	defMethod(codeType, "_varname_from_oparg", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var arg Value
		if err := in.parseArgs("_varname_from_oparg", args[1:], kwnames, []string{"oparg"}, 1, &arg); err != nil {
			return Value{}, err
		}
		n, err := in.cIntArg(arg)
		if err != nil {
			return Value{}, err
		}
		if n != int(int32(n)) {
			return Value{}, in.raise(overflowErrorType, "Python int too large to convert to C int")
		}
		names := asObject[Code](args[0]).tmpl.LocalsPlusNames
		if n < 0 || n >= len(names) {
			return Value{}, in.raise(indexErrorType, "tuple index out of range")
		}
		return internName(names[n]), nil
	})
	codeType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		return Value{}, in.raise(notImplementedErrorType, "creating code objects with types.CodeType() is not implemented yet")
	}
}

// warnDeprecated issues a DeprecationWarning through warnings.warn, for
// the Python code running now.
func (in *Interp) warnDeprecated(msg string) error {
	w, err := in.importModule("warnings")
	if err != nil {
		return err
	}
	defer in.decRef(w)
	m, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	defer in.decRef(m)
	r, err := in.CallMethod(w, "warn", []Value{m, valueOf(ExcType("DeprecationWarning")), Int(1)}, nil)
	if err != nil {
		return err
	}
	in.decRef(r)
	return nil
}
