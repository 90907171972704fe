package runtime

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestIsolation(t *testing.T) {
	rt := newRuntime(t, Options{})
	a := newInterpreter(t, rt, InterpreterOptions{})
	b := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, a, "secret = 42\nimport json\njson.dumps = None\nimport sys\nsys.marker = 'a'\nobj = object()")
	ctx := context.Background()
	var pe *PythonError
	if err := b.Exec(ctx, "secret"); !errors.As(err, &pe) || pe.Type != "NameError" {
		t.Errorf("a global of a seen in b: %v", err)
	}
	if got := eval(t, b, "__import__('json').dumps([1])"); got != "[1]" {
		t.Errorf("json in b = %v, want a pristine module", got)
	}
	if got := eval(t, b, "hasattr(__import__('sys'), 'marker')"); got != false {
		t.Error("sys of a is b's")
	}
	if got := eval(t, a, "json.dumps is None and secret"); got != int64(42) {
		t.Errorf("a lost its own state: %v", got)
	}
	// Built-in types are shared but immutable.
	if err := a.Exec(ctx, "int.x = 1"); !errors.As(err, &pe) || pe.Type != "TypeError" {
		t.Errorf("setting an attribute of int: %v", err)
	}
}

func TestManyInterpreters(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	rt := newRuntime(t, Options{Slots: 2})
	its := make([]*Interpreter, n)
	for i := range its {
		its[i] = newInterpreter(t, rt, InterpreterOptions{})
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	results := make([]any, n)
	for i, it := range its {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			src := fmt.Sprintf("def f():\n    t = 0\n    for k in range(2000):\n        t += k %% %d\n    return t\n", i+1)
			if errs[i] = it.Exec(ctx, src); errs[i] == nil {
				results[i], errs[i] = it.Call(ctx, "f")
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		want := int64(0)
		for k := 0; k < 2000; k++ {
			want += int64(k % (i + 1))
		}
		if err != nil || results[i] != want {
			t.Fatalf("interpreter %d: %v, %v; want %d", i, results[i], err, want)
		}
	}
	st := rt.Stats()
	if st.Interpreters != n || st.Slots != 2 {
		t.Errorf("Stats = %+v", st)
	}
	t.Logf("stats: %+v", st)
	for _, it := range its {
		if err := it.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCancelDeadline(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	const timeout = 20 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	deadline, _ := ctx.Deadline()
	err := it.Exec(ctx, "finished = False\ntry:\n    while True:\n        pass\nfinally:\n    finished = True\n")
	late := time.Since(deadline)
	// Generous: the point is that the loop is stopped at all; on a
	// loaded 2-core machine under -race a 50 ms bound failed at 56 ms.
	if late > 500*time.Millisecond {
		t.Errorf("Exec returned %v after the deadline", late)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Exec = %v, want a DeadlineExceeded error", err)
	}
	var pe *PythonError
	if !errors.As(err, &pe) || pe.Type != "KeyboardInterrupt" || !strings.Contains(pe.Traceback, "line 3, in <module>") {
		t.Errorf("error %#v, want a KeyboardInterrupt with its traceback", err)
	}
	if got := eval(t, it, "finished"); got != true {
		t.Error("the finally block did not run")
	}
}

func TestCancel(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, "import threading, time\ndef spin():\n    while True: pass\nlock = threading.Lock(); lock.acquire()")
	tests := []struct{ name, src string }{
		{"sleep", "time.sleep(100)"},
		{"lock", "lock.acquire()"},
		{"call", "spin()"},
		{"join", "t = threading.Thread(target=time.sleep, args=(0.3,), daemon=True); t.start(); t.join()"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			whenRunning(it, 10*time.Millisecond, cancel)
			start := time.Now()
			err := it.Exec(ctx, tc.src)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("cancelled after %v", d)
			}
			var pe *PythonError
			if !errors.Is(err, context.Canceled) || !errors.As(err, &pe) || pe.Type != "KeyboardInterrupt" {
				t.Errorf("Exec = %v, want a cancelled KeyboardInterrupt", err)
			}
		})
	}
	// The interpreter works on, and a later call is not interrupted.
	if got := eval(t, it, "sum(range(10))"); got != int64(45) {
		t.Errorf("after cancellation: %v", got)
	}
}

func TestCancelBeforeStart(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := it.Exec(ctx, "ran = True"); err != context.Canceled {
		t.Errorf("Exec with a done context = %v, want context.Canceled", err)
	}
	if _, err := it.Call(ctx, "len", "x"); err != context.Canceled {
		t.Errorf("Call with a done context = %v, want context.Canceled", err)
	}
	if got := eval(t, it, "'ran' in globals()"); got != false {
		t.Error("the code ran")
	}
}

// TestCancelCaught checks that code which catches the interrupt and
// finishes has finished: no error.
func TestCancelCaught(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	mustExec(t, it, "def f():\n    try:\n        while True: pass\n    except KeyboardInterrupt as e:\n        return str(e)\n")
	got, err := it.Call(ctx, "f")
	if err != nil || got != "context deadline exceeded" {
		t.Errorf("Call = %v, %v", got, err)
	}
}

func TestMemoryLimit(t *testing.T) {
	rt := newRuntime(t, Options{})
	hog := newInterpreter(t, rt, InterpreterOptions{MemoryLimit: 8 << 20})
	neighbour := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, neighbour, "def job():\n    d = {}\n    for i in range(200000):\n        d[i] = str(i)\n    return sum(len(v) for v in d.values())\n")
	var wg sync.WaitGroup
	var hogErr, jobErr error
	var jobResult any
	wg.Add(2)
	go func() {
		defer wg.Done()
		hogErr = hog.Exec(context.Background(), "def grow():\n    l = []\n    while True:\n        l.append('x' * 100 + str(len(l)))\ngrow()\n")
	}()
	go func() {
		defer wg.Done()
		jobResult, jobErr = neighbour.Call(context.Background(), "job")
	}()
	wg.Wait()
	var pe *PythonError
	if !errors.As(hogErr, &pe) || pe.Type != "MemoryError" {
		t.Errorf("hog: %v, want MemoryError", hogErr)
	}
	want := int64(0)
	for i := 0; i < 200000; i++ {
		want += int64(len(fmt.Sprint(i)))
	}
	if jobErr != nil || jobResult != want {
		t.Errorf("neighbour: %v, %v; want %d", jobResult, jobErr, want)
	}
	if got := eval(t, hog, "len([str(i) for i in range(1000)])"); got != int64(1000) {
		t.Errorf("hog after MemoryError: %v", got)
	}
}

// TestGILFairness runs two threads of one interpreter that count in busy
// loops: with drop requests at the switch interval both make progress,
// in comparable measure.
func TestGILFairness(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, `
import sys, threading, time
sys.setswitchinterval(0.001)
counts = [0, 0]
stop = False
def work(i):
    while not stop:
        counts[i] += 1
threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for th in threads:
    th.start()
time.sleep(0.3)
stop = True
for th in threads:
    th.join()
`)
	counts := eval(t, it, "counts").([]any)
	a, b := counts[0].(int64), counts[1].(int64)
	if a == 0 || b == 0 || a > 10*b || b > 10*a {
		t.Errorf("counts %d and %d: one thread starved", a, b)
	}
}

// TestSlotFairness runs more CPU-bound interpreters than run slots for a
// while: drop requests make them take turns, so every one progresses.
func TestSlotFairness(t *testing.T) {
	rt := newRuntime(t, Options{Slots: 1, SwitchInterval: time.Millisecond})
	const n = 4
	var wg sync.WaitGroup
	counts := make([]any, n)
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		it := newInterpreter(t, rt, InterpreterOptions{})
		mustExec(t, it, "import time\ndef count(d):\n    n, end = 0, time.monotonic() + d\n    while time.monotonic() < end:\n        n += 1\n    return n\n")
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i], errs[i] = it.Call(context.Background(), "count", 0.2)
		}()
	}
	wg.Wait()
	for i := range counts {
		if errs[i] != nil || counts[i].(int64) == 0 {
			t.Errorf("interpreter %d: %v, %v", i, counts[i], errs[i])
		}
	}
	st := rt.Stats()
	if st.DropRequests == 0 || st.Handoffs == 0 || st.SlotWaits == 0 {
		t.Errorf("stats %+v: expected waits, drop requests and handoffs", st)
	}
}
