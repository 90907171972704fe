package runtime_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parallel-py/parallel/runtime"
)

// Exec runs code in an interpreter's __main__ module; what it prints
// goes to the interpreter's Stdout.
func ExampleInterpreter_Exec() {
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	var out bytes.Buffer
	it, err := rt.NewInterpreter(runtime.InterpreterOptions{Stdout: &out})
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	if err := it.Exec(ctx, "greeting = 'hello'"); err != nil {
		panic(err)
	}
	// Globals persist from one Exec to the next.
	if err := it.Exec(ctx, "print(greeting, 'from', __name__)"); err != nil {
		panic(err)
	}
	fmt.Print(out.String())
	// Output: hello from __main__
}

// Call converts Go arguments to Python and the result back to Go.
func ExampleInterpreter_Call() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	it, _ := rt.NewInterpreter(runtime.InterpreterOptions{})
	ctx := context.Background()
	it.Exec(ctx, `
def summarize(name, scores):
    return {"name": name.title(), "best": max(scores), "pair": (len(scores), 2**70)}
`)
	r, err := it.Call(ctx, "summarize", "ada lovelace", []any{3, 9, 4})
	if err != nil {
		panic(err)
	}
	m := r.(map[string]any)
	fmt.Println(m["name"], m["best"], m["pair"])
	// A module's function, imported on the way.
	r, _ = it.Call(ctx, "math.gcd", 84, 36)
	fmt.Println(r)
	// Output:
	// Ada Lovelace 9 [3 1180591620717411303424]
	// 12
}

// An exception that escapes the code is a *runtime.PythonError with the
// traceback CPython would print.
func ExamplePythonError() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	it, _ := rt.NewInterpreter(runtime.InterpreterOptions{})
	err := it.Exec(context.Background(), "def check(x):\n    raise ValueError(f'bad value: {x}')\ncheck(7)\n")
	var pe *runtime.PythonError
	if errors.As(err, &pe) {
		fmt.Println(pe.Type)
		fmt.Println(pe.Message)
		fmt.Print(pe.Traceback)
	}
	// Output:
	// ValueError
	// bad value: 7
	// Traceback (most recent call last):
	//   File "<string>", line 3, in <module>
	//   File "<string>", line 2, in check
	// ValueError: bad value: 7
}

// A context stops running code: KeyboardInterrupt is raised in it, its
// finally blocks run, and the error wraps the context's.
func ExampleInterpreter_Exec_cancel() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	var out bytes.Buffer
	it, _ := rt.NewInterpreter(runtime.InterpreterOptions{Stdout: &out})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err := it.Exec(ctx, `
try:
    while True:
        pass
finally:
    print("cleaned up")
`)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	fmt.Println(err)
	fmt.Print(out.String())
	// Output:
	// true
	// KeyboardInterrupt: context deadline exceeded
	// cleaned up
}
