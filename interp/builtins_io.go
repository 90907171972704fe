package interp

import (
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// The builtins that talk to the program's console: print, input, and the
// exit and quit objects. They go through sys.stdout, sys.stdin and
// sys.stderr, as CPython's do, so that a program can redirect them; when
// those are the interpreter's own streams (or other text files) they are
// read and written without calls through Python.

var (
	printSpace   = newImmortalStr(" ")
	printNewline = newImmortalStr("\n")
)

func init() {
	builtinFuncs = append(builtinFuncs, newBuiltin("print", builtinPrint), newBuiltin("input", builtinInput))
}

// sysAttr reads sys.<name>, borrowed; ok is false when sys lacks it.
func (in *Interp) sysAttr(name string) (v Value, ok bool, err error) {
	if in.sys == nil {
		return Value{}, false, nil // finalizers running at the end of Close
	}
	return in.DictGet(in.sys.Dict(), internName(name))
}

// fileWrite is PyFile_WriteObject with Py_PRINT_RAW: file.write(str(v)),
// looking write up first as CPython does; a text file is written to
// without a call through Python.
func (in *Interp) fileWrite(file, v Value) error {
	if file.Type() == textIOWrapperType {
		s, err := in.Str(v)
		if err != nil {
			return err
		}
		_, err = in.writeText(file, s.GoString())
		in.decRef(s)
		return err
	}
	w, err := in.getAttrString(file, "write")
	if err != nil {
		return err
	}
	defer in.decRef(w)
	s, err := in.Str(v)
	if err != nil {
		return err
	}
	r, err := in.Call(w, []Value{s}, nil)
	in.decRef(s)
	if err == nil {
		in.decRef(r)
	}
	return err
}

// callMethod0 calls v.name() with no arguments.
func (in *Interp) callMethod0(v Value, name string) (Value, error) {
	m, err := in.getAttrString(v, name)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(m)
	return in.Call(m, nil, nil)
}

// builtinPrint is print(*objects, sep=' ', end='\n', file=None,
// flush=False).
func builtinPrint(in *Interp, args []Value, kwnames []Value) (Value, error) {
	npos := len(args) - len(kwnames)
	var sep, end, file, flush Value
	for j, kn := range kwnames {
		v := args[npos+j]
		switch kn.GoString() {
		case "sep":
			sep = v
		case "end":
			end = v
		case "file":
			file = v
		case "flush":
			flush = v
		default:
			return Value{}, in.raise(typeErrorType, "'%s' is an invalid keyword argument for print()", kn.GoString())
		}
	}
	doFlush := false
	if !flush.IsNil() {
		b, err := in.Truth(flush)
		if err != nil {
			return Value{}, err
		}
		doFlush = b
	}
	if file.IsNil() || file.IsNone() {
		f, ok, err := in.sysAttr("stdout")
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, in.raise(runtimeErrorType, "lost sys.stdout")
		}
		if f.IsNone() {
			return None, nil
		}
		file = f
	}
	for _, p := range []struct {
		name string
		v    *Value
		dflt Value
	}{{"sep", &sep, printSpace}, {"end", &end, printNewline}} {
		switch v := *p.v; {
		case v.IsNil() || v.IsNone():
			*p.v = p.dflt
		case !v.Type().IsSubtype(strType):
			return Value{}, in.raise(typeErrorType, "%s must be None or a string, not %s", p.name, v.Type().Name)
		}
	}
	// Writing may run Python code that rebinds sys.stdout: hold on to
	// this one.
	incRef(file)
	defer in.decRef(file)
	objs := args[:npos]
	if file.Type() == textIOWrapperType {
		if err := in.printText(file, objs, sep, end); err != nil {
			return Value{}, err
		}
		if doFlush {
			if _, err := in.flushText(file); err != nil {
				return Value{}, err
			}
		}
		return None, nil
	}
	for i, o := range objs {
		if i > 0 {
			if err := in.fileWrite(file, sep); err != nil {
				return Value{}, err
			}
		}
		if err := in.fileWrite(file, o); err != nil {
			return Value{}, err
		}
	}
	if err := in.fileWrite(file, end); err != nil {
		return Value{}, err
	}
	if doFlush {
		r, err := in.callMethod0(file, "flush")
		if err != nil {
			return Value{}, err
		}
		in.decRef(r)
	}
	return None, nil
}

// printText is print to a text file (sys.stdout, or a file from open()),
// writing without calls through Python. ASCII text is gathered and
// written at once; text that the file's encoding might refuse is written
// on its own, and what was gathered is written before converting an
// object whose str may run Python code, so that output and errors come
// as from CPython's one write per piece.
func (in *Interp) printText(file Value, objs []Value, sep, end Value) error {
	var b strings.Builder
	flush := func() error {
		if b.Len() == 0 {
			return nil
		}
		_, err := in.writeText(file, b.String())
		b.Reset()
		return err
	}
	add := func(s Value) error {
		if !asObject[Str](s).ascii {
			if err := flush(); err != nil {
				return err
			}
			_, err := in.writeText(file, s.GoString())
			return err
		}
		b.WriteString(s.GoString())
		return nil
	}
	for i, o := range objs {
		if i > 0 {
			if err := add(sep); err != nil {
				return err
			}
		}
		switch o.Type() {
		case strType:
			if err := add(o); err != nil {
				return err
			}
			continue
		case intType, floatType, boolType, noneType:
		default:
			if err := flush(); err != nil {
				return err
			}
		}
		s, err := in.Str(o)
		if err != nil {
			return err
		}
		err = add(s)
		in.decRef(s)
		if err != nil {
			return err
		}
	}
	if err := add(end); err != nil {
		return err
	}
	return flush()
}

// builtinInput is input(prompt=None, /): the prompt written to
// sys.stdout (which is then flushed), a line read from sys.stdin without
// its newline, EOFError at the end of the input.
func builtinInput(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("input", args, kwnames, 0, 1); err != nil {
		return Value{}, err
	}
	var streams [3]Value // sys.stdin, sys.stdout, sys.stderr
	for i, name := range []string{"stdin", "stdout", "stderr"} {
		v, ok, err := in.sysAttr(name)
		if err != nil {
			return Value{}, err
		}
		if !ok || v.IsNone() {
			return Value{}, in.raise(runtimeErrorType, "input(): lost sys.%s", name)
		}
		streams[i] = v
	}
	// Python code run below may rebind them.
	for _, s := range streams {
		incRef(s)
	}
	defer in.releaseAll(streams[:])
	stdin, stdout, stderr := streams[0], streams[1], streams[2]
	// CPython flushes stderr first, ignoring its errors.
	if err := in.flushFile(stderr); err != nil {
		e, ok := err.(*Exception)
		if !ok {
			return Value{}, err
		}
		in.decRef(valueOf(e))
	}
	if len(args) == 1 {
		if err := in.fileWrite(stdout, args[0]); err != nil {
			return Value{}, err
		}
	}
	if err := in.flushFile(stdout); err != nil {
		return Value{}, err
	}
	var line Value
	if stdin.Type() == textIOWrapperType {
		f := textOf(stdin)
		if err := in.textCheckReadable(f); err != nil {
			return Value{}, err
		}
		s, err := in.textReadLine(f, -1)
		if err != nil {
			return Value{}, err
		}
		if line, err = in.NewStr(s); err != nil {
			return Value{}, err
		}
	} else {
		var err error
		if line, err = in.callMethod0(stdin, "readline"); err != nil {
			return Value{}, err
		}
	}
	var text string
	switch line.Type() {
	case strType:
		text = line.GoString()
	case bytesType:
		text = string(asObject[Bytes](line).b)
	default:
		in.decRef(line)
		return Value{}, in.raise(typeErrorType, "object.readline() returned non-string")
	}
	if text == "" {
		in.decRef(line)
		return Value{}, in.raise(inputEOFErrorType, "EOF when reading a line")
	}
	if !strings.HasSuffix(text, "\n") {
		return line, nil
	}
	isBytes := line.Type() == bytesType
	in.decRef(line)
	text = text[:len(text)-1]
	if isBytes {
		return in.newBytes([]byte(text))
	}
	return in.NewStr(text)
}

var inputEOFErrorType = exceptionTypes["EOFError"]

// flushFile is file.flush(), without a call through Python for a text
// file.
func (in *Interp) flushFile(file Value) error {
	if handled, err := in.flushText(file); handled {
		return err
	}
	r, err := in.callMethod0(file, "flush")
	if err == nil {
		in.decRef(r)
	}
	return err
}

// quitter is the type of the exit and quit objects (CPython's
// _sitebuiltins.Quitter): its repr tells how to leave, and calling it
// raises SystemExit.
type quitter struct {
	alloc.Header
	name string
}

var quitterType = newBuiltinType("Quitter", objectType, 0)

func newQuitter(name string) Value {
	q := &quitter{name: name}
	q.Header.Type = unsafe.Pointer(quitterType)
	alloc.MakeImmortal(&q.Header)
	return valueOf(q)
}

func init() {
	quitterType.Module = "_sitebuiltins"
	quitterType.layout = quitterType
	quitterType.repr = func(in *Interp, v Value) (Value, error) {
		return in.NewStr("Use " + asObject[quitter](v).name + "() or Ctrl-D (i.e. EOF) to exit")
	}
	quitterType.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		npos := len(args) - len(kwnames)
		code := None
		if npos > 0 {
			code = args[0]
		}
		for j, kn := range kwnames {
			if kn.GoString() != "code" {
				return Value{}, in.raise(typeErrorType, "Quitter.__call__() got an unexpected keyword argument '%s'", kn.GoString())
			}
			if npos > 0 {
				return Value{}, in.raise(typeErrorType, "Quitter.__call__() got multiple values for argument 'code'")
			}
			code = args[npos+j]
		}
		if npos > 1 {
			return Value{}, in.raise(typeErrorType, "Quitter.__call__() takes from 1 to 2 positional arguments but %d were given", npos+1)
		}
		e, err := in.newException(systemExitType, code)
		if err != nil {
			return Value{}, err
		}
		in.setDerived(e, []Value{code})
		return Value{}, e
	}
	builtinObjects["exit"] = newQuitter("exit")
	builtinObjects["quit"] = newQuitter("quit")
}
