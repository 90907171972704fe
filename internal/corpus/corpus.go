// Package corpus loads and regenerates the differential test corpus under
// testdata/programs: small Python programs together with the stdout, stderr
// and exit status CPython 3.12 gives them.
//
// Layout (see testdata/programs/README.md):
//
//	<dir>/<area>/<name>.py      a program (names starting with "_" are helpers)
//	<dir>/<area>/<name>.out     expected stdout
//	<dir>/<area>/<name>.err     expected stderr
//	<dir>/<area>/<name>.code    expected exit status, decimal, one line
//	<dir>/<area>/<name>.args    optional: command-line arguments, one per line;
//	                            TmpPlaceholder in an argument is replaced by a
//	                            fresh empty directory, removed after the run
//	<dir>/<area>/<name>.stdin   optional: bytes fed to standard input
//
// Subdirectories of an area hold helper modules and packages; they are never
// programs themselves.
//
// Running convention (used both for CPython and for our interpreter): the
// working directory is the program's area directory, the command is
// `<interpreter...> <name>.py <args...>`, stdin is the .stdin file or empty.
// Before comparing, every occurrence of the absolute path of the area
// directory in stdout and stderr is replaced by DirPlaceholder, and that of
// the run's temporary directory (if any) by TmpPlaceholder.
package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DirPlaceholder replaces the absolute path of a program's directory in its
// output (tracebacks print absolute File paths).
const DirPlaceholder = "$DIR"

// TmpPlaceholder in a program's arguments stands for a fresh temporary
// directory, created before the run and removed after it. Programs that
// write files put them there. Its path is replaced by TmpPlaceholder again
// in the output.
const TmpPlaceholder = "$TMPDIR"

// PythonVersion is the pyenv version that produces the golden files.
const PythonVersion = "3.12.1"

// Program is one corpus program and its expected behaviour.
type Program struct {
	Name   string   // "<area>/<name>", slash separated
	Dir    string   // absolute path of the area directory (the working directory)
	Script string   // base name of the script, "<name>.py"
	Path   string   // absolute path of the script
	Args   []string // arguments after the script name
	Stdin  []byte   // standard input (empty if there is no .stdin file)

	WantStdout []byte
	WantStderr []byte
	WantCode   int
}

// Result is what one run of a program produced, already normalised.
type Result struct {
	Stdout []byte
	Stderr []byte
	Code   int
}

// Discover lists the programs under dir without reading golden files.
func Discover(dir string) ([]Program, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	areas, err := os.ReadDir(abs)
	if err != nil {
		return nil, err
	}
	var progs []Program
	for _, a := range areas {
		if !a.IsDir() || strings.HasPrefix(a.Name(), ".") || strings.HasPrefix(a.Name(), "_") {
			continue
		}
		areaDir := filepath.Join(abs, a.Name())
		files, err := os.ReadDir(areaDir)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			n := f.Name()
			if f.IsDir() || !strings.HasSuffix(n, ".py") || strings.HasPrefix(n, "_") {
				continue
			}
			base := strings.TrimSuffix(n, ".py")
			p := Program{
				Name:   a.Name() + "/" + base,
				Dir:    areaDir,
				Script: n,
				Path:   filepath.Join(areaDir, n),
			}
			if b, err := os.ReadFile(filepath.Join(areaDir, base+".args")); err == nil {
				p.Args = parseArgs(b)
			} else if !errors.Is(err, os.ErrNotExist) {
				return nil, err
			}
			if b, err := os.ReadFile(filepath.Join(areaDir, base+".stdin")); err == nil {
				p.Stdin = b
			} else if !errors.Is(err, os.ErrNotExist) {
				return nil, err
			}
			progs = append(progs, p)
		}
	}
	sort.Slice(progs, func(i, j int) bool { return progs[i].Name < progs[j].Name })
	return progs, nil
}

func parseArgs(b []byte) []string {
	s := strings.TrimSuffix(string(b), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// Load lists the programs under dir with their expected output. Every
// program must have its .out, .err and .code files.
func Load(dir string) ([]Program, error) {
	progs, err := Discover(dir)
	if err != nil {
		return nil, err
	}
	for i := range progs {
		p := &progs[i]
		base := strings.TrimSuffix(p.Path, ".py")
		if p.WantStdout, err = os.ReadFile(base + ".out"); err != nil {
			return nil, fmt.Errorf("%s: %w", p.Name, err)
		}
		if p.WantStderr, err = os.ReadFile(base + ".err"); err != nil {
			return nil, fmt.Errorf("%s: %w", p.Name, err)
		}
		c, err := os.ReadFile(base + ".code")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Name, err)
		}
		if p.WantCode, err = strconv.Atoi(strings.TrimSpace(string(c))); err != nil {
			return nil, fmt.Errorf("%s: bad .code file: %w", p.Name, err)
		}
	}
	return progs, nil
}

// Normalize replaces the absolute path of dir (as given and with symlinks
// resolved) by DirPlaceholder.
func Normalize(out []byte, dir string) []byte {
	return replacePath(out, dir, DirPlaceholder)
}

func replacePath(out []byte, dir, placeholder string) []byte {
	paths := []string{dir}
	if r, err := filepath.EvalSymlinks(dir); err == nil && r != dir {
		paths = append(paths, r)
	}
	// Longest first, so a path that contains the other is replaced whole.
	sort.Slice(paths, func(i, j int) bool { return len(paths[i]) > len(paths[j]) })
	for _, d := range paths {
		out = bytes.ReplaceAll(out, []byte(d), []byte(placeholder))
	}
	return out
}

func normalizeRun(out []byte, dir, tmp string) []byte {
	if tmp != "" {
		out = replacePath(out, tmp, TmpPlaceholder)
	}
	return Normalize(out, dir)
}

// Env returns the environment programs run in: a minimal, fixed one, so
// that the user's PYTHON* variables cannot change the results.
func Env(extra ...string) []string {
	env := []string{
		"LC_ALL=C.UTF-8",
		"PYTHONDONTWRITEBYTECODE=1",
		"PYTHONUTF8=1",
	}
	for _, k := range []string{"PATH", "HOME", "PYENV_ROOT", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	if v, ok := os.LookupEnv("PYENV_VERSION"); ok {
		env = append(env, "PYENV_VERSION="+v)
	} else {
		env = append(env, "PYENV_VERSION="+PythonVersion)
	}
	return append(env, extra...)
}

// Run runs p with the command interp (for example []string{"python3"} or
// []string{"/path/to/parallel", "run"}) under the corpus convention and
// returns its normalised result. extraEnv is appended to Env().
func Run(ctx context.Context, interp []string, p Program, extraEnv ...string) (Result, error) {
	if len(interp) == 0 {
		return Result{}, errors.New("corpus: empty interpreter command")
	}
	args := append(append([]string{}, interp[1:]...), p.Script)
	tmp := ""
	for _, a := range p.Args {
		if strings.Contains(a, TmpPlaceholder) {
			if tmp == "" {
				d, err := os.MkdirTemp("", "corpus-")
				if err != nil {
					return Result{}, err
				}
				defer os.RemoveAll(d)
				tmp = d
			}
			a = strings.ReplaceAll(a, TmpPlaceholder, tmp)
		}
		args = append(args, a)
	}
	cmd := exec.CommandContext(ctx, interp[0], args...)
	cmd.Dir = p.Dir
	cmd.Env = Env(extraEnv...)
	cmd.Stdin = bytes.NewReader(p.Stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	res := Result{
		Stdout: normalizeRun(stdout.Bytes(), p.Dir, tmp),
		Stderr: normalizeRun(stderr.Bytes(), p.Dir, tmp),
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee) && ee.ExitCode() >= 0:
		res.Code = ee.ExitCode()
	default:
		return res, fmt.Errorf("%s: %w", p.Name, err)
	}
	return res, nil
}

// Mismatch describes how a result differs from a program's goldens, or
// returns "" when all three match.
func Mismatch(p Program, r Result) string {
	var b strings.Builder
	if r.Code != p.WantCode {
		fmt.Fprintf(&b, "exit status: got %d, want %d\n", r.Code, p.WantCode)
	}
	if !bytes.Equal(r.Stdout, p.WantStdout) {
		fmt.Fprintf(&b, "stdout differs:\n%s", firstDiff(p.WantStdout, r.Stdout))
	}
	if !bytes.Equal(r.Stderr, p.WantStderr) {
		fmt.Fprintf(&b, "stderr differs:\n%s", firstDiff(p.WantStderr, r.Stderr))
	}
	return b.String()
}

func firstDiff(want, got []byte) string {
	w := strings.SplitAfter(string(want), "\n")
	g := strings.SplitAfter(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("  line %d\n  want: %q\n  got:  %q\n", i+1, wl, gl)
		}
	}
	return "  (no line differs)\n"
}

// Regenerate runs every program under dir with python (for example
// "python3"; PYENV_VERSION defaults to PythonVersion) and writes its .out,
// .err and .code files. Each program runs twice, with different hash
// seeds, and Regenerate fails if the two runs differ.
func Regenerate(dir, python string) error {
	if err := CheckPython(python); err != nil {
		return err
	}
	progs, err := Discover(dir)
	if err != nil {
		return err
	}
	if len(progs) == 0 {
		return fmt.Errorf("corpus: no programs under %s", dir)
	}
	interp := strings.Fields(python)
	type job struct {
		i   int
		err error
		res Result
	}
	results := make([]job, len(progs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range progs {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			p := progs[i]
			var runs [2]Result
			for k, seed := range []string{"1", "2"} {
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
				r, err := Run(ctx, interp, p, "PYTHONHASHSEED="+seed)
				cancel()
				if err != nil {
					results[i] = job{i: i, err: err}
					return
				}
				runs[k] = r
			}
			if runs[0].Code != runs[1].Code || !bytes.Equal(runs[0].Stdout, runs[1].Stdout) || !bytes.Equal(runs[0].Stderr, runs[1].Stderr) {
				results[i] = job{i: i, err: fmt.Errorf("%s: not deterministic: two runs differ", p.Name)}
				return
			}
			results[i] = job{i: i, res: runs[0]}
		}(i)
	}
	wg.Wait()
	var errs []error
	for i, j := range results {
		if j.err != nil {
			errs = append(errs, j.err)
			continue
		}
		base := strings.TrimSuffix(progs[i].Path, ".py")
		for _, f := range []struct {
			ext  string
			data []byte
		}{
			{".out", j.res.Stdout},
			{".err", j.res.Stderr},
			{".code", []byte(strconv.Itoa(j.res.Code) + "\n")},
		} {
			if err := writeIfChanged(base+f.ext, f.data); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// CheckPython fails unless python, run in the corpus environment, is
// CPython 3.12. (A pyenv shim may have put another version's bin directory
// first on PATH.)
func CheckPython(python string) error {
	interp := strings.Fields(python)
	if len(interp) == 0 {
		return errors.New("corpus: empty python command")
	}
	cmd := exec.Command(interp[0], append(interp[1:], "-c",
		"import sys; print(sys.implementation.name, sys.version_info[0], sys.version_info[1])")...)
	cmd.Env = Env()
	out, err := cmd.Output()
	if got := strings.TrimSpace(string(out)); err != nil || got != "cpython 3 12" {
		return fmt.Errorf("corpus: %q is not CPython 3.12 (got %q, %v); run with PYENV_VERSION=%s python3", python, got, err, PythonVersion)
	}
	return nil
}

func writeIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}
