package pool_test

import (
	"context"
	"errors"
	"expvar"
	"fmt"
	"sort"
	"time"

	"github.com/parallel-py/parallel/pool"
	"github.com/parallel-py/parallel/runtime"
)

// setup is the Python code each worker runs once when it starts.
const setup = `
import re
WORD = re.compile(r"[a-z']+")

def words(text):
    return len(WORD.findall(text.lower()))

def check(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n * n
`

// A pool runs Python functions, defined by its setup code, for Go.
func ExampleNew() {
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	ctx := context.Background()
	p, err := pool.New(ctx, rt, pool.Config{Workers: 2, Setup: setup})
	if err != nil {
		panic(err)
	}
	defer p.Close()

	n, err := p.Call(ctx, "words", "It was the best of times, it was the worst of times")
	fmt.Println(n, err)
	// A module's function works too: the module is imported.
	s, _ := p.Call(ctx, "json.dumps", map[string]any{"ok": true})
	fmt.Println(s)
	// Output:
	// 12 <nil>
	// {"ok": true}
}

// A Python exception comes back as a *runtime.PythonError.
func ExamplePool_Call_error() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	ctx := context.Background()
	p, _ := pool.New(ctx, rt, pool.Config{Workers: 1, Setup: setup})
	defer p.Close()

	_, err := p.Call(ctx, "check", -2)
	var pe *runtime.PythonError
	if errors.As(err, &pe) {
		fmt.Print(pe.Traceback)
	}
	// Output:
	// Traceback (most recent call last):
	//   File "<string>", line 10, in check
	// ValueError: negative: -2
}

// Map keeps the input order.
func ExamplePool_Map() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	ctx := context.Background()
	p, _ := pool.New(ctx, rt, pool.Config{Workers: 2, Setup: setup})
	defer p.Close()

	squares, err := p.Map(ctx, "check", []any{1, 2, 3, 4, 5})
	fmt.Println(squares, err)
	// Args spreads several arguments.
	powers, _ := p.Map(ctx, "pow", []any{pool.Args{2, 10}, pool.Args{3, 3}})
	fmt.Println(powers)
	// Output:
	// [1 4 9 16 25] <nil>
	// [1024 27]
}

// MapStream yields results as they are ready, each with its input's
// index.
func ExamplePool_MapStream() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	ctx := context.Background()
	p, _ := pool.New(ctx, rt, pool.Config{Workers: 2, Setup: setup})
	defer p.Close()

	var lines []string
	for r := range p.MapStream(ctx, "check", []any{3, -1, 4}) {
		lines = append(lines, fmt.Sprintf("input %d: %v %v", r.Index, r.Value, r.Err))
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	// Output:
	// input 0: 9 <nil>
	// input 1: <nil> ValueError: negative: -1
	// input 2: 16 <nil>
}

// Submit returns a Future at once.
func ExamplePool_Submit() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	ctx := context.Background()
	p, _ := pool.New(ctx, rt, pool.Config{Workers: 2, Setup: setup})
	defer p.Close()

	f := p.Submit(ctx, "check", 12)
	// ... other work ...
	v, err := f.Wait(ctx)
	fmt.Println(v, err)
	// Output: 144 <nil>
}

// A Group fails as a whole: its first error cancels the other tasks.
func ExampleGroup() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	ctx := context.Background()
	p, _ := pool.New(ctx, rt, pool.Config{Workers: 2, Setup: setup})
	defer p.Close()

	g := p.NewGroup(ctx)
	a := g.Go("check", 6)
	b := g.Go("check", 7)
	fmt.Println(g.Wait())
	fmt.Println(a.Result())
	fmt.Println(b.Result())

	g = p.NewGroup(ctx)
	g.Go("check", -1)
	fmt.Println(g.Wait())
	// Output:
	// <nil>
	// 36 <nil>
	// 49 <nil>
	// ValueError: negative: -1
}

// Stats counts the tasks; Var exports them through expvar.
func ExamplePool_Stats() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	ctx := context.Background()
	p, _ := pool.New(ctx, rt, pool.Config{Name: "squares", Workers: 2, Setup: setup})
	defer p.Close()

	p.Map(ctx, "check", []any{1, 2, 3})
	p.Call(ctx, "check", -1)
	s := p.Stats()
	fmt.Printf("submitted %d, completed %d, failed %d, latency samples %d\n",
		s.Submitted, s.Completed, s.Failed, s.Latency.Count)
	if expvar.Get("pool_squares") == nil { // a name may be published once
		expvar.Publish("pool_squares", p.Var()) // served on /debug/vars
	}
	// Output: submitted 4, completed 3, failed 1, latency samples 4
}

// Shutdown stops the pool; when its context ends first, running tasks
// are interrupted.
func ExamplePool_Shutdown() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	ctx := context.Background()
	p, _ := pool.New(ctx, rt, pool.Config{Workers: 1, Setup: "def forever():\n    while True: pass\n"})

	f := p.Submit(ctx, "forever")
	deadline, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	fmt.Println(p.Shutdown(deadline))
	fmt.Println(errors.Is(f.Err(), pool.ErrClosed))
	_, err := p.Call(ctx, "forever")
	fmt.Println(err)
	// Output:
	// context deadline exceeded
	// true
	// pool: closed
}
