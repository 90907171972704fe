package runtime

import (
	"maps"
	"sync"
	"sync/atomic"

	"github.com/parallel-py/parallel/interp"
)

// The fast path of Exec and Call: a call that succeeds should allocate
// nothing of its own and read no clock, so that tiny tasks (a pool's)
// cost little more than the Python code they run.

// opName names an operation in error messages: verb followed by arg
// ("call " and the callable's name), joined only when an error needs
// the text, so that a call that succeeds does not build it.
type opName struct{ verb, arg string }

func (o opName) String() string { return o.verb + o.arg }

// beginOp is begin for op, which it spells out only to report why the
// interpreter cannot run. Keep it in step with begin: when the quick
// check fails, begin itself decides (the state may have changed since,
// and then begin marks the interpreter running as it should).
func (it *Interpreter) beginOp(op opName) error {
	it.mu.Lock()
	if !it.closed && !it.running {
		it.running = true
		it.mu.Unlock()
		return nil
	}
	it.mu.Unlock()
	return it.begin(op.String())
}

// checkName rejects a dotted name with an empty part ("", "a..b",
// ".a"), as Call's lookup does, and returns its first part; it
// allocates nothing.
func checkName(name string) (first string, ok bool) {
	// A loop: names are short, shorter than strings.Cut takes to set
	// up.
	start, end := 0, -1
	for i := 0; i < len(name); i++ {
		if name[i] != '.' {
			continue
		}
		if i == start {
			return "", false
		}
		if end < 0 {
			end = i
		}
		start = i + 1
	}
	if start == len(name) {
		return "", false
	}
	if end < 0 {
		end = len(name)
	}
	return name[:end], true
}

// globalKeys maps the names Call has found among some interpreter's
// __main__ globals to their immortal (interned) str, process-wide, so
// that calling a global again builds no str and hashes nothing: the
// lookup is then by identity, as for a name in compiled code. Only
// names found so are kept, so names that fail (NameError) or resolve
// otherwise (built-ins, modules) do not grow it; the globals' names
// are mostly interned already, by the compiler, when the code that
// binds them is compiled.
//
// The map is read on every call and written once per name, so it is
// copied on write and read without a lock (a plain map lookup is
// several times quicker than sync.Map's); maxGlobalKeys bounds it, and
// so the copying, for programs that call very many distinct names.
var globalKeys struct {
	m  atomic.Pointer[map[string]interp.Value]
	mu sync.Mutex // serializes writers
}

// maxGlobalKeys bounds globalKeys: names beyond it are looked up with a
// new str each time, as they were before it existed.
const maxGlobalKeys = 4096

// globalKey returns the immortal str globalKeys holds for name, if any.
func globalKey(name string) (interp.Value, bool) {
	m := globalKeys.m.Load()
	if m == nil {
		return interp.Value{}, false
	}
	k, ok := (*m)[name]
	return k, ok
}

// addGlobalKey adds name to globalKeys, unless it is full.
func addGlobalKey(name string) {
	globalKeys.mu.Lock()
	defer globalKeys.mu.Unlock()
	old := globalKeys.m.Load()
	var n int
	if old != nil {
		if _, ok := (*old)[name]; ok {
			return
		}
		n = len(*old)
	}
	if n >= maxGlobalKeys {
		return
	}
	m := make(map[string]interp.Value, n+1)
	if old != nil {
		maps.Copy(m, *old)
	}
	m[name] = interp.ImmortalStr(name)
	globalKeys.m.Store(&m)
}

// mainGlobal looks up first among __main__'s globals (m's dict) and
// returns a new reference to what it is bound to; ok is false when it
// is not bound there.
func mainGlobal(in *interp.Interp, m *interp.Module, first string) (v interp.Value, ok bool, err error) {
	if k, known := globalKey(first); known {
		v, ok, err = in.DictGet(m.Dict(), k)
	} else {
		var key interp.Value
		if key, err = in.NewStr(first); err != nil {
			return interp.Value{}, false, err
		}
		v, ok, err = in.DictGet(m.Dict(), key)
		in.DecRef(key)
		if ok && err == nil {
			addGlobalKey(first)
		}
	}
	if err != nil || !ok {
		return interp.Value{}, false, err
	}
	interp.IncRef(v)
	return v, true, nil
}
