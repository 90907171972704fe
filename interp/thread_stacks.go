package interp

import (
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/traceback"
)

// Every thread's Python stack, for sys._current_frames() and for a
// watchdog that must say where a stuck interpreter's threads wait. A
// thread that does not hold the GIL keeps its frames in its saved state,
// so whoever holds the GIL may read them all.

// threadTop returns t's innermost Python frame (nil when it runs none).
func (in *Interp) threadTop(t *Thread) *frame {
	if t == in.thread {
		return in.frame
	}
	return t.state.frame
}

// threadsByIdent returns the live threads, the main thread first, then
// by ident.
func (in *Interp) threadsByIdent() []*Thread {
	ts := make([]*Thread, 0, len(in.threads.byIdent))
	for _, t := range in.threads.byIdent {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].main != ts[j].main {
			return ts[i].main
		}
		return ts[i].ident < ts[j].ident
	})
	return ts
}

// ThreadStacks formats every thread's Python stack, outermost call
// first, as traceback.print_stack would, each under a line naming the
// thread. The caller must hold the GIL (through a Thread of in).
func (in *Interp) ThreadStacks(src traceback.SourceFunc) string {
	var b strings.Builder
	for _, t := range in.threadsByIdent() {
		what := "Thread"
		if t.main {
			what = "Main thread"
		}
		fmt.Fprintf(&b, "%s %d", what, t.ident)
		if t == in.thread {
			b.WriteString(" (the one asking)")
		}
		b.WriteString(":\n")
		var frames []traceback.Frame
		for f := in.threadTop(t); f != nil; f = frameCaller(f) {
			pos, err := bytecode.PositionAt(f.tmpl.Positions, max(f.pc-1, 0))
			if err != nil || pos.Line < 0 {
				pos = bytecode.Pos{Line: f.tmpl.FirstLine}
			}
			frames = append(frames, traceback.FrameAt(f.tmpl.Filename, f.tmpl.Name, pos))
		}
		if len(frames) == 0 {
			b.WriteString("  (no Python frame)\n")
			continue
		}
		for i, j := 0, len(frames)-1; i < j; i, j = i+1, j-1 {
			frames[i], frames[j] = frames[j], frames[i]
		}
		var s strings.Builder
		if err := traceback.FormatStack(&s, frames, src); err != nil {
			fmt.Fprintf(&b, "  (%v)\n", err)
			continue
		}
		// FormatStack writes a traceback header; a stack listing has none.
		b.WriteString(strings.TrimPrefix(s.String(), "Traceback (most recent call last):\n"))
	}
	return b.String()
}

// currentFrames is sys._current_frames(): each thread's ident mapped to
// its innermost frame.
func (in *Interp) currentFrames() (Value, error) {
	d, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	for _, t := range in.threadsByIdent() {
		f := in.threadTop(t)
		if f == nil {
			continue
		}
		fo, err := in.frameObjectFor(f)
		if err != nil {
			in.decRef(d)
			return Value{}, err
		}
		err = in.DictSet(asObject[Dict](d), Int(t.ident), fo)
		in.decRef(fo)
		if err != nil {
			in.decRef(d)
			return Value{}, err
		}
	}
	return d, nil
}

func init() {
	sysFuncs = append(sysFuncs, newBuiltin("_current_frames", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("_current_frames", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return in.currentFrames()
	}))
}

// Inspect runs f holding the interpreter's GIL on a thread of its own
// (one no listing shows), for code outside the interpreter that must
// read its state while its own threads run or wait: a watchdog printing
// ThreadStacks. f must not run Python code. When the GIL is not had
// within timeout (a thread holds it and never reaches a switch point),
// Inspect gives up and reports false; the GIL, once had, is then given
// back at once.
func (in *Interp) Inspect(timeout time.Duration, f func()) bool {
	t := &Thread{
		in:        in,
		ident:     -1,
		gilWake:   make(chan struct{}, 1),
		wake:      make(chan struct{}, 1),
		interrupt: make(chan struct{}, 1),
	}
	t.state = threadState{thread: t}
	// state: 0 waiting for the GIL, 1 running f, 2 given up.
	var state atomic.Int32
	done := make(chan struct{})
	go func() {
		t.Acquire()
		if state.CompareAndSwap(0, 1) {
			f()
		}
		t.Release()
		close(done)
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-done:
		return true
	case <-timer.C:
		if state.CompareAndSwap(0, 2) {
			return false
		}
		<-done // f started before the timeout: let it finish
		return true
	}
}
