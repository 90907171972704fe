package syntax

import "reflect"

var (
	nodeType  = reflect.TypeOf((*Node)(nil)).Elem()
	enumTypes = map[reflect.Type]bool{
		reflect.TypeOf(Load):   true,
		reflect.TypeOf(And):    true,
		reflect.TypeOf(Add):    true,
		reflect.TypeOf(Invert): true,
		reflect.TypeOf(Eq):     true,
	}
)

// treeDepth returns the depth of the tree at v the way CPython counts it
// when it converts a tree to Python objects: every node is a level, and so
// are the context and operator singletons (Load(), Add()); lists are not.
// Only deeply nested input gets here, so reflection's cost does not matter.
func treeDepth(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		return treeDepth(v.Elem())
	case reflect.Slice:
		deepest := 0
		for i := 0; i < v.Len(); i++ {
			deepest = max(deepest, treeDepth(v.Index(i)))
		}
		return deepest
	case reflect.Struct:
		if !reflect.PointerTo(v.Type()).Implements(nodeType) {
			return 0 // Loc, or a constant such as EllipsisType
		}
		deepest := 0
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.Tag.Get("py") != "" {
				deepest = max(deepest, treeDepth(v.Field(i)))
			}
		}
		return deepest + 1
	}
	if enumTypes[v.Type()] {
		return 1
	}
	return 0
}
