// Command parallel runs Python programs in many isolated interpreters at
// once.
//
// Today only the front end works:
//
//	parallel ast [--indent N] [--attributes] FILE|-
//	parallel version
//
// The commands live in their own files; app.go assembles them and turns
// their errors into an exit status, so tests can run the whole program in
// process.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
