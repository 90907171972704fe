package channels

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The conservation tests move many ints from M producer goroutines to N
// consumers and check that every int that went in came out exactly once,
// while the queue or channel is bounded, consumers give up mid-wait, and
// ends are closed mid-stream.

func conservationTotal() int {
	if testing.Short() {
		return 100_000
	}
	return 1_000_000
}

// ledger records what went in and what came out.
type ledger struct {
	in, out []atomic.Uint32
}

func newLedger(n int) *ledger {
	return &ledger{in: make([]atomic.Uint32, n), out: make([]atomic.Uint32, n)}
}

func (l *ledger) check(t *testing.T) (moved int) {
	t.Helper()
	for i := range l.in {
		in, out := l.in[i].Load(), l.out[i].Load()
		if out > 1 {
			t.Fatalf("%d came out %d times", i, out)
		}
		if in != out {
			t.Fatalf("%d went in %d times and came out %d times", i, in, out)
		}
		moved += int(out)
	}
	return moved
}

func TestQueueConservation(t *testing.T) {
	tests := []struct {
		name       string
		producers  int
		consumers  int
		maxsize    int
		closeAfter float64 // close the queue once this share of the ints went in (0: at the end)
		giveUp     bool    // consumers wait with short deadlines and retry
	}{
		{"unbounded", 4, 4, 0, 0, false},
		{"bounded", 3, 5, 64, 0, false},
		{"bounded with cancelled gets", 4, 4, 16, 0, true},
		{"closed mid-stream", 4, 3, 32, 0.5, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			total := conservationTotal()
			q := newTestQueue(t, QueueOptions{MaxSize: tt.maxsize})
			l := newLedger(total)
			var produced atomic.Int64
			var closeOnce sync.Once
			var pwg, cwg sync.WaitGroup
			for p := range tt.producers {
				pwg.Add(1)
				go func() {
					defer pwg.Done()
					for i := p; i < total; i += tt.producers {
						err := q.Put(context.Background(), Int(int64(i)))
						if errors.Is(err, ErrClosed) {
							return // closed mid-stream: the rest never went in
						}
						if err != nil {
							t.Error(err)
							return
						}
						l.in[i].Add(1)
						if n := produced.Add(1); tt.closeAfter > 0 && float64(n) >= tt.closeAfter*float64(total) {
							closeOnce.Do(q.Close)
						}
					}
				}()
			}
			for c := range tt.consumers {
				cwg.Add(1)
				go func() {
					defer cwg.Done()
					for n := 0; ; n++ {
						ctx, cancel := context.Background(), context.CancelFunc(func() {})
						if tt.giveUp && n%7 == c%7 {
							ctx, cancel = context.WithTimeout(ctx, time.Microsecond)
						}
						x, err := q.Get(ctx)
						cancel()
						switch {
						case errors.Is(err, ErrClosed):
							return
						case errors.Is(err, context.DeadlineExceeded):
							continue // gave up waiting: nothing was taken
						case err != nil:
							t.Error(err)
							return
						}
						l.out[x.AsInt()].Add(1)
					}
				}()
			}
			pwg.Wait()
			closeOnce.Do(q.Close)
			cwg.Wait()
			moved := l.check(t)
			if tt.closeAfter == 0 && moved != total {
				t.Fatalf("moved %d of %d", moved, total)
			}
			if moved == 0 {
				t.Fatal("nothing moved")
			}
			waitBlocked(t, q, 0, 0)
		})
	}
}

func TestChannelConservation(t *testing.T) {
	total := conservationTotal() / 4
	r := NewRegistry()
	defer r.Close()
	ch, _ := r.NewChannel(GoOwner, ChannelOptions{})
	l := newLedger(total)
	const senders, receivers = 3, 3
	var swg, rwg sync.WaitGroup
	var sent atomic.Int64
	var closeOnce sync.Once
	closeSend := func() { ch.SendEnd(GoOwner).Close(false) }
	for s := range senders {
		swg.Add(1)
		go func() {
			defer swg.Done()
			end := ch.SendEnd(int64(100 + s))
			for i := s; i < total; i += senders {
				var err error
				if i%5 == 0 {
					// A waiting send: returns once received.
					err = end.Send(context.Background(), Int(int64(i)))
				} else {
					_, err = end.SendNowait(Int(int64(i)), SendOptions{})
				}
				if errors.Is(err, ErrClosed) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				l.in[i].Add(1)
				if sent.Add(1) == int64(total*3/4) {
					closeOnce.Do(closeSend) // mid-stream: receivers drain the rest
				}
			}
		}()
	}
	for c := range receivers {
		rwg.Add(1)
		go func() {
			defer rwg.Done()
			end := ch.RecvEnd(int64(200 + c))
			for {
				x, err := end.Recv(context.Background())
				if errors.Is(err, ErrClosed) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				l.out[x.AsInt()].Add(1)
			}
		}()
	}
	swg.Wait()
	closeOnce.Do(closeSend)
	rwg.Wait()
	if moved := l.check(t); moved < total*3/4 {
		t.Fatalf("moved only %d", moved)
	}
}
