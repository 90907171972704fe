package interp

import (
	"strings"
	"testing"
)

// Params with a Qualname word their errors as a Python function's, in
// CPython's order (keywords, then the positional count, then what is
// missing); the wanted messages come from CPython 3.12 running
// `def put(self, obj, block=True, timeout=None, *, unbound=None)`.
func TestUnpackAsPython(t *testing.T) {
	in := New(Options{})
	defer in.Close()
	p := Params{Func: "put", Qualname: "Queue.put", Names: []string{"self", "obj", "block", "timeout", "unbound"}, PosOnly: 1, KwOnly: 1, Required: 2}
	tests := []struct {
		npos int
		kw   []string
		want string // the message, or "" for a match
	}{
		{2, nil, ""},
		{4, []string{"unbound"}, ""},
		{1, []string{"obj", "timeout"}, ""},
		{1, nil, "Queue.put() missing 1 required positional argument: 'obj'"},
		{0, nil, "Queue.put() missing 2 required positional arguments: 'self' and 'obj'"},
		{5, nil, "Queue.put() takes from 2 to 4 positional arguments but 5 were given"},
		{5, []string{"unbound"}, "Queue.put() takes from 2 to 4 positional arguments but 5 positional arguments (and 1 keyword-only argument) were given"},
		{5, []string{"nope"}, "Queue.put() got an unexpected keyword argument 'nope'"},
		{2, []string{"obj"}, "Queue.put() got multiple values for argument 'obj'"},
		{1, []string{"self"}, "Queue.put() got multiple values for argument 'self'"},
	}
	for _, tt := range tests {
		args := make([]Value, 0, tt.npos+len(tt.kw))
		for i := range tt.npos + len(tt.kw) {
			args = append(args, Int(int64(i)))
		}
		var kwnames []Value
		for _, k := range tt.kw {
			kwnames = append(kwnames, internName(k))
		}
		var self, obj, block, timeout, unbound Value
		err := in.Unpack(&p, args, kwnames, &self, &obj, &block, &timeout, &unbound)
		got := ""
		if err != nil {
			got = strings.TrimPrefix(err.Error(), "TypeError: ")
			in.DiscardError(err)
		}
		if got != tt.want {
			t.Errorf("%d positional, keywords %v: got %q, want %q", tt.npos, tt.kw, got, tt.want)
		}
		if err == nil && (obj.IsNil() || self.IsNil()) {
			t.Errorf("%d positional, keywords %v: self or obj not filled in", tt.npos, tt.kw)
		}
	}
}
