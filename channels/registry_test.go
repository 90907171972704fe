package channels

import (
	"context"
	"errors"
	"testing"
)

func TestRegistryIDsAndLookup(t *testing.T) {
	r := NewRegistry()
	defer r.Close()
	q1, _ := r.NewQueue(GoOwner, QueueOptions{})
	q2, _ := r.NewQueue(GoOwner, QueueOptions{MaxSize: 3})
	c0, _ := r.NewChannel(GoOwner, ChannelOptions{})
	if q1.ID() != 1 || q2.ID() != 2 || c0.ID() != 0 {
		t.Fatalf("ids %d %d %d: queues count from 1, channels from 0", q1.ID(), q2.ID(), c0.ID())
	}
	if q, err := r.Queue(2); err != nil || q != q2 {
		t.Fatal("lookup")
	}
	if _, err := r.Queue(7); !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	if _, err := r.Channel(3); !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	if c, err := r.Channel(0); err != nil || c != c0 {
		t.Fatal("channel lookup")
	}
	if qs := r.Queues(); len(qs) != 2 || qs[0] != q1 {
		t.Fatal("Queues")
	}
	c0.Close(false)
	if len(r.Channels()) != 0 {
		t.Fatal("Channels lists a closed channel")
	}
	if _, err := r.NewQueue(GoOwner, QueueOptions{Unbound: 10}); !errors.Is(err, ErrBadOption) {
		t.Fatal(err)
	}
	if _, err := r.NewChannel(GoOwner, ChannelOptions{Unbound: 10}); !errors.Is(err, ErrBadOption) {
		t.Fatal(err)
	}
	if q3, _ := r.NewQueue(GoOwner, QueueOptions{}); q3.ID() != 3 {
		t.Fatal("a failed NewQueue used up an ID")
	}
}

func TestRegistryRefcounts(t *testing.T) {
	r := NewRegistry()
	defer r.Close()
	q, _ := r.NewQueue(1, QueueOptions{})
	h := q.Handle()
	if err := r.Retain(h, 2); err != nil {
		t.Fatal(err)
	}
	r.Release(h, 1)
	r.Release(h, 1) // 1 holds none any more: nothing happens
	if _, err := r.Queue(q.ID()); err != nil {
		t.Fatal("freed while 2 holds it")
	}
	done := make(chan error)
	go func() { _, err := q.Get(context.Background()); done <- err }()
	waitBlocked(t, q, 1, 0)
	r.Release(h, 2)
	if _, err := r.Queue(q.ID()); !errors.Is(err, ErrNotFound) {
		t.Fatal("not freed by the last release")
	}
	if err := <-done; !errors.Is(err, ErrClosed) {
		t.Fatalf("a get waiting on a freed queue: %v", err)
	}
	if err := r.Retain(h, 1); !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	if err := r.Release(h, 1); !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	if err := r.Retain(Handle{HandleOpaque, 1}, 1); !errors.Is(err, ErrBadOption) {
		t.Fatal(err)
	}
}

func TestRegistryHandlesInItems(t *testing.T) {
	r := NewRegistry()
	defer r.Close()
	carrier, _ := r.NewQueue(GoOwner, QueueOptions{})
	inner, _ := r.NewQueue(1, QueueOptions{})
	ch, _ := r.NewChannel(1, ChannelOptions{})
	x := TupleOf(HandleItem(inner.Handle()), HandleItem(ch.RecvEnd(1).Handle()), Int(3))
	if err := carrier.PutNowait(x); err != nil {
		t.Fatal(err)
	}
	// The sender lets go: the item keeps both alive.
	r.Release(inner.Handle(), 1)
	r.Release(ch.RecvEnd(1).Handle(), 1)
	if _, err := r.Queue(inner.ID()); err != nil {
		t.Fatal("queue in transit freed")
	}
	if _, err := r.Channel(ch.ID()); err != nil {
		t.Fatal("channel in transit freed")
	}
	got, _ := carrier.GetNowait()
	// The receiver binds its own reference, then drops the transit one.
	r.Retain(got.At(0).AsHandle(), 2)
	r.ReleaseItem(got)
	if _, err := r.Queue(inner.ID()); err != nil {
		t.Fatal("freed though 2 holds it")
	}
	if _, err := r.Channel(ch.ID()); !errors.Is(err, ErrNotFound) {
		t.Fatal("channel not freed with its last reference")
	}
	// Handles to nothing are refused at the put.
	if err := carrier.PutNowait(HandleItem(Handle{HandleQueue, 99})); !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	bad := TupleOf(HandleItem(inner.Handle()), HandleItem(Handle{HandleSend, 99}))
	if err := carrier.PutNowait(bad); !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	// ...and leave no reference behind: 2's release frees inner.
	r.Release(inner.Handle(), 2)
	if _, err := r.Queue(inner.ID()); !errors.Is(err, ErrNotFound) {
		t.Fatal("a refused put leaked a reference")
	}
}

func TestRegistryFreeDropsItemReferences(t *testing.T) {
	r := NewRegistry()
	defer r.Close()
	outer, _ := r.NewQueue(1, QueueOptions{MaxSize: 1})
	inner, _ := r.NewQueue(1, QueueOptions{})
	outer.TryPut(HandleItem(inner.Handle()), PutOptions{Owner: 1})
	r.Release(inner.Handle(), 1)
	// A put waiting for room holds a reference too.
	w, _ := outer.StartPut(HandleItem(inner.Handle()), PutOptions{Owner: 1})
	r.Release(outer.Handle(), 1)
	<-w.Ready()
	if _, err := w.Result(); !errors.Is(err, ErrClosed) {
		t.Fatalf("waiting put on a freed queue: %v", err)
	}
	if nq, nc := r.Len(); nq != 0 || nc != 0 {
		t.Fatalf("%d queues and %d channels left", nq, nc)
	}
}

func TestRegistryReleaseInterpreter(t *testing.T) {
	r := NewRegistry()
	q, _ := r.NewQueue(1, QueueOptions{})
	shared, _ := r.NewQueue(1, QueueOptions{})
	r.Retain(shared.Handle(), 2)
	shared.TryPut(Int(1), PutOptions{Owner: 1})
	ch, _ := r.NewChannel(2, ChannelOptions{})
	ch.SendEnd(1).SendNowait(Int(5), SendOptions{})
	ch.RecvEnd(2).RecvNowait()
	ch.SendEnd(1).SendNowait(Int(6), SendOptions{})
	r.ReleaseInterpreter(1)
	if _, err := r.Queue(q.ID()); !errors.Is(err, ErrNotFound) {
		t.Fatal("a queue only 1 held survived it")
	}
	if x, _ := shared.GetNowait(); !x.IsUnbound() {
		t.Fatalf("1's item in a shared queue: %v", x)
	}
	if x, _ := ch.RecvEnd(2).RecvNowait(); !x.IsUnbound() {
		t.Fatalf("1's item in a channel: %v", x)
	}
	r.Close()
	if _, err := r.NewQueue(1, QueueOptions{}); !errors.Is(err, ErrClosed) {
		t.Fatal(err)
	}
	if _, err := r.NewChannel(1, ChannelOptions{}); !errors.Is(err, ErrClosed) {
		t.Fatal(err)
	}
	if !shared.Closed() || !ch.Closed() {
		t.Fatal("Close left objects open")
	}
}

func TestRegistryCloseFreesCycles(t *testing.T) {
	r := NewRegistry()
	q, _ := r.NewQueue(1, QueueOptions{})
	// A queue holding a handle to itself keeps itself alive...
	q.TryPut(HandleItem(q.Handle()), PutOptions{Owner: 1})
	r.Release(q.Handle(), 1)
	if _, err := r.Queue(q.ID()); err != nil {
		t.Fatal(err)
	}
	// ...until the registry closes.
	r.Close()
	if nq, _ := r.Len(); nq != 0 {
		t.Fatal("Close left the cycle")
	}
}
