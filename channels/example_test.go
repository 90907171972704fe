package channels_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/parallel-py/parallel/channels"
)

// A Go program feeds a queue from one goroutine and drains it from
// another; Close lets the consumer finish once the queue is empty.
func ExampleQueue() {
	q, _ := channels.NewQueue(channels.QueueOptions{MaxSize: 2})
	ctx := context.Background()
	go func() {
		for _, word := range []string{"spam", "eggs", "ham"} {
			q.Put(ctx, channels.Str(word)) // waits while two are queued
		}
		q.Close()
	}()
	for {
		x, err := q.Get(ctx)
		if errors.Is(err, channels.ErrClosed) {
			break
		}
		fmt.Println(x.AsStr())
	}
	// Output:
	// spam
	// eggs
	// ham
}

// Items are made from Go values and turned back into them.
func ExampleItemOf() {
	x, err := channels.ItemOf(channels.Tuple{1, "two", 3.0, nil, []byte("4")})
	if err != nil {
		panic(err)
	}
	fmt.Println(x.Kind(), x.Len(), x)
	fmt.Printf("%#v\n", x.Value())
	// Slices and maps cross as copies: a graph of nodes.
	l, err := channels.ItemOf([]any{1, map[string]any{"k": []int{2}}})
	if err != nil {
		panic(err)
	}
	fmt.Println(l.Kind(), l.Graph().Len())
	fmt.Printf("%v\n", l.Value())
	_, err = channels.ItemOf(struct{}{})
	fmt.Println(err != nil)
	// Output:
	// tuple 5 (1, "two", 3, None, b"4")
	// channels.Tuple{1, "two", 3, interface {}(nil), []uint8{0x34}}
	// graph 3
	// [1 map[k:[2]]]
	// true
}

// The UNBOUND rules: when the interpreter that put an item is destroyed,
// its items are removed, replaced by a marker, or fail their get.
func ExampleQueue_ReleaseInterpreter() {
	q, _ := channels.NewQueue(channels.QueueOptions{})
	q.TryPut(channels.Int(1), channels.PutOptions{Owner: 7})
	q.TryPut(channels.Int(2), channels.PutOptions{Owner: 8})
	q.TryPut(channels.Int(3), channels.PutOptions{Owner: 7, Unbound: channels.UnboundError})
	q.ReleaseInterpreter(7) // interpreter 7 was destroyed
	for range 3 {
		x, err := q.GetNowait()
		fmt.Println(x, err)
	}
	// Output:
	// UNBOUND <nil>
	// 2 <nil>
	// None channels: the item's interpreter was destroyed
}

// A PEP 554 channel: Send returns once the item has been received.
func ExampleChannel() {
	ch, _ := channels.NewChannel(channels.ChannelOptions{})
	send, recv := ch.SendEnd(channels.GoOwner), ch.RecvEnd(channels.GoOwner)
	ctx := context.Background()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		send.Send(ctx, channels.Int(42))
		fmt.Println("received")
	}()
	time.Sleep(10 * time.Millisecond) // the send is waiting
	x, _ := recv.Recv(ctx)
	wg.Wait()
	fmt.Println(x)
	_, err := recv.RecvNowait()
	fmt.Println(errors.Is(err, channels.ErrEmpty))
	// Output:
	// received
	// 42
	// true
}

// Select waits on several receive ends at once.
func ExampleSelect() {
	a, _ := channels.NewQueue(channels.QueueOptions{})
	b, _ := channels.NewQueue(channels.QueueOptions{})
	go b.Put(context.Background(), channels.Str("from b"))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	i, x, err := channels.Select(ctx, a, b)
	fmt.Println(i, x.AsStr(), err)
	// Output: 1 from b <nil>
}

// A Registry names queues by ID for the interpreters of one runtime and
// frees each when its last reference goes; a handle in an item keeps
// its queue alive on the way.
func ExampleRegistry() {
	reg := channels.NewRegistry()
	defer reg.Close()
	jobs, _ := reg.NewQueue(channels.GoOwner, channels.QueueOptions{})
	replies, _ := reg.NewQueue(channels.GoOwner, channels.QueueOptions{})
	jobs.PutNowait(channels.TupleOf(channels.Str("job"), channels.HandleItem(replies.Handle())))
	reg.Release(replies.Handle(), channels.GoOwner) // the item keeps it alive

	x, _ := jobs.GetNowait()
	h := x.At(1).AsHandle()
	q, err := reg.Queue(h.ID)
	fmt.Println(q.ID(), err)
	reg.ReleaseItem(x) // done with the handle: the queue is freed
	_, err = reg.Queue(h.ID)
	fmt.Println(errors.Is(err, channels.ErrNotFound))
	// Output:
	// 2 <nil>
	// true
}
