package interp

// What each container type holds, for the cycle finder: traverse visits
// the values an object owns a reference to, clear drops the ones whose
// loss leaves the object valid (CPython's tp_traverse and tp_clear).
// Types left out here are not tracked; a cycle through them is not
// found, which leaks it but never frees anything wrongly.

func visitAll(vs []Value, visit func(Value)) {
	for _, v := range vs {
		if !v.IsNil() {
			visit(v)
		}
	}
}

func visitSome(visit func(Value), vs ...Value) { visitAll(vs, visit) }

// clearField drops the reference in *p, leaving it empty.
func (in *Interp) clearField(p *Value) {
	if old := *p; !old.IsNil() {
		*p = Value{}
		in.decRef(old)
	}
}

func init() {
	listType.traverse = func(v Value, visit func(Value)) { visitAll(asObject[List](v).items, visit) }
	listType.clear = func(in *Interp, v Value) {
		l := asObject[List](v)
		items := l.items
		l.items = l.items[:0]
		for i, x := range items {
			items[i] = Value{}
			in.xdecRef(x)
		}
	}
	tupleType.traverse = func(v Value, visit func(Value)) { visitAll(asObject[Tuple](v).items, visit) }
	dictType.traverse = func(v Value, visit func(Value)) {
		for _, e := range asObject[Dict](v).entries {
			if !e.key.IsNil() {
				visit(e.key)
				visitSome(visit, e.value)
			}
		}
	}
	dictType.clear = func(in *Interp, v Value) { in.dictClear(asObject[Dict](v)) }
	for _, t := range []*Type{setType, frozensetType} {
		t.traverse = func(v Value, visit func(Value)) {
			for i := range asObject[Set](v).table {
				if e := &asObject[Set](v).table[i]; e.active() {
					visit(e.key)
				}
			}
		}
		t.clear = func(in *Interp, v Value) {
			if err := in.setClear(asObject[Set](v)); err != nil {
				in.decRef(valueOf(err.(*Exception)))
			}
		}
	}
	objectType.traverse = func(v Value, visit func(Value)) {
		o := asObject[Instance](v)
		if d := privateDict(o.dict); d != nil {
			// Its values are the instance's (gc.get_referents lists
			// them, as CPython 3.12 lists inline values).
			for _, e := range d.ownedEntries() {
				if !e.key.IsNil() {
					visitSome(visit, e.value)
				}
			}
		} else {
			visitSome(visit, o.dict)
		}
		visitAll(o.slots, visit)
	}
	objectType.clear = func(in *Interp, v Value) {
		o := asObject[Instance](v)
		in.clearField(&o.dict)
		for i := range o.slots {
			in.clearField(&o.slots[i])
		}
	}
	namespaceType.traverse, namespaceType.clear = objectType.traverse, objectType.clear
	functionType.traverse = func(v Value, visit func(Value)) {
		f := asObject[Function](v)
		visitSome(visit, f.globals, f.name, f.qualname, f.defaults, f.kwdefaults, f.closure, f.dict, f.module, f.annotations, f.docSet, f.typeParams)
	}
	functionType.clear = func(in *Interp, v Value) {
		f := asObject[Function](v)
		for _, p := range []*Value{&f.globals, &f.defaults, &f.kwdefaults, &f.closure, &f.dict, &f.module, &f.annotations, &f.docSet, &f.typeParams} {
			in.clearField(p)
		}
	}
	boundMethodType.traverse = func(v Value, visit func(Value)) {
		m := asObject[BoundMethod](v)
		visitSome(visit, m.fn, m.self)
	}
	cellType.traverse = func(v Value, visit func(Value)) { visitSome(visit, asObject[Cell](v).v) }
	cellType.clear = func(in *Interp, v Value) { in.clearField(&asObject[Cell](v).v) }
	generatorType.traverse = func(v Value, visit func(Value)) {
		g := asObject[Generator](v)
		visitSome(visit, g.name, g.qualname, g.excState)
		if f := g.frame; f != nil {
			visitAll(f.slots[:f.sp], visit)
			visitSome(visit, f.fn)
		}
	}
	generatorType.clear = func(in *Interp, v Value) {
		if g := asObject[Generator](v); g.frame != nil && !g.running {
			in.freeGenFrame(g)
		}
	}
	for _, t := range exceptionTypes {
		t.traverse = func(v Value, visit func(Value)) {
			e := asObject[Exception](v)
			visitSome(visit, e.args, e.context, e.cause, e.dict, e.name, e.obj, e.value, e.msg, e.path, e.tbObj)
			visitAll(e.slots, visit)
			for _, t := range e.traceback {
				visitSome(visit, t.globals, t.frame)
			}
		}
		t.clear = func(in *Interp, v Value) {
			e := asObject[Exception](v)
			e.tbLen = 0
			in.dropTraceback(e)
			for i := range e.slots {
				in.clearField(&e.slots[i])
			}
			for _, p := range []*Value{&e.context, &e.cause, &e.dict, &e.name, &e.obj, &e.value, &e.msg, &e.path, &e.tbObj} {
				in.clearField(p)
			}
			if old := e.args; old.p != emptyTuple.p {
				e.args = emptyTuple
				in.decRef(old)
			}
		}
	}
	moduleType.traverse = func(v Value, visit func(Value)) { visitSome(visit, asObject[Module](v).dict) }
	moduleType.clear = func(in *Interp, v Value) {
		if d := asObject[Module](v).dict; !d.IsNil() {
			in.dictClear(asObject[Dict](d))
		}
	}
	typeType.traverse = func(v Value, visit func(Value)) {
		t := (*Type)(v.p)
		if t.dict != nil {
			visit(valueOf(t.dict))
		}
		for _, b := range t.Bases {
			visit(valueOf(b))
		}
	}
	typeType.clear = func(in *Interp, v Value) {
		if t := (*Type)(v.p); t.dict != nil {
			in.dictClear(t.dict)
		}
	}
	propertyType.traverse = func(v Value, visit func(Value)) {
		p := asObject[property](v)
		visitSome(visit, p.get, p.set, p.del, p.doc)
	}
	propertyType.clear = func(in *Interp, v Value) {
		p := asObject[property](v)
		for _, f := range []*Value{&p.get, &p.set, &p.del, &p.doc} {
			in.clearField(f)
		}
	}
	for _, t := range []*Type{staticMethodType, classMethodType} {
		t.traverse = func(v Value, visit func(Value)) { visitSome(visit, asObject[staticMethod](v).fn) }
	}
	superType.traverse = func(v Value, visit func(Value)) {
		s := asObject[superObject](v)
		visitSome(visit, valueOf(s.start), s.obj, valueOf(s.objType))
	}
	sliceType.traverse = func(v Value, visit func(Value)) {
		s := asObject[Slice](v)
		visitSome(visit, s.start, s.stop, s.step)
	}
	mappingProxyType.traverse = func(v Value, visit func(Value)) { visitSome(visit, asObject[mappingProxy](v).mapping) }
	tracebackType.traverse = func(v Value, visit func(Value)) {
		t := asObject[TracebackObject](v)
		visitSome(visit, t.next, t.globals, t.frame)
	}
	tracebackType.clear = func(in *Interp, v Value) {
		t := asObject[TracebackObject](v)
		in.clearField(&t.next)
		in.clearField(&t.globals)
		in.clearField(&t.frame)
	}
	frameObjectType.traverse = func(v Value, visit func(Value)) {
		f := asObject[frameObject](v)
		visitSome(visit, f.globals, f.names, f.back)
		for _, x := range f.locals {
			visitSome(visit, x)
		}
	}
	frameObjectType.clear = func(in *Interp, v Value) { in.clearFrameObject(asObject[frameObject](v)) }
	for _, t := range []*Type{dictKeysType, dictValuesType, dictItemsType} {
		t.traverse = func(v Value, visit func(Value)) { visitSome(visit, asObject[dictView](v).dict) }
	}
	enumerateType.traverse = func(v Value, visit func(Value)) {
		e := asObject[enumerateObject](v)
		visitSome(visit, e.it, e.big)
	}
	zipType.traverse = func(v Value, visit func(Value)) { visitAll(asObject[zipObject](v).iters, visit) }
	mapType.traverse = func(v Value, visit func(Value)) {
		m := asObject[mapObject](v)
		visitSome(visit, m.fn)
		visitAll(m.iters, visit)
	}
	filterType.traverse = func(v Value, visit func(Value)) {
		f := asObject[filterObject](v)
		visitSome(visit, f.fn, f.it)
	}
	callIterType.traverse = func(v Value, visit func(Value)) {
		c := asObject[callIterObject](v)
		visitSome(visit, c.fn, c.sentinel)
	}
}
