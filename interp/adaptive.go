package interp

import (
	"os"
	"strconv"
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/bytecode"
)

// The specializing adaptive interpreter (PEP 659), per interpreter.
//
// A Code and its template are shared by every interpreter of the process
// and read concurrently, so quickening never writes to them: each
// interpreter keeps its own adaptiveCode per Code — a copy of the
// instruction words that the specializer rewrites in place, and the
// inline caches the bytecode table lays out (bytecode.LayoutCaches, kept
// in the template as CacheOffsets). It is made on the code's first run
// in that interpreter and found through Code.index in a slice, so a call
// costs one bounds check and one load, never a map lookup.
// docs/design/specialization.md has the whole design.

// cacheEntry is one inline-cache entry. The bytecode table counts
// entries; the interpreter gives each a pointer word and a 64-bit word
// (the shape of a Value), so that a cached object — a descriptor, a
// method — stays visible to Go's garbage collector. The object is
// borrowed: a version guard proves it is still where it was found.
type cacheEntry struct {
	p unsafe.Pointer
	n uint64
}

func (c *cacheEntry) value() Value { return Value{c.p, c.n} }

func (c *cacheEntry) setValue(v Value) { c.p, c.n = v.p, v.n }

// adaptiveCode is one interpreter's quickened copy of a code object.
type adaptiveCode struct {
	instrs  []bytecode.Instr
	offsets []uint32 // the template's CacheOffsets (shared, read-only)
	caches  []cacheEntry
	// cacheAt is, by pc, the instruction's first cache entry (nil when
	// it has none). The hot loop reaches a cache through it with one
	// load and one bounds check, where offsets and caches cost two
	// dependent loads, two bounds checks and a slice expression (about
	// 20 machine instructions at each cached instruction).
	cacheAt []*cacheEntry
}

// at returns the entry i places after c, the first of an instruction's
// cache: the forms index their family's layout with constants below its
// CacheSize (opcodes.def), which the loop then reads without a bounds
// check.
func (c *cacheEntry) at(i uintptr) *cacheEntry {
	return (*cacheEntry)(unsafe.Add(unsafe.Pointer(c), i*unsafe.Sizeof(cacheEntry{})))
}

// cacheAtPC returns cacheAt[pc], for the fast loop: cacheAt has an
// entry for every instruction, so a pc in range (see instrAt) needs no
// bounds check (rcdebug builds check it all the same).
func cacheAtPC(cacheAt []*cacheEntry, pc int) *cacheEntry {
	if alloc.Debug {
		return cacheAt[pc]
	}
	return *(**cacheEntry)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(cacheAt)), uintptr(pc)*unsafe.Sizeof((*cacheEntry)(nil))))
}

// entryAt returns &d.entries[ix] for an index a cache guard has proven
// in range: a dict's keys version (the entries have not moved since ix
// was cached) or its shape (whose keys include one at ix). The load
// needs no bounds check (rcdebug builds check it all the same).
func entryAt(d *Dict, ix uint64) *dictEntry {
	if alloc.Debug {
		return &d.entries[ix]
	}
	return (*dictEntry)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(d.entries)), uintptr(ix)*unsafe.Sizeof(dictEntry{})))
}

// attrWay returns the way of LOAD_ATTR's cache c (entries 1-2, 3-4, 5-6,
// 7-8) whose first entry holds version, nil when none does. It is
// unrolled, and runFastIn calls it only when way 1 misses: the same
// scan as a loop inlined in runFastIn cost the register allocator more
// than it saved (deltablue 1937 -> 2017 M instructions). A test keeps
// the four ways equal to the cache's size in opcodes.def.
func (c *cacheEntry) attrWay(version uint32) *cacheEntry {
	if e := c.at(1); uint32(e.n) == version {
		return e
	}
	if e := c.at(3); uint32(e.n) == version {
		return e
	}
	if e := c.at(5); uint32(e.n) == version {
		return e
	}
	if e := c.at(7); uint32(e.n) == version {
		return e
	}
	return nil
}

// storeWay is attrWay for STORE_ATTR's cache, whose ways are one entry
// each (1 to 4).
func (c *cacheEntry) storeWay(version uint32) *cacheEntry {
	if e := c.at(1); uint32(e.n) == version {
		return e
	}
	if e := c.at(2); uint32(e.n) == version {
		return e
	}
	if e := c.at(3); uint32(e.n) == version {
		return e
	}
	if e := c.at(4); uint32(e.n) == version {
		return e
	}
	return nil
}

// entries returns the n entries of the cache that starts at c, for the
// functions that take a cache as a slice.
func (c *cacheEntry) entries(n uint32) []cacheEntry { return unsafe.Slice(c, n) }

// Entry 0 of every family head's cache is its counter: the low 16 bits
// count down, bits 16-19 hold the backoff exponent. A family head whose
// count is 0 tries to specialize; a specialized form whose count reaches
// 0 on a miss deoptimizes back to the head.
const (
	counterMask  = 1<<16 - 1
	backoffShift = 16
	maxBackoff   = 12 // CPython's 12-bit cap: at most 4095 executions between attempts
	// cooldown is how many misses a specialized form absorbs before it
	// deoptimizes (CPython's ADAPTIVE_COOLDOWN_VALUE).
	cooldown = 52
)

// backoffCounter is the counter after a failed attempt or a deopt: wait
// twice as long as last time.
func backoffCounter(n uint64) uint64 {
	b := min((n>>backoffShift)&0xF+1, maxBackoff)
	return b<<backoffShift | (1<<b - 1)
}

// specState is an interpreter's specializer state.
type specState struct {
	codes []*adaptiveCode // by Code.index
	// off disables specialization (-X nospecialize, PARALLEL_NOSPECIALIZE):
	// family heads never rewrite themselves.
	off bool
	// warmup is the counter a family head starts with: it specializes on
	// execution warmup+1 (PARALLEL_SPECIALIZE_THRESHOLD, default 2, as
	// CPython's warm-up of 1).
	warmup uint64
	// keysVersion numbers dict key sets (Dict.keysVersion).
	keysVersion uint32
	// stats counts per opcode when enabled (-X specialize_stats,
	// PARALLEL_STATS=1, EnableSpecializationStats).
	stats *specStats
}

// specStats are the per-opcode counters; a family's row sums its members.
type specStats struct {
	exec, hit, miss, deopt, spec, fail [256]uint64
}

// init reads the specializer's settings from the -X options and the
// environment.
func (s *specState) init(opts Options) {
	threshold := 2
	if v := os.Getenv("PARALLEL_SPECIALIZE_THRESHOLD"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 1 {
			threshold = n
		}
	}
	if v := os.Getenv("PARALLEL_NOSPECIALIZE"); v != "" && v != "0" {
		s.off = true
	}
	if v := os.Getenv("PARALLEL_STATS"); v != "" && v != "0" {
		s.stats = &specStats{}
	}
	for _, x := range opts.XOptions {
		name, val, _ := strings.Cut(x, "=")
		switch name {
		case "nospecialize":
			s.off = true
		case "specialize_threshold":
			if n, err := strconv.Atoi(val); err == nil && n >= 1 {
				threshold = n
			}
		case "specialize_stats":
			s.stats = &specStats{}
		}
	}
	s.warmup = uint64(min(threshold-1, counterMask))
}

// newAdaptive makes this interpreter's adaptive copy of c, on the code's
// first run in it; newFrame finds it after that in in.spec.codes.
func (in *Interp) newAdaptive(c *Code) *adaptiveCode {
	t := c.tmpl
	ac := &adaptiveCode{offsets: t.CacheOffsets}
	if len(ac.offsets) != len(t.Instructions) {
		// A template built without its layout (tests that assemble code
		// by hand): lay the caches out here.
		ac.offsets, _ = bytecode.LayoutCaches(t.Instructions)
	}
	size := 0
	if n := len(t.Instructions); n > 0 {
		size = int(ac.offsets[n-1]) + t.Instructions[n-1].Op().CacheSize()
	}
	ac.caches = make([]cacheEntry, size)
	ac.cacheAt = make([]*cacheEntry, len(t.Instructions))
	for pc, instr := range t.Instructions {
		if instr.Op().CacheSize() > 0 {
			ac.cacheAt[pc] = &ac.caches[ac.offsets[pc]]
		}
	}
	if in.spec.off {
		// Nothing is ever rewritten: share the template's words.
		ac.instrs = t.Instructions
		for pc, instr := range t.Instructions {
			if instr.Op().IsAdaptive() {
				ac.caches[ac.offsets[pc]].n = counterMask
			}
		}
	} else {
		ac.instrs = append([]bytecode.Instr(nil), t.Instructions...)
		for pc, instr := range ac.instrs {
			if instr.Op().IsAdaptive() {
				ac.caches[ac.offsets[pc]].n = in.spec.warmup
			}
		}
		fuseSuperinstructions(ac.instrs)
	}
	i := int(c.index)
	if i >= len(in.spec.codes) {
		codes := make([]*adaptiveCode, max(i+1, 2*len(in.spec.codes)))
		copy(codes, in.spec.codes)
		in.spec.codes = codes
	}
	in.spec.codes[i] = ac
	return ac
}

// fuseSuperinstructions rewrites the first of each pair of adjacent
// instructions that a superinstruction covers, as CPython 3.12's
// quickening does: in a run of LOAD_FASTs each one becomes
// LOAD_FAST__LOAD_FAST but the last, so a run of n costs n/2 dispatches
// from its start and a jump into its middle still finds each word's own
// meaning. Only the exact pairs are fused: LOAD_FAST_CHECK, which may
// raise, never is.
func fuseSuperinstructions(instrs []bytecode.Instr) {
	for pc := 0; pc+1 < len(instrs); pc++ {
		var super bytecode.Op
		switch first, second := instrs[pc].Op(), instrs[pc+1].Op(); {
		case first == bytecode.LOAD_FAST && second == bytecode.LOAD_FAST:
			super = bytecode.LOAD_FAST__LOAD_FAST
		case first == bytecode.LOAD_FAST && second == bytecode.BINARY_SUBSCR:
			super = bytecode.LOAD_FAST__BINARY_SUBSCR
		case first == bytecode.LOAD_FAST && second == bytecode.LOAD_CONST:
			super = bytecode.LOAD_FAST__LOAD_CONST
		case first == bytecode.LOAD_CONST && second == bytecode.LOAD_FAST:
			super = bytecode.LOAD_CONST__LOAD_FAST
		case first == bytecode.STORE_FAST && second == bytecode.LOAD_FAST:
			super = bytecode.STORE_FAST__LOAD_FAST
		case first == bytecode.STORE_FAST && second == bytecode.STORE_FAST:
			super = bytecode.STORE_FAST__STORE_FAST
		default:
			continue
		}
		instrs[pc] = instrs[pc].WithOp(super)
	}
}

// due is a family head's counter: it counts down and reports whether
// the count is out, when the head at pc should try to specialize
// (adaptNow). It is apart from adaptNow so that it inlines into the
// loop: every execution of a head that stays generic pays for it.
func (ac *adaptiveCode) due(pc int) bool {
	c := &ac.caches[ac.offsets[pc]]
	if c.n&counterMask != 0 {
		c.n--
		return false
	}
	return true
}

// adaptNow tries to specialize the family head at pc, whose operands
// are on f's stack, once due has said its count is out.
func (in *Interp) adaptNow(f *frame, ac *adaptiveCode, pc int) {
	in.specialize(f, ac, pc, &ac.caches[ac.offsets[pc]])
}

// specialize tries to rewrite the family head at pc to a specialized form
// that suits its operands; c is its counter.
func (in *Interp) specialize(f *frame, ac *adaptiveCode, pc int, c *cacheEntry) {
	if in.spec.off {
		c.n = counterMask
		return
	}
	instr := ac.instrs[pc]
	op := instr.Op()
	spec := in.pickSpecialization(f, ac, pc, instr)
	if s := in.spec.stats; s != nil {
		if spec != 0 {
			s.spec[op]++
		} else {
			s.fail[op]++
		}
	}
	if spec == 0 {
		c.n = backoffCounter(c.n)
		return
	}
	ac.instrs[pc] = instr.WithOp(spec)
	c.n = c.n&^counterMask | cooldown
}

// specMiss records a failed guard of the specialized instruction at pc;
// after cooldown misses it rewrites the instruction back to its family
// head, which waits (with backoff) before trying again.
func (in *Interp) specMiss(ac *adaptiveCode, pc int) {
	instr := ac.instrs[pc]
	c := &ac.caches[ac.offsets[pc]]
	if s := in.spec.stats; s != nil {
		s.miss[instr.Op()]++
	}
	if c.n&counterMask != 0 {
		c.n--
		return
	}
	if s := in.spec.stats; s != nil {
		s.deopt[instr.Op()]++
	}
	ac.instrs[pc] = instr.WithOp(instr.Op().Base())
	c.n = backoffCounter(c.n)
}

// specHit counts a specialized instruction whose guards held.
func (in *Interp) specHit(op bytecode.Op) {
	if s := in.spec.stats; s != nil {
		s.hit[op]++
	}
}

// specExec counts an execution of a family head.
func (in *Interp) specExec(op bytecode.Op) {
	if s := in.spec.stats; s != nil {
		s.exec[op]++
	}
}

// SpecializationStat is one family's counters (see SpecializationStats).
type SpecializationStat struct {
	Family string // the family head, e.g. "LOAD_ATTR"
	// Executions counts every execution of the family's instructions,
	// Hits those of specialized forms whose guards held, Misses those
	// whose guards failed (they ran the generic form), Deopts the
	// rewrites back to the head, Specialized and Failures the attempts
	// to specialize that succeeded and failed.
	Executions, Hits, Misses, Deopts, Specialized, Failures uint64
}

// SpecializationStats returns the specializer's counters per family, in
// opcode order, leaving out families that never ran; nil when counting
// is off (see EnableSpecializationStats).
func (in *Interp) SpecializationStats() []SpecializationStat {
	s := in.spec.stats
	if s == nil {
		return nil
	}
	var out []SpecializationStat
	for _, head := range bytecode.Ops() {
		if !head.IsAdaptive() {
			continue
		}
		r := SpecializationStat{Family: head.String()}
		for _, op := range append([]bytecode.Op{head}, head.Specializations()...) {
			r.Executions += s.exec[op] + s.hit[op] + s.miss[op]
			r.Hits += s.hit[op]
			r.Misses += s.miss[op]
			r.Deopts += s.deopt[op]
			r.Specialized += s.spec[op]
			r.Failures += s.fail[op]
		}
		if r.Executions > 0 {
			out = append(out, r)
		}
	}
	return out
}

// EnableSpecializationStats starts counting the specializer's work (it
// costs a branch per specialized instruction); PARALLEL_STATS=1 or
// -X specialize_stats turn it on from the start.
func (in *Interp) EnableSpecializationStats() {
	if in.spec.stats == nil {
		in.spec.stats = &specStats{}
	}
}

// SpecializationEnabled reports whether the interpreter specializes
// (false under -X nospecialize or PARALLEL_NOSPECIALIZE=1).
func (in *Interp) SpecializationEnabled() bool { return !in.spec.off }

// newKeysVersion gives d a keys version if it has none and returns it,
// or 0 when the interpreter has used them all up (a version is never
// reused, so the instruction just stays generic).
func (in *Interp) newKeysVersion(d *Dict) uint32 {
	if d.keysVersion == 0 {
		if in.spec.keysVersion == 1<<32-1 {
			return 0
		}
		in.spec.keysVersion++
		d.keysVersion = in.spec.keysVersion
	}
	return d.keysVersion
}
