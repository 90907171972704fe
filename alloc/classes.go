package alloc

// This file owns ClassTable: a registry of accounting classes built once
// and shared, read-only, by many Allocators.

// A ClassTable is a fixed list of class names shared by every Allocator
// made with it (Options.Classes): ClassOther is class 0 and the table's
// names follow, numbered from 1 in order. An interpreter process builds
// one table for its built-in types, so that making an interpreter does
// not register each of them again. A ClassTable never changes once made
// and is safe for concurrent use.
type ClassTable struct {
	names  []string // indexed by Class; names[0] is ClassOther's
	byName map[string]Class
}

// otherOnly is the table of an Allocator made without one.
var otherOnly = NewClassTable()

// NewClassTable returns a table of ClassOther and then names, in order.
// A name given twice keeps its first class; a table longer than the
// 65536 classes a Class can number drops the names past the last.
func NewClassTable(names ...string) *ClassTable {
	t := &ClassTable{
		names:  make([]string, 0, min(len(names)+1, maxClasses)),
		byName: make(map[string]Class, len(names)+1),
	}
	for _, n := range append([]string{"(other)"}, names...) {
		if _, ok := t.byName[n]; ok {
			// Keep the numbering: a repeated name takes a class
			// that nobody asks for by name.
			t.names = append(t.names, n)
		} else {
			t.byName[n] = Class(len(t.names))
			t.names = append(t.names, n)
		}
		if len(t.names) == maxClasses {
			break
		}
	}
	return t
}

// Len returns the number of classes in the table, ClassOther included.
func (t *ClassTable) Len() int { return len(t.names) }

// Class returns the class of name in the table; ok is false when the
// table does not have it.
func (t *ClassTable) Class(name string) (c Class, ok bool) {
	c, ok = t.byName[name]
	return c, ok
}
