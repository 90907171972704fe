// Tests of Dump. The expectations come from CPython 3.12 only:
// testdata/dump_cases.json holds, for each snippet of CASES in
// testdata/ast_oracle.py, the tree CPython's ast.parse built (as JSON) and
// what ast.dump prints for it under several (indent, include_attributes)
// variants. The trees are rebuilt here by reflection over the `py` tags, so
// Dump is tested without the parser. Regenerate the file with
//
//	go test ./interp/syntax -run TestDumpCases -update-dump
//
// TestDumpStdlibTrees does the same for every stdlib file, asking CPython
// at test time (see stdlib_test.go for the cache).

package syntax

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var updateDump = flag.Bool("update-dump", false, "regenerate testdata/dump_cases.json from CPython 3.12")

const dumpCasesFile = "testdata/dump_cases.json"

type dumpCaseFile struct {
	Variants [][2]any   `json:"variants"` // [indent (-1 for None), include_attributes]
	Cases    []dumpCase `json:"cases"`
}

type dumpCase struct {
	Mode  string          `json:"mode"`
	Src   string          `json:"src"`
	Tree  json.RawMessage `json:"tree"`
	Dumps []string        `json:"dumps"`
}

type dumpVariant struct {
	opts DumpOptions
	name string
}

func parseVariants(t testing.TB, raw [][2]any) []dumpVariant {
	t.Helper()
	var vs []dumpVariant
	for _, v := range raw {
		indent, ok1 := v[0].(float64)
		attrs, ok2 := v[1].(bool)
		if !ok1 || !ok2 {
			t.Fatalf("bad variant %v", v)
		}
		name := "indent=None"
		if indent >= 0 {
			name = fmt.Sprintf("indent=%d", int(indent))
		}
		if attrs {
			name += ",include_attributes"
		}
		vs = append(vs, dumpVariant{DumpOptions{Indent: int(indent), IncludeAttributes: attrs}, name})
	}
	return vs
}

// TestDumpCases compares Dump, and the reflective reference dumper
// refDump, with CPython's ast.dump on the snippets of dump_cases.json.
func TestDumpCases(t *testing.T) {
	if *updateDump {
		py := cpython(t)
		out, err := py.output(nil, "cases")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dumpCasesFile, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(dumpCasesFile)
	if err != nil {
		t.Fatal(err)
	}
	var file dumpCaseFile
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	variants := parseVariants(t, file.Variants)
	for i, c := range file.Cases {
		name := fmt.Sprintf("%d_%s", i, c.Mode)
		t.Run(name, func(t *testing.T) {
			tree, err := treeFromJSON(c.Tree)
			if err != nil {
				t.Fatalf("building the tree of %q: %v", c.Src, err)
			}
			for j, v := range variants {
				want := c.Dumps[j]
				got := Dump(tree, v.opts)
				if msg, ok := strings.CutPrefix(want, "!ValueError: "); ok {
					// ast.dump raised; Dump writes a marker instead.
					if !strings.Contains(got, "<ValueError: "+msg+">") {
						t.Errorf("%s: CPython raises ValueError %q; Dump gave\n%s", v.name, msg, clip(got, 300))
					}
					continue
				}
				if got != want {
					t.Errorf("source %q, %s:\n%s", c.Src, v.name, firstDiff(want, got))
				}
				if ref := refDump(tree, v.opts); ref != want {
					t.Errorf("refDump: source %q, %s:\n%s", c.Src, v.name, firstDiff(want, ref))
				}
			}
		})
	}
}

// TestDumpStdlibTrees rebuilds the trees CPython's ast.parse makes of every
// 8th stdlib file (every 64th with -short) and compares Dump with
// ast.dump(include_attributes=True), and Dump with refDump at indent=2.
// Unlike TestStdlibAST it needs no parser, so it tests Dump and the reprs
// on the stdlib's real constants alone.
func TestDumpStdlibTrees(t *testing.T) {
	py := cpython(t)
	all := stdlibFiles(t, py)
	step := 8
	if testing.Short() {
		step = 4 // of the every-16th subset stdlibFiles returns
	}
	var files []string
	for i := 0; i < len(all); i += step {
		files = append(files, all[i])
	}
	dir := oracleDir(t, py, "trees", files)
	for i, path := range files {
		rel, _ := filepath.Rel(py.stdlib, path)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, fmt.Sprint(i)+".json"))
			if os.IsNotExist(err) {
				t.Skip("CPython rejects the file")
			}
			if err != nil {
				t.Fatal(err)
			}
			treeJSON, dumpJSON, _ := bytes.Cut(data, []byte{'\n'})
			var want string
			if err := json.Unmarshal(dumpJSON, &want); err != nil {
				t.Fatal(err)
			}
			tree, err := treeFromJSON(treeJSON)
			if err != nil {
				t.Fatal(err)
			}
			got := Dump(tree, DumpOptions{Indent: -1, IncludeAttributes: true})
			if msg, ok := strings.CutPrefix(want, "!ValueError: "); ok {
				if !strings.Contains(got, "<ValueError: "+msg+">") {
					t.Fatalf("CPython's ast.dump raises ValueError %q; Dump has no marker", msg)
				}
				return
			}
			if got != want {
				t.Fatalf("ast.dump differs: %s", firstDiff(want, got))
			}
			opts := DumpOptions{Indent: 2}
			if got, ref := Dump(tree, opts), refDump(tree, opts); got != ref {
				t.Fatalf("Dump and refDump differ at indent=2: %s", firstDiff(ref, got))
			}
		})
	}
}

// TestDumpHandBuilt covers trees the parser never builds.
func TestDumpHandBuilt(t *testing.T) {
	name := func(id string) *Name { return &Name{ID: id} }
	big1, _ := new(big.Int).SetString("1"+strings.Repeat("0", 4300), 10)
	tests := []struct {
		node Node
		opts DumpOptions
		want string
	}{
		{nil, DumpOptions{Indent: -1}, "None"},
		// A required field left nil prints None (ast.dump does the same
		// for a node built by hand without it).
		{&BinOp{Left: name("a"), Op: Add}, DumpOptions{Indent: -1},
			"BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=None)"},
		{&ExprStmt{}, DumpOptions{Indent: 2}, "Expr(value=None)"},
		{&Return{}, DumpOptions{Indent: 2, IncludeAttributes: true},
			"Return(\n  lineno=0,\n  col_offset=0,\n  end_lineno=0,\n  end_col_offset=0)"},
		{&Constant{Value: big1}, DumpOptions{Indent: -1},
			"Constant(value=<ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit>)"},
		{&Constant{Value: new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 100))}, DumpOptions{Indent: -1},
			"Constant(value=-1267650600228229401496703205376)"},
		{&MatchSingleton{Value: nil}, DumpOptions{Indent: 0}, "MatchSingleton(value=None)"},
		// Indent 0 still breaks lines.
		{&Tuple{Elts: []Expr{name("a")}}, DumpOptions{Indent: 0},
			"Tuple(\nelts=[\nName(id='a', ctx=Load())],\nctx=Load())"},
		// An indent wider than the helper's run of spaces.
		{&Set{Elts: []Expr{name("a")}}, DumpOptions{Indent: 70},
			"Set(\n" + strings.Repeat(" ", 70) + "elts=[\n" + strings.Repeat(" ", 140) + "Name(id='a', ctx=Load())])"},
		{&TypeIgnore{Lineno: 3, Tag: "[x]"}, DumpOptions{Indent: 2, IncludeAttributes: true},
			"TypeIgnore(lineno=3, tag='[x]')"},
	}
	for _, tt := range tests {
		if got := Dump(tt.node, tt.opts); got != tt.want {
			t.Errorf("Dump(%T, %+v):\n%s", tt.node, tt.opts, firstDiff(tt.want, got))
		}
		if tt.node != nil {
			if got := refDump(tt.node, tt.opts); got != tt.want {
				t.Errorf("refDump(%T, %+v):\n%s", tt.node, tt.opts, firstDiff(tt.want, got))
			}
		}
	}
}

// TestDumpGenUpToDate regenerates dump_gen.go from ast.go into a temporary
// file and requires it to equal the checked-in one.
func TestDumpGenUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	gocmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gocmd); err != nil {
		if gocmd, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command")
		}
	}
	out := filepath.Join(t.TempDir(), "dump_gen.go")
	cmd := exec.Command(gocmd, "run", "mkdump.go", "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run mkdump.go: %v\n%s", err, msg)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("dump_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, have) {
		t.Fatalf("dump_gen.go is stale; run go generate in interp/syntax:\n%s", firstDiff(string(want), string(have)))
	}
}

// TestDumpAllNodeTypes checks that allNodeTypes and the generated dumpers
// cover every node type, and that each NodeName is a Python class name
// that refDump agrees with.
func TestDumpAllNodeTypes(t *testing.T) {
	seen := map[string]bool{}
	for _, n := range allNodeTypes {
		name := n.NodeName()
		if seen[name] {
			t.Errorf("two node types named %s", name)
		}
		seen[name] = true
		v := reflect.New(reflect.TypeOf(n).Elem()).Interface().(Node)
		for _, opts := range []DumpOptions{{Indent: -1}, {Indent: 1, IncludeAttributes: true}} {
			got, want := Dump(v, opts), refDump(v, opts)
			if got != want {
				t.Errorf("%s %+v:\n%s", name, opts, firstDiff(want, got))
			}
		}
	}
	// The Python names of the nodes without a position are lower case.
	for _, n := range []string{"comprehension", "arguments", "arg", "keyword", "alias", "withitem", "match_case", "Expr", "TypeIgnore"} {
		if !seen[n] {
			t.Errorf("no node type has NodeName %q (the class name in Python's ast module)", n)
		}
	}
}

// --- Building trees from the oracle's JSON ---

var (
	nodeTypeOnce   sync.Once
	nodeTypeByName map[string]reflect.Type // Python class name -> struct type
	enumByName     map[reflect.Type]map[string]uint64
)

func initNodeTypes() {
	nodeTypeByName = map[string]reflect.Type{}
	enumByName = map[reflect.Type]map[string]uint64{}
	for _, n := range allNodeTypes {
		nodeTypeByName[n.NodeName()] = reflect.TypeOf(n).Elem()
	}
	for _, e := range []fmt.Stringer{Load, And, Add, Invert, Eq} {
		t := reflect.TypeOf(e)
		m := map[string]uint64{}
		for i := uint64(0); ; i++ {
			v := reflect.New(t).Elem()
			v.SetUint(i)
			s, ok := safeString(v.Interface().(fmt.Stringer))
			if !ok {
				break
			}
			m[s] = i
		}
		enumByName[t] = m
	}
}

func safeString(s fmt.Stringer) (str string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return s.String(), true
}

// treeFromJSON builds a tree from ast_oracle.py's to_json form.
func treeFromJSON(data []byte) (Node, error) {
	nodeTypeOnce.Do(initNodeTypes)
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	rv, err := buildValue(v, reflect.TypeOf((*Node)(nil)).Elem())
	if err != nil {
		return nil, err
	}
	n, _ := rv.Interface().(Node)
	return n, nil
}

var (
	nodeIface  = reflect.TypeOf((*Node)(nil)).Elem()
	constIface = reflect.TypeOf((*ConstantValue)(nil)).Elem()
	locType    = reflect.TypeOf(Loc{})
)

func buildValue(v any, t reflect.Type) (reflect.Value, error) {
	zero := reflect.Zero(t)
	if v == nil {
		return zero, nil
	}
	if t == constIface {
		c, err := constFromJSON(v)
		if err != nil {
			return zero, err
		}
		if c == nil {
			return zero, nil
		}
		return reflect.ValueOf(c), nil
	}
	if m, ok := enumByName[t]; ok {
		obj, _ := v.(map[string]any)
		name, _ := obj["_"].(string)
		i, ok := m[name]
		if !ok {
			return zero, fmt.Errorf("%s is not a %s", name, t)
		}
		r := reflect.New(t).Elem()
		r.SetUint(i)
		return r, nil
	}
	switch t.Kind() {
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return zero, fmt.Errorf("want a string, got %v", v)
		}
		return reflect.ValueOf(s).Convert(t), nil
	case reflect.Int:
		n, ok := v.(json.Number)
		if !ok {
			return zero, fmt.Errorf("want a number, got %v", v)
		}
		i, err := n.Int64()
		return reflect.ValueOf(int(i)), err
	case reflect.Slice:
		xs, ok := v.([]any)
		if !ok {
			return zero, fmt.Errorf("want a list, got %v", v)
		}
		s := reflect.MakeSlice(t, len(xs), len(xs))
		for i, x := range xs {
			e, err := buildValue(x, t.Elem())
			if err != nil {
				return zero, err
			}
			s.Index(i).Set(e)
		}
		return s, nil
	case reflect.Interface, reflect.Pointer:
		obj, ok := v.(map[string]any)
		if !ok {
			return zero, fmt.Errorf("want a node, got %v", v)
		}
		n, err := buildNode(obj)
		if err != nil {
			return zero, err
		}
		if !n.Type().AssignableTo(t) {
			return zero, fmt.Errorf("%s is not a %s", n.Type(), t)
		}
		return n, nil
	}
	return zero, fmt.Errorf("cannot build a %s", t)
}

func buildNode(obj map[string]any) (reflect.Value, error) {
	name, _ := obj["_"].(string)
	st, ok := nodeTypeByName[name]
	if !ok {
		return reflect.Value{}, fmt.Errorf("no node type for Python class %q", name)
	}
	p := reflect.New(st)
	s := p.Elem()
	for i := 0; i < st.NumField(); i++ {
		f := st.Field(i)
		if f.Anonymous && f.Type == locType {
			pos, _ := obj["@"].([]any)
			if len(pos) != 4 {
				return reflect.Value{}, fmt.Errorf("%s: no position", name)
			}
			for j := range 4 {
				n, _ := pos[j].(json.Number)
				k, err := n.Int64()
				if err != nil {
					return reflect.Value{}, err
				}
				s.Field(i).Field(j).SetInt(k)
			}
			continue
		}
		py, ok := f.Tag.Lookup("py")
		if !ok {
			continue
		}
		key, _, _ := strings.Cut(py, ",")
		raw, ok := obj[key]
		if !ok {
			return reflect.Value{}, fmt.Errorf("%s: no field %s", name, key)
		}
		v, err := buildValue(raw, f.Type)
		if err != nil {
			return reflect.Value{}, fmt.Errorf("%s.%s: %v", name, key, err)
		}
		s.Field(i).Set(v)
	}
	return p, nil
}

func constFromJSON(v any) (ConstantValue, error) {
	xs, _ := v.([]any)
	if len(xs) == 0 {
		return nil, fmt.Errorf("bad constant %v", v)
	}
	arg := func(i int) string {
		if i < len(xs) {
			s, _ := xs[i].(string)
			return s
		}
		return ""
	}
	switch xs[0] {
	case "N":
		return nil, nil
	case "T":
		return true, nil
	case "F":
		return false, nil
	case "E":
		return EllipsisValue, nil
	case "i":
		b, ok := new(big.Int).SetString(arg(1), 0)
		if !ok {
			return nil, fmt.Errorf("bad int %q", arg(1))
		}
		if b.IsInt64() {
			return b.Int64(), nil
		}
		return b, nil
	case "f":
		return strconv.ParseFloat(arg(1), 64)
	case "c":
		re, err1 := strconv.ParseFloat(arg(1), 64)
		im, err2 := strconv.ParseFloat(arg(2), 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad complex %v", v)
		}
		return complex(re, im), nil
	case "s":
		b, err := hex.DecodeString(arg(1))
		return string(b), err
	case "b":
		b, err := hex.DecodeString(arg(1))
		return Bytes(b), err
	}
	return nil, fmt.Errorf("bad constant %v", v)
}

// --- The reference dumper ---

// refDump is a line-by-line transcription of ast.dump from CPython 3.12's
// Lib/ast.py over reflection: each value is formatted to a string first
// and the layout decided afterwards. It checks the streaming, generated
// Dump.
func refDump(n Node, opts DumpOptions) string {
	indent := ""
	useIndent := opts.Indent >= 0
	if useIndent {
		indent = strings.Repeat(" ", opts.Indent)
	}
	var format func(v reflect.Value, level int) (string, bool)
	format = func(v reflect.Value, level int) (string, bool) {
		prefix, sep := "", ", "
		if useIndent {
			level++
			prefix = "\n" + strings.Repeat(indent, level)
			sep = ",\n" + strings.Repeat(indent, level)
		}
		if v.Kind() == reflect.Interface {
			if v.IsNil() {
				return "None", true
			}
			v = v.Elem()
		}
		if s, ok := v.Interface().(fmt.Stringer); ok && enumByName[v.Type()] != nil {
			return s.String() + "()", true
		}
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				return "None", true
			}
			node := v.Interface().(Node)
			st := v.Elem()
			var args []string
			allSimple := true
			for i := 0; i < st.NumField(); i++ {
				f := st.Type().Field(i)
				py, ok := f.Tag.Lookup("py")
				if !ok {
					continue
				}
				key, o, _ := strings.Cut(py, ",")
				fv := st.Field(i)
				if o == "opt" && fv.Kind() != reflect.Int && fv.IsZero() {
					continue
				}
				var s string
				simple := true
				if f.Type == constIface {
					b, err := AppendReprConstant(nil, fv.Interface())
					s = string(b)
					if err != nil {
						s = "<ValueError: " + err.Error() + ">"
					}
				} else {
					s, simple = format(fv, level)
				}
				allSimple = allSimple && simple
				args = append(args, key+"="+s)
			}
			if loc, ok := node.(Located); ok && opts.IncludeAttributes {
				l := loc.Location()
				for i, key := range []string{"lineno", "col_offset", "end_lineno", "end_col_offset"} {
					args = append(args, key+"="+strconv.Itoa([]int{l.Lineno, l.ColOffset, l.EndLineno, l.EndColOffset}[i]))
				}
			}
			if allSimple && len(args) <= 3 {
				return node.NodeName() + "(" + strings.Join(args, ", ") + ")", len(args) == 0
			}
			return node.NodeName() + "(" + prefix + strings.Join(args, sep) + ")", false
		case reflect.Slice:
			if v.Len() == 0 {
				return "[]", true
			}
			var items []string
			for i := 0; i < v.Len(); i++ {
				s, _ := format(v.Index(i), level)
				items = append(items, s)
			}
			return "[" + prefix + strings.Join(items, sep) + "]", false
		case reflect.String:
			return ReprString(v.String()), true
		case reflect.Int:
			return strconv.FormatInt(v.Int(), 10), true
		}
		panic(fmt.Sprintf("refDump: unexpected %s", v.Type()))
	}
	nodeTypeOnce.Do(initNodeTypes)
	s, _ := format(reflect.ValueOf(&n).Elem(), 0)
	return s
}

// --- Reporting ---

// firstDiff shows where two long strings first differ, with ~200 bytes of
// context from each.
func firstDiff(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	if i == len(want) && i == len(got) {
		return "(equal)"
	}
	line := 1 + strings.Count(want[:i], "\n")
	lo := max(0, i-100)
	return fmt.Sprintf("first difference at byte %d (line %d), lengths %d (CPython) and %d (ours)\n  CPython: …%s…\n  ours:    …%s…",
		i, line, len(want), len(got), clip(want[lo:], i-lo+100), clip(got[lo:], i-lo+100))
}

// clip quotes the first n bytes of s.
func clip(s string, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}
