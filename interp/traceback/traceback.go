// Package traceback renders tracebacks of uncaught exceptions exactly as
// CPython 3.12 writes them to stderr when a script dies: the C printer of
// Python/traceback.c (tb_printinternal, tb_displayline) driven by
// Python/pythonrun.c (PyErr_Display: chained exceptions, the exception
// line, notes).
//
// The inputs are plain data so the interpreter can fill them from its own
// objects: a Frame per traceback entry (innermost last), an Exception per
// exception of the chain, and a SourceFunc that hands out the lines of a
// source file.
//
// A typical entry, for a failing binary operation:
//
//	Traceback (most recent call last):
//	  File "x.py", line 3, in f
//	    return a + b
//	           ~~^~~
//	TypeError: unsupported operand type(s) for +: 'int' and 'str'
//
// Exception groups print as print_exception_group does (see group.go):
// the group's own traceback under an "Exception Group Traceback" header,
// then each sub-exception in a numbered block, every line behind a "| "
// margin indented two columns per level of nesting.
package traceback

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Frame is one traceback entry: the code object's co_filename and co_name
// and the position of the instruction that was running (tb_lasti), as
// co_positions() reports it. Lines count from 1; Col and EndCol are UTF-8
// byte offsets from 0 into their lines, EndCol exclusive. A field is -1
// when CPython has no value for it (None in co_positions()); Line is then
// printed as -1 and no source line is shown.
type Frame struct {
	Filename, Name string
	Line, EndLine  int
	Col, EndCol    int
}

// FrameAt builds a Frame from an instruction's position as package
// bytecode stores it.
func FrameAt(filename, name string, pos bytecode.Pos) Frame {
	return Frame{Filename: filename, Name: name,
		Line: pos.Line, EndLine: pos.EndLine, Col: pos.Col, EndCol: pos.EndCol}
}

// SourceFunc returns the lines of a source file, decoded to UTF-8 and
// split as a text file in universal-newline mode reads them (SplitLines),
// without their line terminators. ok is false when the file cannot be
// read or decoded; its entries then print without a source line, as in
// CPython. The printer never asks for names of the form "<...>" (such as
// "<string>" or "<stdin>"), which CPython does not try to open.
type SourceFunc func(filename string) (lines []string, ok bool)

// DiskSource is the SourceFunc that reads each file from disk when it
// is asked for, as CPython's traceback printing does through linecache.
func DiskSource(filename string) ([]string, bool) {
	data, err := os.ReadFile(filepath.Clean(filename))
	if err != nil {
		return nil, false
	}
	return SplitLines(string(data)), true
}

// SplitLines splits decoded source text into lines the way CPython's
// printer reads them: a text file in universal-newline mode ends a line
// at "\n", "\r\n" or "\r", and the terminators are dropped. A final line
// without a terminator is still a line; text ending in a terminator has
// no empty line after it.
func SplitLines(text string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, text[start:i])
			start = i + 1
		case '\r':
			lines = append(lines, text[start:i])
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(text) {
		lines = append(lines, text[start:])
	}
	return lines
}

// Exception is one exception of a chain, with what PyErr_Display reads
// from the exception object.
type Exception struct {
	// TypeName is the qualified name of the exception's class
	// (type(exc).__qualname__, e.g. "ValueError" or "Outer.Inner").
	TypeName string
	// Module is type(exc).__module__. It prefixes the type name ("pkg.mod.
	// MyError") unless it is "builtins" or "__main__" (or empty, taken
	// as "builtins"); pass "<unknown>" when __module__ is not a str.
	Module string
	// Message is str(exc). An empty message prints the type name alone;
	// pass "<exception str() failed>" when str() raised.
	Message string
	// Suggestion is written right after the message, as CPython's
	// _Py_Offer_Suggestions text for NameError, AttributeError and
	// ImportError: ". Did you mean: 'print'?" (empty for none).
	Suggestion string
	// Notes are the entries of __notes__, each already converted with
	// str(); when __notes__ is not a sequence (or is a str or bytes),
	// pass its repr() as the only note.
	Notes []string
	// Frames is the traceback (__traceback__), outermost first. Without
	// frames no "Traceback" header is printed.
	Frames []Frame
	// Cause, Context and SuppressContext are __cause__, __context__ and
	// __suppress_context__. Cycles are allowed: each exception is
	// printed at most once.
	Cause, Context  *Exception
	SuppressContext bool
	// NotesRepr says that __notes__ was not a sequence (or was a str or
	// bytes): Notes then holds only its repr() (or "<__notes__ repr()
	// failed>"), printed as it is rather than split into lines.
	NotesRepr bool
	// NoteFailed marks, by index into Notes, the notes whose str()
	// raised; pass "<note str() failed>" as their text. Inside a group
	// they print without the margin, as in CPython.
	NoteFailed []bool
	// Group marks an exception group (an instance of BaseExceptionGroup):
	// it prints under an "Exception Group Traceback" header, followed by
	// its sub-exceptions.
	Group bool
	// Exceptions are a group's sub-exceptions (its exceptions attribute),
	// in order. Only the first MaxGroupWidth are printed, and none of a
	// group nested deeper than MaxGroupDepth, so a caller may leave out
	// the rest and count them in MoreExceptions.
	Exceptions []*Exception
	// MoreExceptions is how many sub-exceptions follow those in
	// Exceptions without being given: they are only counted ("and N more
	// exceptions").
	MoreExceptions int
	// Syntax, when set, makes the exception print like a SyntaxError
	// (CPython: any exception with a print_file_and_line attribute): the
	// "  File ..., line N" block with the offending text and carets
	// follows the traceback, and Syntax.Msg is the message instead of
	// Message. TypeName still names the class (Syntax.Type's name when
	// TypeName is empty).
	Syntax *syntax.Error
}

// DefaultLimit is CPython's traceback limit when sys.tracebacklimit is
// not set: only the innermost 1000 entries are printed.
const DefaultLimit = 1000

// Printer renders tracebacks with a given source provider and limit.
type Printer struct {
	// Source gives the text of source files; nil prints no source lines.
	Source SourceFunc
	// Limit is sys.tracebacklimit: at most this many innermost entries
	// are printed; 0 or less prints no traceback at all (not even its
	// header). Use DefaultLimit when sys.tracebacklimit is unset.
	Limit int
}

// FormatStack writes frames, outermost first, as PyTraceBack_Print does:
// the "Traceback (most recent call last):" header and one entry per frame,
// with sys.tracebacklimit unset. It writes nothing for no frames.
func FormatStack(w io.Writer, frames []Frame, src SourceFunc) error {
	p := Printer{Source: src, Limit: DefaultLimit}
	return p.FormatStack(w, frames)
}

// FormatException writes exc and the exceptions chained to it as CPython
// 3.12 prints an uncaught exception (sys.__excepthook__), with
// sys.tracebacklimit unset.
func FormatException(w io.Writer, exc *Exception, src SourceFunc) error {
	p := Printer{Source: src, Limit: DefaultLimit}
	return p.FormatException(w, exc)
}

// FormatStack is the package-level FormatStack with p's settings.
func (p *Printer) FormatStack(w io.Writer, frames []Frame) error {
	var b strings.Builder
	p.stack(&b, frames, newSourceCache(p.Source), "", tbHeader)
	_, err := io.WriteString(w, b.String())
	return err
}

// FormatException is the package-level FormatException with p's
// settings.
func (p *Printer) FormatException(w io.Writer, exc *Exception) error {
	if exc == nil {
		return nil
	}
	ep := excPrinter{p: p, src: newSourceCache(p.Source), seen: map[*Exception]bool{}}
	ep.recursive(exc)
	_, err := io.WriteString(w, ep.b.String())
	return err
}

const (
	tbHeader       = "Traceback (most recent call last):\n"
	groupTBHeader  = "Exception Group Traceback (most recent call last):\n"
	causeMessage   = "The above exception was the direct cause of the following exception:\n"
	contextMessage = "During handling of the above exception, another exception occurred:\n"
)

// excPrinter is the state of one FormatException (CPython's
// exception_print_context).
type excPrinter struct {
	p    *Printer
	src  *sourceCache
	seen map[*Exception]bool
	b    strings.Builder
	// depth is the nesting level in exception groups: 0 outside any, 1
	// for a top-level group's own traceback and message, one more for
	// each level of sub-exceptions.
	depth int
	// needClose says the block being printed is the last of its group
	// and must be closed, unless a nested group closes it first.
	needClose bool
}

// recursive prints the exceptions exc was chained from, then exc
// (print_exception_recursive). An explicit cause wins over the context,
// even when the cause was already printed; __suppress_context__ hides the
// context only.
func (ep *excPrinter) recursive(exc *Exception) {
	ep.seen[exc] = true
	var next *Exception
	msg := ""
	if exc.Cause != nil {
		next, msg = exc.Cause, causeMessage
	} else if !exc.SuppressContext && exc.Context != nil {
		next, msg = exc.Context, contextMessage
	}
	if next != nil && !ep.seen[next] {
		ep.chained(next, msg)
	}
	if exc.Group {
		ep.group(exc)
	} else {
		ep.exception(exc)
	}
}

// chained prints an exception exc was chained from, then the message
// that links them (print_chained), behind the current margin.
func (ep *excPrinter) chained(exc *Exception, msg string) {
	needClose := ep.needClose
	ep.recursive(exc)
	ep.needClose = needClose
	m := ep.margin()
	b := &ep.b
	b.WriteString(m)
	b.WriteByte('\n')
	b.WriteString(m)
	b.WriteString(msg)
	b.WriteString(m)
	b.WriteByte('\n')
}

// exception prints one exception: its traceback, the SyntaxError block if
// any, the "Type: message" line and the notes (print_exception). Inside a
// group, the margin starts the traceback's lines, the first line of the
// SyntaxError block, the exception line and each line of a note; the
// rest is written as it is, as CPython's C printer does.
func (ep *excPrinter) exception(exc *Exception) {
	b := &ep.b
	m := ep.margin()
	header := m + tbHeader
	if exc.Group {
		header = m + groupTBHeader
		if ep.depth == 1 {
			header = ep.indent() + "+ " + groupTBHeader
		}
	}
	ep.p.stack(b, exc.Frames, ep.src, m, header)
	typeName := exc.TypeName
	msg := exc.Message
	if se := exc.Syntax; se != nil {
		if typeName == "" {
			typeName = se.Type.String()
		}
		msg = se.Msg
		block := se.Format()
		last := se.Type.String()
		if se.Msg != "" {
			last += ": " + se.Msg
		}
		if block = strings.TrimSuffix(block, last+"\n"); block != "" {
			b.WriteString(m)
			b.WriteString(block)
		}
	}
	b.WriteString(m)
	switch exc.Module {
	case "", "builtins", "__main__":
	default:
		b.WriteString(exc.Module)
		b.WriteByte('.')
	}
	b.WriteString(typeName)
	if msg != "" {
		b.WriteString(": ")
		b.WriteString(msg)
	}
	b.WriteString(exc.Suggestion)
	b.WriteByte('\n')
	ep.notes(exc)
}

// recursiveCutoff is how many identical consecutive entries are printed
// before they are summarized (TB_RECURSIVE_CUTOFF).
const recursiveCutoff = 3

// stack prints the header and the entries (tb_printinternal). margin
// starts each line of the entries ("" outside exception groups), and
// header is the whole first line, margin included.
func (p *Printer) stack(b *strings.Builder, frames []Frame, src *sourceCache, margin, header string) {
	if len(frames) == 0 || p.Limit <= 0 {
		return
	}
	if len(frames) > p.Limit {
		frames = frames[len(frames)-p.Limit:]
	}
	b.WriteString(header)
	var last *Frame
	cnt := 0
	for i := range frames {
		f := &frames[i]
		if last == nil || f.Filename != last.Filename || last.Line == -1 ||
			f.Line != last.Line || f.Name != last.Name {
			if cnt > recursiveCutoff {
				writeRepeated(b, cnt)
			}
			last = f
			cnt = 0
		}
		cnt++
		if cnt <= recursiveCutoff {
			p.entry(b, f, src, margin)
		}
	}
	if cnt > recursiveCutoff {
		writeRepeated(b, cnt)
	}
}

// writeRepeated writes the summary of repeated entries; CPython gives it
// no margin even inside a group.
func writeRepeated(b *strings.Builder, cnt int) {
	cnt -= recursiveCutoff
	b.WriteString("  [Previous line repeated ")
	b.WriteString(strconv.Itoa(cnt))
	if cnt > 1 {
		b.WriteString(" more times]\n")
	} else {
		b.WriteString(" more time]\n")
	}
}

// sourceCache keeps the lines of each file read during one rendering, so
// a deep traceback does not ask for the same file a thousand times.
type sourceCache struct {
	fn    SourceFunc
	files map[string][]string
	miss  map[string]bool
}

func newSourceCache(fn SourceFunc) *sourceCache {
	return &sourceCache{fn: fn, files: map[string][]string{}, miss: map[string]bool{}}
}

// line returns 1-based line n of filename as CPython's
// display_source_line reads it.
func (c *sourceCache) line(filename string, n int) (string, bool) {
	if c.fn == nil || n < 1 {
		return "", false
	}
	if len(filename) > 0 && filename[0] == '<' && filename[len(filename)-1] == '>' {
		return "", false
	}
	lines, ok := c.files[filename]
	if !ok {
		if c.miss[filename] {
			return "", false
		}
		lines, ok = c.fn(filename)
		if !ok {
			c.miss[filename] = true
			return "", false
		}
		c.files[filename] = lines
	}
	if n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}
