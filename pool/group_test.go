package pool

import (
	"context"
	"errors"
	"testing"

	"github.com/parallel-py/parallel/runtime"
)

func TestGroup(t *testing.T) {
	p := newPool(t, Config{Workers: 2})
	g := p.NewGroup(context.Background())
	var futs []*Future
	for i := range 10 {
		futs = append(futs, g.Go("add", i, i))
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	for i, f := range futs {
		if v, err := f.Result(); err != nil || v != int64(2*i) {
			t.Errorf("task %d = %v, %v", i, v, err)
		}
	}
	if g.Context().Err() == nil {
		t.Error("the group's context outlived Wait")
	}
}

// The first failure cancels the group's other tasks, running or queued.
func TestGroupFailure(t *testing.T) {
	p := newPool(t, Config{Workers: 2})
	g := p.NewGroup(context.Background())
	spin := g.Go("spin")
	eventually(t, "spin runs", func() bool { return p.Stats().Running == 1 })
	g.Go("fail", "first")
	queued := g.Go("hold") // queued, or refused if fail has failed
	err := g.Wait()
	var pe *runtime.PythonError
	if !errors.As(err, &pe) || pe.Message != "first" {
		t.Fatalf("Wait = %v", err)
	}
	for _, f := range []*Future{spin, queued} {
		if err := f.Err(); !errors.Is(err, context.Canceled) {
			t.Errorf("the group's other task: %v", err)
		}
	}
	if cause := context.Cause(g.Context()); cause != err {
		t.Errorf("the group's context cause = %v", cause)
	}
}

// A group under a cancelled parent context fails with its error.
func TestGroupParentCancelled(t *testing.T) {
	p := newPool(t, Config{Workers: 1})
	ctx, cancel := context.WithCancel(context.Background())
	g := p.NewGroup(ctx)
	cancel()
	g.Go("add", 1, 2)
	if err := g.Wait(); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait = %v", err)
	}
}
