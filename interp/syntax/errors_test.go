// The syntax error corpus: each testdata/errors/X.py is a small program
// that CPython 3.12's ast.parse rejects, and X.golden beside it records the
// exception CPython raises and the text it prints. The golden files come
// from CPython only, never from this package; regenerate them with
//
//	go test ./interp/syntax -run TestSyntaxErrorCorpus -update
//
// which runs testdata/gen_errors.py once, in a single CPython 3.12 process
// (python3 with PYENV_VERSION=3.12.1, or the interpreter named by $PYTHON3),
// with the working directory set to testdata/errors. gen_errors.py
// describes the golden format.

package syntax

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "regenerate golden files from CPython 3.12")

const errorCorpusDir = "testdata/errors"

// TestSyntaxErrorCorpus parses every program of the corpus and compares the
// error with CPython's: type, msg, positions, text and Format.
func TestSyntaxErrorCorpus(t *testing.T) {
	if *update {
		regenerateErrorGoldens(t)
	}
	known := knownFailures(t)
	for _, name := range corpusNames(t) {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(errorCorpusDir, name+".py"))
			if err != nil {
				t.Fatal(err)
			}
			want := readErrorGolden(t, name)
			diff := ""
			_, perr := Parse(name+".py", src, ModeExec)
			var got *Error
			switch {
			case perr == nil:
				diff = fmt.Sprintf("Parse accepted the program; CPython 3.12 raises %s: %s\n", want.typ, want.msg)
			case !errors.As(perr, &got):
				t.Fatalf("Parse returned %T (%v), want *Error", perr, perr)
			default:
				diff = want.compare(got)
			}
			switch {
			case diff != "" && known[name]:
				t.Logf("known difference (listed in %s):\n%s", knownFailuresFile, diff)
			case diff != "":
				t.Errorf("differs from CPython 3.12 (- CPython, + ours):\n%s%s", diff, showSource(src))
			case known[name]:
				t.Errorf("now matches CPython 3.12: remove %s from %s", name, knownFailuresFile)
			}
		})
	}
}

// knownFailuresFile lists the corpus programs whose error still differs
// from CPython's. The test reports them without failing, and fails when
// one of them starts to match, so the list only ever shrinks.
const knownFailuresFile = "testdata/errors/KNOWN_FAILURES"

// knownFailures reads knownFailuresFile; a missing file means none.
func knownFailures(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(knownFailuresFile)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			known[line] = true
		}
	}
	return known
}

// regenerateErrorGoldens runs testdata/gen_errors.py over the corpus.
func regenerateErrorGoldens(t *testing.T) {
	t.Helper()
	python := os.Getenv("PYTHON3")
	if python == "" {
		python = "python3"
	}
	cmd := exec.Command(python, filepath.Join("..", "gen_errors.py"))
	cmd.Dir = errorCorpusDir
	cmd.Env = os.Environ()
	if os.Getenv("PYENV_VERSION") == "" {
		cmd.Env = append(cmd.Env, "PYENV_VERSION=3.12.1")
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s ../gen_errors.py in %s: %v\n%s", python, errorCorpusDir, err, out)
	}
	t.Logf("%s", bytes.TrimSpace(out))
}

// corpusNames returns the base names of the corpus programs, sorted, and
// fails the test when one has no golden file.
func corpusNames(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(errorCorpusDir, "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no programs in %s", errorCorpusDir)
	}
	var names []string
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".py")
		if _, err := os.Stat(filepath.Join(errorCorpusDir, name+".golden")); err != nil {
			t.Errorf("%s.py has no golden file; run go test ./interp/syntax -run TestSyntaxErrorCorpus -update", name)
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// errorGolden is the content of one golden file. Attributes CPython left
// None are zero, as in Error.
type errorGolden struct {
	filename string // X.py

	// The exception of compile(src, "X.py", "exec", ast.PyCF_ONLY_AST).
	typ                                  string
	msg                                  string
	lineno, offset, endLineno, endOffset int
	text                                 string
	stderr                               string // how CPython prints it

	// The exception of `python3 X.py` and its printout, when they print
	// differently from the above; script is nil otherwise.
	script       *errorGolden
	scriptStderr string
}

// readErrorGolden reads testdata/errors/name.golden.
func readErrorGolden(t *testing.T, name string) *errorGolden {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(errorCorpusDir, name+".golden"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := parseErrorGolden(name+".py", string(data))
	if err != nil {
		t.Fatalf("%s.golden: %v", name, err)
	}
	return g
}

// parseErrorGolden parses the golden file format written by gen_errors.py:
// "#" comment lines and "key: value" lines, then the "-- stderr --" block
// and, optionally, the "-- script stderr --" block, each running to the
// next block or the end of the file.
func parseErrorGolden(filename, data string) (*errorGolden, error) {
	const stderrMark, scriptMark = "-- stderr --\n", "\n-- script stderr --\n"
	head, blocks, ok := strings.Cut(data, "\n"+stderrMark)
	if !ok {
		if !strings.HasPrefix(data, stderrMark) {
			return nil, fmt.Errorf("no %q line", strings.TrimSpace(stderrMark))
		}
		head, blocks = "", data[len(stderrMark):]
	}
	g := &errorGolden{filename: filename}
	var s *errorGolden
	for _, line := range strings.Split(head, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, ": ")
		if !ok {
			return nil, fmt.Errorf("malformed line %q", line)
		}
		dst := g
		if k, ok := strings.CutPrefix(key, "script_"); ok {
			if s == nil {
				s = &errorGolden{filename: filename}
			}
			dst, key = s, k
		}
		if err := dst.set(key, value); err != nil {
			return nil, fmt.Errorf("%s: %v", line, err)
		}
	}
	g.stderr, g.scriptStderr, ok = strings.Cut(blocks, scriptMark)
	if ok {
		g.stderr += "\n"
		if s == nil {
			return nil, fmt.Errorf("script stderr block without script_ attributes")
		}
		g.script = s
	} else if s != nil {
		return nil, fmt.Errorf("script_ attributes without a script stderr block")
	}
	if g.typ == "" {
		return nil, fmt.Errorf("no type")
	}
	return g, nil
}

func (g *errorGolden) set(key, value string) error {
	var err error
	switch key {
	case "type":
		g.typ = value
	case "msg":
		err = json.Unmarshal([]byte(value), &g.msg)
	case "text":
		err = json.Unmarshal([]byte(value), &g.text)
	case "lineno":
		g.lineno, err = strconv.Atoi(value)
	case "offset":
		g.offset, err = strconv.Atoi(value)
	case "end_lineno":
		g.endLineno, err = strconv.Atoi(value)
	case "end_offset":
		g.endOffset, err = strconv.Atoi(value)
	default:
		err = fmt.Errorf("unknown key %q", key)
	}
	return err
}

// error returns the Error whose attributes are the golden ones.
func (g *errorGolden) error() *Error {
	e := &Error{
		Msg:       g.msg,
		Filename:  g.filename,
		Line:      g.lineno,
		Offset:    g.offset,
		EndLine:   g.endLineno,
		EndOffset: g.endOffset,
		Text:      g.text,
	}
	switch g.typ {
	case "IndentationError":
		e.Type = IndentationErrorType
	case "TabError":
		e.Type = TabErrorType
	}
	return e
}

// compare returns a description of every way e differs from g, or "".
func (g *errorGolden) compare(e *Error) string {
	var b strings.Builder
	field := func(name string, want, got any) {
		if want != got {
			fmt.Fprintf(&b, "%s:\n-\t%#v\n+\t%#v\n", name, want, got)
		}
	}
	field("type", g.typ, e.Type.String())
	field("msg", g.msg, e.Msg)
	field("lineno", g.lineno, e.Line)
	field("offset", g.offset, e.Offset)
	field("end_lineno", g.endLineno, e.EndLine)
	field("end_offset", g.endOffset, e.EndOffset)
	field("text", g.text, e.Text)
	if got := e.Format(); got != g.stderr {
		fmt.Fprintf(&b, "Format():\n%s", lineDiff(g.stderr, got))
	}
	return b.String()
}

// lineDiff shows want and got line by line: equal lines once, indented,
// and differing lines quoted after "-" (want) and "+" (got).
func lineDiff(want, got string) string {
	w := strings.SplitAfter(want, "\n")
	g := strings.SplitAfter(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			if wl != "" {
				fmt.Fprintf(&b, " \t%s", strings.TrimSuffix(wl, "\n")+"\n")
			}
			continue
		}
		if i < len(w) && wl != "" {
			fmt.Fprintf(&b, "-\t%q\n", wl)
		}
		if i < len(g) && gl != "" {
			fmt.Fprintf(&b, "+\t%q\n", gl)
		}
	}
	return b.String()
}

// showSource returns the program for a failure message, cut short when
// long.
func showSource(src []byte) string {
	const max = 400
	s := string(src)
	if len(s) > max {
		s = s[:max] + "..."
	}
	return fmt.Sprintf("source: %q\n", s)
}
