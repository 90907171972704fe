package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// Input sources and replacement strings of `parallel run ... ::: a b`,
// as GNU parallel has them: every `:::` starts a source of the words
// that follow it, every file after `::::` is a source of its lines ("-"
// for standard input), and the jobs are the cross product of the
// sources, the first varying slowest.

// jobsSeparators are the words that start input sources.
const (
	argSep     = ":::"
	argFileSep = "::::"
)

// hasInputSeparator reports whether args hold an input source.
func hasInputSeparator(args []string) bool {
	for _, a := range args {
		if a == argSep || a == argFileSep {
			return true
		}
	}
	return false
}

// splitInputSources splits the words after the program into the
// program's own arguments (the template of each job's sys.argv[1:]) and
// the input sources. Files named after `::::` are read; stdin serves
// "-".
func splitInputSources(args []string, stdin io.Reader) (template []string, sources [][]string, err error) {
	i := 0
	for i < len(args) && args[i] != argSep && args[i] != argFileSep {
		i++
	}
	template = args[:i]
	for i < len(args) {
		sep := args[i]
		i++
		start := i
		for i < len(args) && args[i] != argSep && args[i] != argFileSep {
			i++
		}
		words := args[start:i]
		if len(words) == 0 {
			if sep == argSep {
				return nil, nil, fmt.Errorf("%s needs at least one argument after it", argSep)
			}
			return nil, nil, fmt.Errorf("%s needs at least one file (or - for standard input) after it", argFileSep)
		}
		if sep == argSep {
			sources = append(sources, words)
			continue
		}
		for _, name := range words {
			lines, err := readArgFile(name, stdin)
			if err != nil {
				return nil, nil, err
			}
			sources = append(sources, lines)
		}
	}
	return template, sources, nil
}

// readArgFile reads the lines of an argument file, one argument each
// (an empty line is an empty argument, as in GNU parallel).
func readArgFile(name string, stdin io.Reader) ([]string, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, argFileError{fmt.Errorf("can't read argument file %s: %w", name, err)}
		}
		defer f.Close()
		r = f
	}
	var lines []string
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			lines = append(lines, strings.TrimSuffix(line, "\n"))
		}
		if err == io.EOF {
			return lines, nil
		}
		if err != nil {
			if name == "-" {
				name = "<stdin>"
			}
			return nil, argFileError{fmt.Errorf("can't read argument file %s: %w", name, err)}
		}
	}
}

// maxJobs bounds the cross product, whose jobs are made one by one but
// counted up front (for --progress, the halt percentages and {#}).
const maxJobs = 1 << 31

// jobInputs is the cross product of the input sources.
type jobInputs struct {
	sources [][]string
	total   int
}

// newJobInputs checks the size of the cross product.
func newJobInputs(sources [][]string) (*jobInputs, error) {
	total := 1
	for _, s := range sources {
		if len(s) == 0 {
			total = 0
			break
		}
		if total > maxJobs/len(s) {
			return nil, fmt.Errorf("the input sources make more than %d jobs", maxJobs)
		}
		total *= len(s)
	}
	if len(sources) == 0 {
		total = 0
	}
	return &jobInputs{sources: sources, total: total}, nil
}

// args returns the arguments of job i (0-based): the first source
// varies slowest, as nested loops would.
func (in *jobInputs) args(i int) []string {
	out := make([]string, len(in.sources))
	for k := len(in.sources) - 1; k >= 0; k-- {
		s := in.sources[k]
		out[k] = s[i%len(s)]
		i /= len(s)
	}
	return out
}

// replacementRE matches GNU parallel's replacement strings: {} {.} {/}
// {//} {/.}, the positional {n} {n.} {n/} {n//} {n/.}, and {#}.
var replacementRE = regexp.MustCompile(`\{(#|([0-9]*)(\.|//|/\.|/)?)\}`)

// argTemplate is the program's arguments with their replacement strings
// found.
type argTemplate struct {
	words    []string
	replaces bool // some word has a replacement string
}

// newArgTemplate checks that positional replacement strings name an
// input source that exists.
func newArgTemplate(words []string, nsources int) (*argTemplate, error) {
	t := &argTemplate{words: words}
	for _, w := range words {
		for _, m := range replacementRE.FindAllStringSubmatch(w, -1) {
			t.replaces = true
			if m[2] == "" {
				continue
			}
			n, err := strconv.Atoi(m[2])
			if err != nil || n < 1 || n > nsources {
				return nil, fmt.Errorf("%s refers to input source %s, but there %s", m[0], m[2], sourcesWord(nsources))
			}
		}
	}
	return t, nil
}

func sourcesWord(n int) string {
	if n == 1 {
		return "is 1"
	}
	return fmt.Sprintf("are %d", n)
}

// expand makes one job's arguments: replacement strings replaced by the
// job's values or, when the template has none, the values appended, as
// GNU parallel does.
func (t *argTemplate) expand(values []string, seq int) []string {
	if !t.replaces {
		return append(append([]string{}, t.words...), values...)
	}
	out := make([]string, len(t.words))
	for i, w := range t.words {
		out[i] = replacementRE.ReplaceAllStringFunc(w, func(tok string) string {
			m := replacementRE.FindStringSubmatch(tok)
			if m[1] == "#" {
				return strconv.Itoa(seq)
			}
			if m[2] != "" {
				n, _ := strconv.Atoi(m[2]) // checked by newArgTemplate
				return modify(values[n-1], m[3])
			}
			parts := make([]string, len(values))
			for k, v := range values {
				parts[k] = modify(v, m[3])
			}
			return strings.Join(parts, " ")
		})
	}
	return out
}

// extRE is what {.} removes: GNU parallel's s:\.[^/.]+$::.
var extRE = regexp.MustCompile(`\.[^/.]+$`)

// modify applies a replacement string's modifier to a value.
func modify(v, mod string) string {
	switch mod {
	case ".":
		return extRE.ReplaceAllString(v, "")
	case "/":
		return basename(v)
	case "//":
		return dirname(v)
	case "/.":
		return extRE.ReplaceAllString(basename(v), "")
	}
	return v
}

// basename is GNU parallel's {/}: everything after the last slash.
func basename(v string) string {
	if i := strings.LastIndexByte(v, '/'); i >= 0 {
		return v[i+1:]
	}
	return v
}

// dirname is dirname(1), which GNU parallel's {//} uses: "." when there
// is no slash, trailing slashes ignored.
func dirname(v string) string {
	s := strings.TrimRight(v, "/")
	if s == "" {
		if v == "" {
			return "."
		}
		return "/"
	}
	i := strings.LastIndexByte(s, '/')
	if i < 0 {
		return "."
	}
	d := strings.TrimRight(s[:i], "/")
	if d == "" {
		return "/"
	}
	return d
}

// shellQuote quotes a word for the joblog's Command column when the
// shell would split or expand it.
func shellQuote(w string) string {
	if w != "" && strings.IndexFunc(w, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:,+@%", r))
	}) < 0 {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}

// resultsDirName escapes a value for a directory name of --results:
// GNU parallel writes "/" as "\_" and "\" as "\\"; the names that are
// not plain directories ("", ".", "..") get a leading backslash too.
func resultsDirName(v string) string {
	v = strings.ReplaceAll(v, `\`, `\\`)
	v = strings.ReplaceAll(v, "/", `\_`)
	switch v {
	case "", ".", "..":
		v = `\` + v
	}
	return v
}
