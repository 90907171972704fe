package codecache

// Tests of the memory layer's keys: small sources by their text, larger
// ones by their digest.

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

func TestMemoryKeys(t *testing.T) {
	large := "x = 1\n" + strings.Repeat("# padding\n", memTextMax/10+1)
	for _, tc := range []struct {
		name string
		src  string
	}{{"small", "y = 2\n"}, {"large", large}} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{})
			src := []byte(tc.src)
			a, err := c.Compile("/m.py", src, syntax.ModeExec, compile.Options{})
			if err != nil {
				t.Fatal(err)
			}
			// The caller may reuse its buffer: the stored key is a copy.
			for i := range src {
				src[i] = ' '
			}
			b, err := c.Compile("/m.py", []byte(tc.src), syntax.ModeExec, compile.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a != b {
				t.Error("a memory hit gives another template")
			}
			other, err := c.Compile("/m.py", []byte(tc.src+"z = 3\n"), syntax.ModeExec, compile.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if other == a {
				t.Error("another source gives the same template")
			}
			if s := c.Stats(); s.MemoryHits != 1 || s.Compiles != 2 {
				t.Errorf("stats %+v", s)
			}
		})
	}
}

// BenchmarkMemoryHit measures a memory hit for a one-line source, the
// lookup every Exec of a snippet makes.
func BenchmarkMemoryHit(b *testing.B) {
	c := New(Options{})
	src := []byte("pass")
	if _, err := c.Compile("<string>", src, syntax.ModeExec, compile.Options{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Compile("<string>", src, syntax.ModeExec, compile.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
