package syntax

// This file implements Dump, the equivalent of CPython 3.12's ast.dump with
// annotate_fields=True. The per-node code lives in dump_gen.go, generated
// from the declarations in ast.go by mkdump.go; the layout rules are here.

import "strconv"

//go:generate go run mkdump.go

// DumpOptions holds the parameters of ast.dump that Dump supports.
type DumpOptions struct {
	// Indent < 0 is indent=None: everything on one line. Indent >= 0
	// pretty-prints with that many spaces per level; 0 still puts every
	// field on its own line, as in Python.
	Indent int
	// IncludeAttributes adds lineno, col_offset, end_lineno and
	// end_col_offset, in that order, to every node that has a position.
	IncludeAttributes bool
}

// Dump returns what CPython 3.12's ast.dump(node, indent=...,
// include_attributes=...) returns for the same tree, byte for byte:
//
//   - a node prints as its NodeName() and its fields in parentheses; fields
//     print as name=value in ASDL order; an optional field that is
//     absent (nil, or an empty optional identifier) is omitted, while a
//     required field that is nil prints None, as in Dict keys and
//     kw_defaults;
//   - with an indent, a node goes on one line when it has at most three
//     printed fields and each of them is "simple": a repr, an empty list,
//     or a node that printed no fields at all (Load(), Pass(), MatchAs());
//     otherwise every field and every list item goes on its own line;
//   - values print with Python's repr (see ReprConstant).
//
// Where Python's repr raises, Dump cannot: an int with more than
// DefaultMaxStrDigits decimal digits (only a hexadecimal, octal or binary
// literal can produce one; ast.dump raises ValueError for it) is written as
// "<ValueError: ...>" with the message CPython raises. A nil node dumps as
// "None", where ast.dump raises TypeError.
func Dump(n Node, opts DumpOptions) string {
	return string(AppendDump(nil, n, opts))
}

// AppendDump appends Dump(n, opts) to dst and returns the result.
func AppendDump(dst []byte, n Node, opts DumpOptions) []byte {
	d := dumper{buf: dst, indent: opts.Indent, attrs: opts.IncludeAttributes}
	if d.indent < 0 {
		d.indent = -1
	}
	d.node(n)
	return d.buf
}

// dumper holds the state of one Dump call.
type dumper struct {
	buf    []byte
	indent int  // spaces per level; -1 for one line
	attrs  bool // include_attributes
	level  int  // nesting level of the node or list being written
}

// dumpFrame is the state of one node being written.
type dumpFrame struct {
	start  int    // offset just after "Name("
	n      int    // fields written
	simple bool   // every field written so far was simple
	args   [3]int // offsets where the first three fields begin
}

// open writes "name(" and starts a node.
func (d *dumper) open(name string) dumpFrame {
	d.buf = append(d.buf, name...)
	d.buf = append(d.buf, '(')
	d.level++
	return dumpFrame{start: len(d.buf), simple: true}
}

// key starts the next field of f: the separator, then keyEq ("name=").
func (d *dumper) key(f *dumpFrame, keyEq string) {
	if d.indent >= 0 {
		if f.n > 0 {
			d.buf = append(d.buf, ',')
		}
		d.newline()
	} else if f.n > 0 {
		d.buf = append(d.buf, ", "...)
	}
	if f.n < len(f.args) {
		f.args[f.n] = len(d.buf)
	}
	f.n++
	d.buf = append(d.buf, keyEq...)
}

// close ends the node of f and reports whether it was simple, that is
// whether it printed no fields.
//
// With an indent, fields are written one per line as they come; when the
// node turns out to have at most three fields, all simple, close rejoins
// them on one line. Simple fields never contain a newline, and ", " is no
// longer than the separators it replaces, so this moves only the few bytes
// of those fields.
func (d *dumper) close(f *dumpFrame) bool {
	if d.indent >= 0 && f.n > 0 && f.n <= len(f.args) && f.simple {
		sepLen := 2 + d.indent*d.level // ",\n" and the indentation
		w := f.start
		for i := 0; i < f.n; i++ {
			end := len(d.buf)
			if i+1 < f.n {
				end = f.args[i+1] - sepLen
			}
			if i > 0 {
				w += copy(d.buf[w:], ", ")
			}
			w += copy(d.buf[w:], d.buf[f.args[i]:end])
		}
		d.buf = d.buf[:w]
	}
	d.level--
	d.buf = append(d.buf, ')')
	return f.n == 0
}

// newline writes a line break and the indentation of the current level.
func (d *dumper) newline() {
	d.buf = append(d.buf, '\n')
	for n := d.indent * d.level; n > 0; {
		k := min(n, len(spaces))
		d.buf = append(d.buf, spaces[:k]...)
		n -= k
	}
}

const spaces = "                                                                "

// emptyList writes "[]", which is simple.
func (d *dumper) emptyList() bool {
	d.buf = append(d.buf, '[', ']')
	return true
}

// openList starts a non-empty list; close it with closeList. A non-empty
// list is never simple.
func (d *dumper) openList() {
	d.buf = append(d.buf, '[')
	d.level++
}

// item writes the separator before list item i.
func (d *dumper) item(i int) {
	if d.indent >= 0 {
		if i > 0 {
			d.buf = append(d.buf, ',')
		}
		d.newline()
	} else if i > 0 {
		d.buf = append(d.buf, ", "...)
	}
}

func (d *dumper) closeList() {
	d.level--
	d.buf = append(d.buf, ']')
}

func (d *dumper) none() bool {
	d.buf = append(d.buf, "None"...)
	return true
}

func (d *dumper) str(s string) {
	d.buf = AppendReprString(d.buf, s)
}

func (d *dumper) int(i int) {
	if uint(i) < 10 { // most positions and flags
		d.buf = append(d.buf, byte('0'+i))
		return
	}
	if uint(i) < 100 {
		d.buf = append(d.buf, byte('0'+i/10), byte('0'+i%10))
		return
	}
	d.buf = strconv.AppendInt(d.buf, int64(i), 10)
}

// enum writes an operator or context singleton such as "Load()".
func (d *dumper) enum(name string) {
	d.buf = append(d.buf, name...)
	d.buf = append(d.buf, '(', ')')
}

func (d *dumper) constant(v ConstantValue) {
	var err error
	d.buf, err = AppendReprConstant(d.buf, v)
	if err != nil {
		d.buf = append(d.buf, "<ValueError: "...)
		d.buf = append(d.buf, err.Error()...)
		d.buf = append(d.buf, '>')
	}
}

// unknown writes a node of a type mkdump did not see, which only a stale
// dump_gen.go allows.
func (d *dumper) unknown(n Node) bool {
	d.buf = append(d.buf, n.NodeName()...)
	d.buf = append(d.buf, "(<not in dump_gen.go>)"...)
	return false
}

// loc writes the position attributes of a node.
func (d *dumper) loc(f *dumpFrame, l *Loc) {
	d.key(f, "lineno=")
	d.int(l.Lineno)
	d.key(f, "col_offset=")
	d.int(l.ColOffset)
	d.key(f, "end_lineno=")
	d.int(l.EndLineno)
	d.key(f, "end_col_offset=")
	d.int(l.EndColOffset)
}
