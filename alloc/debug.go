package alloc

import (
	"fmt"
	"runtime"
	"strings"
)

// The checks below run only when Debug is true; in normal builds every
// call to them sits behind a constant false and is compiled away.
//
// Where reports go: IncRef and DecRef take no Allocator, so an rcdebug
// Header carries a pointer to the Allocator that accounted it (set by
// Account, kept through Free and Pool.Put), and reports are appended to
// that Allocator. There is no global state. An object that no Allocator
// ever accounted has nowhere to report, so misusing one panics.

// misuse reports what happened to the object h.
func misuse(h *Header, what string) {
	a := h.dbg.allocator()
	if a == nil {
		panic("alloc: " + what + " (object never accounted)")
	}
	a.report(h, what)
}

// badDecRef reports a DecRef on a freed object or one whose count is
// already zero.
func badDecRef(h *Header) {
	if h.flags&FlagFreed != 0 {
		misuse(h, "DecRef on a freed object")
		return
	}
	misuse(h, "DecRef below zero")
}

// checkAccount checks that h is free to start a new object and ties it to a.
func (a *Allocator) checkAccount(h *Header) {
	if h.flags&FlagFreed == 0 && h.refs != 0 {
		a.report(h, "Account on a live object")
	}
	h.dbg.setAllocator(a)
}

// checkFree checks a Free of h by a, poisons h, and reports whether the
// object should leave the counts.
func (a *Allocator) checkFree(h *Header) bool {
	switch {
	case h.flags&FlagImmortal != 0:
		return true
	case h.dbg.allocator() != a:
		a.report(h, "Free by an Allocator that did not account the object")
		return false
	case h.flags&FlagFreed != 0:
		a.report(h, "double Free")
		return false
	case h.refs != 0:
		a.report(h, "Free of an object with a nonzero count")
	}
	h.flags |= FlagFreed
	h.Type = nil
	return true
}

// checkPut checks that the object h is being put in a Pool after Free.
func checkPut(h *Header) {
	if h.dbg.allocator() != nil && h.flags&(FlagFreed|FlagImmortal) == 0 {
		misuse(h, "Pool.Put of a live object")
	}
}

// repoison marks the zeroed header h freed again, as old was, so that a
// use of the pooled object is still reported.
func repoison(h *Header, old Header) {
	h.dbg = old.dbg
	h.class = old.class
	h.flags = FlagFreed
}

// report records what happened to h, with the Go stack of the caller
// outside this package.
func (a *Allocator) report(h *Header, what string) {
	if len(a.reports) == maxReports {
		return
	}
	a.reports = append(a.reports, Report{
		Class: a.ClassName(h.class),
		What:  what,
		Refs:  h.refs,
		Stack: callers(),
	})
}

// callers formats up to 8 frames of the stack, starting at the first frame
// outside package alloc.
func callers() string {
	var pcs [32]uintptr
	n := runtime.Callers(2, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	var b strings.Builder
	shown := 0
	for shown < 8 {
		f, more := frames.Next()
		if shown > 0 || !strings.Contains(f.Function, "/alloc.") || strings.Contains(f.File, "_test.go") {
			fmt.Fprintf(&b, "%s\n\t%s:%d\n", f.Function, f.File, f.Line)
			shown++
		}
		if !more {
			break
		}
	}
	return b.String()
}
