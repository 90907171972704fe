// Command parallel runs Python programs in many isolated interpreters at
// once: `parallel run` runs a script (or a whole list of jobs), `parallel
// bench` times the benchmark suite beside CPython, `parallel stress`
// hammers concurrent code, and `parallel ast` and `parallel dis` show
// what the front end makes of a file.
//
// The commands live in their own files; app.go assembles them and turns
// their errors into an exit status, so tests can run the whole program in
// process.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := reexecWithHashSeed(os.Args); err != nil {
		fmt.Fprintf(os.Stderr, "parallel: %v\n", err)
		os.Exit(1)
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
