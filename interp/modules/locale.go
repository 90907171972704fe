package modules

import (
	"strings"

	"github.com/parallel-py/parallel/interp"
)

// The _locale module of CPython 3.12, for the C locale only: the
// interpreter behaves as CPython does on Linux with LANG=C.UTF-8 (the
// character type category is C.UTF-8, the others C), and setlocale
// accepts only the C and POSIX locales (and C.UTF-8); any other raises
// locale.Error "unsupported locale setting", as for a locale the system
// lacks. Collation is by code point, and the gettext functions answer
// their messages untranslated, as the C locale does.

var localeTable moduleTable

// The categories of glibc, in the order of its composite LC_ALL name.
var localeCategories = []struct {
	name string
	id   int
}{
	{"LC_CTYPE", 0}, {"LC_NUMERIC", 1}, {"LC_TIME", 2}, {"LC_COLLATE", 3},
	{"LC_MONETARY", 4}, {"LC_MESSAGES", 5}, {"LC_PAPER", 7}, {"LC_NAME", 8},
	{"LC_ADDRESS", 9}, {"LC_TELEPHONE", 10}, {"LC_MEASUREMENT", 11}, {"LC_IDENTIFICATION", 12},
}

const lcAll = 6

// langinfo is nl_langinfo's answers in the C locale, by glibc's item
// numbers.
var langinfo = map[int64]string{
	14: "UTF-8", 65536: ".", 65537: "", 262159: "-", 327680: "^[yY]", 327681: "^[nN]",
	131110: "AM", 131111: "PM", 131112: "%a %b %e %H:%M:%S %Y", 131113: "%m/%d/%y",
	131114: "%H:%M:%S", 131115: "%I:%M:%S %p", 131116: "", 131118: "", 131119: "",
	131120: "", 131121: "", 131180: "%a %b %e %H:%M:%S %Z %Y",
}

// localeConstants are the module's int constants besides LC_*.
var localeConstants = map[string]int64{
	"CODESET": 14, "RADIXCHAR": 65536, "THOUSEP": 65537, "CRNCYSTR": 262159,
	"YESEXPR": 327680, "NOEXPR": 327681, "AM_STR": 131110, "PM_STR": 131111,
	"D_T_FMT": 131112, "D_FMT": 131113, "T_FMT": 131114, "T_FMT_AMPM": 131115,
	"ERA": 131116, "ERA_D_FMT": 131118, "ALT_DIGITS": 131119, "ERA_D_T_FMT": 131120,
	"ERA_T_FMT": 131121, "_DATE_FMT": 131180, "CHAR_MAX": 127,
}

func init() {
	interp.RegisterModule("_locale", initLocale)
	days := []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	for i, d := range days {
		n := localeItoa(i + 1)
		localeConstants["DAY_"+n] = 131079 + int64(i)
		localeConstants["ABDAY_"+n] = 131072 + int64(i)
		langinfo[131079+int64(i)] = d
		langinfo[131072+int64(i)] = d[:3]
	}
	months := []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	for i, m := range months {
		n := localeItoa(i + 1)
		localeConstants["MON_"+n] = 131098 + int64(i)
		localeConstants["ABMON_"+n] = 131086 + int64(i)
		langinfo[131098+int64(i)] = m
		langinfo[131086+int64(i)] = m[:3]
	}
	t := &localeTable
	for _, c := range localeCategories[:6] {
		t.set(c.name, interp.Int(int64(c.id)))
	}
	t.set("LC_ALL", interp.Int(lcAll))
	for name, v := range localeConstants {
		t.set(name, interp.Int(v))
	}
	t.fn("setlocale", localeSetlocale)
	t.fn("localeconv", localeLocaleconv)
	t.fn("getencoding", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount("getencoding", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return in.NewStr("UTF-8")
	})
	t.fn("nl_langinfo", localeNlLanginfo)
	t.fn("strcoll", localeStrcoll)
	t.fn("strxfrm", localeStrxfrm)
	t.fn("gettext", gettextFunc("gettext", 1))
	t.fn("dgettext", gettextFunc("dgettext", 2))
	t.fn("dcgettext", gettextFunc("dcgettext", 3))
	t.fn("textdomain", localeTextdomain)
	t.fn("bindtextdomain", localeBindtextdomain)
	t.fn("bind_textdomain_codeset", localeBindCodeset)
}

func localeItoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// localeState is an interpreter's locale: each category's name, its
// locale.Error class and its text domain.
type localeState struct {
	names    map[int]string
	errClass Value // owned
	domain   string
}

var localeStateKey byte

func getLocaleState(in *interp.Interp) *localeState {
	return in.ModuleState(&localeStateKey, func() any {
		st := &localeState{names: map[int]string{}, domain: "messages"}
		for _, c := range localeCategories {
			st.names[c.id] = "C"
		}
		st.names[0] = "C.UTF-8"
		return st
	}).(*localeState)
}

func initLocale(in *interp.Interp, m *interp.Module) error {
	if err := localeTable.fill(in, m); err != nil {
		return err
	}
	st := getLocaleState(in)
	if st.errClass.IsNil() {
		cls, err := newExceptionClass(in, "Error", "locale")
		if err != nil {
			return err
		}
		st.errClass = cls
	}
	return m.Set(in, "Error", st.errClass)
}

// newExceptionClass makes class name(Exception) with __module__ module.
func newExceptionClass(in *interp.Interp, name, module string) (Value, error) {
	n, err := in.NewStr(name)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(n)
	bases, err := in.NewTuple(interp.TypeValue(interp.ExcType("Exception")))
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(bases)
	ns, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(ns)
	mod, err := in.NewStr(module)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(mod)
	if err := in.DictSet(interp.AsDict(ns), interp.ImmortalStr("__module__"), mod); err != nil {
		return Value{}, err
	}
	return in.Call(interp.TypeValue(interp.TypeType), []Value{n, bases, ns}, nil)
}

// localeError raises locale.Error(msg).
func localeError(in *interp.Interp, msg string) error {
	st := getLocaleState(in)
	if st.errClass.IsNil() {
		return in.Raise(interp.RuntimeError, "%s", msg)
	}
	m, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	defer in.DecRef(m)
	e, err := in.Call(st.errClass, []Value{m}, nil)
	if err != nil {
		return err
	}
	defer in.DecRef(e)
	return in.RaiseValue(e)
}

var setlocaleParams = interp.Params{Func: "setlocale", Names: []string{"category", "locale"}, Required: 1}

func localeSetlocale(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var catArg, locArg Value
	if err := in.Unpack(&setlocaleParams, args, kwnames, &catArg, &locArg); err != nil {
		return Value{}, err
	}
	if !interp.IsInt(catArg) {
		return Value{}, in.Raise(interp.TypeError, "'%s' object cannot be interpreted as an integer", typeName(catArg))
	}
	cat, ok := interp.IntValue(catArg)
	st := getLocaleState(in)
	_, known := st.names[int(cat)]
	known = ok && (known || cat == lcAll)
	if locArg.IsNil() || locArg.IsNone() {
		if !known {
			return Value{}, localeError(in, "locale query failed")
		}
		return in.NewStr(st.query(int(cat)))
	}
	if !interp.IsStr(locArg) {
		return Value{}, in.Raise(interp.TypeError, "setlocale() argument 'locale' must be str or None, not %s", typeName(locArg))
	}
	name := locArg.GoString()
	switch name {
	case "C", "POSIX":
		name = "C"
	case "C.UTF-8", "C.utf8", "C.UTF8", "C.utf-8":
		name = "C.UTF-8"
	case "":
		name = "C.UTF-8" // the environment's locale
	default:
		return Value{}, localeError(in, "unsupported locale setting")
	}
	if !known {
		return Value{}, localeError(in, "unsupported locale setting")
	}
	if cat == lcAll {
		for id := range st.names {
			st.names[id] = name
		}
	} else {
		st.names[int(cat)] = name
	}
	return in.NewStr(st.query(int(cat)))
}

// query is setlocale(cat) as glibc answers it: LC_ALL is the one name
// of every category, or their composite when they differ.
func (st *localeState) query(cat int) string {
	if cat != lcAll {
		return st.names[cat]
	}
	first := st.names[0]
	same := true
	parts := make([]string, 0, len(localeCategories))
	for _, c := range localeCategories {
		n := st.names[c.id]
		same = same && n == first
		parts = append(parts, c.name+"="+n)
	}
	if same {
		return first
	}
	return strings.Join(parts, ";")
}

func localeLocaleconv(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("localeconv", args, kwnames, 0, 0); err != nil {
		return Value{}, err
	}
	dv, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	d := interp.AsDict(dv)
	set := func(k string, v Value) error {
		defer in.DecRef(v)
		return in.DictSet(d, interp.ImmortalStr(k), v)
	}
	str := func(s string) Value { return interp.ImmortalStr(s) }
	for _, kv := range []struct {
		k string
		v any
	}{
		{"int_curr_symbol", ""}, {"currency_symbol", ""}, {"mon_decimal_point", ""},
		{"mon_thousands_sep", ""}, {"mon_grouping", nil}, {"positive_sign", ""},
		{"negative_sign", ""}, {"int_frac_digits", 127}, {"frac_digits", 127},
		{"p_cs_precedes", 127}, {"p_sep_by_space", 127}, {"n_cs_precedes", 127},
		{"n_sep_by_space", 127}, {"p_sign_posn", 127}, {"n_sign_posn", 127},
		{"decimal_point", "."}, {"thousands_sep", ""}, {"grouping", nil},
	} {
		var v Value
		switch x := kv.v.(type) {
		case string:
			v = str(x)
		case int:
			v = interp.Int(int64(x))
		default:
			if v, err = in.NewList(); err != nil {
				in.DecRef(dv)
				return Value{}, err
			}
		}
		if err := set(kv.k, v); err != nil {
			in.DecRef(dv)
			return Value{}, err
		}
	}
	return dv, nil
}

func localeNlLanginfo(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("nl_langinfo", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	if !interp.IsInt(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
	}
	k, _ := interp.IntValue(args[0])
	s, ok := langinfo[k]
	if !ok {
		return Value{}, in.Raise(interp.ValueError, "unsupported langinfo constant")
	}
	return in.NewStr(s)
}

func localeStrcoll(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("strcoll", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	for i, a := range args {
		if !interp.IsStr(a) {
			return Value{}, in.Raise(interp.TypeError, "strcoll() argument %d must be str, not %s", i+1, typeName(a))
		}
	}
	a, b := interp.StrRunes(args[0]), interp.StrRunes(args[1])
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return interp.Int(-1), nil
			}
			return interp.Int(1), nil
		}
	}
	switch {
	case len(a) < len(b):
		return interp.Int(-1), nil
	case len(a) > len(b):
		return interp.Int(1), nil
	}
	return interp.Int(0), nil
}

func localeStrxfrm(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("strxfrm", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	if !interp.IsStr(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "strxfrm() argument must be str, not %s", typeName(args[0]))
	}
	return in.NewStr(args[0].GoString())
}

// gettextFunc makes gettext(msg), dgettext(domain, msg) and
// dcgettext(domain, msg, category): in the C locale every message is
// its own translation.
func gettextFunc(fname string, n int) interp.BuiltinFunc {
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount(fname, args, kwnames, n, n); err != nil {
			return Value{}, err
		}
		msg := args[min(n, 2)-1]
		if !interp.IsStr(msg) {
			return Value{}, in.Raise(interp.TypeError, "%s() argument %d must be str, not %s", fname, min(n, 2), typeName(msg))
		}
		interp.IncRef(msg)
		return msg, nil
	}
}

func localeTextdomain(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("textdomain", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	st := getLocaleState(in)
	if !args[0].IsNone() {
		if !interp.IsStr(args[0]) {
			return Value{}, in.Raise(interp.TypeError, "textdomain() argument must be str or None, not %s", typeName(args[0]))
		}
		st.domain = args[0].GoString()
	}
	return in.NewStr(st.domain)
}

func localeBindtextdomain(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("bindtextdomain", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	return Value{}, in.Raise(interp.NotImplementedError, "_locale.bindtextdomain is not implemented yet")
}

func localeBindCodeset(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("bind_textdomain_codeset", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	return Value{}, in.Raise(interp.NotImplementedError, "_locale.bind_textdomain_codeset is not implemented yet")
}
