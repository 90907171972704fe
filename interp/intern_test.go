package interp

import (
	"strings"
	"sync"
	"testing"
)

// TestInternName checks that a literal, an equal string built at run
// time, a prefix sharing the literal's bytes and many strings made at
// once by several goroutines all get the one str of their text.
func TestInternName(t *testing.T) {
	lit := internName("__interned_test_name__")
	built := internName(strings.Repeat("_", 2) + "interned_test_name__")
	if lit.p != built.p {
		t.Fatalf("a built string got another str than the literal")
	}
	whole := "__interned_test_name__"
	if p := internName(whole[:10]); p.p == lit.p || p.GoString() != whole[:10] {
		t.Fatalf("a prefix sharing the literal's bytes got %q", p.GoString())
	}
	if v := internName(""); v.GoString() != "" {
		t.Fatalf("the empty string got %q", v.GoString())
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				s := "n" + strings.Repeat("x", i%50)
				if got := internName(s).GoString(); got != s {
					t.Errorf("internName(%q) = %q", s, got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
