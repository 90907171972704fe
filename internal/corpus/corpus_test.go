package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"
)

const corpusDir = "../../testdata/programs"

// python312 reports whether the oracle (python3 with PYENV_VERSION=3.12.1,
// run by its resolved executable: pyoracle.Python) is CPython 3.12.
func python312(t *testing.T) bool {
	t.Helper()
	return CheckPython(pyoracle.Python()) == nil
}

func TestLoadCorpus(t *testing.T) {
	progs, err := Load(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(progs) < 220 {
		t.Errorf("corpus has %d programs, want at least 220", len(progs))
	}
	failing := 0
	areas := map[string]int{}
	for _, p := range progs {
		if p.WantCode != 0 {
			failing++
		}
		areas[strings.SplitN(p.Name, "/", 2)[0]]++
	}
	if failing < 40 {
		t.Errorf("corpus has %d failing programs, want at least 40", failing)
	}
	for _, a := range []string{"builtins", "calls", "classes", "exceptions", "failures", "generators",
		"imports", "numbers", "scopes", "statements", "sysmod", "types"} {
		if areas[a] == 0 {
			t.Errorf("area %s has no programs", a)
		}
	}
	t.Logf("%d programs (%d exit non-zero) in %d areas: %v", len(progs), failing, len(areas), areas)
}

// TestNoOrphans checks that every golden or input file belongs to a program.
func TestNoOrphans(t *testing.T) {
	progs, err := Discover(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, p := range progs {
		have[strings.TrimSuffix(p.Path, ".py")] = true
	}
	files, err := filepath.Glob(filepath.Join(corpusDir, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		ext := filepath.Ext(f)
		switch ext {
		case ".out", ".err", ".code", ".args", ".stdin":
			abs, _ := filepath.Abs(strings.TrimSuffix(f, ext))
			if !have[abs] {
				t.Errorf("%s has no program", f)
			}
		}
	}
}

func TestNormalize(t *testing.T) {
	dir := t.TempDir()
	out := Normalize([]byte(`  File "`+dir+`/x.py", line 1`+"\n"), dir)
	if want := `  File "$DIR/x.py", line 1` + "\n"; string(out) != want {
		t.Errorf("Normalize = %q, want %q", out, want)
	}
}

func TestParseArgs(t *testing.T) {
	for in, want := range map[string][]string{
		"":            nil,
		"\n":          nil,
		"a\nb c\n":    {"a", "b c"},
		"a\n\nb":      {"a", "", "b"},
		"$TMPDIR/x\n": {"$TMPDIR/x"},
	} {
		got := parseArgs([]byte(in))
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("parseArgs(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRegenerateConvention builds a tiny corpus and checks the running
// convention: working directory, argv, stdin, $TMPDIR, exit status and path
// normalisation.
func TestRegenerateConvention(t *testing.T) {
	if !python312(t) {
		t.Skip("CPython 3.12 (PYENV_VERSION=3.12.1 python3) not available")
	}
	dir := t.TempDir()
	area := filepath.Join(dir, "area")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(area, "pkg"), 0o755))
	write := func(name, text string) { must(os.WriteFile(filepath.Join(area, name), []byte(text), 0o644)) }
	write("_helper.py", "X = 'helper'\n")
	write("pkg/__init__.py", "")
	write("conv.py", `import sys, _helper
print(sys.argv[1:-1], sys.argv[-1].startswith('$') is False)
open(sys.argv[-1] + '/f', 'w').write('ok')
print(open(sys.argv[-1] + '/f').read(), _helper.X, input())
print(__file__)
sys.exit(3)
`)
	write("conv.args", "one\ntwo words\n$TMPDIR\n")
	write("conv.stdin", "from stdin\n")
	write("fail.py", "1/0\n")
	must(Regenerate(dir, "python3"))
	progs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(progs) != 2 {
		t.Fatalf("got %d programs, want 2 (helpers must not count)", len(progs))
	}
	conv, fail := progs[0], progs[1]
	wantOut := "['one', 'two words'] True\nok helper from stdin\n$DIR/conv.py\n"
	if string(conv.WantStdout) != wantOut || conv.WantCode != 3 || len(conv.WantStderr) != 0 {
		t.Errorf("conv: stdout %q code %d stderr %q; want stdout %q code 3", conv.WantStdout, conv.WantCode, conv.WantStderr, wantOut)
	}
	wantErr := "Traceback (most recent call last):\n  File \"$DIR/fail.py\", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n"
	if string(fail.WantStderr) != wantErr || fail.WantCode != 1 {
		t.Errorf("fail: stderr %q code %d; want %q code 1", fail.WantStderr, fail.WantCode, wantErr)
	}
	if _, err := os.Stat(filepath.Join(area, "__pycache__")); err == nil {
		t.Errorf("running the corpus wrote __pycache__")
	}
	// The temporary directory is gone and the result is stable.
	r, err := Run(context.Background(), []string{"python3"}, conv)
	if err != nil {
		t.Fatal(err)
	}
	if m := Mismatch(conv, r); m != "" {
		t.Errorf("rerun differs:\n%s", m)
	}
}

// TestGoldensMatchCPython runs the whole corpus with CPython 3.12 and checks
// that it still produces the committed goldens.
func TestGoldensMatchCPython(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not running the corpus with CPython")
	}
	if !python312(t) {
		t.Skip("CPython 3.12 (PYENV_VERSION=3.12.1 python3) not available")
	}
	progs, err := Load(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range progs {
		t.Run(p.Name, func(t *testing.T) {
			t.Parallel()
			r, err := Run(context.Background(), []string{pyoracle.Python()}, p)
			if err != nil {
				t.Fatal(err)
			}
			if m := Mismatch(p, r); m != "" {
				t.Errorf("CPython output differs from the goldens (regenerate with go run ./internal/corpus/cmd/regen):\n%s", m)
			}
		})
	}
}
