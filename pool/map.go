package pool

import (
	"context"
	"fmt"
	"iter"
	"sync"
	"sync/atomic"
)

// Args is an input of Map or MapStream that holds several arguments:
// fn is called with them spread, where any other input is its one
// argument.
type Args []any

// Result is one outcome of MapStream.
type Result struct {
	// Index is the input's position in the inputs.
	Index int
	// Value is fn's result, when Err is nil.
	Value any
	// Err is the call's error, as Call returns it.
	Err error
}

// Map calls fn on each input (see Args for several arguments) on the
// pool's workers and returns the results in input order. The first
// failure stops it: the calls still queued or running are cancelled,
// and Map returns the error, naming the input. At most Workers of its
// calls are in the pool at once, so one Map does not crowd out other
// callers' tasks; they queue as Call's do (under FailFast, a full
// queue fails them with ErrQueueFull).
func (p *Pool) Map(ctx context.Context, fn string, inputs []any) ([]any, error) {
	out := make([]any, len(inputs))
	for r := range p.MapStream(ctx, fn, inputs) {
		if r.Err != nil {
			return nil, fmt.Errorf("pool: map %s: input %d: %w", fn, r.Index, r.Err)
		}
		out[r.Index] = r.Value
	}
	return out, nil
}

// MapStream calls fn on each input as Map does and yields each result
// as soon as it is ready, tagged with its input's index: so not in
// input order. Every input yields one Result, failures included (once
// ctx ends, the rest fail with its error at once). Leaving the loop
// early cancels the calls still queued or running and waits for them.
func (p *Pool) MapStream(ctx context.Context, fn string, inputs []any) iter.Seq[Result] {
	return func(yield func(Result) bool) {
		if len(inputs) == 0 {
			return
		}
		ctx, cancel := context.WithCancel(ctx)
		n := min(len(inputs), len(p.workers))
		results := make(chan Result, n)
		var next atomic.Int64
		var quit atomic.Bool // the loop has ended: take no more inputs
		var wg sync.WaitGroup
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1)) - 1
					if i >= len(inputs) || quit.Load() {
						return
					}
					var v any
					var err error
					if a, ok := inputs[i].(Args); ok {
						v, err = p.Call(ctx, fn, a...)
					} else {
						v, err = p.Call(ctx, fn, inputs[i])
					}
					results <- Result{Index: i, Value: v, Err: err}
				}
			}()
		}
		go func() {
			wg.Wait()
			close(results)
		}()
		// However the loop ends, the callers stop and are waited for.
		defer func() {
			quit.Store(true)
			cancel()
			for range results {
			}
		}()
		for r := range results {
			if !yield(r) {
				return
			}
		}
	}
}
