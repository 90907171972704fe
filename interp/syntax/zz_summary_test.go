package syntax

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZSummary(t *testing.T) {
	names := strings.Fields(os.Getenv("ZZNAMES"))
	for _, name := range names {
		src, _ := os.ReadFile(filepath.Join(errorCorpusDir, name+".py"))
		want := readErrorGolden(t, name)
		_, perr := Parse(name+".py", src, ModeExec)
		fmt.Printf("=== %s\n%q\n", name, src)
		fmt.Printf("  want: %s %q %v:%v-%v:%v\n", want.typ, want.msg, want.lineno, want.offset, want.endLineno, want.endOffset)
		if e, ok := perr.(*Error); ok {
			fmt.Printf("  got:  %s %q %d:%d-%d:%d\n", e.Type, e.Msg, e.Line, e.Offset, e.EndLine, e.EndOffset)
		} else {
			fmt.Printf("  got:  %v\n", perr)
		}
	}
}

func TestZZSrc(t *testing.T) {
	for _, s := range strings.Split(os.Getenv("ZZSRC"), "\x01") {
		if s == "" {
			continue
		}
		src := []byte(s)
		_, perr := Parse("x.py", src, ModeExec)
		if e, ok := perr.(*Error); ok {
			fmt.Printf("%q %s %q %d %d %d %d\n", s, e.Type, e.Msg, e.Line, e.Offset, e.EndLine, e.EndOffset)
		} else {
			fmt.Printf("%q %v\n", s, perr)
		}
	}
}
