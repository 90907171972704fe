package interp

import (
	"fmt"
	"sync"
	"testing"
)

// TestInterpretersShareNoMutableState runs two interpreters on two
// goroutines over the same immortal objects (built-in types, kind headers,
// interned strings, None/True/False, NotImplemented); under -race any
// write to shared memory is reported.
func TestInterpretersShareNoMutableState(t *testing.T) {
	rounds := 2000
	if testing.Short() {
		rounds = 200
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			in := New(Options{})
			base := in.Heap().Baseline()
			dv, _ := in.NewDict()
			d := asObject[Dict](dv)
			for i := 0; i < rounds; i++ {
				s, err := in.NewStr(fmt.Sprintf("k%d-%d", g, i%50))
				if err != nil {
					errs <- err
					return
				}
				x, err := in.BinaryOp(OpMul, Int(int64(i)), Int(1<<40))
				if err == nil {
					x, err = in.BinaryOp(OpMul, x, Int(1<<40)) // a big int
				}
				if err != nil {
					errs <- err
					return
				}
				lv, _ := in.NewList(s, x, None, True, NotImplemented, noneRepr)
				if err := in.DictSet(d, s, lv); err != nil {
					errs <- err
					return
				}
				if _, err := in.Hash(noneRepr); err != nil { // an immortal str
					errs <- err
					return
				}
				r, err := in.Repr(lv)
				if err != nil {
					errs <- err
					return
				}
				for _, v := range []Value{s, x, lv, r} {
					in.decRef(v)
				}
			}
			in.decRef(dv)
			if leaks := in.Heap().LeaksSince(base); len(leaks) > 0 {
				errs <- fmt.Errorf("interpreter %d leaks %+v", g, leaks)
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
