package format

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/parallel-py/parallel/interp/syntax"
)

// pv is the tests' model of a Python object, enough for %, str.format
// and their errors. It implements Arg and Mapping.
type pv struct {
	kind  string // int bool float str none list dict complex
	i     *big.Int
	f     float64
	c     complex128
	s     string
	items []*pv
	keys  []string // dict keys, parallel to items
}

func pInt(v int64) *pv  { return &pv{kind: "int", i: big.NewInt(v)} }
func pBig(s string) *pv { return &pv{kind: "int", i: intValue(s)} }
func pBool(b bool) *pv {
	x := pInt(0)
	x.kind = "bool"
	if b {
		x.i = big.NewInt(1)
	}
	return x
}
func pFloat(f float64) *pv      { return &pv{kind: "float", f: f} }
func pStr(s string) *pv         { return &pv{kind: "str", s: s} }
func pNone() *pv                { return &pv{kind: "none"} }
func pList(xs ...*pv) *pv       { return &pv{kind: "list", items: xs} }
func pComplex(c complex128) *pv { return &pv{kind: "complex", c: c} }
func pDict(kv ...any) *pv {
	d := &pv{kind: "dict"}
	for i := 0; i < len(kv); i += 2 {
		d.keys = append(d.keys, kv[i].(string))
		d.items = append(d.items, kv[i+1].(*pv))
	}
	return d
}

func (v *pv) TypeName() string {
	if v.kind == "none" {
		return "NoneType"
	}
	return v.kind
}

func (v *pv) Int() (*big.Int, bool) {
	if v.kind == "int" || v.kind == "bool" {
		return v.i, true
	}
	return nil, false
}

func (v *pv) Text() (string, bool) { return v.s, v.kind == "str" }

func (v *pv) IsNumber() bool {
	switch v.kind {
	case "int", "bool", "float", "complex":
		return true
	}
	return false
}

func (v *pv) Long() (*big.Int, bool, error) {
	switch v.kind {
	case "int", "bool":
		return v.i, true, nil
	case "float":
		if math.IsInf(v.f, 0) {
			return nil, false, &pyError{"OverflowError", "cannot convert float infinity to integer"}
		}
		if math.IsNaN(v.f) {
			return nil, false, &pyError{"ValueError", "cannot convert float NaN to integer"}
		}
		x, _ := big.NewFloat(math.Trunc(v.f)).Int(nil)
		return x, true, nil
	}
	return nil, false, nil
}

func (v *pv) Index() (*big.Int, bool, error) {
	x, ok := v.Int()
	return x, ok, nil
}

func (v *pv) Float() (float64, error) {
	switch v.kind {
	case "float":
		return v.f, nil
	case "int", "bool":
		return IntToFloat(v.i)
	}
	return 0, &pyError{"TypeError", "must be real number, not " + v.TypeName()}
}

func (v *pv) Str() (string, error) {
	if v.kind == "str" {
		return v.s, nil
	}
	return v.Repr()
}

func (v *pv) Repr() (string, error) {
	switch v.kind {
	case "int":
		return syntax.ReprBigInt(v.i, syntax.DefaultMaxStrDigits)
	case "bool":
		if v.i.Sign() != 0 {
			return "True", nil
		}
		return "False", nil
	case "float":
		return syntax.ReprFloat(v.f), nil
	case "complex":
		return syntax.ReprComplex(v.c), nil
	case "str":
		return syntax.ReprString(v.s), nil
	case "none":
		return "None", nil
	case "list":
		var parts []string
		for _, x := range v.items {
			r, err := x.Repr()
			if err != nil {
				return "", err
			}
			parts = append(parts, r)
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case "dict":
		var parts []string
		for i, x := range v.items {
			r, err := x.Repr()
			if err != nil {
				return "", err
			}
			parts = append(parts, syntax.ReprString(v.keys[i])+": "+r)
		}
		return "{" + strings.Join(parts, ", ") + "}", nil
	}
	panic(v.kind)
}

// literal is a Python expression for v.
func (v *pv) literal() string {
	switch v.kind {
	case "int":
		if v.i.BitLen() > 64 {
			if v.i.Sign() < 0 {
				return "-0x" + new(big.Int).Neg(v.i).Text(16)
			}
			return "0x" + v.i.Text(16)
		}
		return v.i.String()
	case "float":
		switch {
		case math.IsNaN(v.f):
			return "float('nan')"
		case math.IsInf(v.f, 1):
			return "float('inf')"
		case math.IsInf(v.f, -1):
			return "float('-inf')"
		}
	case "complex":
		return fmt.Sprintf("complex(%s, %s)", pFloat(real(v.c)).literal(), pFloat(imag(v.c)).literal())
	case "list":
		var parts []string
		for _, x := range v.items {
			parts = append(parts, x.literal())
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case "dict":
		var parts []string
		for i, x := range v.items {
			parts = append(parts, syntax.ReprString(v.keys[i])+": "+x.literal())
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	r, _ := v.Repr()
	return r
}

func (v *pv) IsMapping() bool { return v.kind == "dict" || v.kind == "list" || v.kind == "str" }

func (v *pv) Lookup(key string) (Arg, error) {
	x, err := v.item(key, -1)
	if err != nil {
		return nil, err
	}
	return x, nil
}

func (v *pv) item(key string, index int) (*pv, error) {
	switch v.kind {
	case "dict":
		for i, k := range v.keys {
			if k == key && index < 0 {
				return v.items[i], nil
			}
		}
		if index >= 0 {
			return nil, &pyError{"KeyError", fmt.Sprint(index)}
		}
		return nil, &pyError{"KeyError", syntax.ReprString(key)}
	case "list":
		if index < 0 {
			return nil, &pyError{"TypeError", "list indices must be integers or slices, not str"}
		}
		if index >= len(v.items) {
			return nil, &pyError{"IndexError", "list index out of range"}
		}
		return v.items[index], nil
	case "str":
		if index < 0 {
			return nil, &pyError{"TypeError", "string indices must be integers, not 'str'"}
		}
		rs := decodeAll(v.s)
		if index >= len(rs) {
			return nil, &pyError{"IndexError", "string index out of range"}
		}
		return pStr(string(appendRune(nil, rs[index]))), nil
	}
	return nil, &pyError{"TypeError", fmt.Sprintf("'%s' object is not subscriptable", v.TypeName())}
}

func (v *pv) attr(name string) (*pv, error) {
	if v.kind == "int" || v.kind == "bool" {
		switch name {
		case "real", "numerator":
			return &pv{kind: "int", i: v.i}, nil
		case "imag":
			return pInt(0), nil
		case "denominator":
			return pInt(1), nil
		}
	}
	if v.kind == "float" {
		switch name {
		case "real":
			return v, nil
		case "imag":
			return pFloat(0), nil
		}
	}
	return nil, &pyError{"AttributeError", fmt.Sprintf("'%s' object has no attribute %s", v.TypeName(), syntax.ReprString(name))}
}

// format is format(v, spec) for the model's types.
func (v *pv) format(spec string) (string, error) {
	switch v.kind {
	case "int":
		return Int(v.i, spec, "int")
	case "bool":
		if spec == "" {
			return v.Repr()
		}
		return Int(v.i, spec, "bool")
	case "float":
		return Float(v.f, spec, "float")
	case "str":
		return Str(v.s, spec, "str")
	}
	if spec != "" {
		return "", &pyError{"TypeError", "unsupported format string passed to " + v.TypeName() + ".__format__"}
	}
	return v.Str()
}

// testFields resolves str.format fields from args and kwargs.
func testFields(args []*pv, kwargs *pv) *Fields[*pv] {
	f := &Fields[*pv]{
		Attr: func(v *pv, name string) (*pv, error) { return v.attr(name) },
		Item: func(v *pv, key string, index int) (*pv, error) { return v.item(key, index) },
		Convert: func(v *pv, c rune) (*pv, error) {
			var s string
			var err error
			switch c {
			case 'r':
				s, err = v.Repr()
			case 's':
				s, err = v.Str()
			case 'a':
				s, err = v.Repr()
				s = ASCII(s)
			}
			return pStr(s), err
		},
		Format: func(v *pv, spec string) (string, error) { return v.format(spec) },
	}
	if args != nil {
		f.Positional = func(i int) (*pv, bool) {
			if i < len(args) {
				return args[i], true
			}
			return nil, false
		}
	}
	if kwargs != nil {
		f.Keyword = func(name string) (*pv, error) { return kwargs.item(name, -1) }
	}
	return f
}
