//go:build ignore

// mkast reads the syntax tree declarations (../syntax/ast.go) and writes
// ast_gen.go: the table of the _ast module's classes (names, bases,
// _fields, _attributes, docstrings) and, for every node type, the code
// that converts it to a Python node object and back. Run it with `go
// generate` in interp/modules after any change to ast.go;
// TestASTGenUpToDate fails while ast_gen.go is stale.
//
// ast.go gives the node types, their fields in ASDL order (the `py` tag,
// ",opt" for the optional ones), which category interface each belongs
// to, and the enums. What ast.go cannot say lives in the tables below:
// the ASDL names and order of the categories, which identifier-typed
// fields are ASDL "string"s, and which categories' end positions are
// required.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"log"
	"os"
	"reflect"
	"strconv"
	"strings"
	"unicode"
)

var (
	input  = flag.String("i", "../syntax/ast.go", "the AST declarations to read")
	output = flag.String("o", "ast_gen.go", "the file to write")
)

// The shapes of ASDL types.
const (
	sumIface    = iota // a sum whose constructors implement a Go interface
	sumStruct          // a sum with a single constructor, a Go struct
	enumSum            // a sum of fieldless constructors, a Go enum
	product            // a product type, a Go struct
	constructor        // a constructor of a sum (not an ASDL type)
)

// asdlTypes lists the ASDL types of Python.asdl in their order there,
// with the Go type that represents each.
var asdlTypes = []struct {
	py, goName string
	shape      int
}{
	{"mod", "Mod", sumIface},
	{"stmt", "Stmt", sumIface},
	{"expr", "Expr", sumIface},
	{"expr_context", "ExprContext", enumSum},
	{"boolop", "BoolOperator", enumSum},
	{"operator", "Operator", enumSum},
	{"unaryop", "UnaryOperator", enumSum},
	{"cmpop", "CmpOperator", enumSum},
	{"comprehension", "Comprehension", product},
	{"excepthandler", "ExceptHandler", sumStruct},
	{"arguments", "Arguments", product},
	{"arg", "Arg", product},
	{"keyword", "Keyword", product},
	{"alias", "Alias", product},
	{"withitem", "WithItem", product},
	{"match_case", "MatchCase", product},
	{"pattern", "Pattern", sumIface},
	{"type_ignore", "TypeIgnore", sumStruct},
	{"type_param", "TypeParam", sumIface},
}

// stringFields are the Go string fields whose ASDL type is "string", not
// "identifier".
var stringFields = map[string]bool{"type_comment": true, "kind": true, "tag": true}

// endsRequired are the ASDL types whose end_lineno and end_col_offset
// attributes are not optional ("int", not "int?").
var endsRequired = map[string]bool{"pattern": true, "type_param": true}

type field struct {
	goName, pyName string
	opt            bool
	typ            ast.Expr
}

type nodeType struct {
	goName, pyName string
	fields         []field
	hasLoc         bool
	methods        map[string]bool
}

// class is one class of the _ast module.
type class struct {
	pyName, ident string // the Python name, the Go constant's
	base          string // the ident of the base class; "" for AST
	node          *nodeType
	fields        []field
	attributes    bool // has the position attributes
	optEnds       bool // end_lineno and end_col_offset default to None
	ownAttrs      bool // sets _attributes (categories and products)
	doc           string
	asdl          string // the ASDL type, for categories
	shape         int
}

type generator struct {
	nodes   map[string]*nodeType
	ifaces  map[string][]string // interface -> marker methods
	enums   map[string][]string // enum type -> Python names by value
	classes []*class
	buf     bytes.Buffer
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("mkast: ")
	flag.Parse()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, *input, nil, 0)
	if err != nil {
		log.Fatal(err)
	}
	g := &generator{nodes: map[string]*nodeType{}, ifaces: map[string][]string{}, enums: map[string][]string{}}
	order := g.collect(f)
	g.buildClasses(order)
	src := g.generate()
	out, err := format.Source(src)
	if err != nil {
		log.Fatalf("formatting output: %v\n%s", err, src)
	}
	if err := os.WriteFile(*output, out, 0o644); err != nil {
		log.Fatal(err)
	}
}

// collect reads the declarations; it returns the node types in
// declaration order.
func (g *generator) collect(f *ast.File) []*nodeType {
	methods := map[string]map[string]bool{}
	nodeNames := map[string]string{}
	namesVars := map[string][]string{}
	var structs []*ast.TypeSpec
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			if decl.Recv == nil || len(decl.Recv.List) != 1 {
				continue
			}
			recv := decl.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			id, ok := recv.(*ast.Ident)
			if !ok {
				continue
			}
			if methods[id.Name] == nil {
				methods[id.Name] = map[string]bool{}
			}
			methods[id.Name][decl.Name.Name] = true
			if decl.Name.Name == "NodeName" {
				nodeNames[id.Name] = returnedString(decl)
			}
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					switch t := spec.Type.(type) {
					case *ast.StructType:
						structs = append(structs, spec)
					case *ast.InterfaceType:
						for _, m := range t.Methods.List {
							if len(m.Names) == 1 && !m.Names[0].IsExported() {
								g.ifaces[spec.Name.Name] = append(g.ifaces[spec.Name.Name], m.Names[0].Name)
							}
						}
					}
				case *ast.ValueSpec:
					// var fooNames = [...]string{...}: an enum's names.
					if len(spec.Names) != 1 || len(spec.Values) != 1 || !strings.HasSuffix(spec.Names[0].Name, "Names") {
						continue
					}
					lit, ok := spec.Values[0].(*ast.CompositeLit)
					if !ok {
						continue
					}
					var names []string
					for _, e := range lit.Elts {
						b, ok := e.(*ast.BasicLit)
						if !ok || b.Kind != token.STRING {
							log.Fatalf("%s: not a list of strings", spec.Names[0].Name)
						}
						s, _ := strconv.Unquote(b.Value)
						names = append(names, s)
					}
					namesVars[spec.Names[0].Name] = names
				}
			}
		}
	}
	for _, t := range asdlTypes {
		if t.shape != enumSum {
			continue
		}
		names := namesVars[lowerFirst(t.goName)+"Names"]
		if len(names) == 0 || !methods[t.goName]["String"] {
			log.Fatalf("enum %s: no String method or names array", t.goName)
		}
		g.enums[t.goName] = names
	}
	var order []*nodeType
	for _, ts := range structs {
		name := ts.Name.Name
		if !methods[name]["NodeName"] {
			continue
		}
		n := &nodeType{goName: name, pyName: nodeNames[name], methods: methods[name]}
		if n.pyName == "" {
			log.Fatalf("%s: NodeName does not return a string literal", name)
		}
		for _, fl := range ts.Type.(*ast.StructType).Fields.List {
			if len(fl.Names) == 0 {
				if id, ok := fl.Type.(*ast.Ident); ok && id.Name == "Loc" {
					n.hasLoc = true
				}
				continue
			}
			if fl.Tag == nil {
				continue
			}
			tag, err := strconv.Unquote(fl.Tag.Value)
			if err != nil {
				log.Fatal(err)
			}
			py, ok := reflect.StructTag(tag).Lookup("py")
			if !ok {
				continue
			}
			pyName, opts, _ := strings.Cut(py, ",")
			for _, id := range fl.Names {
				n.fields = append(n.fields, field{goName: id.Name, pyName: pyName, opt: opts == "opt", typ: fl.Type})
			}
		}
		g.nodes[name] = n
		order = append(order, n)
	}
	return order
}

// returnedString is the string literal a one-line method returns.
func returnedString(fn *ast.FuncDecl) string {
	if fn.Body == nil || len(fn.Body.List) != 1 {
		return ""
	}
	ret, ok := fn.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return ""
	}
	b, ok := ret.Results[0].(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return ""
	}
	s, _ := strconv.Unquote(b.Value)
	return s
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// ident turns a Python class name into a Go identifier suffix.
func ident(py string) string {
	var b strings.Builder
	up := true
	for _, r := range py {
		if r == '_' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// buildClasses lays out the classes in CPython's order: each ASDL type,
// then its constructors.
func (g *generator) buildClasses(order []*nodeType) {
	for _, t := range asdlTypes {
		switch t.shape {
		case sumIface, sumStruct:
			var members []*nodeType
			if t.shape == sumStruct {
				members = []*nodeType{g.nodes[t.goName]}
			} else {
				markers := g.ifaces[t.goName]
				for _, n := range order {
					all := len(markers) > 0
					for _, m := range markers {
						all = all && n.methods[m]
					}
					if all {
						members = append(members, n)
					}
				}
			}
			if len(members) == 0 || members[0] == nil {
				log.Fatalf("%s: no constructors", t.py)
			}
			hasLoc := members[0].hasLoc
			cat := &class{pyName: t.py, ident: "Cat" + ident(t.py), ownAttrs: true, attributes: hasLoc,
				optEnds: hasLoc && !endsRequired[t.py], asdl: t.goName, shape: t.shape}
			g.classes = append(g.classes, cat)
			var docs []string
			for _, n := range members {
				c := &class{pyName: n.pyName, ident: ident(n.pyName), base: cat.ident, node: n, fields: n.fields, attributes: hasLoc, shape: constructor}
				c.doc = g.signature(n.pyName, n.fields)
				docs = append(docs, c.doc)
				g.classes = append(g.classes, c)
			}
			cat.doc = t.py + " = " + strings.Join(docs, "\n"+strings.Repeat(" ", len(t.py)+1)+"| ")
		case enumSum:
			cat := &class{pyName: t.py, ident: "Cat" + ident(t.py), ownAttrs: true, asdl: t.goName, shape: enumSum}
			g.classes = append(g.classes, cat)
			names := g.enums[t.goName]
			cat.doc = t.py + " = " + strings.Join(names, " | ")
			for _, name := range names {
				g.classes = append(g.classes, &class{pyName: name, ident: ident(name), base: cat.ident, doc: name, shape: constructor})
			}
		case product:
			n := g.nodes[t.goName]
			if n == nil || n.pyName != t.py {
				log.Fatalf("product %s: no node type %s", t.py, t.goName)
			}
			g.classes = append(g.classes, &class{pyName: t.py, ident: ident(t.py), node: n, fields: n.fields,
				attributes: n.hasLoc, optEnds: n.hasLoc, ownAttrs: true, doc: g.signature(t.py, n.fields), asdl: t.goName, shape: product})
		}
	}
	seen := map[string]bool{}
	for _, c := range g.classes {
		if seen[c.ident] {
			log.Fatalf("two classes named %s", c.ident)
		}
		seen[c.ident] = true
	}
	for _, n := range order {
		if !seen[ident(n.pyName)] {
			log.Fatalf("node type %s belongs to no ASDL type", n.goName)
		}
	}
}

// signature is a constructor's docstring: "Name(identifier id, expr_context ctx)".
func (g *generator) signature(name string, fields []field) string {
	if len(fields) == 0 {
		return name
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = g.asdlType(f) + " " + f.pyName
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

// asdlType is a field's type as Python.asdl spells it.
func (g *generator) asdlType(f field) string {
	t := f.typ
	suffix := ""
	if f.opt {
		suffix = "?"
	}
	if a, ok := t.(*ast.ArrayType); ok {
		t, suffix = a.Elt, "*"
	}
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	name := exprString(t)
	switch name {
	case "string":
		if stringFields[f.pyName] {
			return "string" + suffix
		}
		return "identifier" + suffix
	case "int":
		return "int" + suffix
	case "ConstantValue":
		return "constant" + suffix
	}
	for _, a := range asdlTypes {
		if a.goName == name {
			return a.py + suffix
		}
	}
	log.Fatalf("field %s: no ASDL type for %s", f.pyName, name)
	return ""
}

func (g *generator) p(format string, args ...any) {
	fmt.Fprintf(&g.buf, format, args...)
	g.buf.WriteByte('\n')
}

func quoteList(xs []string) string {
	if len(xs) == 0 {
		return "nil"
	}
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strconv.Quote(x)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

func (g *generator) generate() []byte {
	g.p("// Code generated by mkast.go from ../syntax/ast.go; DO NOT EDIT.")
	g.p("")
	g.p("package modules")
	g.p("")
	g.p(`import "github.com/parallel-py/parallel/interp/syntax"`)
	g.p("")
	g.p("// The indexes of the _ast classes in astClasses.")
	g.p("const (")
	for i, c := range g.classes {
		if i == 0 {
			g.p("cls%s = iota", c.ident)
		} else {
			g.p("cls%s", c.ident)
		}
	}
	g.p("numASTClasses")
	g.p(")")
	g.p("")
	g.p("// astClasses describes the classes of _ast in CPython's order, every")
	g.p("// base before the classes derived from it.")
	g.p("var astClasses = [numASTClasses]astClassSpec{")
	for _, c := range g.classes {
		base := "-1"
		if c.base != "" {
			base = "cls" + c.base
		}
		var fields, opts []string
		for _, f := range c.fields {
			fields = append(fields, f.pyName)
			if f.opt {
				opts = append(opts, f.pyName)
			}
		}
		if c.optEnds {
			opts = append(opts, "end_lineno", "end_col_offset")
		}
		g.p("{name: %q, base: %s, fields: %s, optional: %s, doc: %q, ownAttrs: %v, attributes: %v},",
			c.pyName, base, quoteList(fields), quoteList(opts), c.doc, c.ownAttrs, c.attributes)
	}
	g.p("}")
	g.genToPy()
	g.genFromPy()
	return g.buf.Bytes()
}

// goFunc is the name of the converter method for an ASDL type's Go type.
func (g *generator) goFunc(goName string) string {
	for _, a := range asdlTypes {
		if a.goName == goName {
			if a.shape == sumIface || a.shape == enumSum {
				return lowerFirst(goName)
			}
			return "node" + goName
		}
	}
	log.Fatalf("no converter for %s", goName)
	return ""
}

// elemFunc is the converter of a field's (or a list item's) Go type.
func (g *generator) elemFunc(t ast.Expr, toPy bool, opt bool) string {
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	name := exprString(t)
	switch name {
	case "string":
		if toPy {
			if opt {
				return "c.optStr"
			}
			return "c.str"
		}
		return "c.identifierItem"
	case "int":
		return "c.int"
	}
	return "c." + g.goFunc(name)
}

func (g *generator) genToPy() {
	for _, c := range g.classes {
		switch {
		case c.shape == sumIface:
			g.p("")
			g.p("func (c *astToPy) %s(n syntax.%s) Value {", lowerFirst(c.asdl), c.asdl)
			g.p("switch n := n.(type) {")
			for _, m := range g.classes {
				if m.base == c.ident {
					g.p("case *syntax.%s:", m.node.goName)
					g.p("return %s", g.toPyNode(m))
				}
			}
			g.p("case nil:")
			g.p("return c.none()")
			g.p("}")
			g.p("return c.unknown(n)")
			g.p("}")
		case c.shape == enumSum:
			first := ""
			for _, m := range g.classes {
				if m.base == c.ident {
					first = m.ident
					break
				}
			}
			g.p("")
			g.p("func (c *astToPy) %s(x syntax.%s) Value { return c.singleton(cls%s + int(x)) }", lowerFirst(c.asdl), c.asdl, first)
		case c.shape == product || c.shape == sumStruct:
			if c.shape == sumStruct {
				for _, m := range g.classes {
					if m.base == c.ident {
						c = m
					}
				}
			}
			n := c.node
			g.p("")
			g.p("func (c *astToPy) node%s(n *syntax.%s) Value {", n.goName, n.goName)
			g.p("if n == nil {")
			g.p("return c.none()")
			g.p("}")
			g.p("return %s", g.toPyNode(c))
			g.p("}")
		}
	}
}

// toPyNode is the expression that converts node n (of class c) to Python.
func (g *generator) toPyNode(c *class) string {
	n := c.node
	loc := "nil"
	if n.hasLoc {
		loc = "&n.Loc"
	}
	args := []string{"cls" + c.ident, loc}
	for _, f := range n.fields {
		x := "n." + f.goName
		if a, ok := f.typ.(*ast.ArrayType); ok {
			args = append(args, fmt.Sprintf("toPyList(c, %s, %s)", x, g.elemFunc(a.Elt, true, false)))
			continue
		}
		switch exprString(f.typ) {
		case "ConstantValue":
			args = append(args, "c.constant("+x+")")
		default:
			args = append(args, g.elemFunc(f.typ, true, f.opt)+"("+x+")")
		}
	}
	return "c.node(" + strings.Join(args, ", ") + ")"
}

func (g *generator) genFromPy() {
	for _, c := range g.classes {
		switch c.shape {
		case sumIface:
			g.p("")
			g.p("func (c *astFromPy) %s(o Value) syntax.%s {", lowerFirst(c.asdl), c.asdl)
			g.p("if c.err != nil || o.IsNone() {")
			g.p("return nil")
			g.p("}")
			g.p("if !c.enter(%q) {", c.pyName)
			g.p("return nil")
			g.p("}")
			g.p("defer c.leave()")
			loc := "syntax.Loc{}"
			if c.attributes {
				g.p("loc, ok := c.loc(o, %q, %v)", c.pyName, c.optEnds)
				g.p("if !ok {")
				g.p("return nil")
				g.p("}")
				loc = "loc"
			}
			g.p("switch {")
			for _, m := range g.classes {
				if m.base == c.ident {
					g.p("case c.is(o, cls%s):", m.ident)
					g.p("return c.node%s(o, %s)", m.node.goName, loc)
				}
			}
			g.p("}")
			g.p("c.expected(%q, o)", c.pyName)
			g.p("return nil")
			g.p("}")
			for _, m := range g.classes {
				if m.base == c.ident {
					g.fromPyNode(m, "o Value, loc syntax.Loc", c.attributes)
				}
			}
		case enumSum:
			first, count := "", 0
			for _, m := range g.classes {
				if m.base == c.ident {
					if first == "" {
						first = m.ident
					}
					count++
				}
			}
			g.p("")
			g.p("func (c *astFromPy) %s(o Value) syntax.%s {", lowerFirst(c.asdl), c.asdl)
			g.p("return syntax.%s(c.enum(o, %q, cls%s, %d))", c.asdl, c.pyName, first, count)
			g.p("}")
		case sumStruct:
			var m *class
			for _, x := range g.classes {
				if x.base == c.ident {
					m = x
				}
			}
			g.p("")
			g.p("func (c *astFromPy) node%s(o Value) *syntax.%s {", c.asdl, c.asdl)
			g.p("if c.err != nil || o.IsNone() {")
			g.p("return nil")
			g.p("}")
			g.p("if !c.enter(%q) {", c.pyName)
			g.p("return nil")
			g.p("}")
			g.p("defer c.leave()")
			loc := "syntax.Loc{}"
			if c.attributes {
				g.p("loc, ok := c.loc(o, %q, %v)", c.pyName, c.optEnds)
				g.p("if !ok {")
				g.p("return nil")
				g.p("}")
				loc = "loc"
			}
			g.p("if !c.is(o, cls%s) {", m.ident)
			g.p("c.expected(%q, o)", c.pyName)
			g.p("return nil")
			g.p("}")
			g.p("return c.build%s(o, %s)", c.asdl, loc)
			g.p("}")
			g.fromPyBody(m, "build"+c.asdl, "o Value, loc syntax.Loc", c.attributes, "*syntax."+c.asdl)
		case product:
			g.p("")
			g.p("func (c *astFromPy) node%s(o Value) *syntax.%s {", c.asdl, c.asdl)
			g.p("if c.err != nil {")
			g.p("return nil")
			g.p("}")
			g.p("if !c.enter(%q) {", c.pyName)
			g.p("return nil")
			g.p("}")
			g.p("defer c.leave()")
			g.p("return c.build%s(o)", c.asdl)
			g.p("}")
			// A product reads its fields before its positions.
			g.fromPyBody(c, "build"+c.asdl, "o Value", c.attributes, "*syntax."+c.asdl)
		}
	}
}

// fromPyNode writes the converter of a constructor of a category.
func (g *generator) fromPyNode(c *class, params string, hasLoc bool) {
	cat := ""
	for _, a := range g.classes {
		if a.ident == c.base {
			cat = a.asdl
		}
	}
	g.fromPyBody(c, "node"+c.node.goName, params, hasLoc, "syntax."+cat)
}

// fromPyBody writes a function that reads the fields of node class c
// from o into a new Go node.
func (g *generator) fromPyBody(c *class, fname, params string, hasLoc bool, result string) {
	n := c.node
	g.p("")
	g.p("func (c *astFromPy) %s(%s) %s {", fname, params, result)
	g.p("var r astRequired")
	locParam := strings.Contains(params, "loc")
	switch {
	case hasLoc && locParam:
		g.p("n := &syntax.%s{Loc: loc}", n.goName)
	case locParam:
		g.p("_ = loc")
		g.p("n := &syntax.%s{}", n.goName)
	default:
		g.p("n := &syntax.%s{}", n.goName)
	}
	for _, f := range n.fields {
		owner := strconv.Quote(c.pyName)
		name := strconv.Quote(f.pyName)
		x := "n." + f.goName
		if a, ok := f.typ.(*ast.ArrayType); ok {
			g.p("%s = fromPyList(c, o, %s, %s, %s)", x, name, owner, g.elemFunc(a.Elt, false, false))
			continue
		}
		t := exprString(f.typ)
		switch {
		case t == "string":
			kind := "c.identifier"
			if stringFields[f.pyName] {
				kind = "c.string"
			}
			g.p("%s = %s(o, %s, %s, %v, &r)", x, kind, name, owner, !f.opt)
		case t == "int":
			g.p("%s = c.intField(o, %s, %s, %v)", x, name, owner, !f.opt)
		case t == "ConstantValue":
			g.p("%s = c.constantField(o, %s, %s)", x, name, owner)
		case g.enums[t] != nil:
			g.p("%s = fromPyValue(c, o, %s, %s, %s)", x, name, owner, g.elemFunc(f.typ, false, false))
		default:
			g.p("%s = fromPyNode(c, o, %s, %s, %v, &r, %s)", x, name, owner, !f.opt, g.elemFunc(f.typ, false, false))
		}
	}
	if hasLoc && !locParam {
		g.p("loc, ok := c.loc(o, %q, true)", c.pyName)
		g.p("if !ok {")
		g.p("return nil")
		g.p("}")
		g.p("n.Loc = loc")
	}
	g.p("if !c.finish(&r, %q) {", c.pyName)
	g.p("return nil")
	g.p("}")
	g.p("return n")
	g.p("}")
}

func exprString(e ast.Expr) string {
	var b bytes.Buffer
	if err := format.Node(&b, token.NewFileSet(), e); err != nil {
		log.Fatal(err)
	}
	return b.String()
}
