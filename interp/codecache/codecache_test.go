package codecache

// Tests of both layers: hits return what compiling returns, keys keep
// apart what differs, syntax errors pass through uncached, and the disk
// layer survives corrupt, stale, foreign and unwritable files.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

const sample = `
import sys
X = (1, 2.5, 'three', b'four', ..., None, 10**30, 1j, frozenset({1}))
def f(a, /, b=2, *c, d, **e):
    def g():
        return a + b
    return g
class C:
    def m(self):
        return __class__
`

func marshalled(t *testing.T, c *compile.Code) []byte {
	t.Helper()
	b, err := compile.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// direct compiles without any cache.
func direct(t *testing.T, filename, src string, mode syntax.Mode, opts compile.Options) *compile.Code {
	t.Helper()
	c, err := compileNow(filename, []byte(src), mode, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestMemoryLayer(t *testing.T) {
	c := New(Options{})
	a, err := c.Compile("/m.py", []byte(sample), syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Compile("/m.py", []byte(sample), syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("a memory hit gives another template")
	}
	if !bytes.Equal(marshalled(t, a), marshalled(t, direct(t, "/m.py", sample, syntax.ModeExec, compile.Options{}))) {
		t.Error("the cached template differs from a direct compile")
	}
	if s := c.Stats(); s.MemoryHits != 1 || s.Compiles != 1 || s.DiskWrites != 0 {
		t.Errorf("stats %+v", s)
	}
}

// TestKeys checks that what Compile's result depends on is in the key.
func TestKeys(t *testing.T) {
	c := New(Options{})
	base, _ := c.Compile("/k.py", []byte("x = 1\n"), syntax.ModeExec, compile.Options{})
	for _, tc := range []struct {
		what, file, src string
		mode            syntax.Mode
		opts            compile.Options
	}{
		{"source", "/k.py", "x = 2\n", syntax.ModeExec, compile.Options{}},
		{"filename", "/j.py", "x = 1\n", syntax.ModeExec, compile.Options{}},
		{"mode", "/k.py", "x = 1\n", syntax.ModeSingle, compile.Options{}},
		{"optimize", "/k.py", "x = 1\n", syntax.ModeExec, compile.Options{Optimize: 2}},
		{"flags", "/k.py", "x = 1\n", syntax.ModeExec, compile.Options{Flags: compile.CO_FUTURE_ANNOTATIONS}},
	} {
		got, err := c.Compile(tc.file, []byte(tc.src), tc.mode, tc.opts)
		if err != nil {
			t.Fatalf("%s: %v", tc.what, err)
		}
		if got == base {
			t.Errorf("another %s gives the same template", tc.what)
		}
		if got.Filename != tc.file {
			t.Errorf("%s: template of %s has filename %q", tc.what, tc.file, got.Filename)
		}
	}
}

func TestSyntaxErrorsPassThrough(t *testing.T) {
	dir := t.TempDir()
	c := New(Options{Dir: dir, Identity: "test"})
	for _, src := range []string{"def f(:\n", "return 1\n", "nonlocal x\n"} {
		_, want := compileNow("/bad.py", []byte(src), syntax.ModeExec, compile.Options{})
		for range 2 {
			_, err := c.Compile("/bad.py", []byte(src), syntax.ModeExec, compile.Options{})
			var got, exp *syntax.Error
			if !errors.As(err, &got) || !errors.As(want, &exp) || got.Error() != exp.Error() {
				t.Errorf("%q: error %v, want %v", src, err, want)
			}
		}
	}
	if s := c.Stats(); s.Compiles != 0 || s.DiskWrites != 0 || s.MemoryHits != 0 {
		t.Errorf("a syntax error was cached: %+v", s)
	}
}

func TestDiskLayer(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "m.py")
	first := New(Options{Dir: dir, Identity: "test"})
	a, err := first.Compile(file, []byte(sample), syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := first.Stats(); s.Compiles != 1 || s.DiskWrites != 1 {
		t.Fatalf("first cache: %+v", s)
	}
	// A new process is a cache with empty memory over the same directory.
	second := New(Options{Dir: dir, Identity: "test"})
	b, err := second.Compile(file, []byte(sample), syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := second.Stats(); s.DiskHits != 1 || s.Compiles != 0 {
		t.Fatalf("second cache: %+v", s)
	}
	if !bytes.Equal(marshalled(t, a), marshalled(t, b)) {
		t.Error("the template read from disk differs")
	}
	// Memory-only names and a disk-only cache.
	if _, err := second.Compile("<string>", []byte(sample), syntax.ModeExec, compile.Options{}); err != nil {
		t.Fatal(err)
	}
	if s := second.Stats(); s.DiskWrites != 0 {
		t.Errorf("<string> went to disk: %+v", s)
	}
	// Other names in angle brackets are cached by source text.
	for i, src := range []string{"x = 1\n", "x = 2\n", "x = 1\n"} {
		c := New(Options{Dir: dir, Identity: "test"})
		got, err := c.Compile("<frozen f>", []byte(src), syntax.ModeExec, compile.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if want := int64(src[4] - '0'); got.Consts[0] != want {
			t.Errorf("<frozen f> %q: consts %v", src, got.Consts)
		}
		if s := c.Stats(); (i < 2) != (s.DiskWrites == 1) || (i == 2) != (s.DiskHits == 1) || s.DiskRejects != 0 {
			t.Errorf("<frozen f> %q: stats %+v", src, s)
		}
	}
	third := New(Options{Dir: dir, Identity: "test", NoMemory: true})
	for range 2 {
		third.Compile(file, []byte(sample), syntax.ModeExec, compile.Options{})
	}
	if s := third.Stats(); s.DiskHits != 2 || s.MemoryHits != 0 {
		t.Errorf("NoMemory cache: %+v", s)
	}
}

// cacheFile returns the one .code file under dir.
func cacheFile(t *testing.T, dir string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "code-*", "*.code"))
	if len(files) != 1 {
		t.Fatalf("%d cache files: %v", len(files), files)
	}
	return files[0]
}

// TestDiskDamage damages the file in every way and checks that a fresh
// cache ignores it, compiles, gets the right template and rewrites it.
func TestDiskDamage(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "m.py")
	want := marshalled(t, direct(t, file, sample, syntax.ModeExec, compile.Options{}))
	New(Options{Dir: dir, Identity: "test"}).Compile(file, []byte(sample), syntax.ModeExec, compile.Options{})
	path := cacheFile(t, dir)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damages := map[string][]byte{
		"empty":   {},
		"garbage": []byte("not a cache file at all"),
		"other identity": func() []byte {
			k := key{filename: file, mode: syntax.ModeExec, opts: compile.Options{}}
			copy(k.sum[:], good[len(good)-1:]) // any wrong sum
			b, _ := (&disk{identity: "other"}).encode(&k, direct(t, file, sample, syntax.ModeExec, compile.Options{}))
			return b
		}(),
	}
	for _, n := range []int{1, 8, 9, 20, len(good) / 2, len(good) - 33, len(good) - 1} {
		damages[fmt.Sprintf("truncated to %d", n)] = good[:n]
	}
	for _, i := range []int{0, 8, 10, 30, len(good) / 2, len(good) - 40, len(good) - 1} {
		b := bytes.Clone(good)
		b[i] ^= 0x20
		damages[fmt.Sprintf("byte %d flipped", i)] = b
	}
	for name, bad := range damages {
		if err := os.WriteFile(path, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		c := New(Options{Dir: dir, Identity: "test"})
		got, err := c.Compile(file, []byte(sample), syntax.ModeExec, compile.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(marshalled(t, got), want) {
			t.Errorf("%s: wrong template", name)
		}
		if s := c.Stats(); s.DiskHits != 0 || s.Compiles != 1 || s.DiskWrites != 1 {
			t.Errorf("%s: stats %+v", name, s)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, good) {
			t.Errorf("%s: file not rewritten", name)
		}
	}
}

func TestDiskStale(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "m.py")
	New(Options{Dir: dir, Identity: "test"}).Compile(file, []byte("x = 1\n"), syntax.ModeExec, compile.Options{})
	c := New(Options{Dir: dir, Identity: "test"})
	got, err := c.Compile(file, []byte("x = 2\n"), syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Consts[0] != int64(2) {
		t.Errorf("stale template used: consts %v", got.Consts)
	}
	if s := c.Stats(); s.DiskRejects != 1 || s.DiskWrites != 1 {
		t.Errorf("stats %+v", s)
	}
	// Another compiler identity has its own directory.
	other := New(Options{Dir: dir, Identity: "other"})
	other.Compile(file, []byte("x = 2\n"), syntax.ModeExec, compile.Options{})
	if s := other.Stats(); s.DiskHits != 0 || s.Compiles != 1 {
		t.Errorf("another identity read this one's file: %+v", s)
	}
	if other.DiskDir() == c.DiskDir() {
		t.Error("two identities share a directory")
	}
}

func TestUnwritableDir(t *testing.T) {
	// A regular file where the directory should be: MkdirAll fails even
	// for root, whom permission bits do not stop.
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	c := New(Options{Dir: filepath.Join(blocker, "cache"), Identity: "test"})
	for i := range 3 {
		got, err := c.Compile("/u.py", fmt.Appendf(nil, "x = %d\n", i), syntax.ModeExec, compile.Options{})
		if err != nil || got.Consts[0] != int64(i) {
			t.Fatalf("compile %d: %v %v", i, got, err)
		}
	}
	if s := c.Stats(); s.Compiles != 3 || s.DiskWrites != 0 {
		t.Errorf("stats %+v", s)
	}
}

func TestFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	home := func() (string, error) { return "/home/u/.cache", nil }
	if c := fromEnv(env(map[string]string{EnvNoCache: "1"}), home); c != nil {
		t.Error("PARALLEL_NO_CACHE=1 leaves a cache")
	}
	if c := fromEnv(env(map[string]string{EnvNoCache: "0"}), home); c == nil || c.disk == nil || c.disk.root != "/home/u/.cache/parallel" {
		t.Error("PARALLEL_NO_CACHE=0 or the default directory is wrong")
	}
	if c := fromEnv(env(map[string]string{EnvDir: "/x"}), home); c.disk.root != "/x" {
		t.Errorf("PARALLEL_CACHE_DIR ignored: %q", c.disk.root)
	}
	if c := fromEnv(env(nil), func() (string, error) { return "", errors.New("no home") }); c == nil || c.disk != nil {
		t.Error("without a cache directory the memory layer should remain alone")
	}
	var none *Cache
	if code, err := none.Compile("<n>", []byte("1\n"), syntax.ModeEval, compile.Options{}); err != nil || code == nil {
		t.Errorf("nil cache: %v", err)
	}
}

// TestConcurrent compiles the same and different sources from several
// caches over one directory at once (run it with -race).
func TestConcurrent(t *testing.T) {
	dir := t.TempDir()
	shared := New(Options{Dir: dir, Identity: "test"})
	var wg sync.WaitGroup
	results := make([][]*compile.Code, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			own := New(Options{Dir: dir, Identity: "test"})
			for i := range 20 {
				file := filepath.Join(dir, fmt.Sprintf("m%d.py", i%5))
				src := fmt.Appendf(nil, "%s\nY = %d\n", sample, i%5)
				a, err := shared.Compile(file, src, syntax.ModeExec, compile.Options{})
				if err != nil {
					t.Error(err)
					return
				}
				b, err := own.Compile(file, src, syntax.ModeExec, compile.Options{})
				if err != nil || !bytes.Equal(marshalled(t, a), marshalled(t, b)) {
					t.Errorf("caches disagree on %s: %v", file, err)
				}
				results[g] = append(results[g], a)
			}
		}()
	}
	wg.Wait()
	for g := range results {
		for i, c := range results[g] {
			if c != results[0][i] {
				t.Fatalf("goroutine %d got its own template %d from the shared cache", g, i)
			}
		}
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, "code-*", "tmp-*")); len(tmps) != 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

func TestPruneGenerations(t *testing.T) {
	root := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for i := range 12 {
		p := filepath.Join(root, fmt.Sprintf("%s%016x", dirPrefix, i))
		os.Mkdir(p, 0o700)
		os.Chtimes(p, old, old.Add(time.Duration(i)*time.Minute))
	}
	os.Mkdir(filepath.Join(root, "code-notours"), 0o700)
	os.WriteFile(filepath.Join(root, "code-0000000000000000x"), nil, 0o600)
	c := New(Options{Dir: root, Identity: "test"})
	c.Compile(filepath.Join(root, "p.py"), []byte("pass\n"), syntax.ModeExec, compile.Options{})
	gens, _ := filepath.Glob(filepath.Join(root, dirPrefix+"*"))
	var kept []string
	for _, g := range gens {
		if isGenerationName(filepath.Base(g)) {
			kept = append(kept, filepath.Base(g))
		}
	}
	if len(kept) != keepGenerations {
		t.Errorf("%d generations kept, want %d: %v", len(kept), keepGenerations, kept)
	}
	for _, name := range []string{filepath.Base(c.DiskDir()), fmt.Sprintf("%s%016x", dirPrefix, 11), "code-notours", "code-0000000000000000x"} {
		if _, err := os.Stat(filepath.Join(root, name)); err != nil {
			t.Errorf("%s removed", name)
		}
	}
	if _, err := os.Stat(filepath.Join(root, fmt.Sprintf("%s%016x", dirPrefix, 0))); err == nil {
		t.Error("the oldest generation stays")
	}
}

func TestGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	id := goBuildID(exe)
	if id == "" || executableIdentity() != "go build id "+id {
		t.Errorf("build ID %q, identity %q", id, executableIdentity())
	}
	note := []byte{4, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 'G', 'o', 0, 0, 'a', '/', 'b', 0}
	if got := parseGoNote(note); got != "a/b" {
		t.Errorf("parseGoNote: %q", got)
	}
	for _, bad := range [][]byte{nil, note[:15], {4, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 4, 0, 0, 0, 'G', 'o', 0, 0}} {
		if got := parseGoNote(bad); got != "" {
			t.Errorf("parseGoNote(%q) = %q", bad, got)
		}
	}
	if got := parseMarker([]byte("xx\xff Go build ID: \"abc/def\"\n \xffyy")); got != "abc/def" {
		t.Errorf("parseMarker: %q", got)
	}
	if got := parseMarker([]byte("\xff Go build ID: \"abc")); got != "" {
		t.Errorf("parseMarker of a cut marker: %q", got)
	}
}
