package modules_test

import (
	"os"
	"testing"

	"github.com/parallel-py/parallel/interp/stdlib"
)

// checkStdlibFiles runs each program of testdata (by file name) here
// and in CPython 3.12, with the standard library, and compares them.
func checkStdlibFiles(t *testing.T, files ...string) {
	t.Helper()
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for _, f := range files {
		src, err := os.ReadFile("testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(f, func(t *testing.T) {
			want, wantExc := cpython(t, string(src))
			got, gotExc := runWithStdlib(t, lib.Dir, string(src))
			if got != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", got, gotExc, want, wantExc)
			}
		})
	}
}

// The CJK codecs (_multibytecodec and the _codecs_* modules): every code
// point encoded and every two-byte sequence decoded by each codec
// (cjk_tables.py, checksums), then errors, error handlers, incremental
// and stream use and random ISO-2022 input (cjk_errors.py).
func TestCodecsCJK(t *testing.T) {
	files := []string{"cjk_errors.py"}
	if !testing.Short() {
		files = append(files, "cjk_tables.py")
	}
	checkStdlibFiles(t, files...)
}

// unicode_escape and raw_unicode_escape: every escape, error handlers,
// positions, incremental decoding byte by byte (escape_codecs.py).
func TestCodecsEscape(t *testing.T) {
	checkStdlibFiles(t, "escape_codecs.py")
}
