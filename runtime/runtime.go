package runtime

import (
	"errors"
	"fmt"
	goruntime "runtime"
	"sort"
	"sync"
	"time"

	"github.com/parallel-py/parallel/channels"
	"github.com/parallel-py/parallel/interp/stdlib"
)

// Options configure a Runtime.
type Options struct {
	// Slots is how many interpreters may run bytecode at once (default
	// GOMAXPROCS). More interpreters than slots take turns.
	Slots int
	// SwitchInterval is how long an interpreter waits for a run slot
	// before the longest holder is asked to give one up, and the default
	// sys.getswitchinterval() of new interpreters (default 5 ms, as in
	// CPython).
	SwitchInterval time.Duration
	// StdlibDir is the CPython 3.12 Lib directory to import the
	// standard library from; by default it is looked for as
	// interp/stdlib.Find does. Without one, only built-in modules and
	// those on InterpreterOptions.Path import.
	StdlibDir string
	// MaxItemSize bounds the size of one object sent through a queue or
	// channel, as its copy is counted (24 bytes per element plus the
	// bytes of strs, bytes and big ints): a bigger one is refused with
	// ValueError before it can exhaust memory. 0 means 256 MiB; a
	// negative value means no limit.
	MaxItemSize int64
}

// defaultMaxItemSize is Options.MaxItemSize's default.
const defaultMaxItemSize = 256 << 20

// defaultSwitchInterval is CPython's sys.getswitchinterval() at start.
const defaultSwitchInterval = 5 * time.Millisecond

// A Runtime owns a set of interpreters and the run slots they share. Its
// methods are safe for concurrent use.
type Runtime struct {
	sched    *scheduler
	interval time.Duration
	stdlib   string // "" when there is none
	// stdlibPath is sys.path of an interpreter given no Path: the
	// standard library's directory alone (nil when there is none).
	stdlibPath []string
	// chans holds the queues and channels the interpreters share.
	chans *channels.Registry
	// maxItem is Options.MaxItemSize resolved (0: no limit).
	maxItem int64

	mu      sync.Mutex
	interps map[int64]*Interpreter
	nextID  int64
	closed  bool
}

// New creates a runtime with no interpreters yet.
func New(opts Options) (*Runtime, error) {
	if opts.Slots < 0 || opts.SwitchInterval < 0 {
		return nil, fmt.Errorf("runtime: negative Slots (%d) or SwitchInterval (%v)", opts.Slots, opts.SwitchInterval)
	}
	if opts.Slots == 0 {
		opts.Slots = goruntime.GOMAXPROCS(0)
	}
	if opts.SwitchInterval == 0 {
		opts.SwitchInterval = defaultSwitchInterval
	}
	switch {
	case opts.MaxItemSize == 0:
		opts.MaxItemSize = defaultMaxItemSize
	case opts.MaxItemSize < 0:
		opts.MaxItemSize = 0
	}
	lib := opts.StdlibDir
	if lib == "" {
		if loc, err := stdlib.Find(); err == nil {
			lib = loc.Dir
		}
	}
	var libPath []string
	if lib != "" {
		libPath = []string{lib}
	}
	return &Runtime{
		sched:      newScheduler(opts.Slots, opts.SwitchInterval),
		interval:   opts.SwitchInterval,
		stdlib:     lib,
		stdlibPath: libPath,
		chans:      channels.NewRegistry(),
		maxItem:    opts.MaxItemSize,
		interps:    map[int64]*Interpreter{},
	}, nil
}

// Interpreters returns the live interpreters, by ID.
func (rt *Runtime) Interpreters() []*Interpreter {
	rt.mu.Lock()
	list := make([]*Interpreter, 0, len(rt.interps))
	for _, it := range rt.interps {
		list = append(list, it)
	}
	rt.mu.Unlock()
	sort.Slice(list, func(i, j int) bool { return list[i].id < list[j].id })
	return list
}

// Lookup returns the live interpreter with that ID.
func (rt *Runtime) Lookup(id int64) (*Interpreter, bool) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	it, ok := rt.interps[id]
	return it, ok
}

// reserveID hands out the next interpreter ID: 0, the main
// interpreter's, first.
func (rt *Runtime) reserveID() (int64, error) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.closed {
		return 0, fmt.Errorf("runtime: new interpreter: runtime %w", ErrClosed)
	}
	id := rt.nextID
	rt.nextID++
	return id, nil
}

// register lists a new interpreter, unless the runtime closed while it
// was being made.
func (rt *Runtime) register(it *Interpreter) error {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.closed {
		return fmt.Errorf("runtime: new interpreter: runtime %w", ErrClosed)
	}
	rt.interps[it.id] = it
	return nil
}

func (rt *Runtime) unregister(it *Interpreter) {
	rt.mu.Lock()
	delete(rt.interps, it.id)
	rt.mu.Unlock()
}

// Close closes every interpreter and then the runtime, which makes no
// more. Interpreters still running code are left running and listed,
// and their errors returned joined; Close may be called again once they
// have returned.
func (rt *Runtime) Close() error {
	rt.mu.Lock()
	rt.closed = true
	rt.mu.Unlock()
	var errs []error
	for _, it := range rt.Interpreters() {
		if err := it.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) == 0 {
		rt.sched.stop()
		rt.chans.Close()
	}
	return errors.Join(errs...)
}

// Stats are a runtime's scheduler counters, since it was made.
type Stats struct {
	// Interpreters is how many are live.
	Interpreters int
	// Slots is how many run slots there are.
	Slots int
	// SlotWaits counts the times an interpreter found no free run slot
	// and had to wait for one.
	SlotWaits uint64
	// Handoffs counts the slots handed directly from a releaser to a
	// waiter.
	Handoffs uint64
	// DropRequests counts the times a slot holder was asked to give its
	// slot up for an interpreter that had waited a switch interval.
	DropRequests uint64
}

// Stats returns the scheduler's counters.
func (rt *Runtime) Stats() Stats {
	rt.mu.Lock()
	n := len(rt.interps)
	rt.mu.Unlock()
	s := rt.sched
	s.mu.Lock()
	slots := s.free + len(s.holders)
	s.mu.Unlock()
	return Stats{
		Interpreters: n,
		Slots:        slots,
		SlotWaits:    s.waits.Load(),
		Handoffs:     s.handoffs.Load(),
		DropRequests: s.drops.Load(),
	}
}
