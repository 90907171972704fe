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
	obj, _, _ := in.DictGet(asObject[Dict](gv), internName("Q"))
	if _, err := in.GetPlainAttr(NewPlainAttr("missing"), obj); err == nil {
		t.Fatal("a missing attribute was found")
	} else {
		in.DiscardError(err)
	}
}
