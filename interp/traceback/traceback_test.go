// The CPython comparison reads golden files made by CPython 3.12 itself.
// Regenerate them (needs python3 with PYENV_VERSION=3.12.1, or the
// interpreter named by $PYTHON3) with:
//
//	go test ./interp/traceback -run TestCPython -update
//
// Each testdata/cases/NAME.py is run as `python3 NAME.py` from that
// directory, with testdata/hook on PYTHONPATH: its sitecustomize wraps
// sys.excepthook to dump the exception chain and the traceback positions
// to golden/NAME.json before CPython prints; CPython's stderr is saved as
// golden/NAME.stderr, both with the absolute path of testdata/cases cut
// from file names. The test renders the JSON and compares byte for byte.
package traceback

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

var update = flag.Bool("update", false, "regenerate testdata/golden from CPython 3.12")

type jsonFrame struct {
	Filename string `json:"filename"`
	Name     string `json:"name"`
	Line     int    `json:"line"`
	PosLine  int    `json:"pos_line"`
	EndLine  int    `json:"end_line"`
	Col      int    `json:"col"`
	EndCol   int    `json:"end_col"`
}

type jsonSyntax struct {
	Type      string  `json:"type"`
	Msg       string  `json:"msg"`
	Filename  *string `json:"filename"`
	Lineno    *int    `json:"lineno"`
	Offset    *int    `json:"offset"`
	EndLineno *int    `json:"end_lineno"`
	EndOffset *int    `json:"end_offset"`
	Text      *string `json:"text"`
}

type jsonException struct {
	Type            string      `json:"type"`
	Module          string      `json:"module"`
	Message         string      `json:"message"`
	Suggestion      string      `json:"suggestion"`
	Notes           []string    `json:"notes"`
	Frames          []jsonFrame `json:"frames"`
	SuppressContext bool        `json:"suppress_context"`
	Syntax          *jsonSyntax `json:"syntax"`
	Cause           *int        `json:"cause"`
	Context         *int        `json:"context"`
	NotesRepr       bool        `json:"notes_repr"`
	NoteFailed      []bool      `json:"note_failed"`
	Group           bool        `json:"group"`
	Exceptions      []int       `json:"exceptions"`
}

type jsonDump struct {
	Exceptions []jsonException `json:"exceptions"`
	Limit      *int            `json:"limit"`
}

func intOr0(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// buildChain turns the dump into linked Exceptions; the first is the one
// that went uncaught.
func buildChain(t *testing.T, d *jsonDump) *Exception {
	excs := make([]*Exception, len(d.Exceptions))
	for i := range excs {
		excs[i] = new(Exception)
	}
	for i, je := range d.Exceptions {
		e := excs[i]
		e.TypeName, e.Module, e.Message = je.Type, je.Module, je.Message
		e.Suggestion, e.Notes, e.SuppressContext = je.Suggestion, je.Notes, je.SuppressContext
		for _, f := range je.Frames {
			if f.Line != f.PosLine {
				t.Errorf("frame %s:%s: tb_lineno %d but position line %d", f.Filename, f.Name, f.Line, f.PosLine)
			}
			e.Frames = append(e.Frames, FrameAt(f.Filename, f.Name,
				bytecode.Pos{Line: f.Line, EndLine: f.EndLine, Col: f.Col, EndCol: f.EndCol}))
		}
		if je.Cause != nil {
			e.Cause = excs[*je.Cause]
		}
		if je.Context != nil {
			e.Context = excs[*je.Context]
		}
		e.NotesRepr, e.NoteFailed, e.Group = je.NotesRepr, je.NoteFailed, je.Group
		for _, i := range je.Exceptions {
			e.Exceptions = append(e.Exceptions, excs[i])
		}
		if s := je.Syntax; s != nil {
			se := &syntax.Error{Msg: s.Msg, Line: intOr0(s.Lineno), Offset: intOr0(s.Offset),
				EndLine: intOr0(s.EndLineno), EndOffset: intOr0(s.EndOffset)}
			switch s.Type {
			case "IndentationError":
				se.Type = syntax.IndentationErrorType
			case "TabError":
				se.Type = syntax.TabErrorType
			}
			if s.Filename != nil {
				se.Filename = *s.Filename
			}
			if s.Text != nil {
				se.Text = *s.Text
			}
			e.Syntax = se
		}
	}
	return excs[0]
}

// caseSource reads the sources of the test programs, by the relative
// names CPython saw.
func caseSource(filename string) ([]string, bool) {
	if filepath.IsAbs(filename) {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join("testdata", "cases", filename))
	if err != nil {
		return nil, false
	}
	return SplitLines(string(data)), true
}

func regenerate(t *testing.T, name string) {
	python := os.Getenv("PYTHON3")
	if python == "" {
		python = "python3"
	}
	dump := filepath.Join(t.TempDir(), "dump.json")
	hook, err := filepath.Abs(filepath.Join("testdata", "hook"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, name+".py")
	cmd.Dir = filepath.Join("testdata", "cases")
	cmd.Env = append(os.Environ(), "PYTHONPATH="+hook, "TB_DUMP="+dump,
		"PYTHONIOENCODING=utf-8", "PYTHONDONTWRITEBYTECODE=1")
	if os.Getenv("PYENV_VERSION") == "" {
		cmd.Env = append(cmd.Env, "PYENV_VERSION=3.12.1")
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil {
		t.Fatalf("%s.py: CPython exited successfully; every case must die of an exception", name)
	}
	data, err := os.ReadFile(dump)
	if err != nil {
		t.Fatalf("%s.py: no dump (%v); stderr:\n%s", name, err, stderr.String())
	}
	// CPython makes the script's path absolute; the goldens name the
	// cases relative to testdata/cases so they do not depend on where the
	// repository lives.
	dir, err := filepath.Abs(cmd.Dir)
	if err != nil {
		t.Fatal(err)
	}
	prefix := []byte(dir + string(filepath.Separator))
	data = bytes.ReplaceAll(data, prefix, nil)
	out := bytes.ReplaceAll(stderr.Bytes(), prefix, nil)
	golden := filepath.Join("testdata", "golden", name)
	if err := os.WriteFile(golden+".json", data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(golden+".stderr", out, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCPython(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("testdata", "cases", "*.py"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Join("testdata", "golden"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	matched := 0
	for _, c := range cases {
		name := strings.TrimSuffix(filepath.Base(c), ".py")
		t.Run(name, func(t *testing.T) {
			if *update {
				regenerate(t, name)
			}
			golden := filepath.Join("testdata", "golden", name)
			data, err := os.ReadFile(golden + ".json")
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(golden + ".stderr")
			if err != nil {
				t.Fatal(err)
			}
			var d jsonDump
			if err := json.Unmarshal(data, &d); err != nil {
				t.Fatal(err)
			}
			p := Printer{Source: caseSource, Limit: DefaultLimit}
			if d.Limit != nil {
				p.Limit = *d.Limit
			}
			var got bytes.Buffer
			if err := p.FormatException(&got, buildChain(t, &d)); err != nil {
				t.Fatal(err)
			}
			if got.String() != string(want) {
				t.Errorf("mismatch\n--- got\n%s\n--- want (CPython)\n%s", got.String(), want)
				return
			}
			matched++
		})
	}
	t.Logf("%d of %d cases match CPython byte for byte", matched, len(cases))
}
