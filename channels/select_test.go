package channels

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestSelect(t *testing.T) {
	ctx := context.Background()
	q1 := newTestQueue(t, QueueOptions{})
	q2 := newTestQueue(t, QueueOptions{})
	ch := newTestChannel(t, ChannelOptions{})
	srcs := []Source{q1, q2, ch.RecvEnd(GoOwner)}

	// Ready at once: the first ready source wins.
	q2.PutNowait(Int(2))
	ch.SendEnd(1).SendNowait(Int(3), SendOptions{})
	if i, x, err := Select(ctx, srcs...); i != 1 || x.AsInt() != 2 || err != nil {
		t.Fatalf("got %d %v %v", i, x, err)
	}
	if i, x, err := Select(ctx, srcs...); i != 2 || x.AsInt() != 3 || err != nil {
		t.Fatalf("got %d %v %v", i, x, err)
	}

	// Waiting: whichever gets an item first.
	type res struct {
		i   int
		x   Item
		err error
	}
	done := make(chan res)
	go func() {
		i, x, err := Select(ctx, srcs...)
		done <- res{i, x, err}
	}()
	waitBlocked(t, q1, 1, 0)
	waitChannel(t, ch, 1, 0)
	ch.SendEnd(1).Send(ctx, Str("c"))
	r := <-done
	if r.i != 2 || r.x.AsStr() != "c" || r.err != nil {
		t.Fatalf("got %+v", r)
	}
	// The other registrations were withdrawn: a later put stays queued.
	waitBlocked(t, q1, 0, 0)
	waitBlocked(t, q2, 0, 0)

	// Cancelled: nothing taken, nothing left registered.
	cctx, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
	defer cancel()
	if i, _, err := Select(cctx, q1, q2); i != -1 || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %d %v", i, err)
	}
	waitBlocked(t, q1, 0, 0)

	// A closed source reports itself.
	q2.Close()
	if i, _, err := Select(ctx, q1, q2); i != 1 || !errors.Is(err, ErrClosed) {
		t.Fatalf("got %d %v", i, err)
	}
	ch.Close(true)
	if i, _, err := Select(ctx, ch.RecvEnd(GoOwner)); i != 0 || !errors.Is(err, ErrClosed) {
		t.Fatalf("got %d %v", i, err)
	}
	if i, _, err := Select(cctx); i != -1 || err == nil {
		t.Fatal("Select of nothing")
	}
}

func TestSelectManyRace(t *testing.T) {
	ctx := context.Background()
	qs := []*Queue{newTestQueue(t, QueueOptions{}), newTestQueue(t, QueueOptions{}), newTestQueue(t, QueueOptions{})}
	srcs := []Source{qs[0], qs[1], qs[2]}
	const n = 3000
	done := make(chan int64)
	for range 3 {
		go func() {
			sum := int64(0)
			for {
				_, x, err := Select(ctx, srcs...)
				if err != nil {
					done <- sum
					return
				}
				sum += x.AsInt()
			}
		}()
	}
	for i := range n {
		qs[i%3].Put(ctx, Int(int64(i)))
	}
	// Each selector stops at the first closed queue: close all once drained.
	for _, q := range qs {
		for q.Len() > 0 {
			time.Sleep(time.Millisecond)
		}
	}
	for _, q := range qs {
		q.Close()
	}
	total := <-done + <-done + <-done
	if total != n*(n-1)/2 {
		t.Fatalf("sum %d, want %d", total, n*(n-1)/2)
	}
	for _, q := range qs {
		waitBlocked(t, q, 0, 0)
	}
}
