// Package stdlib finds the installed CPython 3.12 standard library whose
// pure-Python modules parallel runs unchanged (docs/DESIGN.md, "The
// standard library"). It only locates the library; nothing of CPython's
// is copied into this repository, and importing is package interp's job.
package stdlib

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// EnvVar names the environment variable that points parallel at a
// CPython 3.12 Lib directory, overriding the search.
const EnvVar = "PARALLEL_STDLIB"

// Location is a standard library found on this machine.
type Location struct {
	// Dir is the library directory (the one holding os.py).
	Dir string
	// Source says how it was found: "PARALLEL_STDLIB", "pyenv",
	// "python3.12 on PATH" or "install prefix".
	Source string
}

// ErrNotFound means no CPython 3.12 standard library was found.
var ErrNotFound = errors.New("no CPython 3.12 standard library found; set " + EnvVar + " to its Lib directory (the one holding os.py)")

// Find looks for the library: $PARALLEL_STDLIB, then pyenv's newest
// 3.12, then the prefix of python3.12 on PATH, then the usual install
// prefixes. A directory counts when it holds os.py.
func Find() (Location, error) {
	return find(os.Getenv, exec.LookPath)
}

func isLib(dir string) bool {
	st, err := os.Stat(filepath.Join(dir, "os.py"))
	return err == nil && st.Mode().IsRegular()
}

func find(getenv func(string) string, lookPath func(string) (string, error)) (Location, error) {
	if dir := getenv(EnvVar); dir != "" {
		if !isLib(dir) {
			return Location{}, errors.New(EnvVar + "=" + dir + " is not a Python standard library (no os.py there)")
		}
		return Location{Dir: dir, Source: EnvVar}, nil
	}
	if dir := pyenvLib(getenv); dir != "" {
		return Location{Dir: dir, Source: "pyenv"}, nil
	}
	if exe, err := lookPath("python3.12"); err == nil && !strings.Contains(filepath.ToSlash(exe), "/shims/") {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			dir := filepath.Join(filepath.Dir(filepath.Dir(real)), "lib", "python3.12")
			if isLib(dir) {
				return Location{Dir: dir, Source: "python3.12 on PATH"}, nil
			}
		}
	}
	for _, dir := range []string{
		"/usr/local/lib/python3.12",
		"/usr/lib/python3.12",
		"/opt/homebrew/opt/python@3.12/Frameworks/Python.framework/Versions/3.12/lib/python3.12",
		"/Library/Frameworks/Python.framework/Versions/3.12/lib/python3.12",
	} {
		if isLib(dir) {
			return Location{Dir: dir, Source: "install prefix"}, nil
		}
	}
	return Location{}, ErrNotFound
}

// pyenvLib returns the Lib directory of pyenv's newest 3.12.x, or "".
func pyenvLib(getenv func(string) string) string {
	root := getenv("PYENV_ROOT")
	if root == "" {
		home := getenv("HOME")
		if home == "" {
			return ""
		}
		root = filepath.Join(home, ".pyenv")
	}
	entries, err := os.ReadDir(filepath.Join(root, "versions"))
	if err != nil {
		return ""
	}
	var micros []int
	byMicro := map[int]string{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "3.12.") {
			continue
		}
		m, err := strconv.Atoi(strings.TrimPrefix(name, "3.12."))
		if err != nil {
			continue // 3.12.0rc1 and the like
		}
		dir := filepath.Join(root, "versions", name, "lib", "python3.12")
		if isLib(dir) {
			micros = append(micros, m)
			byMicro[m] = dir
		}
	}
	if len(micros) == 0 {
		return ""
	}
	sort.Ints(micros)
	return byMicro[micros[len(micros)-1]]
}
