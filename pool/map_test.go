package pool

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/runtime"
)

func TestMap(t *testing.T) {
	p := newPool(t, Config{Workers: 2, Setup: "import time, random\ndef sq(x):\n    time.sleep(random.random() / 500)\n    return x * x\n"})
	ctx := context.Background()
	inputs := make([]any, 50)
	for i := range inputs {
		inputs[i] = i
	}
	got, err := p.Map(ctx, "sq", inputs)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		if v != int64(i*i) {
			t.Fatalf("Map result %d = %v", i, v)
		}
	}
	// Args spread; an empty input list.
	got, err = p.Map(ctx, "divmod", []any{Args{7, 2}, Args{9, 4}})
	if err != nil || len(got) != 2 || got[1].(runtime.Tuple)[0] != int64(2) {
		t.Errorf("Map with Args = %v, %v", got, err)
	}
	if got, err := p.Map(ctx, "sq", nil); err != nil || len(got) != 0 {
		t.Errorf("Map of nothing = %v, %v", got, err)
	}
}

func TestMapError(t *testing.T) {
	p := newPool(t, Config{Workers: 2})
	inputs := []any{Args{0.001}, Args{0.001}, Args{0.001}, Args{"x"}, Args{0.001}}
	_, err := p.Map(context.Background(), "nap", inputs)
	var pe *runtime.PythonError
	if !errors.As(err, &pe) || pe.Type != "TypeError" || !strings.Contains(err.Error(), "pool: map nap: input 3: TypeError") {
		t.Errorf("Map with a bad input: %v", err)
	}
}

// Cancelling a Map interrupts its running calls and drops the queued
// ones; no goroutine is left (TestMain checks).
func TestMapCancel(t *testing.T) {
	p := newPool(t, Config{Workers: 2})
	ctx, cancel := context.WithCancel(context.Background())
	inputs := make([]any, 20)
	for i := range inputs {
		inputs[i] = Args{}
	}
	go func() {
		eventually(t, "Map's calls run", func() bool { return p.Stats().Running == 2 })
		cancel()
	}()
	_, err := p.Map(ctx, "spin", inputs)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Map: %v", err)
	}
	eventually(t, "Map's calls end", func() bool { s := p.Stats(); return s.Running == 0 && s.Queued == 0 })
	if s := p.Stats(); s.Completed != 0 || s.Recycles != 0 {
		t.Errorf("stats: %+v", s)
	}
	if got, err := p.Call(context.Background(), "add", 1, 2); err != nil || got != int64(3) {
		t.Errorf("after a cancelled Map: %v, %v", got, err)
	}
}

func TestMapStream(t *testing.T) {
	p := newPool(t, Config{Workers: 2})
	ctx := context.Background()
	inputs := []any{Args{0.3, "slow"}, Args{0, "a"}, Args{0, "b"}, Args{0, "c"}}
	seen := map[int]any{}
	var order []int
	for r := range p.MapStream(ctx, "nap", inputs) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		seen[r.Index] = r.Value
		order = append(order, r.Index)
	}
	if len(seen) != 4 || seen[0] != "slow" || seen[3] != "c" {
		t.Errorf("results %v", seen)
	}
	if order[len(order)-1] != 0 {
		t.Errorf("the slow input came back in place %v, not last", order)
	}
	// A context ended before the stream: every input fails with it.
	done, cancel := context.WithCancel(ctx)
	cancel()
	count := 0
	for r := range p.MapStream(done, "add", []any{Args{1, 1}, Args{2, 2}, Args{3, 3}}) {
		if !errors.Is(r.Err, context.Canceled) {
			t.Errorf("result %d: %v", r.Index, r.Err)
		}
		count++
	}
	if count != 3 {
		t.Errorf("%d results for 3 inputs", count)
	}
}

// Breaking out of a stream cancels the calls still queued or running,
// and waits for them.
func TestMapStreamBreak(t *testing.T) {
	p := newPool(t, Config{Workers: 2})
	inputs := []any{Args{0, "quick"}, Args{1000}, Args{1000}, Args{1000}}
	for r := range p.MapStream(context.Background(), "nap", inputs) {
		if r.Value != "quick" || r.Err != nil {
			t.Errorf("first result %+v", r)
		}
		break
	}
	s := p.Stats()
	if s.Running != 0 || s.Queued != 0 || s.Completed != 1 || s.Cancelled+s.Completed != s.Submitted {
		t.Errorf("stats after the loop: %+v", s)
	}
}
