package modules

// The _tokenize module of CPython 3.12: TokenizerIter, the iterator that
// Lib/tokenize.py's generate_tokens and tokenize are built on, over the
// interpreter's own tokenizer (syntax.TokenStream, in extra-tokens mode
// when asked). Lines are read from readline one at a time, when the
// tokenizer needs them, as CPython does.

import (
	"unicode/utf8"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/syntax"
)

func init() { interp.RegisterModule("_tokenize", initTokenize) }

var tokenizeTable moduleTable

func initTokenize(in *interp.Interp, m *interp.Module) error { return tokenizeTable.fill(in, m) }

// tokenizerIter is a TokenizerIter: the readline callable it owns and
// the token stream reading through it.
type tokenizerIter struct {
	alloc.Header
	alloc.GCLink
	readline Value
	encoding string // decode bytes lines with it (hasEncoding)
	hasEnc   bool
	stream   *syntax.TokenStream
	in       *interp.Interp // the interpreter running __next__, for readline
	running  bool
}

var tokenizerIterType = interp.NewType[tokenizerIter](interp.TypeSpec{
	Name:   "TokenizerIter",
	Module: "_tokenize",
	New:    tokenizerIterNew,
	Dealloc: func(in *interp.Interp, v Value) {
		in.XDecRef(interp.ObjectOf[tokenizerIter](v).readline)
	},
	Traverse: func(v Value, visit func(Value)) { visit(interp.ObjectOf[tokenizerIter](v).readline) },
	Clear: func(in *interp.Interp, v Value) {
		in.ClearRef(&interp.ObjectOf[tokenizerIter](v).readline)
	},
	Iter: interp.SelfIter,
	Next: tokenizerIterNext,
})

func init() { tokenizeTable.typ("TokenizerIter", tokenizerIterType) }

// tokenizerIterParams are argument clinic's: TokenizerIter(readline, /,
// *, extra_tokens, encoding='utf-8'), named tokenizeriter in messages.
var tokenizerIterParams = interp.Params{Func: "tokenizeriter",
	Names: []string{"readline", "extra_tokens", "encoding"}, PosOnly: 1, KwOnly: 2, Required: 2}

func tokenizerIterNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	var readline, extraV, encV Value
	if err := in.Unpack(&tokenizerIterParams, args, kwnames, &readline, &extraV, &encV); err != nil {
		return Value{}, err
	}
	extra, err := in.Truth(extraV)
	if err != nil {
		return Value{}, err
	}
	enc, hasEnc := "", !encV.IsNil()
	if hasEnc {
		if !interp.IsStr(encV) {
			return Value{}, in.Raise(interp.TypeError, "tokenizeriter() argument 'encoding' must be str, not %s", typeName(encV))
		}
		enc = encV.GoString()
		if !utf8.ValidString(enc) {
			return Value{}, in.Raise(interp.ExcType("UnicodeEncodeError"), "'utf-8' codec can't encode characters: surrogates not allowed")
		}
		for i := 0; i < len(enc); i++ {
			if enc[i] == 0 {
				return Value{}, in.Raise(interp.ValueError, "embedded null character")
			}
		}
	}
	o, err := interp.NewObject[tokenizerIter](in, t)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(readline)
	o.readline, o.encoding, o.hasEnc = readline, enc, hasEnc
	o.stream = syntax.NewTokenStream(o.readLine, extra)
	return interp.ValueOf(o), nil
}

// readLine calls readline for the tokenizer: the line as UTF-8, eof when
// readline raised StopIteration or returned an empty line.
func (o *tokenizerIter) readLine() ([]byte, bool, error) {
	in := o.in
	if o.readline.IsNil() {
		// Cleared by the cycle finder: nothing more to read.
		return nil, true, nil
	}
	r, err := in.Call(o.readline, nil, nil)
	if err != nil {
		if interp.ErrorIs(err, interp.StopIteration) {
			in.DiscardError(err)
			return nil, true, nil
		}
		return nil, false, err
	}
	defer in.DecRef(r)
	if o.hasEnc {
		if !interp.IsBytes(r) {
			return nil, false, in.Raise(interp.TypeError, "readline() returned a non-bytes object")
		}
		return o.decode(in, r)
	}
	if !interp.IsStr(r) {
		return nil, false, in.Raise(interp.TypeError, "readline() returned a non-string object")
	}
	return utf8Of(in, r)
}

// decode decodes a bytes line with the iterator's encoding and the
// "replace" error handler (PyUnicode_Decode).
func (o *tokenizerIter) decode(in *interp.Interp, b Value) ([]byte, bool, error) {
	data, _ := interp.BufferBytes(b)
	if len(data) == 0 {
		return nil, true, nil
	}
	raw, err := in.NewBytes(data)
	if err != nil {
		return nil, false, err
	}
	defer in.DecRef(raw)
	enc, err := in.NewStr(o.encoding)
	if err != nil {
		return nil, false, err
	}
	defer in.DecRef(enc)
	errs := interp.ImmortalStr("replace")
	s, err := in.CallMethod(raw, "decode", []Value{enc, errs}, nil)
	if err != nil {
		return nil, false, err
	}
	defer in.DecRef(s)
	return utf8Of(in, s)
}

// utf8Of returns the UTF-8 of str s (PyUnicode_AsUTF8AndSize): a lone
// surrogate raises UnicodeEncodeError.
func utf8Of(in *interp.Interp, s Value) ([]byte, bool, error) {
	text := s.GoString()
	if !utf8.ValidString(text) {
		plain, err := in.NewStr(text)
		if err != nil {
			return nil, false, err
		}
		defer in.DecRef(plain)
		r, err := in.CallMethod(plain, "encode", []Value{interp.ImmortalStr("utf-8")}, nil)
		if err != nil {
			return nil, false, err
		}
		in.DecRef(r)
		return nil, false, in.Raise(interp.NotImplementedError, "tokenizing a line that is not valid UTF-8 is not implemented yet")
	}
	return []byte(text), len(text) == 0, nil
}

func tokenizerIterNext(in *interp.Interp, v Value) (Value, bool, error) {
	o := interp.ObjectOf[tokenizerIter](v)
	if o.running {
		return Value{}, false, in.Raise(interp.NotImplementedError, "calling a TokenizerIter from its own readline is not implemented yet")
	}
	o.in, o.running = in, true
	tok, ok, err := o.stream.Next()
	o.in, o.running = nil, false
	if err != nil {
		if se, isStream := err.(*syntax.StreamError); isStream {
			return Value{}, false, tokenizeError(in, se)
		}
		return Value{}, false, err
	}
	if !ok {
		return Value{}, false, nil
	}
	r, err := tokenTuple(in, &tok)
	return r, err == nil, err
}

// tokenTuple builds (type, string, (line, col), (end_line, end_col), line).
func tokenTuple(in *interp.Interp, tok *syntax.StreamToken) (Value, error) {
	str, err := in.NewStr(tok.String)
	if err != nil {
		return Value{}, err
	}
	line, err := in.NewStr(tok.Text)
	if err != nil {
		in.DecRef(str)
		return Value{}, err
	}
	start, err := in.NewTuple(interp.Int(int64(tok.Line)), interp.Int(int64(tok.Col)))
	if err != nil {
		in.DecRef(str)
		in.DecRef(line)
		return Value{}, err
	}
	end, err := in.NewTuple(interp.Int(int64(tok.EndLine)), interp.Int(int64(tok.EndCol)))
	if err != nil {
		in.DecRef(str)
		in.DecRef(line)
		in.DecRef(start)
		return Value{}, err
	}
	return newTupleOwned(in, []Value{interp.Int(int64(tok.Type)), str, start, end, line})
}

// tokenizeError raises a tokenizer failure as Python-tokenize.c does.
// The shape CPython gives "unexpected EOF in multi-line statement" (args
// holding the message alone, the location in separate attributes) does
// not exist here, where a SyntaxError's attributes come from its args: it
// gets args (msg, (filename, lineno, offset, None, lineno, None)), the
// same attributes and str().
func tokenizeError(in *interp.Interp, se *syntax.StreamError) error {
	e := &se.Info
	typ := interp.ExcType(e.Type.String())
	msg, err := in.NewStr(e.Msg)
	if err != nil {
		return err
	}
	defer in.DecRef(msg)
	file, err := in.NewStr(e.Filename)
	if err != nil {
		return err
	}
	defer in.DecRef(file)
	text := interp.None
	if se.Shape != syntax.StreamErrorEOF {
		if text, err = in.NewStr(e.Text); err != nil {
			return err
		}
		defer in.DecRef(text)
	}
	endLine, endOffset := interp.None, interp.None
	switch se.Shape {
	case syntax.StreamErrorRaised:
		endLine, endOffset = interp.Int(int64(e.EndLine)), interp.Int(int64(e.EndOffset))
	case syntax.StreamErrorEOF:
		endLine = interp.Int(int64(e.EndLine))
	}
	details, err := in.NewTuple(file, interp.Int(int64(e.Line)), interp.Int(int64(e.Offset)), text, endLine, endOffset)
	if err != nil {
		return err
	}
	defer in.DecRef(details)
	exc, err := in.Call(interp.TypeValue(typ), []Value{msg, details}, nil)
	if err != nil {
		return err
	}
	defer in.DecRef(exc)
	return in.RaiseValue(exc)
}
