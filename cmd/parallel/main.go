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
	goruntime "runtime"
	"strings"
)

func main() {
	if !memProfileWanted(os.Args, os.Getenv) {
		// Sampling every 512 KiB allocated unwinds the interpreter's deep
		// Go stack each time: 4% of a run that imports a few modules.
		goruntime.MemProfileRate = 0
	}
	if err := reexecWithHashSeed(os.Args); err != nil {
		fmt.Fprintf(os.Stderr, "parallel: %v\n", err)
		os.Exit(1)
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// memProfileWanted tells whether the command line or the environment may
// ask for --memprofile (an argument of the script that looks like it only
// keeps the sampling on).
func memProfileWanted(args []string, getenv func(string) string) bool {
	if getenv("PARALLEL_MEMPROFILE") != "" {
		return true
	}
	for _, a := range args[min(1, len(args)):] {
		if strings.HasPrefix(strings.TrimLeft(a, "-"), "memprofile") && strings.HasPrefix(a, "-") {
			return true
		}
	}
	return false
}
