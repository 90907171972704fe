package alloc_test

import (
	"sync"
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// TestHammerSeparateAllocators runs one interpreter's worth of allocator,
// pools and stack per goroutine, all touching one shared immortal object.
// Under -race it shows that two Allocators share nothing and that counting
// an immortal object writes nothing.
func TestHammerSeparateAllocators(t *testing.T) {
	const P = 4
	iterations := 20000
	if testing.Short() {
		iterations = 2000
	}
	var shared object
	alloc.MakeImmortal(&shared.Header)

	var wg sync.WaitGroup
	errs := make([]string, P)
	for g := range P {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[g] = hammer(iterations, &shared)
		}()
	}
	wg.Wait()
	for g, e := range errs {
		if e != "" {
			t.Errorf("goroutine %d: %s", g, e)
		}
	}
}

// hammer allocates, counts and frees objects on its own allocator and
// returns what went wrong, if anything.
func hammer(iterations int, shared *object) string {
	a := alloc.New(alloc.Options{Limit: 1 << 20})
	c := a.RegisterClass("node")
	pool := alloc.NewPool[node](64)
	slices := alloc.NewSlicePool[*alloc.Header](256, 8)
	stack := alloc.NewStack[slot](64)
	base := a.Baseline()

	live := make([]*node, 0, 32)
	for i := range iterations {
		x := pool.Get()
		if err := a.Account(&x.Header, c, 96); err != nil {
			return err.Error()
		}
		x.buf = make([]byte, i%7)
		alloc.IncRef(&shared.Header)
		live = append(live, x)

		f := stack.Push(1 + i%40)
		f[0].n = uint64(i)
		items := slices.Get(1 + i%200)
		items[0] = &shared.Header

		if len(live) == cap(live) || i == iterations-1 {
			for _, y := range live {
				alloc.IncRef(&y.Header)
				alloc.DecRef(&y.Header)
				if !alloc.DecRef(&y.Header) {
					return "object not dead"
				}
				alloc.DecRef(&shared.Header)
				a.Free(&y.Header, 96)
				pool.Put(y)
			}
			live = live[:0]
		}
		slices.Put(items)
		stack.Pop(1 + i%40)
	}
	if leaks := a.LeaksSince(base); len(leaks) != 0 {
		return "leaks"
	}
	if s := a.Stats(); s.Allocs != uint64(iterations) || s.Frees != uint64(iterations) || s.Bytes != 0 {
		return "wrong stats"
	}
	if r := a.Reports(); len(r) != 0 {
		return r[0].String()
	}
	return ""
}
