package modules

import (
	"strconv"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// Match objects (re.Match) and scanners (_sre.SRE_Scanner).

// matchObject is a successful match: marks holds the span of every
// group, group 0 first (-1 for a group that did not match).
type matchObject struct {
	alloc.Header
	alloc.GCLink
	pattern   Value
	string    Value
	sub       subject
	marks     []int
	pos       int
	endpos    int
	lastindex int
}

var matchType = interp.NewType[matchObject](interp.TypeSpec{
	Name: "Match", Module: "re",
	Doc: "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
	Dealloc: func(in *interp.Interp, v Value) {
		m := interp.ObjectOf[matchObject](v)
		releaseAll(in, []Value{m.pattern, m.string})
	},
	Traverse: func(v Value, visit func(Value)) {
		m := interp.ObjectOf[matchObject](v)
		visitAll([]Value{m.pattern, m.string}, visit)
	},
	Repr:    matchRepr,
	GetItem: func(in *interp.Interp, v, key Value) (Value, error) { return matchGroup(in, matchOf(v), key) },
})

func matchOf(v Value) *matchObject { return interp.ObjectOf[matchObject](v) }

// newMatch makes the Match of the state's last success.
func newMatch(in *interp.Interp, pattern, string Value, sub subject, st *sreState) (Value, error) {
	m, err := interp.NewObject[matchObject](in, matchType)
	if err != nil {
		return Value{}, err
	}
	marks := make([]int, 2*(st.ngroups+1))
	marks[0], marks[1] = st.start, st.ptr
	for g := 0; g < st.ngroups; g++ {
		s, e, ok := st.mark(g)
		if !ok {
			s, e = -1, -1
		}
		marks[2*g+2], marks[2*g+3] = s, e
	}
	interp.IncRef(pattern)
	interp.IncRef(string)
	m.pattern, m.string, m.sub, m.marks = pattern, string, sub, marks
	m.pos, m.endpos = st.pos, st.end
	m.lastindex = st.regs[regLastIndex]
	return interp.ValueOf(m), nil
}

// groupIndex resolves a group argument: an int, or a name of the
// pattern's groupindex.
func (m *matchObject) groupIndex(in *interp.Interp, key Value) (int, error) {
	i := -1
	if interp.IsInt(key) || isIndexable(in, key) {
		n, err := in.AsSsize(key)
		if err != nil {
			if !interp.ErrorIs(err, interp.OverflowError) {
				return 0, err
			}
			in.DiscardError(err) // PyNumber_AsSsize_t clamps
			n = -1
		}
		i = n
	} else {
		d := interp.AsDict(patternOf(m.pattern).groupindex)
		v, ok, err := in.DictGet(d, key)
		if err != nil {
			return 0, err
		}
		if ok && interp.IsInt(v) {
			if n, ok := interp.IntValue(v); ok {
				i = int(n)
			}
		}
	}
	if i < 0 || i >= len(m.marks)/2 {
		return 0, in.Raise(interp.IndexError, "no such group")
	}
	return i, nil
}

// isIndexable reports whether v has __index__ (PyIndex_Check).
func isIndexable(in *interp.Interp, v Value) bool {
	f, err := in.LookupSpecial(v.Type(), "__index__")
	if err != nil {
		in.DiscardError(err)
		return false
	}
	return !f.IsNil()
}

// groupValue returns group i, or def when it did not match.
func (m *matchObject) groupValue(in *interp.Interp, i int, def Value) (Value, error) {
	s, e := m.marks[2*i], m.marks[2*i+1]
	if s < 0 || e < 0 {
		interp.IncRef(def)
		return def, nil
	}
	return slice(in, m.sub, m.string, s, e)
}

func matchGroup(in *interp.Interp, m *matchObject, key Value) (Value, error) {
	i, err := m.groupIndex(in, key)
	if err != nil {
		return Value{}, err
	}
	return m.groupValue(in, i, interp.None)
}

func matchRepr(in *interp.Interp, v Value) (Value, error) {
	m := matchOf(v)
	g, err := m.groupValue(in, 0, interp.None)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(g)
	r, err := truncRepr(in, g, 50)
	if err != nil {
		return Value{}, err
	}
	return in.NewStr("<re.Match object; span=(" + strconv.Itoa(m.marks[0]) + ", " + strconv.Itoa(m.marks[1]) + "), match=" + r + ">")
}

var (
	groupsParams    = interp.Params{Func: "groups", Names: []string{"default"}}
	groupdictParams = interp.Params{Func: "groupdict", Names: []string{"default"}}
	expandParams    = interp.Params{Func: "expand", Names: []string{"template"}, Required: 1}
)

func init() {
	matchType.AddMethod("group", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("Match.group", kwnames); err != nil {
			return Value{}, err
		}
		m := matchOf(args[0])
		switch len(args) {
		case 1:
			return m.groupValue(in, 0, interp.None)
		case 2:
			return matchGroup(in, m, args[1])
		}
		items := make([]Value, 0, len(args)-1)
		for _, k := range args[1:] {
			x, err := matchGroup(in, m, k)
			if err != nil {
				releaseAll(in, items)
				return Value{}, err
			}
			items = append(items, x)
		}
		return newTupleOwned(in, items)
	})
	matchType.AddMethod("groups", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		var def Value
		if err := in.Unpack(&groupsParams, args[1:], kwnames, &def); err != nil {
			return Value{}, err
		}
		if def.IsNil() {
			def = interp.None
		}
		m := matchOf(args[0])
		items := make([]Value, 0, len(m.marks)/2-1)
		for i := 1; i < len(m.marks)/2; i++ {
			x, err := m.groupValue(in, i, def)
			if err != nil {
				releaseAll(in, items)
				return Value{}, err
			}
			items = append(items, x)
		}
		return newTupleOwned(in, items)
	})
	matchType.AddMethod("groupdict", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		var def Value
		if err := in.Unpack(&groupdictParams, args[1:], kwnames, &def); err != nil {
			return Value{}, err
		}
		if def.IsNil() {
			def = interp.None
		}
		m := matchOf(args[0])
		d, err := in.NewDict()
		if err != nil {
			return Value{}, err
		}
		keys, _ := interp.DictItems(interp.AsDict(patternOf(m.pattern).groupindex))
		for _, k := range keys {
			i, err := m.groupIndex(in, k)
			var x Value
			if err == nil {
				x, err = m.groupValue(in, i, def)
			}
			if err == nil {
				err = in.DictSet(interp.AsDict(d), k, x)
				in.DecRef(x)
			}
			if err != nil {
				in.DecRef(d)
				return Value{}, err
			}
		}
		return d, nil
	})
	spanOf := func(in *interp.Interp, name string, args, kwnames []Value) (int, int, error) {
		if err := in.NoKeywords(name, kwnames); err != nil {
			return 0, 0, err
		}
		if err := in.CheckArgCount(name, args[1:], nil, 0, 1); err != nil {
			return 0, 0, err
		}
		m := matchOf(args[0])
		i := 0
		if len(args) == 2 {
			var err error
			if i, err = m.groupIndex(in, args[1]); err != nil {
				return 0, 0, err
			}
		}
		return m.marks[2*i], m.marks[2*i+1], nil
	}
	matchType.AddMethod("start", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		s, _, err := spanOf(in, "start", args, kwnames)
		return interp.Int(int64(s)), err
	})
	matchType.AddMethod("end", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		_, e, err := spanOf(in, "end", args, kwnames)
		return interp.Int(int64(e)), err
	})
	matchType.AddMethod("span", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		s, e, err := spanOf(in, "span", args, kwnames)
		if err != nil {
			return Value{}, err
		}
		return in.NewTuple(interp.Int(int64(s)), interp.Int(int64(e)))
	})
	matchType.AddMethod("expand", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		var tmpl Value
		if err := in.Unpack(&expandParams, args[1:], kwnames, &tmpl); err != nil {
			return Value{}, err
		}
		m := matchOf(args[0])
		filter, err := compileTemplate(in, m.pattern, tmpl)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(filter)
		if !interp.IsInstance(filter, templateType) {
			return Value{}, in.Raise(interp.TypeError, "invalid template")
		}
		return expandTemplate(in, interp.ObjectOf[templateObject](filter), m)
	})
	copyMethods(matchType, "Match")
	member := func(name string, get func(m *matchObject) Value) {
		matchType.AddGetSet(name, func(in *interp.Interp, v Value) (Value, error) {
			x := get(matchOf(v))
			interp.IncRef(x)
			return x, nil
		}, nil)
	}
	member("string", func(m *matchObject) Value { return m.string })
	member("re", func(m *matchObject) Value { return m.pattern })
	member("pos", func(m *matchObject) Value { return interp.Int(int64(m.pos)) })
	member("endpos", func(m *matchObject) Value { return interp.Int(int64(m.endpos)) })
	member("lastindex", func(m *matchObject) Value {
		if m.lastindex < 0 {
			return interp.None
		}
		return interp.Int(int64(m.lastindex))
	})
	matchType.AddGetSet("lastgroup", func(in *interp.Interp, v Value) (Value, error) {
		m := matchOf(v)
		ig, _ := interp.TupleItems(patternOf(m.pattern).indexgroup)
		if m.lastindex < 0 || m.lastindex >= len(ig) {
			return interp.None, nil
		}
		x := ig[m.lastindex]
		interp.IncRef(x)
		return x, nil
	}, nil)
	matchType.AddGetSet("regs", func(in *interp.Interp, v Value) (Value, error) {
		m := matchOf(v)
		items := make([]Value, 0, len(m.marks)/2)
		for i := 0; i < len(m.marks); i += 2 {
			t, err := in.NewTuple(interp.Int(int64(m.marks[i])), interp.Int(int64(m.marks[i+1])))
			if err != nil {
				releaseAll(in, items)
				return Value{}, err
			}
			items = append(items, t)
		}
		return newTupleOwned(in, items)
	}, nil)
	sreTable.typ("Match", matchType)
}

// ---- Scanner ----

// scannerObject walks the matches of a pattern over a string.
type scannerObject struct {
	alloc.Header
	alloc.GCLink
	pattern Value
	string  Value
	sub     subject
	st      *sreState
	done    bool
}

var scannerType = interp.NewType[scannerObject](interp.TypeSpec{
	Name: "SRE_Scanner", Module: "_sre",
	Dealloc: func(in *interp.Interp, v Value) {
		s := interp.ObjectOf[scannerObject](v)
		releaseAll(in, []Value{s.pattern, s.string})
	},
	Traverse: func(v Value, visit func(Value)) {
		s := interp.ObjectOf[scannerObject](v)
		visitAll([]Value{s.pattern, s.string}, visit)
	},
})

// patternScanner is Pattern.scanner(string, pos=0, endpos=sys.maxsize).
func patternScanner(in *interp.Interp, name string, args, kwnames []Value) (Value, error) {
	str, pos, endpos, err := stringPosArgs(in, name, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	p := patternOf(args[0])
	sub, err := p.getSubject(in, str)
	if err != nil {
		return Value{}, err
	}
	s, err := interp.NewObject[scannerObject](in, scannerType)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(args[0])
	interp.IncRef(str)
	s.pattern, s.string, s.sub = args[0], str, sub
	s.st = p.newState(sub, pos, endpos)
	return interp.ValueOf(s), nil
}

func init() {
	for _, name := range []string{"match", "search"} {
		name := name
		scannerType.AddMethod(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			if err := in.MethNoArgs("SRE_Scanner."+name, args, kwnames); err != nil {
				return Value{}, err
			}
			s := interp.ObjectOf[scannerObject](args[0])
			st := s.st
			if s.done || st.start > st.end {
				return interp.None, nil
			}
			ok, err := run(in, func() bool {
				if name == "search" {
					return st.search()
				}
				st.reset()
				return st.match(0, st.start)
			})
			if err != nil {
				return Value{}, err
			}
			if !ok {
				s.done = true
				return interp.None, nil
			}
			m, err := newMatch(in, s.pattern, s.string, s.sub, st)
			st.mustAdvance = st.ptr == st.start
			st.start = st.ptr
			return m, err
		})
	}
	scannerType.AddGetSet("pattern", func(in *interp.Interp, v Value) (Value, error) {
		p := interp.ObjectOf[scannerObject](v).pattern
		interp.IncRef(p)
		return p, nil
	}, nil)
}
