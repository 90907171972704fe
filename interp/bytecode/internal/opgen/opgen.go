// Package opgen turns opcodes.def, the hand-kept description of the
// instruction set, into the Go source of package bytecode's tables
// (opcodes_gen.go). The grammar is described at the top of opcodes.def.
//
// Generate is a pure function of its input so that a test can check that
// the committed opcodes_gen.go is up to date.
package opgen

import (
	"bytes"
	"fmt"
	"go/format"
	"hash/fnv"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// An inst is one instruction (real, specialized or pseudo) of the file.
type inst struct {
	name      string
	kind      string // "inst", "spec" or "pseudo"
	flags     []string
	cache     int
	stack     picture
	jumpStack *picture // nil when the jump edge has the fallthrough's effect
	base      *inst    // for spec: its family head
	specs     []*inst  // for inst: its specializations
	doc       []string // comment lines above the declaration
}

// A picture is a parsed stack picture: the source text and the pop and push
// counts as Go expressions over oparg.
type picture struct {
	text      string
	pop, push string
}

type enumVal struct {
	name, value, text string
}

type enum struct {
	typ  string
	doc  []string
	vals []enumVal
}

// flagBits maps a flag word of opcodes.def to the Go Flags it sets.
var flagBits = map[string][]string{
	"arg":    {"HasArg"},
	"const":  {"HasArg", "HasConst"},
	"name":   {"HasArg", "HasName"},
	"local":  {"HasArg", "HasLocal"},
	"free":   {"HasArg", "HasFree"},
	"jump":   {"HasArg", "HasJump"},
	"back":   {"HasArg", "HasJump", "IsBackward"},
	"branch": {"IsBranch"},
	"term":   {"IsTerminal"},
	"exc":    {"HasHandler"},
}

// Generate parses the opcodes.def text src and returns the formatted Go
// source of opcodes_gen.go.
func Generate(src []byte) ([]byte, error) {
	insts, enums, err := parse(string(src))
	if err != nil {
		return nil, err
	}
	return emit(src, insts, enums)
}

func parse(src string) ([]*inst, []*enum, error) {
	var (
		insts   []*inst
		enums   []*enum
		byName  = map[string]bool{}
		doc     []string
		last    *inst
		pseudos bool
	)
	enumOf := map[string]*enum{}
	for i, raw := range strings.Split(src, "\n") {
		lineNo := i + 1
		line := strings.TrimSpace(raw)
		if line == "" {
			doc = nil
			continue
		}
		if strings.HasPrefix(line, "#") {
			doc = append(doc, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		errf := func(format string, args ...any) error {
			return fmt.Errorf("opcodes.def:%d: %s", lineNo, fmt.Sprintf(format, args...))
		}
		keyword, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		switch keyword {
		case "enum":
			f, err := splitEnum(rest)
			if err != nil {
				return nil, nil, errf("%v", err)
			}
			e := enumOf[f[0]]
			if e == nil {
				e = &enum{typ: f[0], doc: doc}
				enumOf[f[0]] = e
				enums = append(enums, e)
			}
			if byName[f[1]] {
				return nil, nil, errf("duplicate name %s", f[1])
			}
			byName[f[1]] = true
			e.vals = append(e.vals, enumVal{name: f[1], value: f[2], text: f[3]})
		case "inst", "spec", "pseudo":
			in, err := parseInst(keyword, rest)
			if err != nil {
				return nil, nil, errf("%v", err)
			}
			if byName[in.name] {
				return nil, nil, errf("duplicate name %s", in.name)
			}
			byName[in.name] = true
			in.doc = doc
			switch keyword {
			case "inst":
				if pseudos {
					return nil, nil, errf("inst %s after a pseudo: pseudo-instructions come last", in.name)
				}
				last = in
			case "spec":
				if last == nil {
					return nil, nil, errf("spec %s has no inst above it", in.name)
				}
				in.base = last
				in.flags = last.flags
				in.cache = last.cache
				if in.stack.text == "" {
					in.stack = last.stack
				}
				in.jumpStack = last.jumpStack
				last.specs = append(last.specs, in)
			case "pseudo":
				pseudos = true
				last = nil
			}
			insts = append(insts, in)
		default:
			return nil, nil, errf("unknown keyword %q", keyword)
		}
		doc = nil
	}
	if len(insts)+1 > 256 {
		return nil, nil, fmt.Errorf("opcodes.def: %d instructions do not fit an 8-bit opcode", len(insts))
	}
	return insts, enums, nil
}

// splitEnum splits `TYPE NAME VALUE ["TEXT"]`; TEXT defaults to NAME.
func splitEnum(s string) ([4]string, error) {
	var f [4]string
	head, quoted, hasText := strings.Cut(s, "\"")
	words := strings.Fields(head)
	if len(words) != 3 {
		return f, fmt.Errorf("enum wants TYPE NAME VALUE [\"TEXT\"], got %q", s)
	}
	copy(f[:], words)
	f[3] = f[1]
	if hasText {
		text, err := strconv.Unquote("\"" + quoted)
		if err != nil {
			return f, fmt.Errorf("bad enum text in %q: %v", s, err)
		}
		f[3] = text
	}
	return f, nil
}

func parseInst(kind, s string) (*inst, error) {
	in := &inst{kind: kind}
	head, pic, found := strings.Cut(s, "(")
	words := strings.Fields(head)
	if len(words) == 0 {
		return nil, fmt.Errorf("%s without a name", kind)
	}
	in.name = words[0]
	for _, w := range words[1:] {
		if kind == "spec" {
			return nil, fmt.Errorf("spec %s: flags and caches come from the family", in.name)
		}
		if n, ok := strings.CutPrefix(w, "cache="); ok {
			c, err := strconv.Atoi(n)
			if err != nil || c < 0 || c > 255 {
				return nil, fmt.Errorf("%s: bad cache size %q", in.name, n)
			}
			in.cache = c
			continue
		}
		if _, ok := flagBits[w]; !ok {
			return nil, fmt.Errorf("%s: unknown flag %q", in.name, w)
		}
		in.flags = append(in.flags, w)
	}
	if !found {
		if kind == "spec" {
			return in, nil
		}
		return nil, fmt.Errorf("%s: missing stack picture", in.name)
	}
	body, rest, err := matchParen(pic)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", in.name, err)
	}
	if in.stack, err = parsePicture(body); err != nil {
		return nil, fmt.Errorf("%s: %v", in.name, err)
	}
	rest = strings.TrimSpace(rest)
	if rest != "" {
		j, ok := strings.CutPrefix(rest, "jump=(")
		if !ok || kind == "spec" {
			return nil, fmt.Errorf("%s: unexpected %q after the stack picture", in.name, rest)
		}
		body, rest, err := matchParen(j)
		if err != nil || strings.TrimSpace(rest) != "" {
			return nil, fmt.Errorf("%s: bad jump picture %q", in.name, j)
		}
		p, err := parsePicture(body)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", in.name, err)
		}
		in.jumpStack = &p
	}
	return in, nil
}

// matchParen returns the text up to the parenthesis closing an already
// opened one, and what follows it.
func matchParen(s string) (body, rest string, err error) {
	depth := 1
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return s[:i], s[i+1:], nil
			}
		}
	}
	return "", "", fmt.Errorf("unbalanced parentheses in %q", s)
}

func parsePicture(body string) (picture, error) {
	in, out, ok := strings.Cut(body, "--")
	if !ok {
		return picture{}, fmt.Errorf("stack picture %q has no --", body)
	}
	p := picture{text: "(" + strings.TrimSpace(in) + " -- " + strings.TrimSpace(out) + ")"}
	var err error
	if p.pop, err = countItems(in); err != nil {
		return p, err
	}
	p.push, err = countItems(out)
	return p, err
}

// countItems returns a Go expression for the number of values a side of a
// picture stands for, folding the constant part.
func countItems(side string) (string, error) {
	n := 0
	var terms []string
	for _, item := range strings.Split(side, ",") {
		item = strings.TrimSpace(item)
		switch {
		case item == "":
			continue
		case strings.Contains(item, " if "):
			_, cond, _ := strings.Cut(item, " if ")
			terms = append(terms, "b2i("+strings.TrimSpace(cond)+")")
		case strings.HasSuffix(item, "]"):
			i := strings.Index(item, "[")
			if i < 0 {
				return "", fmt.Errorf("bad stack item %q", item)
			}
			expr := strings.TrimSpace(item[i+1 : len(item)-1])
			if strings.ContainsAny(expr, " +-*/%&|^<>()") {
				expr = "(" + expr + ")"
			}
			terms = append(terms, expr)
		default:
			if strings.ContainsAny(item, " []()") {
				return "", fmt.Errorf("bad stack item %q", item)
			}
			n++
		}
	}
	if len(terms) == 0 {
		return strconv.Itoa(n), nil
	}
	if n > 0 {
		terms = append(terms, strconv.Itoa(n))
	}
	return strings.Join(terms, " + "), nil
}

func emit(src []byte, insts []*inst, enums []*enum) ([]byte, error) {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	h := fnv.New64a()
	h.Write(src)

	p("// Code generated by opgen from opcodes.def; DO NOT EDIT.\n\n")
	p("package bytecode\n\nimport \"strconv\"\n\n")
	p("// The instructions, numbered in opcodes.def order. Each comment gives the\n")
	p("// stack picture: the stack before -- after, top of stack last.\n")
	p("const (\n")
	for i, in := range insts {
		if len(in.doc) > 0 {
			if i > 0 {
				p("\n")
			}
			for _, d := range in.doc {
				p("\t// %s\n", d)
			}
		}
		note := in.stack.text
		switch {
		case in.kind == "spec":
			note += " specialized " + in.base.name
		case in.kind == "pseudo":
			note += " pseudo"
		}
		if in.jumpStack != nil {
			note += "; on jump " + in.jumpStack.text
		}
		p("\t%s Op = %d // %s\n", in.name, i+1, note)
	}
	p(")\n\n")
	p("// numOps is one more than the largest Op.\nconst numOps = %d\n\n", len(insts)+1)
	p("// TableHash identifies this version of the instruction set (a hash of\n")
	p("// opcodes.def). Caches of compiled code must be keyed by it.\n")
	p("const TableHash uint64 = %#016x\n\n", h.Sum64())

	p("var table = [numOps]info{\n")
	for _, in := range insts {
		var flags []string
		seen := map[string]bool{}
		for _, f := range in.flags {
			for _, bit := range flagBits[f] {
				if !seen[bit] {
					seen[bit] = true
					flags = append(flags, bit)
				}
			}
		}
		if in.kind == "pseudo" {
			flags = append(flags, "IsPseudo")
		}
		fl := "0"
		if len(flags) > 0 {
			fl = strings.Join(flags, " | ")
		}
		base := in.name
		if in.base != nil {
			base = in.base.name
		}
		p("\t%s: {name: %q, flags: %s, cache: %d, base: %s, stack: %q", in.name, in.name, fl, in.cache, base, in.stack.text)
		if in.jumpStack != nil {
			p(", jumpStack: %q", in.jumpStack.text)
		}
		if len(in.specs) > 0 {
			var names []string
			for _, s := range in.specs {
				names = append(names, s.name)
			}
			p(", specs: []Op{%s}", strings.Join(names, ", "))
		}
		p("},\n")
	}
	p("}\n\n")

	// The stack-effect function groups instructions with equal effects.
	type effectKey struct{ pop, push, jpop, jpush string }
	groups := map[effectKey][]string{}
	var keys []effectKey
	for _, in := range insts {
		k := effectKey{pop: in.stack.pop, push: in.stack.push}
		if in.jumpStack != nil {
			k.jpop, k.jpush = in.jumpStack.pop, in.jumpStack.push
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], in.name)
	}
	sort.SliceStable(keys, func(i, j int) bool { return len(groups[keys[i]]) > len(groups[keys[j]]) })
	p("// effect returns how many values op pops and pushes, given its oparg,\n")
	p("// on the fallthrough edge or (jump) on the jump edge.\n")
	p("func effect(op Op, oparg int, jump bool) (pop, push int) {\n")
	p("\t_ = oparg\n\tswitch op {\n")
	for _, k := range keys {
		p("\tcase %s:\n", strings.Join(groups[k], ", "))
		if k.jpop != "" {
			p("\t\tif jump {\n\t\t\treturn %s, %s\n\t\t}\n", k.jpop, k.jpush)
		}
		p("\t\treturn %s, %s\n", k.pop, k.push)
	}
	p("\t}\n\treturn 0, 0\n}\n")

	// stackShapes lets a pass over whole code objects (CheckStack, run
	// on every template the importer reads) skip the switch for the
	// instructions whose effect is the same for every oparg.
	p("\n// stackShapes holds the pops and pushes of both edges of each op whose\n")
	p("// stack effect does not depend on its oparg (fixed); simple marks those\n")
	p("// that also neither jump nor end the flow.\n")
	p("var stackShapes = [256]stackShape{\n")
	for _, in := range insts {
		k := [4]string{in.stack.pop, in.stack.push, in.stack.pop, in.stack.push}
		if in.jumpStack != nil {
			k[2], k[3] = in.jumpStack.pop, in.jumpStack.push
		}
		var n [4]int
		literal := true
		for i, e := range k {
			v, err := strconv.Atoi(e)
			if err != nil || v < 0 || v > 127 {
				literal = false
				break
			}
			n[i] = v
		}
		if !literal {
			continue
		}
		flags := in.flags
		if in.base != nil {
			flags = in.base.flags
		}
		simple := !slices.ContainsFunc(flags, func(f string) bool { return f == "jump" || f == "back" || f == "term" })
		p("\t%s: {%d, %d, %d, %d, true, %v},\n", in.name, n[0], n[1], n[2], n[3], simple)
	}
	p("}\n")

	for _, e := range enums {
		p("\n")
		for _, d := range e.doc {
			p("// %s\n", d)
		}
		p("type %s uint32\n\n", e.typ)
		p("// The values of %s.\nconst (\n", e.typ)
		for _, v := range e.vals {
			p("\t%s %s = %s\n", v.name, e.typ, v.value)
		}
		p(")\n\n")
		p("// String returns the text dis shows for x.\n")
		p("func (x %s) String() string {\n\tswitch x {\n", e.typ)
		for _, v := range e.vals {
			p("\tcase %s:\n\t\treturn %q\n", v.name, v.text)
		}
		p("\t}\n\treturn \"%s(\" + strconv.FormatUint(uint64(x), 10) + \")\"\n}\n", e.typ)
	}

	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("opgen: generated code does not parse: %v\n%s", err, b.Bytes())
	}
	return out, nil
}
