package pyoracle

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStdlibFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.py", "b.txt", "pkg/c.py", "pkg/d.py"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	files, err := StdlibFiles(dir, false)
	if err != nil || len(files) != 3 || filepath.Base(files[0]) != "a.py" {
		t.Fatalf("StdlibFiles = %v, %v", files, err)
	}
	if short, _ := StdlibFiles(dir, true); len(short) != 1 {
		t.Fatalf("short = %v", short)
	}
}

func TestFind(t *testing.T) {
	info, err := Find()
	if err != nil {
		t.Skipf("no CPython 3.12: %v", err)
	}
	if info.Stdlib == "" {
		t.Fatal("no stdlib path")
	}
}
