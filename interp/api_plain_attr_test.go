package interp

import "testing"

// GetPlainAttr answers as GetAttr does, also after the class changes
// under it: a property or __getattribute__ added later wins.
func TestGetPlainAttr(t *testing.T) {
	in := New(Options{})
	defer in.Close()
	gv, _ := in.NewDict()
	defer in.decRef(gv)
	src := `class Q:
    def __init__(self, i):
        self._id = i
class Sub(Q):
    pass
q = Q(7)
s = Sub(8)
class Two:
    def __init__(self, first, i):
        if first:
            self._id = i
            self.x = 0
        else:
            self.x = 0
            self._id = i
a = Two(True, 1)
b = Two(False, 2)
c = Two(True, 3)
class NoDict:
    __slots__ = ('_id',)
    def __init__(self):
        self._id = 9
n = NoDict()
`
	if err := in.ExecModule(compileForTest(t, src), asObject[Dict](gv)); err != nil {
		t.Fatal(err)
	}
	a := NewPlainAttr("_id")
	get := func(name string) Value {
		t.Helper()
		obj, _, _ := in.DictGet(asObject[Dict](gv), internName(name))
		v, err := in.GetPlainAttr(a, obj)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	run := func(src string) {
		t.Helper()
		if err := in.ExecModule(compileForTest(t, src), asObject[Dict](gv)); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		obj  string
		want int64
		then string
	}{
		{"q", 7, ""},
		{"q", 7, "q._id = 70"},
		{"q", 70, "Q._id = property(lambda self: 71)"},
		{"q", 71, "del Q._id"},
		{"q", 70, "Sub.__getattribute__ = lambda self, name: 80"},
		{"s", 80, ""},
		{"q", 70, ""},
		{"n", 9, ""},
		// Shapes: the name at another entry, then the same shape again,
		// then dicts that lost their shape or were replaced.
		{"a", 1, ""},
		{"b", 2, ""},
		{"c", 3, ""},
		{"a", 1, "del a.x; a.y = 5"},
		{"a", 1, "del a._id; a._id = 11"},
		{"a", 11, "c.__dict__ = {'x': 0, '_id': 12}"},
		{"c", 12, "c.__dict__.clear(); c._id = 13"},
		{"c", 13, "b.__dict__['_id'] = 14"},
		{"b", 14, ""},
	} {
		v := get(c.obj)
		if v != Int(c.want) {
			t.Fatalf("%s._id = %v, want %d", c.obj, v, c.want)
		}
		in.decRef(v)
		if c.then != "" {
			run(c.then)
		}
	}
	if a.shape == nil {
		t.Fatal("no shape was remembered: the reads all probed")
	}
	obj, _, _ := in.DictGet(asObject[Dict](gv), internName("Q"))
	if _, err := in.GetPlainAttr(NewPlainAttr("missing"), obj); err == nil {
		t.Fatal("a missing attribute was found")
	} else {
		in.DiscardError(err)
	}
}
