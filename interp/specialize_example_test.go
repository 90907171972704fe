package interp_test

import (
	"fmt"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The specializer's counters, turned on with -X specialize_stats: the
// loop's int additions and comparisons ran in their specialized forms.
func ExampleInterp_SpecializationStats() {
	src := "def f(n):\n    t = 0\n    for i in range(n):\n        if i < n:\n            t = t + i\n    return t\nf(1000)\n"
	mod, err := syntax.Parse("<example>", []byte(src), syntax.ModeExec)
	if err != nil {
		panic(err)
	}
	code, err := compile.Compile(mod, "<example>", syntax.ModeExec, compile.Options{})
	if err != nil {
		panic(err)
	}
	in := interp.New(interp.Options{XOptions: []string{"specialize_stats", "specialize_threshold=2"}})
	defer in.Close()
	if err := in.RunMain(code); err != nil {
		panic(err)
	}
	for _, s := range in.SpecializationStats() {
		if s.Family == "BINARY_OP" || s.Family == "COMPARE_OP" {
			fmt.Printf("%s: %d executions, %d hits\n", s.Family, s.Executions, s.Hits)
		}
	}
	// Output:
	// BINARY_OP: 1000 executions, 998 hits
	// COMPARE_OP: 1000 executions, 998 hits
}
