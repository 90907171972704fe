package interp

// except* (PEP 654): CHECK_EG_MATCH splits the exception being handled
// by each clause's types, and PREP_RERAISE_STAR assembles what the
// clauses raised and did not handle into the exception that leaves the
// statement, as CPython's ceval.c and exceptions.c do.

// checkExceptStarType rejects what except* may not name: non-exception
// classes, and exception groups.
func (in *Interp) checkExceptStarType(matchType Value) error {
	classes := []Value{matchType}
	if matchType.Type() == tupleType {
		classes = asObject[Tuple](matchType).items
	}
	for _, c := range classes {
		if !isExceptionClass(c) {
			return in.raise(typeErrorType, "catching classes that do not inherit from BaseException is not allowed")
		}
	}
	for _, c := range classes {
		if (*Type)(c.p).IsSubtype(baseExceptionGroupType) {
			return in.raise(typeErrorType, "catching ExceptionGroup with except* is not allowed. Use except instead.")
		}
	}
	return nil
}

// checkEGMatch is CHECK_EG_MATCH's exception_group_match: the part of
// exc that matchType matches and the rest (new references, None for an
// empty part). A bare exception that matches is wrapped in a group with
// its traceback.
func (in *Interp) checkEGMatch(exc, matchType Value) (rest, match Value, err error) {
	if err := in.checkExceptStarType(matchType); err != nil {
		return Value{}, Value{}, err
	}
	if exc.IsNone() {
		return None, None, nil
	}
	ok, err := in.exceptionMatches(exc, matchType)
	if err != nil {
		return Value{}, Value{}, err
	}
	e := asObject[Exception](exc)
	switch {
	case ok && isGroup(e):
		incRef(exc)
		return None, exc, nil
	case ok:
		g, err := in.newBareGroup(exc)
		if err != nil {
			return Value{}, Value{}, err
		}
		in.replaceTraceback(asObject[Exception](g), e)
		return None, g, nil
	case isGroup(e):
		pair, err := in.CallMethod(exc, "split", []Value{matchType}, nil)
		if err != nil {
			return Value{}, Value{}, err
		}
		defer in.decRef(pair)
		items, isTuple := TupleItems(pair)
		if !isTuple || len(items) != 2 {
			return Value{}, Value{}, in.raise(typeErrorType, "%s.split must return a 2-tuple, got %s", exc.Type().Name, pair.Type().Name)
		}
		incRef(items[0])
		incRef(items[1])
		return items[1], items[0], nil
	}
	incRef(exc)
	return exc, None, nil
}

// newBareGroup is BaseExceptionGroup("", (exc,)), which becomes an
// ExceptionGroup when exc is an Exception.
func (in *Interp) newBareGroup(excs ...Value) (Value, error) {
	seq, err := in.NewTuple(excs...)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(seq)
	return in.Call(valueOf(baseExceptionGroupType), []Value{internName(""), seq}, nil)
}

// sameExceptionMetadata tells whether e is orig re-raised, or a part of
// it that split made, rather than a new exception: the same traceback,
// cause and context. (CPython compares notes too, but split's parts get
// copies of __notes__ in their dict, not in the field it compares, so
// notes never tell them apart; neither do they here.)
func sameExceptionMetadata(e, orig *Exception) bool {
	if e.cause.p != orig.cause.p || e.context.p != orig.context.p {
		return false
	}
	if len(e.traceback) != len(orig.traceback) {
		return false
	}
	for i, t := range e.traceback {
		o := orig.traceback[i]
		if t.code != o.code || t.pc != o.pc || t.frame.p != o.frame.p {
			return false
		}
	}
	return true
}

// collectLeaves adds the exceptions that are not groups inside e.
func collectLeaves(e Value, leaves map[*Exception]bool) {
	if e.IsNone() || e.IsNil() {
		return
	}
	x := asObject[Exception](e)
	if !isGroup(x) {
		leaves[x] = true
		return
	}
	for _, sub := range asObject[Tuple](x.value).items {
		collectLeaves(sub, leaves)
	}
}

// prepReraiseStar is PREP_RERAISE_STAR: from the original exception and
// the list of what each clause raised or left unhandled (None for a
// clause that finished), the exception to raise, or None.
func (in *Interp) prepReraiseStar(orig, excs Value) (Value, error) {
	items := asObject[List](excs).items
	if len(items) == 0 {
		return None, nil
	}
	o := asObject[Exception](orig)
	if !isGroup(o) {
		// A bare exception was wrapped: only one clause ran.
		incRef(items[0])
		return items[0], nil
	}
	var raised, reraised []Value
	for _, e := range items {
		if e.IsNone() {
			continue
		}
		if sameExceptionMetadata(asObject[Exception](e), o) {
			reraised = append(reraised, e)
		} else {
			raised = append(raised, e)
		}
	}
	// What was re-raised leaves as the part of the original that holds
	// those leaves, keeping the original's nesting.
	leaves := map[*Exception]bool{}
	for _, e := range reraised {
		collectLeaves(e, leaves)
	}
	kept, _, err := in.groupSplit(orig, groupMatcher{leaves: leaves}, false)
	if err != nil {
		return Value{}, err
	}
	if kept.IsNil() {
		kept = None
	}
	if len(raised) == 0 {
		return kept, nil
	}
	if !kept.IsNone() {
		raised = append(raised, kept)
	} else {
		in.decRef(kept)
	}
	if len(raised) == 1 {
		incRef(raised[0])
		return raised[0], nil
	}
	list, err := in.NewList(raised...)
	if !kept.IsNone() {
		in.decRef(kept)
	}
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(list)
	return in.Call(valueOf(baseExceptionGroupType), []Value{internName(""), list}, nil)
}
