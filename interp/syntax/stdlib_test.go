// Whole-stdlib tests against CPython 3.12, and robustness tests.
//
//	go test ./interp/syntax -run TestStdlibAST            # every stdlib file
//	go test ./interp/syntax -run TestStdlibAST/asyncio    # one package
//	go test ./interp/syntax -run TestStdlibAST -short     # every 16th file
//	go test ./interp/syntax -run TestStdlibMutations      # truncations, byte edits
//	go test ./interp/syntax -run TestDeepNesting
//
// CPython is python3 with PYENV_VERSION=3.12.1 (or $PYTHON3); the tests that
// need it skip when it is absent. TestStdlibAST runs CPython once, in one
// process, over all the files (testdata/ast_oracle.py stdlib) and keeps its
// output under os.UserCacheDir()/parallel-syntax-oracle, keyed by CPython's
// version, the oracle script and the files' paths, sizes and mtimes, so
// reruns start at once. Delete that directory to force a rerun.
//
// TestStdlibMutations needs CPython only to find the stdlib. With -short it
// takes every 64th file; the full run does about 27000 parses (14 s on two
// cores). TestDeepNesting runs CPython on its inputs when it can, except
// with -short.

package syntax

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallel-py/parallel/internal/pyoracle"
)

// --- CPython ---

// pyOracle runs CPython 3.12.
type pyOracle struct {
	python  string
	env     []string
	version string // sys.version
	stdlib  string // sysconfig.get_path("stdlib")
	err     error
}

var (
	pyOnce   sync.Once
	pyShared pyOracle
)

// cpython returns the CPython 3.12 oracle, or skips t when there is none.
func cpython(t testing.TB) *pyOracle {
	t.Helper()
	p := loadCPython()
	if p.err != nil {
		t.Skipf("no CPython 3.12 oracle: %v", p.err)
	}
	return p
}

// loadCPython finds CPython 3.12 once; the result's err says why not.
func loadCPython() *pyOracle {
	pyOnce.Do(func() {
		p := &pyShared
		p.python, p.env = pyoracle.Python(), pyoracle.Env()
		info, err := pyoracle.Find()
		p.version, p.stdlib, p.err = info.Version, info.Stdlib, err
	})
	return &pyShared
}

// output runs testdata/ast_oracle.py with args, feeding it stdin.
func (p *pyOracle) output(stdin []byte, args ...string) ([]byte, error) {
	cmd := exec.Command(p.python, append([]string{filepath.Join("testdata", "ast_oracle.py")}, args...)...)
	cmd.Env = p.env
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("ast_oracle.py %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out, nil
}

// stdlibFiles lists the .py files under CPython's stdlib directory, sorted
// (site-packages included: pip and setuptools are more real-world code);
// with -short, every 16th.
func stdlibFiles(t testing.TB, p *pyOracle) []string {
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

// oracleDir runs `ast_oracle.py kind LIST OUTDIR` over files, or finds its
// output in the cache, and returns OUTDIR.
func oracleDir(t testing.TB, p *pyOracle, kind string, files []string) string {
	t.Helper()
	script, err := os.ReadFile(filepath.Join("testdata", "ast_oracle.py"))
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", p.version, kind, script)
	var list bytes.Buffer
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", f, st.Size(), st.ModTime().UnixNano())
		list.WriteString(f)
		list.WriteByte('\n')
	}
	size := "full"
	if testing.Short() {
		size = "short"
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = t.TempDir()
	} else {
		base = filepath.Join(base, "parallel-syntax-oracle")
	}
	prefix := kind + "-" + size + "-"
	dir := filepath.Join(base, prefix+hex.EncodeToString(h.Sum(nil))[:20])
	if _, err := os.Stat(filepath.Join(dir, "done")); err == nil {
		return dir
	}
	// Drop stale outputs of the same kind, then build into a temporary
	// directory and rename it into place, so a concurrent run never sees
	// half an output.
	if old, _ := filepath.Glob(filepath.Join(base, prefix+"*")); len(old) > 0 {
		for _, o := range old {
			os.RemoveAll(o)
		}
	}
	if err := os.MkdirAll(base, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.MkdirTemp(base, "tmp-")
	if err != nil {
		t.Fatal(err)
	}
	listFile := filepath.Join(tmp, "files.txt")
	if err := os.WriteFile(listFile, list.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := p.output(nil, kind, listFile, tmp); err != nil {
		os.RemoveAll(tmp)
		t.Fatal(err)
	}
	t.Logf("CPython %s over %d files took %v (cached in %s)", kind, len(files), time.Since(start).Round(time.Millisecond), dir)
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		if _, err2 := os.Stat(filepath.Join(dir, "done")); err2 != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// pyError is the record ast_oracle.py writes for an exception.
type pyError struct {
	Stage     string `json:"stage"` // "parse" or "dump"
	Type      string `json:"type"`
	Msg       string `json:"msg"`
	Lineno    int    `json:"lineno"`
	Offset    int    `json:"offset"`
	EndLineno int    `json:"end_lineno"`
	EndOffset int    `json:"end_offset"`
}

func (e *pyError) String() string {
	return fmt.Sprintf("%s: %s (line %d, offset %d, end %d:%d)", e.Type, e.Msg, e.Lineno, e.Offset, e.EndLineno, e.EndOffset)
}

// isSyntaxErrorType reports whether CPython's exception class is one that
// *Error represents.
func isSyntaxErrorType(name string) bool {
	return name == "SyntaxError" || name == "IndentationError" || name == "TabError"
}

// compareError compares our error with CPython's and describes the
// differences, or returns "".
func compareError(want *pyError, err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return fmt.Sprintf("CPython raises %s; Parse returned %T: %v", want, err, err)
	}
	if !isSyntaxErrorType(want.Type) {
		// MemoryError, RecursionError: any *Error will do.
		return ""
	}
	got := pyError{Type: e.Type.String(), Msg: e.Msg, Lineno: e.Line, Offset: e.Offset, EndLineno: e.EndLine, EndOffset: e.EndOffset}
	if got.Type != want.Type || got.Msg != want.Msg || got.Lineno != want.Lineno ||
		got.Offset != want.Offset || got.EndLineno != want.EndLineno || got.EndOffset != want.EndOffset {
		return fmt.Sprintf("error differs\n  CPython: %s\n  ours:    %s", want, &got)
	}
	return ""
}

// --- Running the parser safely ---

// parseTimeout bounds one Parse call in the robustness tests.
const parseTimeout = 10 * time.Second

type parseOutcome struct {
	mod      Mod
	err      error
	panicked any
	stack    []byte
	timedOut time.Duration // the timeout, when Parse did not return in time
}

// safeParse runs Parse in a goroutine, recovering a panic and giving up
// after timeout. A timed-out Parse keeps running; its goroutine is leaked.
func safeParse(filename string, src []byte, mode Mode, timeout time.Duration) parseOutcome {
	done := make(chan parseOutcome, 1)
	go func() {
		var out parseOutcome
		defer func() {
			if r := recover(); r != nil {
				out.panicked = r
				out.stack = debug.Stack()
			}
			done <- out
		}()
		out.mod, out.err = Parse(filename, src, mode)
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case out := <-done:
		return out
	case <-timer.C:
		return parseOutcome{timedOut: timeout}
	}
}

func (o *parseOutcome) problem() string {
	switch {
	case o.timedOut > 0:
		return "Parse did not return within " + o.timedOut.String()
	case o.panicked != nil:
		return fmt.Sprintf("Parse panicked: %v\n%s", o.panicked, o.stack)
	case o.err == nil && o.mod == nil:
		return "Parse returned neither a tree nor an error"
	case o.err != nil && o.mod != nil:
		return "Parse returned both a tree and an error"
	}
	if o.err != nil {
		var e *Error
		if !errors.As(o.err, &e) {
			return fmt.Sprintf("Parse returned %T, not *Error: %v", o.err, o.err)
		}
	}
	return ""
}

// --- TestStdlibAST ---

// TestStdlibAST parses every stdlib file and compares
// Dump(tree, include_attributes) with CPython's ast.dump byte for byte, or
// CPython's exception (type, msg, lineno, offset, end_lineno, end_offset)
// with ours.
func TestStdlibAST(t *testing.T) {
	py := cpython(t)
	files := stdlibFiles(t, py)
	dir := oracleDir(t, py, "stdlib", files)

	type tally struct{ same, sameErr, wrongDump, wrongErr, falseErr, falseOK, crash int }
	var n tally
	var parseTime, dumpTime time.Duration
	var buf []byte
	for i, path := range files {
		rel, _ := filepath.Rel(py.stdlib, path)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var want *pyError
			if data, err := os.ReadFile(filepath.Join(dir, fmt.Sprint(i)+".err")); err == nil {
				want = new(pyError)
				if err := json.Unmarshal(data, want); err != nil {
					t.Fatal(err)
				}
			}
			start := time.Now()
			out := safeParse(path, src, ModeExec, parseTimeout)
			parseTime += time.Since(start)
			if p := out.problem(); p != "" {
				n.crash++
				t.Fatal(p)
			}
			if want != nil && want.Stage == "parse" {
				if out.err == nil {
					n.falseOK++
					t.Fatalf("Parse accepted the file; CPython raises %s", want)
				}
				if d := compareError(want, out.err); d != "" {
					n.wrongErr++
					t.Fatal(d)
				}
				n.sameErr++
				return
			}
			if out.err != nil {
				n.falseErr++
				t.Fatalf("Parse failed where CPython succeeds: %s", errorString(out.err))
			}
			start = time.Now()
			buf = AppendDump(buf[:0], out.mod, DumpOptions{Indent: -1, IncludeAttributes: true})
			got := buf
			dumpTime += time.Since(start)
			if want != nil { // ast.dump raised: Dump must carry the marker
				if !bytes.Contains(got, []byte("<"+want.Type+": "+want.Msg+">")) {
					n.wrongDump++
					t.Fatalf("CPython's ast.dump raises %s; Dump has no such marker", want)
				}
				n.same++
				return
			}
			wantDump, err := os.ReadFile(filepath.Join(dir, fmt.Sprint(i)+".dump"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, wantDump) {
				n.wrongDump++
				t.Fatalf("ast.dump differs: %s", firstDiff(string(wantDump), string(got)))
			}
			n.same++
		})
	}
	checked := n.same + n.sameErr + n.wrongDump + n.wrongErr + n.falseErr + n.falseOK + n.crash
	t.Logf("%d of %d files checked: %d same tree, %d same error; %d trees differ, %d errors differ, %d rejected wrongly, %d accepted wrongly, %d crashed or hung (parse %v, dump %v)",
		checked, len(files), n.same, n.sameErr, n.wrongDump, n.wrongErr, n.falseErr, n.falseOK, n.crash,
		parseTime.Round(time.Millisecond), dumpTime.Round(time.Millisecond))
}

func errorString(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return fmt.Sprintf("%s: %s (line %d, offset %d, end %d:%d)", e.Type, e.Msg, e.Line, e.Offset, e.EndLine, e.EndOffset)
	}
	return err.Error()
}

// --- TestStdlibMutations ---

// mutation is one deterministic damage done to a file.
type mutation struct {
	desc  string
	apply func(src []byte) []byte
}

// mutations returns the damaged versions of src tried for one file: 10
// truncations at evenly spaced cut points and 6 seeded byte edits (replace,
// insert, delete), the seed derived from the file's name.
func mutations(name string, src []byte) []mutation {
	var ms []mutation
	last := -1
	for k := 1; k <= 10; k++ {
		cut := len(src) * k / 11
		if cut == last {
			continue // a short file: fewer distinct cut points
		}
		last = cut
		ms = append(ms, mutation{fmt.Sprintf("truncate at %d", cut), func(b []byte) []byte { return b[:cut:cut] }})
	}
	h := fnv.New64a()
	h.Write([]byte(name))
	r := rand.New(rand.NewPCG(h.Sum64(), 0x5eed))
	// Bytes that tend to change the token structure.
	const interesting = "\"'\\()[]{}:;,.#\n\r\t \x00\x0c\xff\xc3\xe2=@*fbrux0_"
	for k := 0; k < 6 && len(src) > 0; k++ {
		pos := r.IntN(len(src))
		c := interesting[r.IntN(len(interesting))]
		switch k % 3 {
		case 0:
			ms = append(ms, mutation{fmt.Sprintf("replace byte %d with %q", pos, c), func(b []byte) []byte {
				out := bytes.Clone(b)
				out[pos] = c
				return out
			}})
		case 1:
			ms = append(ms, mutation{fmt.Sprintf("insert %q at %d", c, pos), func(b []byte) []byte {
				return append(append(append([]byte{}, b[:pos]...), c), b[pos:]...)
			}})
		case 2:
			n := 1 + r.IntN(3)
			end := min(pos+n, len(src))
			ms = append(ms, mutation{fmt.Sprintf("delete bytes %d:%d", pos, end), func(b []byte) []byte {
				return append(append([]byte{}, b[:pos]...), b[end:]...)
			}})
		}
	}
	return ms
}

// TestStdlibMutations feeds truncated and byte-edited stdlib files to
// Parse and requires that it returns a tree or a *Error: no panic, no hang
// (each Parse gets parseTimeout). A failing input is saved under
// $TMPDIR/syntax-mutations-*/ for replay (not t.TempDir, which is removed
// when the test ends); its path is in the failure. With -short it takes
// every 64th stdlib file.
func TestStdlibMutations(t *testing.T) {
	py := cpython(t) // only for the stdlib's location
	files := stdlibFiles(t, py)
	if testing.Short() {
		var sub []string // every 64th stdlib file
		for i := 0; i < len(files); i += 4 {
			sub = append(sub, files[i])
		}
		files = sub
	}
	type job struct {
		rel string
		m   mutation
		src []byte
	}
	type failure struct {
		rel, desc, problem string
		input              []byte
	}
	jobs := make(chan job, 64)
	var (
		mu       sync.Mutex
		failures []failure
		parses   int
	)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				input := j.m.apply(j.src)
				out := safeParse(j.rel, input, ModeExec, parseTimeout)
				mu.Lock()
				parses++
				if p := out.problem(); p != "" {
					failures = append(failures, failure{j.rel, j.m.desc, p, input})
				}
				mu.Unlock()
			}
		}()
	}
	start := time.Now()
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(py.stdlib, path)
		for _, m := range mutations(rel, src) {
			jobs <- job{rel, m, src}
		}
	}
	close(jobs)
	wg.Wait()
	t.Logf("%d parses of damaged versions of %d files in %v", parses, len(files), time.Since(start).Round(time.Millisecond))
	if len(failures) == 0 {
		return
	}
	saveDir, err := os.MkdirTemp("", "syntax-mutations-")
	if err != nil {
		t.Fatal(err)
	}
	const maxSaved = 200
	for i, f := range failures[:min(len(failures), maxSaved)] {
		file := filepath.Join(saveDir, fmt.Sprintf("%03d.py", i))
		if err := os.WriteFile(file, f.input, 0o644); err != nil {
			t.Fatal(err)
		}
		if i < 30 {
			t.Errorf("%s, %s (input saved as %s):\n%s", f.rel, f.desc, file, clip(f.problem, 3000))
		}
	}
	t.Errorf("%d of %d damaged inputs failed; the first %d are saved in %s", len(failures), parses, min(len(failures), maxSaved), saveDir)
}

// --- TestDeepNesting ---

// TestDeepNesting checks inputs that nest or repeat a construct thousands
// of times. Expectations are CPython 3.12.1's ast.parse (recorded below and,
// when CPython is present, checked against it at test time):
//
//   - more than 200 open brackets: SyntaxError "too many nested
//     parentheses" at the 201st, from the tokenizer (MAXLEVEL);
//   - 100 or more indentation levels besides the first column:
//     IndentationError "too many levels of indentation" on the line that
//     would open the 100th (MAXINDENT);
//   - nesting that reaches the parser's stack limit (MemoryError "Parser
//     stack overflowed - Python source too complex to parse", at about 3000
//     levels of unary operators, lambdas, conditional expressions, powers or
//     elifs) or the AST conversion's recursion limit (RecursionError
//     "maximum recursion depth exceeded during ast construction", at about
//     3000 levels of attributes, calls, subscripts or left-nested binary
//     operators): our Parse must return a *Error of type SyntaxError (a
//     *Error cannot be a MemoryError or RecursionError) and never exhaust
//     the Go stack. The test accepts any message; the recommended one is
//     CPython's "Parser stack overflowed - Python source too complex to
//     parse" for both cases, since "too many nested parentheses" misleads
//     when there are no parentheses. The exact depth at which CPython gives
//     up depends on its C stack use, so we only test far beyond it (100000)
//     and well below it (1000 must succeed);
//   - flat repetition (100000 operands of and, comparisons, adjacent
//     strings, decorators): must parse, with CPython's tree.
func TestDeepNesting(t *testing.T) {
	rep := strings.Repeat
	join := func(sep, item string, n int) string { return strings.TrimSuffix(rep(item+sep, n), sep) }
	nestedIf := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(rep(" ", i) + "if x:\n")
		}
		b.WriteString(rep(" ", n) + "pass\n")
		return b.String()
	}
	const (
		wantOK      = "ok"
		wantParen   = "paren"   // SyntaxError: too many nested parentheses
		wantIndent  = "indent"  // IndentationError: too many levels of indentation
		wantTooDeep = "toodeep" // MemoryError or RecursionError, as in CPython
	)
	tests := []struct {
		name, src, want string
	}{
		{"parens200", rep("(", 200) + rep(")", 200), wantOK},
		{"parens1000", rep("(", 1000) + rep(")", 1000), wantParen},
		{"brackets1000", rep("[", 1000) + rep("]", 1000), wantParen},
		{"braces1000", rep("{", 1000) + rep("}", 1000), wantParen},
		{"tuple1000", rep("(", 1000) + "1," + rep(")", 1000), wantParen},
		{"if99", nestedIf(99), wantOK},
		{"if100", nestedIf(100), wantIndent},
		{"if300", nestedIf(300), wantIndent},
		{"unary1000", rep("-", 1000) + "1", wantOK},
		{"unary100000", rep("-", 100000) + "1", wantTooDeep},
		{"not1000", rep("not ", 1000) + "x", wantOK},
		{"not100000", rep("not ", 100000) + "x", wantTooDeep},
		{"invert100000", rep("~", 100000) + "1", wantTooDeep},
		{"attr1000", "a" + rep(".b", 1000), wantOK},
		{"attr100000", "a" + rep(".b", 100000), wantTooDeep},
		{"call100000", "f" + rep("()", 100000), wantTooDeep},
		{"subscript100000", "a" + rep("[0]", 100000), wantTooDeep},
		{"plus1000", join("+", "a", 1000), wantOK},
		{"plus100000", join("+", "a", 100000), wantTooDeep},
		{"pow100000", join("**", "a", 100000), wantTooDeep},
		{"lambda1000", rep("lambda: ", 1000) + "0", wantOK},
		{"lambda100000", rep("lambda: ", 100000) + "0", wantTooDeep},
		{"ifexp100000", rep("a if b else ", 100000) + "c", wantTooDeep},
		{"elif100000", "if x: pass\n" + rep("elif x: pass\n", 100000), wantTooDeep},
		{"and100000", join(" and ", "a", 100000), wantOK},
		{"compare100000", join(" < ", "a", 100000), wantOK},
		{"strings100000", join(" ", "'a'", 100000), wantOK},
		{"decorators100000", rep("@d\n", 100000) + "def f(): pass\n", wantOK},
		{"statements100000", rep("x = 1\n", 100000), wantOK},
		// Near the limits. The parser's stack limit (pow, lambda) is exact;
		// ast.parse's tree-depth limit moves with the caller's stack depth,
		// so those cases keep a margin.
		{"attr2900", "a" + rep(".b", 2900), wantOK},
		{"attr3100", "a" + rep(".b", 3100), wantTooDeep},
		{"plus2900", join("+", "a", 2900), wantOK},
		{"plus3100", join("+", "a", 3100), wantTooDeep},
		{"unary2900", rep("-", 2900) + "a", wantOK},
		{"unary3100", rep("-", 3100) + "a", wantTooDeep},
		{"pow2985", join("**", "a", 2985), wantOK},
		{"pow2986", join("**", "a", 2986), wantTooDeep},
		{"lambda2984", rep("lambda: ", 2984) + "0", wantOK},
		{"lambda2985", rep("lambda: ", 2985) + "0", wantTooDeep},
		{"ifexp2900", rep("a if b else ", 2900) + "c", wantOK},
		{"ifexp3100", rep("a if b else ", 3100) + "c", wantTooDeep},
		{"elif3100", "if a: pass\n" + rep("elif a: pass\n", 3100), wantTooDeep},
	}

	// With CPython, check the table and take its exact errors and trees
	// (not with -short: CPython needs about 5 s for these inputs).
	var oracle map[string]json.RawMessage
	if py := loadCPython(); py.err == nil && !testing.Short() {
		dir := t.TempDir()
		var list bytes.Buffer
		for _, tt := range tests {
			f := filepath.Join(dir, tt.name+".py")
			if err := os.WriteFile(f, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			list.WriteString(f + "\n")
		}
		listFile := filepath.Join(dir, "list.txt")
		if err := os.WriteFile(listFile, list.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		outDir := filepath.Join(dir, "out")
		if _, err := py.output(nil, "stdlib", listFile, outDir); err != nil {
			t.Fatal(err)
		}
		oracle = map[string]json.RawMessage{}
		for i, tt := range tests {
			if data, err := os.ReadFile(filepath.Join(outDir, fmt.Sprint(i)+".err")); err == nil {
				oracle[tt.name] = data
			} else if data, err := os.ReadFile(filepath.Join(outDir, fmt.Sprint(i)+".dump")); err == nil {
				b, _ := json.Marshal(string(data))
				oracle[tt.name] = b
			}
		}
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var wantErr *pyError
			var wantDump string
			if raw, ok := oracle[tt.name]; ok {
				if raw[0] == '"' {
					json.Unmarshal(raw, &wantDump)
				} else {
					wantErr = new(pyError)
					json.Unmarshal(raw, wantErr)
				}
				class := wantOK
				if wantErr != nil {
					switch {
					case wantErr.Msg == "too many nested parentheses":
						class = wantParen
					case wantErr.Msg == "too many levels of indentation":
						class = wantIndent
					case wantErr.Type == "MemoryError" || wantErr.Type == "RecursionError":
						class = wantTooDeep
					default:
						class = wantErr.String()
					}
				}
				if class != tt.want {
					t.Fatalf("the table says %s; CPython 3.12 says %s", tt.want, class)
				}
			}
			out := safeParse("<deep>", []byte(tt.src), ModeExec, 2*time.Minute)
			if p := out.problem(); p != "" {
				t.Fatal(clip(p, 3000))
			}
			switch tt.want {
			case wantOK:
				if out.err != nil {
					t.Fatalf("Parse failed where CPython succeeds: %s", errorString(out.err))
				}
				if wantDump != "" {
					if got := Dump(out.mod, DumpOptions{Indent: -1, IncludeAttributes: true}); got != wantDump {
						t.Fatalf("ast.dump differs: %s", firstDiff(wantDump, got))
					}
				}
			case wantParen, wantIndent:
				if out.err == nil {
					t.Fatal("Parse accepted the input")
				}
				if wantErr != nil {
					if d := compareError(wantErr, out.err); d != "" {
						t.Fatal(d)
					}
				} else {
					var e *Error
					errors.As(out.err, &e)
					if (tt.want == wantParen) != (e.Msg == "too many nested parentheses") ||
						(tt.want == wantIndent) != (e.Msg == "too many levels of indentation") {
						t.Fatalf("got %s", errorString(out.err))
					}
				}
			case wantTooDeep:
				var e *Error
				if out.err == nil || !errors.As(out.err, &e) || e.Type != MemoryErrorType && e.Type != RecursionErrorType {
					t.Fatalf("want a MemoryError or RecursionError, as CPython raises, got %v", out.err)
				}
				if wantErr != nil && (wantErr.Type != e.Type.String() || wantErr.Msg != e.Msg) {
					t.Fatalf("CPython 3.12 raises %s: %s; we raise %s: %s", wantErr.Type, wantErr.Msg, e.Type, e.Msg)
				}
			}
		})
	}
}
