//go:build !rcdebug

package alloc_test

import (
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// TestReuseHelpersOff checks that CheckFreed and Repoison leave headers
// alone in normal builds.
func TestReuseHelpersOff(t *testing.T) {
	a := alloc.New(alloc.Options{})
	var x object
	if err := a.Account(&x.Header, alloc.ClassOther, 32); err != nil {
		t.Fatal(err)
	}
	alloc.CheckFreed(&x.Header)
	old := x.Header
	x = object{}
	alloc.Repoison(&x.Header, old)
	if x.Header != (alloc.Header{}) {
		t.Errorf("header %+v after Repoison, want zero", x.Header)
	}
}
