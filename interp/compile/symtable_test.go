// Symbol-table tests against CPython 3.12.
//
//	go test ./interp/compile -run TestStdlibSymtable         # every stdlib file
//	go test ./interp/compile -run TestStdlibSymtable -short  # every 16th file
//	go test ./interp/compile -run TestSymtableErrors         # the SyntaxErrors of symtable.c
//	go test ./interp/compile -run TestSymtableGolden         # testdata/symtable/*.py
//	go test ./interp/compile -run TestSymtableGolden -update # regenerate *.golden from CPython
//
// CPython is python3 with PYENV_VERSION=3.12.1 (or $PYTHON3); the tests
// that need it skip when it is absent. TestStdlibSymtable runs CPython once,
// in one process (testdata/symtable/oracle.py tables), and keeps its output
// under os.UserCacheDir()/parallel-symtable-oracle, keyed by CPython's
// version, the oracle script and the files' paths, sizes and mtimes.
// TestSymtableErrors keeps CPython's answers in the table below and, when
// CPython is present, checks that the table still matches it.

package compile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallel-py/parallel/internal/pyoracle"

	"github.com/parallel-py/parallel/interp/syntax"
)

// --- CPython ---

type pyOracle struct {
	python  string
	env     []string
	version string
	stdlib  string
	err     error
}

var (
	pyOnce   sync.Once
	pyShared pyOracle
)

// cpython returns the CPython 3.12 oracle, or skips t when there is none.
func cpython(t testing.TB) *pyOracle {
	t.Helper()
	pyOnce.Do(func() {
		p := &pyShared
		p.python, p.env = pyoracle.Python(), pyoracle.Env()
		info, err := pyoracle.Find()
		p.version, p.stdlib, p.err = info.Version, info.Stdlib, err
	})
	if pyShared.err != nil {
		t.Skipf("no CPython 3.12 oracle: %v", pyShared.err)
	}
	return &pyShared
}

// run runs testdata/symtable/oracle.py with args.
func (p *pyOracle) run(args ...string) error {
	cmd := exec.Command(p.python, append([]string{filepath.Join("testdata", "symtable", "oracle.py")}, args...)...)
	cmd.Env = p.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("oracle.py %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return nil
}

// --- rendering, as oracle.py does ---

// renderTable prints s and its children the way oracle.py prints CPython's.
func renderTable(s *Scope) string {
	var b strings.Builder
	renderScope(&b, s, 0)
	return b.String()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// normalizedSymbols orders the symbols as oracle.py does: runs of symbols
// without flags (only a scope) are sorted by name.
func normalizedSymbols(s *Scope) []*Symbol {
	var out, run []*Symbol
	flush := func() {
		sort.Slice(run, func(i, j int) bool { return run[i].Name < run[j].Name })
		out = append(out, run...)
		run = run[:0]
	}
	for _, sym := range s.Symbols {
		if sym.Flags == 0 {
			run = append(run, sym)
			continue
		}
		flush()
		out = append(out, sym)
	}
	flush()
	return out
}

func renderScope(b *strings.Builder, s *Scope, depth int) {
	ind := strings.Repeat("  ", depth)
	fmt.Fprintf(b, "%s%s %s line=%d optimized=%d nested=%d children=%d varnames=%s\n",
		ind, s.Kind, s.Name, s.Lineno, boolInt(s.Kind == FunctionScope), boolInt(s.Nested),
		boolInt(len(s.Children) > 0), strings.Join(s.Varnames, ","))
	syms := normalizedSymbols(s)
	if s.Kind == FunctionScope {
		pick := func(test func(*Symbol) bool) string {
			var names []string
			for _, sym := range syms {
				if test(sym) {
					names = append(names, sym.Name)
				}
			}
			return strings.Join(names, ",")
		}
		fmt.Fprintf(b, "%s  params=%s locals=%s globals=%s nonlocals=%s frees=%s\n", ind,
			pick(func(y *Symbol) bool { return y.Flags&DefParam != 0 }),
			pick(func(y *Symbol) bool { return y.Scope == Local || y.Scope == Cell }),
			pick(func(y *Symbol) bool { return y.Scope == GlobalImplicit || y.Scope == GlobalExplicit }),
			pick(func(y *Symbol) bool { return y.Flags&DefNonlocal != 0 }),
			pick(func(y *Symbol) bool { return y.Scope == Free }))
	}
	module := s.Name == "top"
	for _, sym := range syms {
		namespace := false
		for _, c := range s.Children {
			namespace = namespace || c.Name == sym.Name
		}
		bound := module && sym.Flags&DefBound != 0
		preds := []struct {
			ok     bool
			letter byte
		}{
			{sym.Flags&Use != 0, 'r'},
			{sym.Flags&DefImport != 0, 'i'},
			{sym.Flags&DefParam != 0, 'p'},
			{sym.Scope == GlobalImplicit || sym.Scope == GlobalExplicit || bound, 'g'},
			{sym.Scope == GlobalExplicit, 'G'},
			{sym.Scope == Local || sym.Scope == Cell || bound, 'l'},
			{sym.Flags&DefAnnot != 0, 'a'},
			{sym.Scope == Free, 'f'},
			{sym.Flags&DefLocal != 0, 's'},
			{namespace, 'n'},
			{sym.Flags&DefNonlocal != 0, 'N'},
		}
		letters := make([]byte, len(preds))
		for i, p := range preds {
			letters[i] = '-'
			if p.ok {
				letters[i] = p.letter
			}
		}
		fmt.Fprintf(b, "%s  %s %d %s\n", ind, sym.Name, sym.RawFlags(), letters)
	}
	for _, c := range s.Children {
		renderScope(b, c, depth+1)
	}
}

func errorRecord(e *syntax.Error) string {
	return fmt.Sprintf("SyntaxError: %s|%d|%d|%d|%d", e.Msg, e.Line, e.Offset, e.EndLine, e.EndOffset)
}

// --- TestStdlibSymtable ---

// stdlibExclusions are stdlib files whose tables we do not compare, with
// the reason.
var stdlibExclusions = map[string]string{
	"test/test_future_stmt/badsyntax_future3.py": futureReason,
	"test/test_future_stmt/badsyntax_future8.py": futureReason,
	"test/test_future_stmt/badsyntax_future9.py": futureReason,
}

const futureReason = "CPython rejects its future import in Python/future.c, which runs before the symbol table; checking future imports is the compiler's job"

func stdlibFiles(t *testing.T, p *pyOracle) []string {
	t.Helper()
	files, err := pyoracle.StdlibFiles(p.stdlib, testing.Short())
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skipf("no .py files under %s", p.stdlib)
	}
	return files
}

// oracleTables returns CPython's rendering of each file's tables, from the
// cache when it is fresh.
func oracleTables(t *testing.T, p *pyOracle, files []string) map[string]string {
	script, err := os.ReadFile(filepath.Join("testdata", "symtable", "oracle.py"))
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", p.version, script)
	var list bytes.Buffer
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", f, st.Size(), st.ModTime().UnixNano())
		list.WriteString(f + "\n")
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = t.TempDir()
	} else {
		base = filepath.Join(base, "parallel-symtable-oracle")
	}
	if err := os.MkdirAll(base, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(base, hex.EncodeToString(h.Sum(nil))[:20]+".txt")
	data, err := os.ReadFile(out)
	if err != nil {
		tmp, err := os.MkdirTemp(base, "tmp-")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		listFile := filepath.Join(tmp, "files.txt")
		if err := os.WriteFile(listFile, list.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if err := p.run("tables", listFile, filepath.Join(tmp, "out.txt")); err != nil {
			t.Fatal(err)
		}
		t.Logf("CPython over %d files took %v (cached in %s)", len(files), time.Since(start).Round(time.Millisecond), out)
		if data, err = os.ReadFile(filepath.Join(tmp, "out.txt")); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(tmp, "out.txt"), out); err != nil {
			t.Fatal(err)
		}
	}
	tables := map[string]string{}
	for _, section := range strings.Split(string(data), "=== ")[1:] {
		path, body, _ := strings.Cut(section, "\n")
		tables[path] = body
	}
	return tables
}

// TestStdlibSymtable builds the symbol table of every stdlib file and
// compares it, rendered, with what CPython's symtable module reports.
func TestStdlibSymtable(t *testing.T) {
	py := cpython(t)
	files := stdlibFiles(t, py)
	want := oracleTables(t, py, files)
	var same, sameErr, skipped, differ int
	for _, path := range files {
		rel, _ := filepath.Rel(py.stdlib, path)
		if why, ok := stdlibExclusions[rel]; ok {
			t.Logf("%s: excluded: %s", rel, why)
			skipped++
			continue
		}
		w, ok := want[path]
		if !ok {
			t.Errorf("%s: no oracle output", rel)
			continue
		}
		if strings.HasPrefix(w, "! parse ") {
			skipped++ // CPython cannot parse it: not ours to compare
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		mod, err := syntax.Parse(path, src, syntax.ModeExec)
		if err != nil {
			t.Errorf("%s: Parse: %v", rel, err)
			differ++
			continue
		}
		table, err := BuildSymbolTable(mod, path)
		var got string
		if err != nil {
			var se *syntax.Error
			if !errors.As(err, &se) {
				t.Errorf("%s: BuildSymbolTable returned %T: %v", rel, err, err)
				differ++
				continue
			}
			got = "! " + errorRecord(se) + "\n"
		} else {
			got = renderTable(table.Top)
		}
		if got == w {
			if err != nil {
				sameErr++
			} else {
				same++
			}
			continue
		}
		differ++
		t.Errorf("%s: symbol tables differ\n%s", rel, firstDiff(w, got))
	}
	t.Logf("%d files: %d tables equal, %d errors equal, %d differ, %d skipped", len(files), same, sameErr, differ, skipped)
}

// firstDiff shows the first differing line of two renderings, with context.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	lo := max(0, i-3)
	var b strings.Builder
	for j := lo; j < i; j++ {
		fmt.Fprintf(&b, "    %s\n", wl[j])
	}
	for j := i; j < min(i+3, len(wl)); j++ {
		fmt.Fprintf(&b, "  - %s\n", wl[j])
	}
	for j := i; j < min(i+3, len(gl)); j++ {
		fmt.Fprintf(&b, "  + %s\n", gl[j])
	}
	return b.String()
}

// --- TestSymtableGolden ---

var update = flag.Bool("update", false, "regenerate testdata/symtable/*.golden from CPython")

// TestSymtableGolden compares the tables of testdata/symtable/*.py with
// CPython's, kept in *.golden beside them.
func TestSymtableGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "symtable", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, in := range inputs {
		if filepath.Base(in) != "oracle.py" {
			cases = append(cases, in)
		}
	}
	if *update {
		py := cpython(t)
		dir := t.TempDir()
		list, out := filepath.Join(dir, "list.txt"), filepath.Join(dir, "out.txt")
		if err := os.WriteFile(list, []byte(strings.Join(cases, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := py.run("tables", list, out); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, section := range strings.Split(string(data), "=== ")[1:] {
			path, body, _ := strings.Cut(section, "\n")
			golden := strings.TrimSuffix(path, ".py") + ".golden"
			if err := os.WriteFile(golden, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, in := range cases {
		want, err := os.ReadFile(strings.TrimSuffix(in, ".py") + ".golden")
		if err != nil {
			t.Errorf("%s: %v (run with -update)", in, err)
			continue
		}
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		mod, err := syntax.Parse(in, src, syntax.ModeExec)
		if err != nil {
			t.Errorf("%s: Parse: %v", in, err)
			continue
		}
		table, err := BuildSymbolTable(mod, in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if got := renderTable(table.Top); got != string(want) {
			t.Errorf("%s: symbol tables differ from the golden file\n%s", in, firstDiff(string(want), got))
		}
	}
}

// --- TestSymtableErrors ---

// symtableErrors are programs the symbol-table pass rejects, with what
// CPython 3.12.1's symtable module raises for them (message|line|offset|
// end line|end offset; offsets count UTF-8 bytes from 1).
var symtableErrors = []struct{ src, want string }{
	{"def f(x):\n  global x", "name 'x' is parameter and global|2|3|2|11"},
	{"def f(x):\n  nonlocal x", "name 'x' is parameter and nonlocal|2|3|2|13"},
	{"def f():\n  x = 1\n  global x", "name 'x' is assigned to before global declaration|3|3|3|11"},
	{"def f():\n  x = 1\n  nonlocal x", "name 'x' is assigned to before nonlocal declaration|3|3|3|13"},
	{"def f():\n  print(x)\n  global x", "name 'x' is used prior to global declaration|3|3|3|11"},
	{"def f():\n  print(x)\n  nonlocal x", "name 'x' is used prior to nonlocal declaration|3|3|3|13"},
	{"x = 1\nglobal x", "name 'x' is assigned to before global declaration|2|1|2|9"},
	{"def f():\n  x: int\n  global x", "annotated name 'x' can't be global|3|3|3|11"},
	{"def f():\n  global x\n  x: int = 1", "annotated name 'x' can't be global|3|3|3|13"},
	{"def f():\n  def g():\n    nonlocal x\n    x: int\n  x = 1", "annotated name 'x' can't be nonlocal|4|5|4|11"},
	{"def f():\n  x: int\n  def g():\n    nonlocal x\n  nonlocal x", "annotated name 'x' can't be nonlocal|5|3|5|13"},
	{"def f():\n  global x; nonlocal x", "name 'x' is nonlocal and global|2|3|2|11"},
	{"nonlocal x", "nonlocal declaration not allowed at module level|1|1|1|11"},
	{"class C:\n  nonlocal x", "no binding for nonlocal 'x' found|2|3|2|13"},
	{"def g():\n  def f():\n    nonlocal y", "no binding for nonlocal 'y' found|3|5|3|15"},
	{"def f():\n  global y\n  def g():\n    nonlocal y", "no binding for nonlocal 'y' found|4|5|4|15"},
	{"def f(a, a): pass", "duplicate argument 'a' in function definition|1|10|1|11"},
	{"def f(a, *, a): pass", "duplicate argument 'a' in function definition|1|13|1|14"},
	{"def f(a, /, b, *a): pass", "duplicate argument 'a' in function definition|1|17|1|18"},
	{"def f(a, **a): pass", "duplicate argument 'a' in function definition|1|12|1|13"},
	{"lambda a, *a: 1", "duplicate argument 'a' in function definition|1|12|1|13"},
	{"class C:\n  def f(__a, _C__a): pass", "duplicate argument '_C__a' in function definition|2|14|2|19"},
	{"def f():\n  from os import *", "import * only allowed at module level|2|18|2|19"},
	{"class C:\n  from os import *", "import * only allowed at module level|2|18|2|19"},
	{"def f():\n  [x for x in (y := [1])]", "assignment expression cannot be used in a comprehension iterable expression|2|16|2|24"},
	{"def f():\n  [x for x in a for y in (z := b)]", "assignment expression cannot be used in a comprehension iterable expression|2|27|2|33"},
	{"def f():\n  [x for x in [lambda: (y := 1)]]", "assignment expression cannot be used in a comprehension iterable expression|2|25|2|31"},
	{"class C:\n  [(y := 1) for x in z]", "assignment expression within a comprehension cannot be used in a class body|2|5|2|6"},
	{"def f():\n  [i := 0 for i in x]", "assignment expression cannot rebind comprehension iteration variable 'i'|2|4|2|5"},
	{"def f():\n  [0 for i in x for j in y if (j := 3)]", "assignment expression cannot rebind comprehension iteration variable 'j'|2|32|2|33"},
	{"def f():\n  [0 for i in x if (j := 1) for j in y]", "comprehension inner loop cannot rebind assignment expression target 'j'|2|33|2|34"},
	{"def f():\n  [(yield) for x in y]", "'yield' inside list comprehension|2|5|2|10"},
	{"def f():\n  {(yield x) for x in y}", "'yield' inside set comprehension|2|5|2|12"},
	{"def f():\n  {x: (yield from x) for x in y}", "'yield' inside dict comprehension|2|8|2|20"},
	{"def f():\n  ((yield) for x in y)", "'yield' inside generator expression|2|5|2|10"},
	{"from __future__ import annotations\ndef f(x: (y := 1)): pass", "named expression cannot be used within an annotation|2|11|2|17"},
	{"from __future__ import annotations\ndef f() -> (yield): pass", "yield expression cannot be used within an annotation|2|13|2|18"},
	{"from __future__ import annotations\nx: (await y)", "await expression cannot be used within an annotation|2|5|2|12"},
	{"def f[T: (yield)](): pass", "yield expression cannot be used within a TypeVar bound|1|11|1|16"},
	{"type A = (yield)", "yield expression cannot be used within a type alias|1|11|1|16"},
	{"def f[T](x: (await y)): pass", "await expression cannot be used within the definition of a generic|1|14|1|21"},
	{"class C:\n  type X = lambda: 1", "Cannot use lambda in annotation scope within class scope|2|12|2|21"},
	{"class C:\n  type X = [x for x in y]", "Cannot use comprehension in annotation scope within class scope|2|12|2|26"},
	{"def f[T, T](): pass", "duplicate type parameter 'T'|1|10|1|11"},
	{"def f():\n  type A[T] = [(x := 1) for y in z]", "assignment expression within a comprehension cannot be used in a type alias|2|17|2|18"},
	{"def f[T]():\n  def g():\n    nonlocal T", "nonlocal binding not allowed for type parameter 'T'|3|5|3|15"},
	// Not symtable.c's: the compiler raises these. The symbol table accepts them.
	{"return 1", "ok"},
	{"yield 1", "ok"},
	{"await x", "ok"},
	{"def f():\n  x = 1\n  del x\n  global x", "name 'x' is assigned to before global declaration|4|3|4|11"},
	{"def f():\n    ééé = 1; global ééé", "name 'ééé' is assigned to before global declaration|2|17|2|30"},
}

// TestSymtableErrors checks the SyntaxErrors of the symbol-table pass.
func TestSymtableErrors(t *testing.T) {
	for _, c := range symtableErrors {
		mod, err := syntax.Parse("<snippet>", []byte(c.src), syntax.ModeExec)
		if err != nil {
			t.Errorf("%q: Parse: %v", c.src, err)
			continue
		}
		got := "ok"
		if _, err := BuildSymbolTable(mod, "<snippet>"); err != nil {
			var se *syntax.Error
			if !errors.As(err, &se) {
				t.Errorf("%q: BuildSymbolTable returned %T: %v", c.src, err, err)
				continue
			}
			got = strings.TrimPrefix(errorRecord(se), "SyntaxError: ")
		}
		if got != c.want {
			t.Errorf("%q:\n  got  %s\n  want %s", c.src, got, c.want)
		}
	}
}

// TestSymtableErrorsOracle checks the expectations of TestSymtableErrors
// against CPython itself.
func TestSymtableErrorsOracle(t *testing.T) {
	py := cpython(t)
	var srcs []string
	for _, c := range symtableErrors {
		srcs = append(srcs, c.src)
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.json"), filepath.Join(dir, "out.json")
	data, _ := json.Marshal(srcs)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := py.run("errors", in, out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	for i, c := range symtableErrors {
		g := strings.TrimPrefix(got[i], "SyntaxError: ")
		if g != c.want {
			t.Errorf("%q: CPython says %s; the table says %s", c.src, g, c.want)
		}
	}
}

// --- facts the compiler relies on ---

func buildTable(t *testing.T, src string) *SymbolTable {
	t.Helper()
	mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	table, err := BuildSymbolTable(mod, "<test>")
	if err != nil {
		t.Fatal(err)
	}
	return table
}

// TestInlinedComprehension checks PEP 709 inlining: the comprehension's
// scope stays reachable by its node, marked inlined, and its names move
// into the enclosing function.
func TestInlinedComprehension(t *testing.T) {
	table := buildTable(t, "def f(a):\n    return [lambda: x for x in a], (y for y in a)\n")
	f := table.Top.Children[0]
	ret := f.Node.(*syntax.FunctionDef).Body[0].(*syntax.Return).Value.(*syntax.Tuple)
	lc := table.Lookup(ret.Elts[0])
	ge := table.Lookup(ret.Elts[1])
	if lc == nil || !lc.CompInlined || lc.Comprehension != ListComprehension {
		t.Fatalf("list comprehension scope = %v, want an inlined list comprehension", lc)
	}
	if ge == nil || ge.CompInlined || !ge.Generator {
		t.Fatalf("generator expression scope = %v, want a generator, not inlined", ge)
	}
	if got := f.ScopeOf("x"); got != Cell {
		t.Errorf("x in f: %v, want CELL (captured by the lambda)", got)
	}
	if f.FlagsOf("x")&(DefCompIter|DefCompCell) != DefCompIter|DefCompCell {
		t.Errorf("x in f: flags %#x, want DEF_COMP_ITER|DEF_COMP_CELL", f.FlagsOf("x"))
	}
	var names []string
	for _, c := range f.Children {
		names = append(names, c.Name)
	}
	if strings.Join(names, " ") != "lambda genexpr" {
		t.Errorf("children of f: %v, want [lambda genexpr]", names)
	}
	if got := strings.Join(lc.Varnames, ","); got != ".0" {
		t.Errorf("varnames of the comprehension: %q, want .0", got)
	}
}

// TestClassCell checks __class__ and super(): the class needs a __class__
// cell and the method sees __class__ as free.
func TestClassCell(t *testing.T) {
	table := buildTable(t, "class C:\n    def f(self, *a, k, **kw):\n        return super().f()\n")
	c := table.Top.Children[0]
	m := c.Children[0]
	if !c.NeedsClassClosure {
		t.Error("class C does not need a __class__ cell")
	}
	if m.ScopeOf("__class__") != Free {
		t.Errorf("__class__ in f: %v, want FREE", m.ScopeOf("__class__"))
	}
	if got := strings.Join(m.Varnames, ","); got != "self,k,a,kw" {
		t.Errorf("varnames %q, want self,k,a,kw", got)
	}
	if !m.Varargs || !m.Varkeywords {
		t.Error("f should have varargs and varkeywords")
	}
}

// TestSymtableModes checks the eval and single modes and Lookup by node.
func TestSymtableModes(t *testing.T) {
	mod, err := syntax.Parse("<eval>", []byte("[lambda: y for y in x]"), syntax.ModeEval)
	if err != nil {
		t.Fatal(err)
	}
	table, err := BuildSymbolTable(mod, "<eval>")
	if err != nil {
		t.Fatal(err)
	}
	if table.Lookup(mod) != table.Top || table.Top.Kind != ModuleScope {
		t.Fatalf("Lookup(module) = %v, want the module scope", table.Lookup(mod))
	}
	lc := mod.(*syntax.Expression).Body
	if s := table.Lookup(lc); s == nil || !s.CompInlined || s.ScopeOf("y") != Cell {
		t.Errorf("the comprehension's scope: %v", s)
	}
	if got := table.Top.ScopeOf("y"); got != Cell {
		t.Errorf("y in the module: %v, want CELL", got)
	}

	mod, err = syntax.Parse("<stdin>", []byte("def f(): return x\n"), syntax.ModeSingle)
	if err != nil {
		t.Fatal(err)
	}
	table, err = BuildSymbolTable(mod, "<stdin>")
	if err != nil {
		t.Fatal(err)
	}
	fn := mod.(*syntax.Interactive).Body[0]
	if s := table.Lookup(fn); s == nil || s.Name != "f" || s.ScopeOf("x") != GlobalImplicit {
		t.Errorf("Lookup(def f) = %v", s)
	}
}

// TestMangle checks private name mangling.
func TestMangle(t *testing.T) {
	for _, c := range []struct{ private, name, want string }{
		{"C", "__x", "_C__x"},
		{"_C", "__x", "_C__x"},
		{"__C", "__x", "_C__x"},
		{"C", "__x__", "__x__"},
		{"C", "_x", "_x"},
		{"C", "__a.b", "__a.b"},
		{"___", "__x", "__x"},
		{"", "__x", "__x"},
	} {
		if got := Mangle(c.private, c.name); got != c.want {
			t.Errorf("Mangle(%q, %q) = %q, want %q", c.private, c.name, got, c.want)
		}
	}
}
