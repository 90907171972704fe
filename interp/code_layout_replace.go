package interp

import (
	"sync"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// code.replace(**changes): a copy of a code object with some fields
// changed. The names, filename and first line are changed on a copy of
// the template (moving the first line moves every line, as CPython's line
// table counts from it); the CO_ITERABLE_COROUTINE flag, which
// types.coroutine sets, likewise. Everything else would need the code
// re-encoded for our instruction set, so a new value is refused with
// NotImplementedError unless it equals the current one.

// codeReplaceFields are replace()'s keywords, in CPython's order.
var codeReplaceFields = []string{
	"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
	"co_stacksize", "co_flags", "co_firstlineno", "co_code", "co_consts",
	"co_names", "co_varnames", "co_freevars", "co_cellvars", "co_filename",
	"co_name", "co_qualname", "co_linetable", "co_exceptiontable",
}

// replacedKey identifies a copy made by replace, so that replacing the
// same fields again gives the same template rather than a new immortal
// code object each time.
type replacedKey struct {
	tmpl                     *compile.Code
	name, qualname, filename string
	firstLine                int
	flags                    compile.CodeFlags
}

var replacedTemplates sync.Map // replacedKey -> *compile.Code

func init() {
	defMethod(codeType, "replace", codeReplace)
}

func codeReplace(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if len(args)-len(kwnames) > 1 {
		return Value{}, in.raise(typeErrorType, "replace() takes no positional arguments")
	}
	c := asObject[Code](args[0])
	t := c.tmpl
	vals := make([]Value, len(codeReplaceFields))
	out := make([]*Value, len(vals))
	for i := range vals {
		out[i] = &vals[i]
	}
	if err := in.parseArgs("replace", args[1:], kwnames, codeReplaceFields, 0, out...); err != nil {
		return Value{}, err
	}
	key := replacedKey{tmpl: t, name: t.Name, qualname: t.Qualname, filename: t.Filename, firstLine: t.FirstLine, flags: t.Flags}
	ints := map[string]int{
		"co_argcount": t.ArgCount, "co_posonlyargcount": t.PosOnlyArgCount,
		"co_kwonlyargcount": t.KwOnlyArgCount, "co_nlocals": len(t.Varnames()),
		"co_stacksize": t.StackSize,
	}
	names := map[string][]string{
		"co_names": t.Names, "co_varnames": t.Varnames(),
		"co_freevars": t.Freevars(), "co_cellvars": t.Cellvars(),
	}
	for i, field := range codeReplaceFields {
		v := vals[i]
		if v.IsNil() {
			continue
		}
		// Type checks first, with argument clinic's messages.
		var want *Type
		switch field {
		case "co_code", "co_linetable", "co_exceptiontable":
			want = bytesType
		case "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars":
			want = tupleType
		case "co_filename", "co_name", "co_qualname":
			want = strType
		}
		if want != nil && v.Type() != want && !v.Type().IsSubtype(want) {
			return Value{}, in.raise(typeErrorType, "replace() argument '%s' must be %s, not %s", field, want.Name, v.Type().Name)
		}
		same := true
		switch field {
		case "co_name":
			key.name = v.GoString()
		case "co_qualname":
			key.qualname = v.GoString()
		case "co_filename":
			key.filename = v.GoString()
		case "co_firstlineno", "co_flags", "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize":
			n, err := in.cIntArg(v)
			if err != nil {
				return Value{}, err
			}
			if n != int(int32(n)) {
				return Value{}, in.raise(overflowErrorType, "Python int too large to convert to C int")
			}
			switch field {
			case "co_firstlineno":
				key.firstLine = n
			case "co_flags":
				// Only the flag that makes a generator awaitable can
				// change: the eval loop reads it, not the code.
				f := compile.CodeFlags(uint32(n))
				same = (f^t.Flags)&^compile.CO_ITERABLE_COROUTINE == 0
				key.flags = f
			default:
				same = n == ints[field]
			}
		case "co_names", "co_varnames", "co_freevars", "co_cellvars":
			same = tupleOfStrings(v, names[field])
		case "co_consts":
			var err error
			if same, err = in.sameItems(asObject[Tuple](v).items, c.consts); err != nil {
				return Value{}, err
			}
		case "co_code", "co_linetable", "co_exceptiontable":
			view, err := in.cpyView(c)
			if err != nil {
				return Value{}, err
			}
			cur := map[string][]byte{"co_code": view.layout.Code(), "co_linetable": view.linetable, "co_exceptiontable": view.exc}[field]
			same = string(asObject[Bytes](v).b) == string(cur)
		}
		if !same {
			return Value{}, in.raise(notImplementedErrorType, "code.replace() with a new %s is not implemented yet", field)
		}
	}
	if key == (replacedKey{tmpl: t, name: t.Name, qualname: t.Qualname, filename: t.Filename, firstLine: t.FirstLine, flags: t.Flags}) {
		// CPython also returns a new object here; nothing can tell the
		// difference but identity.
		return valueOf(c), nil
	}
	nt, err := in.replacedTemplate(key)
	if err != nil {
		return Value{}, err
	}
	return valueOf(codeOf(nt)), nil
}

// replacedTemplate returns the copy of key.tmpl that key describes.
func (in *Interp) replacedTemplate(key replacedKey) (*compile.Code, error) {
	if nt, ok := replacedTemplates.Load(key); ok {
		return nt.(*compile.Code), nil
	}
	t := key.tmpl
	nt := *t
	nt.Name, nt.Qualname, nt.Filename, nt.FirstLine, nt.Flags = key.name, key.qualname, key.filename, key.firstLine, key.flags
	if delta := key.firstLine - t.FirstLine; delta != 0 {
		ps, err := bytecode.DecodePositions(t.Positions)
		if err != nil {
			return nil, in.raise(systemErrorType, "corrupt position table")
		}
		for i := range ps {
			if ps[i].Line < 0 {
				continue
			}
			ps[i].Line += delta
			if ps[i].EndLine >= 0 {
				ps[i].EndLine += delta
			}
			if ps[i].Line < 0 || ps[i].EndLine < -1 {
				return nil, in.raise(notImplementedErrorType, "code.replace() moving lines below 0 is not implemented yet")
			}
		}
		nt.Positions = bytecode.EncodePositions(ps)
	}
	actual, _ := replacedTemplates.LoadOrStore(key, &nt)
	return actual.(*compile.Code), nil
}

// tupleOfStrings reports whether tuple v holds exactly the strs names.
func tupleOfStrings(v Value, names []string) bool {
	items := asObject[Tuple](v).items
	if len(items) != len(names) {
		return false
	}
	for i, x := range items {
		if x.Type() != strType || x.GoString() != names[i] {
			return false
		}
	}
	return true
}

// sameItems reports whether a and b are equal item by item, as tuple ==
// decides (identity first, then ==).
func (in *Interp) sameItems(a, b []Value) (bool, error) {
	if len(a) != len(b) {
		return false, nil
	}
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		// Equal but of different types (1 and 1.0, 0 and False) is a
		// different constant.
		if a[i].Type() != b[i].Type() {
			return false, nil
		}
		eq, err := in.Equal(a[i], b[i])
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}
