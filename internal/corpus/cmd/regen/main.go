// Command regen regenerates the golden files of the differential corpus
// (testdata/programs) by running every program with CPython 3.12:
//
//	go run ./internal/corpus/cmd/regen            # from the repository root
//	go run ./internal/corpus/cmd/regen -check     # compare only, write nothing
//
// CPython is run as `python3` with PYENV_VERSION=3.12.1 unless -python or
// PYENV_VERSION say otherwise.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/parallel-py/parallel/internal/corpus"
)

func main() {
	dir := flag.String("dir", "testdata/programs", "corpus directory")
	python := flag.String("python", "python3", "CPython 3.12 command")
	check := flag.Bool("check", false, "only check that CPython still produces the committed goldens")
	flag.Parse()

	if *check {
		if err := corpus.CheckPython(*python); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		progs, err := corpus.Load(*dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		bad := 0
		for _, p := range progs {
			r, err := corpus.Run(context.Background(), strings.Fields(*python), p)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				bad++
				continue
			}
			if m := corpus.Mismatch(p, r); m != "" {
				fmt.Fprintf(os.Stderr, "%s:\n%s", p.Name, m)
				bad++
			}
		}
		fmt.Printf("%d programs, %d mismatches\n", len(progs), bad)
		if bad > 0 {
			os.Exit(1)
		}
		return
	}
	if err := corpus.Regenerate(*dir, *python); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	progs, err := corpus.Load(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	failing := 0
	for _, p := range progs {
		if p.WantCode != 0 {
			failing++
		}
	}
	fmt.Printf("regenerated %d programs (%d exit non-zero)\n", len(progs), failing)
}
