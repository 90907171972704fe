package stress_test

import (
	"context"
	"fmt"

	"github.com/parallel-py/parallel/stress"
)

// Run a built-in scenario with a small budget and read its report.
func ExampleRun() {
	s, _ := stress.Lookup("gil-contention")
	r := stress.Run(context.Background(), s, stress.Config{Seed: 42, Iterations: 400, Threads: 2}, "parallel stress gil-contention")
	fmt.Println(r.Scenario, r.Seed, r.Failed())
	for _, inv := range r.Invariants {
		fmt.Println(inv.OK, inv.Name)
	}
	// Output:
	// gil-contention 42 false
	// true no Go panic
	// true gil-contention invariants
	// true interpreters closed
	// true no goroutine leak
}
