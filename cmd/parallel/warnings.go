package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parallel-py/parallel/interp/syntax"
)

// printCompileWarnings prints the warnings compiling the main program
// issued before it failed with err, as the warnings module's default
// action shows them ("file:line: SyntaxWarning: msg" and the stripped
// source line, which linecache reads from the file): the program fails
// before an interpreter exists to issue them.
func printCompileWarnings(w io.Writer, err error, filename string, src []byte) {
	var serr *syntax.Error
	if !errors.As(err, &serr) {
		return
	}
	for _, wn := range serr.Warnings {
		fmt.Fprintf(w, "%s:%d: %s: %s\n", wn.Filename, wn.Line, wn.Category, wn.Msg)
		if strings.HasPrefix(wn.Filename, "<") {
			continue
		}
		text := src
		if wn.Filename != filename {
			if text, err = os.ReadFile(wn.Filename); err != nil {
				continue
			}
		}
		if line := strings.TrimSpace(sourceLine(text, wn.Line)); line != "" {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
}
