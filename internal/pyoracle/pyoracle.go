// Package pyoracle finds and runs the CPython the project's tests compare
// against: CPython 3.12 through pyenv (python3 with PYENV_VERSION=3.12.1
// unless PYENV_VERSION is set), or the interpreter named by $PYTHON3. It
// is for tests and tools only; nothing in the runtime imports it.
package pyoracle

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Version is the pyenv version of CPython that golden files come from.
const Version = "3.12.1"

// Python returns the command that runs the oracle: $PYTHON3, else the
// executable pyenv's python3 resolves to, else python3.
//
// The resolved path matters for time, not meaning: pyenv's python3 is a
// shim (a shell script running `pyenv exec`) that costs more than the
// interpreter's own start, up to seconds a call on a loaded 2-core CI
// runner, and the oracle tests start thousands of processes.
func Python() string {
	if p := os.Getenv("PYTHON3"); p != "" {
		return p
	}
	resolveOnce.Do(resolve)
	if resolved != "" {
		return resolved
	}
	return "python3"
}

var (
	resolveOnce sync.Once
	resolved    string // the oracle's own executable, or ""
)

// resolve asks the shim which executable it runs. The answer is used only
// when it is an absolute path to a file that exists; otherwise every
// command keeps going through python3 as before.
func resolve() {
	cmd := exec.Command("python3", "-c", "import sys; print(sys.executable)")
	cmd.Env = Env()
	out, err := cmd.Output()
	if err != nil {
		return
	}
	p := strings.TrimSpace(string(out))
	if st, err := os.Stat(p); err == nil && filepath.IsAbs(p) && st.Mode().IsRegular() {
		resolved = p
	}
}

// Env returns the environment to run the oracle with: this process's,
// with PYENV_VERSION defaulted to Version.
func Env() []string {
	env := os.Environ()
	if os.Getenv("PYENV_VERSION") == "" {
		env = append(env, "PYENV_VERSION="+Version)
	}
	return env
}

// Command returns an exec.Cmd running the oracle with args.
func Command(args ...string) *exec.Cmd {
	cmd := exec.Command(Python(), args...)
	cmd.Env = Env()
	return cmd
}

// Info describes the oracle found.
type Info struct {
	Version string // sys.version on one line
	Stdlib  string // sysconfig.get_path("stdlib")
}

var (
	findOnce sync.Once
	found    Info
	findErr  error
)

// Find checks once that the oracle runs and is CPython 3.12; the error
// says why not, for a test to skip with.
func Find() (Info, error) {
	findOnce.Do(func() {
		out, err := Command("-c", "import sys, sysconfig; print(sys.version.replace('\\n', ' ')); print(sysconfig.get_path('stdlib'))").Output()
		if err != nil {
			findErr = fmt.Errorf("running %s: %v", Python(), err)
			return
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "3.12.") {
			findErr = fmt.Errorf("%s is not CPython 3.12: %q", Python(), out)
			return
		}
		found = Info{Version: lines[0], Stdlib: lines[1]}
	})
	return found, findErr
}

// StdlibFiles lists the .py files under root (site-packages included),
// sorted; with short, every 16th of them.
func StdlibFiles(root string, short bool) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".py") && d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	if short {
		var sub []string
		for i := 0; i < len(files); i += 16 {
			sub = append(sub, files[i])
		}
		files = sub
	}
	return files, nil
}
