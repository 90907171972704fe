package codecache

// Tests of stamps: an unchanged file is taken on its stamp, an edited one
// is never (same size, modification time put back), a file changed too
// recently gets no stamp, and the memory layer keys a large stamped
// source by its stamp.

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// settledClock makes every file look settled while the test runs.
func settledClock(t *testing.T) {
	t.Helper()
	stampNow = func() time.Time { return time.Now().Add(time.Hour) }
	t.Cleanup(func() { stampNow = time.Now })
}

// compileFile reads file and compiles it through a new cache over dir,
// as a new process would, and returns the template's first constant and
// the cache's stats.
func compileFile(t *testing.T, dir, file string) (compile.Const, Stats) {
	t.Helper()
	src, st, err := ReadSource(file)
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{Dir: dir, Identity: "test"})
	code, err := c.CompileFile(file, src, st, syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return code.Consts[0], c.Stats()
}

func TestStampedFiles(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("stamps are read on Linux only")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "m.py")
	if err := os.WriteFile(file, []byte("x = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Just written: no stamp, so the file is recorded without one.
	if _, st, _ := ReadSource(file); st != (Stamp{}) {
		t.Fatalf("a file written just now has stamp %+v", st)
	}
	if k, s := compileFile(t, dir, file); k != int64(1) || s.Compiles != 1 || s.DiskWrites != 1 {
		t.Fatalf("first load: %v %+v", k, s)
	}
	settledClock(t)
	// Settled: the digest agrees, and the file is rewritten with the stamp.
	if k, s := compileFile(t, dir, file); k != int64(1) || s.DiskHits != 1 || s.DiskWrites != 1 {
		t.Fatalf("first stamped load: %v %+v", k, s)
	}
	// Then the stamp alone is enough: a source of the same size under the
	// recorded stamp is not digested (which is what makes stamps pay).
	src, st, err := ReadSource(file)
	if err != nil || st == (Stamp{}) {
		t.Fatalf("no stamp for a settled file: %v", err)
	}
	c := New(Options{Dir: dir, Identity: "test"})
	code, err := c.CompileFile(file, []byte("x = 7\n"), st, syntax.ModeExec, compile.Options{})
	if err != nil || code.Consts[0] != int64(1) || c.Stats().DiskHits != 1 || c.Stats().DiskWrites != 0 {
		t.Fatalf("stamped load: %v %v %+v", code, err, c.Stats())
	}
	// A stamp whose size is not the source's is ignored.
	c = New(Options{Dir: dir, Identity: "test"})
	if code, err := c.CompileFile(file, []byte("x = 22\n"), st, syntax.ModeExec, compile.Options{}); err != nil || code.Consts[0] != int64(22) {
		t.Fatalf("stamp of another size: %v %v", code, err)
	}
	if err := os.WriteFile(file, src, 0o600); err != nil { // the other size's template is on disk now
		t.Fatal(err)
	}
	compileFile(t, dir, file)

	// An edit of the same size with the modification time put back still
	// changes the stamp (the change time), so the source is recompiled.
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	// Outside tests the settle rule keeps two changes within one tick of
	// the file system's clock from sharing a stamp; here the test waits.
	time.Sleep(30 * time.Millisecond)
	if err := os.WriteFile(file, []byte("x = 2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	if after, err := os.Stat(file); err != nil || FileStamp(after) == FileStamp(fi) {
		t.Fatalf("the edit left the stamp as it was (%v)", err)
	}
	if k, s := compileFile(t, dir, file); k != int64(2) || s.Compiles != 1 || s.DiskRejects != 1 {
		t.Fatalf("edited file: %v %+v", k, s)
	}
	if k, s := compileFile(t, dir, file); k != int64(2) || s.DiskHits != 1 || s.DiskWrites != 0 {
		t.Fatalf("edited file, loaded again: %v %+v", k, s)
	}
	// Replaced by another file (another inode) of the same contents: the
	// digest agrees and the new stamp is recorded.
	tmp := filepath.Join(dir, "n.py")
	if err := os.WriteFile(tmp, []byte("x = 2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	if k, s := compileFile(t, dir, file); k != int64(2) || s.DiskHits != 1 || s.DiskWrites != 1 {
		t.Fatalf("replaced file: %v %+v", k, s)
	}
}

func TestFileStampSettle(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("stamps are read on Linux only")
	}
	file := filepath.Join(t.TempDir(), "m.py")
	if err := os.WriteFile(file, []byte("pass\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if st := FileStamp(fi); st != (Stamp{}) {
		t.Errorf("a file changed just now has stamp %+v", st)
	}
	settledClock(t)
	st := FileStamp(fi)
	if st.Size != 5 || st.Ino == 0 || st.Mtime != fi.ModTime().UnixNano() || st.Ctime == 0 {
		t.Errorf("stamp %+v of %v", st, fi)
	}
	// A file whose times lie ahead of the clock is not settled either.
	future := time.Now().Add(2 * time.Hour)
	if err := os.Chtimes(file, future, future); err != nil {
		t.Fatal(err)
	}
	if fi, err = os.Stat(file); err != nil {
		t.Fatal(err)
	}
	if st := FileStamp(fi); st != (Stamp{}) {
		t.Errorf("a file modified in the future has stamp %+v", st)
	}
	// Directories have none.
	if fi, err = os.Stat(filepath.Dir(file)); err != nil {
		t.Fatal(err)
	}
	if st := FileStamp(fi); st != (Stamp{}) {
		t.Errorf("a directory has stamp %+v", st)
	}
}

// TestReadSource checks that ReadSource reads what os.ReadFile reads and
// fails as it fails.
func TestReadSource(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 511, 512, 513, 100000} {
		file := filepath.Join(dir, "f.py")
		want := []byte(strings.Repeat("a", n))
		if err := os.WriteFile(file, want, 0o600); err != nil {
			t.Fatal(err)
		}
		got, _, err := ReadSource(file)
		if err != nil || string(got) != string(want) {
			t.Errorf("%d bytes: read %d, %v", n, len(got), err)
		}
	}
	if _, _, err := ReadSource(filepath.Join(dir, "missing.py")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	_, want := os.ReadFile(dir)
	if _, _, err := ReadSource(dir); err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("directory: %v, os.ReadFile: %v", err, want)
	}
}

// TestMemoryKeysStamped: the memory layer keys a large stamped source by
// its stamp, so another stamp of the same file is another entry.
func TestMemoryKeysStamped(t *testing.T) {
	large := []byte("x = 1\n" + strings.Repeat("# padding\n", memTextMax/10+1))
	st := Stamp{Dev: 1, Ino: 2, Size: int64(len(large)), Mtime: 3, Ctime: 4}
	c := New(Options{})
	a, err := c.CompileFile("/m.py", large, st, syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := c.CompileFile("/m.py", large, st, syntax.ModeExec, compile.Options{})
	st.Ctime++
	other, _ := c.CompileFile("/m.py", large, st, syntax.ModeExec, compile.Options{})
	if a != b || other == a {
		t.Error("the memory layer does not key stamped sources by their stamp")
	}
	// A name in angle brackets ignores the stamp: its text is its key.
	f1, _ := c.CompileFile("<frozen m>", large, st, syntax.ModeExec, compile.Options{})
	edited := append([]byte("x = 2\n"), large[6:]...)
	f2, _ := c.CompileFile("<frozen m>", edited, st, syntax.ModeExec, compile.Options{})
	if f1 == f2 || f2.Consts[0] != int64(2) {
		t.Error("a stamp stood for the text of a name in angle brackets")
	}
	if s := c.Stats(); s.MemoryHits != 1 || s.Compiles != 4 {
		t.Errorf("stats %+v", s)
	}
}
