package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// benchChildEnv makes the test binary act as `parallel` itself, so that
// TestBenchCommand can run the bench command in process: it runs
// os.Executable(), which under `go test` is this test binary.
const benchChildEnv = "PARALLEL_BENCH_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(benchChildEnv) == "1" {
		os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestMatchProgram(t *testing.T) {
	tests := []struct {
		pattern, base string
		want          bool
	}{
		{"", "nbody.py", true},
		{"nbody", "nbody.py", true},
		{"body", "nbody.py", true},
		{"spectral", "nbody.py", false},
		{"n*", "nbody.py", true},
		{"n*", "nqueens.py", true},
		{"n*", "binary_trees.py", false},
		{"*y", "nbody.py", true},    // glob of the name without .py
		{"*.py", "nbody.py", true},  // glob of the file name
		{"?body", "nbody.py", true}, // whole-name glob, not a substring
		{"?ody", "nbody.py", false},
		{"[gh]*", "go.py", true},
		{"[gh]*", "hexiom.py", true},
		{"[gh]*", "chaos.py", false},
		{"[", "nbody.py", false}, // a bad glob matches nothing
	}
	for _, tc := range tests {
		if got := matchProgram(tc.pattern, tc.base); got != tc.want {
			t.Errorf("matchProgram(%q, %q) = %v, want %v", tc.pattern, tc.base, got, tc.want)
		}
	}
}

func TestSelectPrograms(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.py", "a.py", "c.txt", "ab.py"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.py"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		pattern string
		want    []string // base names; nil for an error
	}{
		{"", []string{"a.py", "ab.py", "b.py"}},
		{"a", []string{"a.py", "ab.py"}},
		{"?", []string{"a.py", "b.py"}},
		{"zzz", nil},
		{"[", nil},
	}
	for _, tc := range tests {
		got, err := selectPrograms(dir, tc.pattern)
		if tc.want == nil {
			if err == nil {
				t.Errorf("selectPrograms(%q) = %v, want an error", tc.pattern, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("selectPrograms(%q): %v", tc.pattern, err)
			continue
		}
		var names []string
		for _, p := range got {
			if !filepath.IsAbs(p) {
				t.Errorf("selectPrograms(%q) gave relative path %q", tc.pattern, p)
			}
			names = append(names, filepath.Base(p))
		}
		if !slices.Equal(names, tc.want) {
			t.Errorf("selectPrograms(%q) = %v, want %v", tc.pattern, names, tc.want)
		}
	}
}

func TestFindBenchDir(t *testing.T) {
	root := t.TempDir()
	progs := filepath.Join(root, "bench", "programs")
	deep := filepath.Join(root, "interp", "modules")
	for _, d := range []string{progs, deep} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, start := range []string{root, deep, progs} {
		got, err := findBenchDir(start)
		if err != nil || got != progs {
			t.Errorf("findBenchDir(%s) = %q, %v; want %q", start, got, err, progs)
		}
	}
	// A nested module without programs is passed over for the outer one.
	if err := os.WriteFile(filepath.Join(deep, "go.mod"), []byte("module y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := findBenchDir(deep); err != nil || got != progs {
		t.Errorf("findBenchDir(%s) with a nested go.mod = %q, %v; want %q", deep, got, err, progs)
	}
	if got, err := findBenchDir(t.TempDir()); err == nil {
		t.Errorf("findBenchDir outside a module = %q, want an error", got)
	}
}

func TestSplitCommand(t *testing.T) {
	tests := []struct {
		cmd       string
		env, argv []string
	}{
		{"python3", nil, []string{"python3"}},
		{"PYENV_VERSION=system python3", []string{"PYENV_VERSION=system"}, []string{"python3"}},
		{"  A=1 B=2  python3  -X dev ", []string{"A=1", "B=2"}, []string{"python3", "-X", "dev"}},
		{"/usr/bin/python3 -E", nil, []string{"/usr/bin/python3", "-E"}},
		{"./x=y/python3", nil, []string{"./x=y/python3"}}, // a path, not an assignment
		{"python3 -X a=b", nil, []string{"python3", "-X", "a=b"}},
		{"", nil, nil},
	}
	for _, tc := range tests {
		env, argv := splitCommand(tc.cmd)
		if !slices.Equal(env, tc.env) || !slices.Equal(argv, tc.argv) {
			t.Errorf("splitCommand(%q) = %q, %q; want %q, %q", tc.cmd, env, argv, tc.env, tc.argv)
		}
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{2, 1}, 1.5},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{1, 100, 2, 2, 3}, 2},
	}
	for _, tc := range tests {
		in := slices.Clone(tc.xs)
		if got := median(in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.xs, got, tc.want)
		}
		if !slices.Equal(in, tc.xs) {
			t.Errorf("median reordered its argument: %v", in)
		}
	}
}

func TestGeomean(t *testing.T) {
	tests := []struct {
		xs   []float64
		want float64
		ok   bool
	}{
		{nil, 0, false},
		{[]float64{2}, 2, true},
		{[]float64{1, 4}, 2, true},
		{[]float64{2, 8, 4}, 4, true},
		{[]float64{0.5, 2}, 1, true},
		{[]float64{1, 0}, 0, false},
		{[]float64{1, -1}, 0, false},
		{[]float64{1, math.NaN()}, 0, false},
	}
	for _, tc := range tests {
		got, ok := geomean(tc.xs)
		if ok != tc.ok || (ok && math.Abs(got-tc.want) > 1e-12) {
			t.Errorf("geomean(%v) = %v, %v; want %v, %v", tc.xs, got, ok, tc.want, tc.ok)
		}
	}
}

// fixedReport is a report with made-up numbers: nbody passed, go failed
// after one run, and chaos passed.
func fixedReport(python bool) *benchReport {
	r := &benchReport{
		Commit:     "abc1234",
		Date:       "2026-01-02T03:04:05Z",
		GOMAXPROCS: 2,
		Parallel:   "v0.0.0",
		Runs:       3,
		XOptions:   []string{},
	}
	progs := []programResult{
		{Name: "nbody", OK: true, ParallelTimes: []float64{2.5, 2, 3}, CPythonTimes: []float64{1, 1.25, 0.75}},
		{Name: "go", Error: "output differs from CPython's: line 1", ParallelTimes: []float64{12.25}, CPythonTimes: []float64{0.5}},
		{Name: "chaos", OK: true, ParallelTimes: []float64{0.5, 0.5, 0.5}, CPythonTimes: []float64{1, 1, 1}},
	}
	if python {
		r.Python, r.PythonVersion = defaultBenchPython, "Python 3.11.2"
	} else {
		for i := range progs {
			progs[i].CPythonTimes = nil
		}
	}
	for i := range progs {
		progs[i].finish()
	}
	r.Programs = progs
	r.summarize()
	return r
}

func TestBenchTable(t *testing.T) {
	tests := []struct {
		python bool
		want   string
	}{
		{true, `# parallel v0.0.0 at abc1234 vs Python 3.11.2 (PYENV_VERSION=system python3); median of 3 runs after a warm-up, GOMAXPROCS=2, 2026-01-02T03:04:05Z
program         parallel (s)  cpython (s)  ratio  status
nbody                  2.500        1.000   2.50  ok
go                    12.250        0.500         FAILED: output differs from CPython's: line 1
chaos                  0.500        1.000   0.50  ok
geometric mean         1.118        1.000   1.12
`},
		{false, `# parallel v0.0.0 at abc1234; median of 3 runs after a warm-up, GOMAXPROCS=2, 2026-01-02T03:04:05Z
program         parallel (s)  status
nbody                  2.500  ok
go                    12.250  FAILED: output differs from CPython's: line 1
chaos                  0.500  ok
geometric mean         1.118
`},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		if err := writeBenchTable(&buf, fixedReport(tc.python)); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("table (python %v):\n%s\nwant:\n%s", tc.python, got, tc.want)
		}
	}
}

// TestBenchTableBaseline checks the columns --baseline adds: the
// baseline's median and the speedup of parallel over it, before CPython's.
func TestBenchTableBaseline(t *testing.T) {
	r := fixedReport(true)
	r.Baseline = []string{"nospecialize"}
	base := [][]float64{{5, 4, 6}, {12.25}, {1, 1, 1}}
	for i := range r.Programs {
		r.Programs[i].BaselineTimes = base[i]
		r.Programs[i].finish()
	}
	r.summarize()
	want := `# parallel v0.0.0 at abc1234, baseline with -X nospecialize vs Python 3.11.2 (PYENV_VERSION=system python3); median of 3 runs after a warm-up, GOMAXPROCS=2, 2026-01-02T03:04:05Z
program         parallel (s)  baseline (s)  speedup  cpython (s)  ratio  status
nbody                  2.500         5.000     2.00        1.000   2.50  ok
go                    12.250        12.250                 0.500         FAILED: output differs from CPython's: line 1
chaos                  0.500         1.000     2.00        1.000   0.50  ok
geometric mean         1.118         2.236     2.00        1.000   1.12
`
	var buf bytes.Buffer
	if err := writeBenchTable(&buf, r); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"baseline_x_options":["nospecialize"]`, `"baseline_times":[5,4,6]`, `"baseline_median":5`, `"speedup":2`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("JSON has no %s:\n%s", key, data)
		}
	}
}

func TestBenchJSON(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bench.json")
	if err := writeBenchJSON(file, fixedReport(true)); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Commit, Date, Python string
		PythonVersion        string `json:"python_version"`
		GOMAXPROCS, Runs     int
		Programs             []map[string]any
		Geomean              map[string]any
		ParallelVersion      string   `json:"parallel_version"`
		XOptions             []string `json:"x_options"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if got.Commit != "abc1234" || got.Date == "" || got.Python != defaultBenchPython ||
		got.PythonVersion != "Python 3.11.2" || got.GOMAXPROCS != 2 || got.Runs != 3 ||
		got.ParallelVersion == "" || got.XOptions == nil {
		t.Errorf("report header wrong:\n%s", data)
	}
	keys := []string{"name", "ok", "parallel_times", "cpython_times", "parallel_median", "cpython_median", "ratio"}
	if len(got.Programs) != 3 {
		t.Fatalf("got %d programs, want 3:\n%s", len(got.Programs), data)
	}
	for _, p := range got.Programs {
		for _, k := range keys {
			if _, ok := p[k]; !ok {
				t.Errorf("program %v has no %q", p["name"], k)
			}
		}
	}
	nbody, failed := got.Programs[0], got.Programs[1]
	if nbody["ok"] != true || nbody["ratio"] != 2.5 || len(nbody["parallel_times"].([]any)) != 3 {
		t.Errorf("nbody = %v", nbody)
	}
	if failed["ok"] != false || failed["ratio"] != nil || failed["error"] == "" {
		t.Errorf("failed program = %v", failed)
	}
	for _, k := range []string{"parallel", "cpython", "ratio"} {
		if _, ok := got.Geomean[k].(float64); !ok {
			t.Errorf("geomean %q = %v, want a number", k, got.Geomean[k])
		}
	}
}

func TestBenchUsage(t *testing.T) {
	for _, args := range [][]string{
		{"bench", "a", "b"},
		{"bench", "nbody", "--runs", "2"},
		{"bench", "--runs", "0"},
		{"bench", "--timeout", "0s"},
	} {
		code, _, stderr := runApp(t, "", args...)
		if code != 2 || !strings.Contains(stderr, "parallel bench --help") {
			t.Errorf("%q: exit %d, stderr %q; want a usage error", args, code, stderr)
		}
	}
}

// TestBenchCommand runs the command on a tiny suite: one program that
// passes, one whose output differs from CPython's, and one that never
// ends (without CPython, with a short timeout).
func TestBenchCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("runs interpreters in child processes")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 on PATH")
	}
	t.Setenv(benchChildEnv, "1")
	dir := t.TempDir()
	programs := map[string]string{
		"alpha.py": "print(sum(range(10)))\n",
		"beta.py":  "import sys\nprint(sys.implementation.name)\n",
		"gamma.py": "while True:\n    pass\n",
	}
	for name, src := range programs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	jsonFile := filepath.Join(t.TempDir(), "out.json")
	code, stdout, stderr := runApp(t, "", "bench", "--dir", dir, "--runs", "1",
		"--python", python, "--json", jsonFile, "-X", "a=1", "--tier", "base", "[ab]*")
	if code != 1 {
		t.Errorf("exit status %d, want 1 (beta fails)\nstderr: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("want 5 lines (title, header, 2 programs, geomean), got:\n%s", stdout)
	}
	if !strings.HasPrefix(lines[0], "# parallel ") || !strings.Contains(lines[0], "-X a=1 -X tier=base") ||
		!strings.Contains(lines[0], "("+python+")") {
		t.Errorf("title line = %q", lines[0])
	}
	if f := strings.Fields(lines[1]); !slices.Equal(f, []string{"program", "parallel", "(s)", "cpython", "(s)", "ratio", "status"}) {
		t.Errorf("header = %q", lines[1])
	}
	if f := strings.Fields(lines[2]); len(f) != 5 || f[0] != "alpha" || f[4] != "ok" {
		t.Errorf("alpha row = %q", lines[2])
	}
	if f := strings.Fields(lines[3]); len(f) < 4 || f[0] != "beta" || f[3] != "FAILED:" ||
		!strings.Contains(lines[3], "output differs from CPython's") {
		t.Errorf("beta row = %q", lines[3])
	}
	if f := strings.Fields(lines[4]); len(f) != 5 || f[0] != "geometric" {
		t.Errorf("geomean row = %q", lines[4])
	}
	// Columns line up: each row's numbers end where the header's names do.
	end := strings.Index(lines[1], "parallel (s)") + len("parallel (s)")
	for _, l := range lines[2:] {
		if len(l) < end || l[end-1] == ' ' {
			t.Errorf("row %q is not aligned with the header %q", l, lines[1])
		}
	}
	var rep benchReport
	data, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Programs) != 2 || !rep.Programs[0].OK || len(rep.Programs[0].ParallelTimes) != 1 ||
		len(rep.Programs[0].CPythonTimes) != 1 || rep.Programs[1].OK || rep.PythonVersion == "" ||
		!slices.Equal(rep.XOptions, []string{"a=1", "tier=base"}) {
		t.Errorf("JSON report:\n%s", data)
	}

	code, stdout, stderr = runApp(t, "", "bench", "--dir", dir, "--runs", "2", "--no-python", "--baseline", "nospecialize", "alpha")
	if code != 0 {
		t.Errorf("--baseline: exit status %d\nstderr: %s", code, stderr)
	}
	lines = strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 4 || !strings.Contains(lines[0], "baseline with -X nospecialize") ||
		!slices.Equal(strings.Fields(lines[1]), []string{"program", "parallel", "(s)", "baseline", "(s)", "speedup", "status"}) ||
		len(strings.Fields(lines[2])) != 5 {
		t.Errorf("--baseline output:\n%s", stdout)
	}

	code, stdout, _ = runApp(t, "", "bench", "--dir", dir, "--runs", "3", "--no-python", "--timeout", "300ms", "gamma")
	if code != 1 || !strings.Contains(stdout, "FAILED: parallel: timed out after 300ms") {
		t.Errorf("endless program: exit %d, output:\n%s", code, stdout)
	}
}
