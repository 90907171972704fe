package stdlib

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func fakeLib(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "os.py"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	noPath := func(string) (string, error) { return "", errors.New("not found") }

	// Nothing anywhere (the fixed prefixes may exist on the machine, so
	// only the result's source is checked when something is found).
	if loc, err := find(getenv, noPath); err == nil && loc.Source != "install prefix" {
		t.Errorf("found %+v with nothing configured", loc)
	}

	// pyenv: the newest 3.12.x wins; other versions are ignored.
	env["PYENV_ROOT"] = root
	fakeLib(t, filepath.Join(root, "versions", "3.12.1", "lib", "python3.12"))
	fakeLib(t, filepath.Join(root, "versions", "3.12.10", "lib", "python3.12"))
	fakeLib(t, filepath.Join(root, "versions", "3.13.0", "lib", "python3.13"))
	loc, err := find(getenv, noPath)
	if err != nil || loc.Source != "pyenv" || loc.Dir != filepath.Join(root, "versions", "3.12.10", "lib", "python3.12") {
		t.Errorf("pyenv: got %+v, %v", loc, err)
	}

	// PARALLEL_STDLIB overrides, and must hold os.py.
	lib := filepath.Join(root, "mylib")
	env[EnvVar] = lib
	if _, err := find(getenv, noPath); err == nil {
		t.Errorf("a PARALLEL_STDLIB without os.py was accepted")
	}
	fakeLib(t, lib)
	if loc, err := find(getenv, noPath); err != nil || loc.Dir != lib || loc.Source != EnvVar {
		t.Errorf("PARALLEL_STDLIB: got %+v, %v", loc, err)
	}
}
