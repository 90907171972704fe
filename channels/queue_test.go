package channels

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func newTestQueue(t *testing.T, opts QueueOptions) *Queue {
	t.Helper()
	q, err := NewQueue(opts)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// waitBlocked waits until n goroutines wait on q (as getters or putters).
func waitBlocked(t *testing.T, q *Queue, getters, putters int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		q.lock()
		g, p := q.getters.len(), q.putters.len()
		q.unlock()
		if g == getters && p == putters {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("never saw %d getters and %d putters waiting", getters, putters)
}

func TestQueueNowait(t *testing.T) {
	type step struct {
		op   string // put, get
		x    int64
		want error
	}
	tests := []struct {
		name    string
		maxsize int
		steps   []step
	}{
		{"fifo", 0, []step{{"put", 1, nil}, {"put", 2, nil}, {"get", 1, nil}, {"get", 2, nil}, {"get", 0, ErrEmpty}}},
		{"empty", 0, []step{{"get", 0, ErrEmpty}}},
		{"full", 2, []step{{"put", 1, nil}, {"put", 2, nil}, {"put", 3, ErrFull}, {"get", 1, nil}, {"put", 3, nil}, {"get", 2, nil}, {"get", 3, nil}}},
		{"negative maxsize is unbounded", -1, []step{{"put", 1, nil}, {"put", 2, nil}, {"put", 3, nil}, {"get", 1, nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := newTestQueue(t, QueueOptions{MaxSize: tt.maxsize})
			for i, s := range tt.steps {
				switch s.op {
				case "put":
					if err := q.PutNowait(Int(s.x)); !errors.Is(err, s.want) {
						t.Fatalf("step %d: put: %v, want %v", i, err, s.want)
					}
				case "get":
					x, err := q.GetNowait()
					if !errors.Is(err, s.want) {
						t.Fatalf("step %d: get: %v, want %v", i, err, s.want)
					}
					if err == nil && x.AsInt() != s.x {
						t.Fatalf("step %d: got %v, want %d", i, x, s.x)
					}
				}
			}
		})
	}
}

func TestQueueState(t *testing.T) {
	q := newTestQueue(t, QueueOptions{MaxSize: 2})
	if !q.Empty() || q.Full() || q.Len() != 0 || q.MaxSize() != 2 || q.UnboundOp() != UnboundReplace || q.ID() != 0 {
		t.Fatal("fresh queue state")
	}
	q.PutNowait(Int(1))
	q.PutNowait(Int(2))
	if q.Empty() || !q.Full() || q.Len() != 2 {
		t.Fatal("full queue state")
	}
	u := newTestQueue(t, QueueOptions{})
	for i := range 1000 {
		u.PutNowait(Int(int64(i)))
	}
	if u.Full() || u.Len() != 1000 {
		t.Fatal("an unbounded queue is never full")
	}
	if q.Handle() != (Handle{HandleQueue, 0}) {
		t.Fatal("Handle")
	}
}

func TestQueueBadInput(t *testing.T) {
	if _, err := NewQueue(QueueOptions{Unbound: 9}); !errors.Is(err, ErrBadOption) {
		t.Fatalf("bad unbound op: %v", err)
	}
	q := newTestQueue(t, QueueOptions{})
	if err := q.TryPut(Int(1), PutOptions{Unbound: 7}); !errors.Is(err, ErrBadOption) {
		t.Fatalf("bad put op: %v", err)
	}
	if err := q.PutNowait(unboundItem); !errors.Is(err, ErrBadOption) {
		t.Fatalf("putting UNBOUND: %v", err)
	}
	if q.Len() != 0 {
		t.Fatal("a refused put went in")
	}
}

func TestQueueBlockingGetIsHandedTheItem(t *testing.T) {
	q := newTestQueue(t, QueueOptions{})
	got := make(chan Item)
	for range 3 {
		go func() {
			x, err := q.Get(context.Background())
			if err != nil {
				t.Error(err)
			}
			got <- x
		}()
	}
	waitBlocked(t, q, 3, 0)
	for i := range 3 {
		if err := q.Put(context.Background(), Int(int64(i))); err != nil {
			t.Fatal(err)
		}
	}
	sum := int64(0)
	for range 3 {
		sum += (<-got).AsInt()
	}
	if sum != 0+1+2 || q.Len() != 0 {
		t.Fatalf("sum %d, len %d", sum, q.Len())
	}
}

func TestQueueBlockingPutWaitsForRoom(t *testing.T) {
	q := newTestQueue(t, QueueOptions{MaxSize: 1})
	q.PutNowait(Int(0))
	done := make(chan error)
	for i := 1; i <= 2; i++ {
		go func() { done <- q.Put(context.Background(), Int(int64(i))) }()
		waitBlocked(t, q, 0, i)
	}
	// Each get admits the longest-waiting put, in order.
	for want := int64(0); want <= 2; want++ {
		x, err := q.Get(context.Background())
		if err != nil || x.AsInt() != want {
			t.Fatalf("got %v, %v; want %d", x, err, want)
		}
		if want < 2 {
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestQueueContext(t *testing.T) {
	t.Run("get deadline", func(t *testing.T) {
		q := newTestQueue(t, QueueOptions{})
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		// Against the context's own deadline: a clock read after
		// WithTimeout starts late, and Get, returning right at the
		// deadline, looked early by microseconds to it.
		deadline, _ := ctx.Deadline()
		if _, err := q.Get(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err %v", err)
		}
		if now := time.Now(); now.Before(deadline) {
			t.Fatalf("returned %v before the deadline", deadline.Sub(now))
		}
		waitBlocked(t, q, 0, 0)
	})
	t.Run("put cancel withdraws the item", func(t *testing.T) {
		q := newTestQueue(t, QueueOptions{MaxSize: 1})
		q.PutNowait(Int(1))
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error)
		go func() { done <- q.Put(ctx, Int(2)) }()
		waitBlocked(t, q, 0, 1)
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v", err)
		}
		q.GetNowait()
		if _, err := q.GetNowait(); !errors.Is(err, ErrEmpty) {
			t.Fatal("a cancelled put's item went in")
		}
	})
	t.Run("cancelled before start", func(t *testing.T) {
		q := newTestQueue(t, QueueOptions{})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := q.Get(ctx); !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v", err)
		}
		// An item already there wins over a done context.
		q.PutNowait(Int(5))
		if x, err := q.Get(ctx); err != nil || x.AsInt() != 5 {
			t.Fatalf("got %v, %v", x, err)
		}
	})
}

func TestWaiterCancelAfterCompletion(t *testing.T) {
	q := newTestQueue(t, QueueOptions{MaxSize: 1})
	_, w, err := q.StartGet()
	if err != nil || w == nil {
		t.Fatal("StartGet on an empty queue must wait")
	}
	q.PutNowait(Int(7))
	if w.Cancel() {
		t.Fatal("Cancel withdrew a completed get")
	}
	if x, err := w.Result(); err != nil || x.AsInt() != 7 {
		t.Fatalf("result %v, %v", x, err)
	}

	q.PutNowait(Int(1))
	pw, err := q.StartPut(Int(2), PutOptions{Owner: GoOwner})
	if err != nil || pw == nil {
		t.Fatal("StartPut on a full queue must wait")
	}
	q.GetNowait()
	if pw.Cancel() {
		t.Fatal("Cancel withdrew a completed put")
	}
	if x, _ := q.GetNowait(); x.AsInt() != 2 {
		t.Fatal("the completed put's item is not in")
	}
	// A put withdrawn in time leaves nothing behind.
	q.PutNowait(Int(3))
	pw, _ = q.StartPut(Int(4), PutOptions{})
	if !pw.Cancel() {
		t.Fatal("Cancel of a waiting put")
	}
	q.GetNowait()
	if q.Len() != 0 {
		t.Fatal("withdrawn put went in")
	}
}

func TestQueueClose(t *testing.T) {
	q := newTestQueue(t, QueueOptions{MaxSize: 1})
	q.PutNowait(Int(1))
	putErr := make(chan error)
	go func() { putErr <- q.Put(context.Background(), Int(2)) }()
	waitBlocked(t, q, 0, 1)
	q.Close()
	q.Close() // twice is fine
	if err := <-putErr; !errors.Is(err, ErrClosed) {
		t.Fatalf("waiting put: %v", err)
	}
	if err := q.PutNowait(Int(3)); !errors.Is(err, ErrClosed) {
		t.Fatalf("put after close: %v", err)
	}
	if x, err := q.Get(context.Background()); err != nil || x.AsInt() != 1 {
		t.Fatalf("drain: %v %v", x, err)
	}
	if _, err := q.Get(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("get after drain: %v", err)
	}
	if !q.Closed() {
		t.Fatal("Closed")
	}

	q2 := newTestQueue(t, QueueOptions{})
	getErr := make(chan error)
	go func() { _, err := q2.Get(context.Background()); getErr <- err }()
	waitBlocked(t, q2, 1, 0)
	q2.Close()
	if err := <-getErr; !errors.Is(err, ErrClosed) {
		t.Fatalf("waiting get: %v", err)
	}
}

func TestQueueUnbound(t *testing.T) {
	const a, b = 1, 2
	tests := []struct {
		name string
		def  UnboundOp
		op   UnboundOp
		want []string // what gets return after a is released
	}{
		{"replace by default", 0, 0, []string{"UNBOUND", "2", "UNBOUND", "4"}},
		{"queue default remove", UnboundRemove, 0, []string{"2", "4"}},
		{"queue default error", UnboundError, 0, []string{"error", "2", "error", "4"}},
		{"put overrides", UnboundRemove, UnboundReplace, []string{"UNBOUND", "2", "UNBOUND", "4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := newTestQueue(t, QueueOptions{Unbound: tt.def})
			for i := int64(1); i <= 4; i++ {
				owner := int64(a)
				if i%2 == 0 {
					owner = b
				}
				if err := q.TryPut(Int(i), PutOptions{Owner: owner, Unbound: tt.op}); err != nil {
					t.Fatal(err)
				}
			}
			q.ReleaseInterpreter(a)
			q.ReleaseInterpreter(a) // again: no change
			q.ReleaseInterpreter(99)
			if q.Len() != len(tt.want) {
				t.Fatalf("len %d, want %d", q.Len(), len(tt.want))
			}
			for _, want := range tt.want {
				x, err := q.GetNowait()
				got := x.String()
				if errors.Is(err, ErrInterpreterDestroyed) {
					got = "error"
				} else if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Fatalf("got %s, want %s", got, want)
				}
			}
		})
	}
}

func TestQueueUnboundRemoveAdmitsPutters(t *testing.T) {
	q := newTestQueue(t, QueueOptions{MaxSize: 1, Unbound: UnboundRemove})
	q.TryPut(Int(1), PutOptions{Owner: 5})
	done := make(chan error)
	go func() { done <- q.PutWith(context.Background(), Int(2), PutOptions{Owner: 6}) }()
	waitBlocked(t, q, 0, 1)
	q.ReleaseInterpreter(5)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if x, _ := q.GetNowait(); x.AsInt() != 2 {
		t.Fatalf("got %v", x)
	}
}

func TestQueueManyWaitersRace(t *testing.T) {
	q := newTestQueue(t, QueueOptions{MaxSize: 4})
	var wg sync.WaitGroup
	const n = 200
	for i := range n {
		wg.Add(2)
		go func() { defer wg.Done(); q.Put(context.Background(), Int(int64(i))) }()
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), time.Duration(i%3)*time.Millisecond)
			defer cancel()
			if _, err := q.Get(ctx); err != nil {
				// Gave up: take one later instead.
				q.Get(context.Background())
			}
		}()
	}
	wg.Wait()
	if q.Len() != 0 {
		t.Fatalf("%d items left", q.Len())
	}
}

// A getter and a putter that hold only their own side's lock keep a
// reading of the other side's position; whatever moves the positions
// under both locks (a Select's get, the UNBOUND rules, growing and
// shrinking the buffer) must not leave a reading that lets a get take an
// empty slot or a put overwrite a full one.
func TestQueueOneSidePathsAfterBothSideOps(t *testing.T) {
	type step struct {
		op string // put (x, owner 5 with UnboundRemove), get (x, or -1 for empty), select (x), release (owner 5), burst (x items in, then all but x/8 out)
		x  int64
	}
	tests := []struct {
		name    string
		maxsize int
		steps   []step
	}{
		{"select takes past the getter's reading", 0, []step{
			{"put", 1}, {"get", 1}, {"put", 2}, {"put", 3}, {"select", 2}, {"select", 3},
			{"get", -1}, {"put", 4}, {"get", 4}, {"get", -1},
		}},
		{"the UNBOUND rules move the tail back", 0, []step{
			{"put", 1}, {"put", 2}, {"get", 1}, {"release", 0}, {"get", -1}, {"put", 3}, {"get", 3},
		}},
		{"bounded, with a full queue", 2, []step{
			{"put", 1}, {"put", 2}, {"get", 1}, {"put", 3}, {"get", 2}, {"select", 3}, {"get", -1},
		}},
		{"growing and shrinking", 0, []step{
			{"put", 1}, {"get", 1}, {"burst", 10000}, {"get", -1}, {"put", 7}, {"get", 7},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := newTestQueue(t, QueueOptions{MaxSize: tt.maxsize})
			for i, s := range tt.steps {
				switch s.op {
				case "put":
					if err := q.TryPut(Int(s.x), PutOptions{Owner: 5, Unbound: UnboundRemove}); err != nil {
						t.Fatalf("step %d: %v", i, err)
					}
				case "get":
					x, err := q.GetNowait()
					if s.x < 0 {
						if !errors.Is(err, ErrEmpty) {
							t.Fatalf("step %d: got %v, %v; want ErrEmpty", i, x, err)
						}
					} else if err != nil || x.AsInt() != s.x {
						t.Fatalf("step %d: got %v, %v; want %d", i, x, err, s.x)
					}
				case "select":
					_, x, err := Select(context.Background(), q)
					if err != nil || x.AsInt() != s.x {
						t.Fatalf("step %d: got %v, %v; want %d", i, x, err, s.x)
					}
				case "release":
					q.ReleaseInterpreter(5)
				case "burst":
					for j := range s.x {
						if err := q.TryPut(Int(j), PutOptions{Owner: 6}); err != nil {
							t.Fatal(err)
						}
					}
					for j := range s.x {
						x, err := q.GetNowait()
						if err != nil || x.AsInt() != j {
							t.Fatalf("step %d, item %d: got %v, %v", i, j, x, err)
						}
					}
					if n := len(q.items.buf); n >= shrinkRing {
						t.Fatalf("step %d: the buffer kept %d slots", i, n)
					}
				}
			}
		})
	}
}
