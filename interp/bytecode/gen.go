//go:build ignore

// gen.go regenerates opcodes_gen.go from opcodes.def:
//
//	go generate ./interp/bytecode
package main

import (
	"fmt"
	"os"

	"github.com/parallel-py/parallel/interp/bytecode/internal/opgen"
)

func main() {
	src, err := os.ReadFile("opcodes.def")
	if err == nil {
		var out []byte
		if out, err = opgen.Generate(src); err == nil {
			err = os.WriteFile("opcodes_gen.go", out, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
