package interp

import (
	"strings"
	"testing"
)

// Objects whose CPython size we do not model raise NotImplementedError
// from __sizeof__, and sys.getsizeof passes it on even with a default:
// the default answers only a TypeError, as in CPython. (The sizes we do
// model are checked against CPython by the corpus program
// builtins/sizeof.)
func TestSizeofUnknownRaises(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"generator", "def g():\n    yield 1\nimport sys\nsys.getsizeof(g(), 0)", "__sizeof__ of 'generator' objects is not implemented yet"},
		{"type basicsize known, sizeof not", "import sys\nsys.getsizeof(memoryview(b'ab'), 0)", "__sizeof__ of 'memoryview' objects is not implemented yet"},
		{"code", "(lambda: 0).__code__.__sizeof__()", "__sizeof__ of 'code' objects is not implemented yet"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err, _, _ := runForTest(t, tc.src)
			if !ErrorIs(err, notImplementedErrorType) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want NotImplementedError: %s", err, tc.want)
			}
		})
	}
}
