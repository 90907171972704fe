package channels

import (
	"context"
	"errors"
	"testing"
	"time"
)

func newTestChannel(t *testing.T, opts ChannelOptions) *Channel {
	t.Helper()
	ch, err := NewChannel(opts)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

// waitChannel waits until the channel has n receivers waiting and m items.
func waitChannel(t *testing.T, ch *Channel, receivers, items int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		ch.mu.Lock()
		r, n := ch.receivers.len(), ch.items.len()
		ch.mu.Unlock()
		if r == receivers && n == items {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("never saw %d receivers and %d items", receivers, items)
}

func TestChannelSendWaitsUntilReceived(t *testing.T) {
	ch := newTestChannel(t, ChannelOptions{})
	s, r := ch.SendEnd(1), ch.RecvEnd(2)
	done := make(chan error)
	go func() { done <- s.Send(context.Background(), Str("hi")) }()
	waitChannel(t, ch, 0, 1)
	select {
	case <-done:
		t.Fatal("Send returned before the item was received")
	case <-time.After(10 * time.Millisecond):
	}
	x, err := r.Recv(context.Background())
	if err != nil || x.AsStr() != "hi" {
		t.Fatalf("recv %v, %v", x, err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestChannelSendToWaitingReceiver(t *testing.T) {
	ch := newTestChannel(t, ChannelOptions{})
	got := make(chan Item)
	go func() {
		x, err := ch.RecvEnd(2).Recv(context.Background())
		if err != nil {
			t.Error(err)
		}
		got <- x
	}()
	waitChannel(t, ch, 1, 0)
	received, err := ch.SendEnd(1).SendNowait(Int(3), SendOptions{})
	if err != nil || !received {
		t.Fatalf("SendNowait to a waiting receiver: %v, %v", received, err)
	}
	if (<-got).AsInt() != 3 {
		t.Fatal("wrong item")
	}
	received, err = ch.SendEnd(1).SendNowait(Int(4), SendOptions{})
	if err != nil || received {
		t.Fatalf("SendNowait with no receiver: %v, %v", received, err)
	}
	if ch.Len() != 1 {
		t.Fatal("item not queued")
	}
}

func TestChannelSendTimeoutWithdraws(t *testing.T) {
	ch := newTestChannel(t, ChannelOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if err := ch.SendEnd(1).Send(ctx, Int(1)); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v", err)
	}
	if _, err := ch.RecvEnd(2).RecvNowait(); !errors.Is(err, ErrEmpty) {
		t.Fatalf("the timed-out send's item is still there: %v", err)
	}
	// A send received before the cancel is not withdrawn.
	w, err := ch.SendEnd(1).StartSend(Int(2), SendOptions{})
	if err != nil || w == nil {
		t.Fatal(err)
	}
	if x, _ := ch.RecvEnd(2).RecvNowait(); x.AsInt() != 2 {
		t.Fatal("recv")
	}
	if w.Cancel() {
		t.Fatal("Cancel withdrew a received send")
	}
}

func TestChannelRecvContext(t *testing.T) {
	ch := newTestChannel(t, ChannelOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := ch.RecvEnd(1).Recv(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v", err)
	}
	waitChannel(t, ch, 0, 0)
}

func TestChannelClose(t *testing.T) {
	tests := []struct {
		name    string
		items   int
		close   func(ch *Channel) error
		want    error
		state   chanState
		drained bool // items are still received
	}{
		{"empty", 0, func(ch *Channel) error { return ch.Close(false) }, nil, chanClosed, false},
		{"not empty", 1, func(ch *Channel) error { return ch.Close(false) }, ErrNotEmpty, chanOpen, false},
		{"force", 2, func(ch *Channel) error { return ch.Close(true) }, nil, chanClosed, false},
		{"recv end not empty", 1, func(ch *Channel) error { return ch.RecvEnd(1).Close(false) }, ErrNotEmpty, chanOpen, false},
		{"recv end force", 1, func(ch *Channel) error { return ch.RecvEnd(1).Close(true) }, nil, chanClosed, false},
		{"send end drains", 2, func(ch *Channel) error { return ch.SendEnd(1).Close(false) }, nil, chanClosing, true},
		{"send end empty", 0, func(ch *Channel) error { return ch.SendEnd(1).Close(false) }, nil, chanClosed, false},
		{"twice", 0, func(ch *Channel) error { ch.Close(false); return ch.Close(false) }, ErrClosed, chanClosed, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := newTestChannel(t, ChannelOptions{})
			for i := range tt.items {
				ch.SendEnd(1).SendNowait(Int(int64(i)), SendOptions{})
			}
			if err := tt.close(ch); !errors.Is(err, tt.want) {
				t.Fatalf("close: %v, want %v", err, tt.want)
			}
			ch.mu.Lock()
			st := ch.state
			ch.mu.Unlock()
			if st != tt.state {
				t.Fatalf("state %d, want %d", st, tt.state)
			}
			if tt.state == chanOpen {
				return
			}
			if _, err := ch.SendEnd(1).SendNowait(Int(9), SendOptions{}); !errors.Is(err, ErrClosed) {
				t.Fatalf("send after close: %v", err)
			}
			if tt.drained {
				for i := range tt.items {
					if x, err := ch.RecvEnd(2).RecvNowait(); err != nil || x.AsInt() != int64(i) {
						t.Fatalf("drain: %v, %v", x, err)
					}
				}
				if !ch.Closed() {
					t.Fatal("a drained closing channel is not closed")
				}
			}
			if _, err := ch.RecvEnd(2).RecvNowait(); !errors.Is(err, ErrClosed) {
				t.Fatalf("recv after close: %v", err)
			}
		})
	}
}

func TestChannelCloseWakesWaiters(t *testing.T) {
	ch := newTestChannel(t, ChannelOptions{})
	recvErr := make(chan error)
	go func() { _, err := ch.RecvEnd(1).Recv(context.Background()); recvErr <- err }()
	waitChannel(t, ch, 1, 0)
	ch.Close(false)
	if err := <-recvErr; !errors.Is(err, ErrClosed) {
		t.Fatalf("waiting recv: %v", err)
	}

	ch = newTestChannel(t, ChannelOptions{})
	sendErr := make(chan error)
	go func() { sendErr <- ch.SendEnd(1).Send(context.Background(), Int(1)) }()
	waitChannel(t, ch, 0, 1)
	if err := ch.Close(false); !errors.Is(err, ErrNotEmpty) {
		t.Fatal(err)
	}
	ch.Close(true)
	if err := <-sendErr; !errors.Is(err, ErrClosed) {
		t.Fatalf("waiting send: %v", err)
	}

	// Closing the send end leaves a waiting send waiting until received.
	ch = newTestChannel(t, ChannelOptions{})
	go func() { sendErr <- ch.SendEnd(1).Send(context.Background(), Int(1)) }()
	waitChannel(t, ch, 0, 1)
	ch.SendEnd(1).Close(false)
	if !ch.Closing() {
		t.Fatal("not closing")
	}
	ch.RecvEnd(2).RecvNowait()
	if err := <-sendErr; err != nil {
		t.Fatal(err)
	}
	if !ch.Closed() {
		t.Fatal("not closed once drained")
	}
}

func TestChannelRelease(t *testing.T) {
	ch := newTestChannel(t, ChannelOptions{})
	a, b := int64(1), int64(2)
	ch.SendEnd(a).SendNowait(Int(1), SendOptions{})
	ch.RecvEnd(b).RecvNowait()
	if err := ch.SendEnd(a).Release(); err != nil {
		t.Fatal(err)
	}
	_, err := ch.SendEnd(a).SendNowait(Int(2), SendOptions{})
	if !errors.Is(err, ErrReleased) || !errors.Is(err, ErrClosed) {
		t.Fatalf("send on a released end: %v", err)
	}
	// Others still send; a's receive end is untouched.
	if _, err := ch.SendEnd(GoOwner).SendNowait(Int(3), SendOptions{}); err != nil {
		t.Fatal(err)
	}
	if x, err := ch.RecvEnd(a).RecvNowait(); err != nil || x.AsInt() != 3 {
		t.Fatalf("recv: %v %v", x, err)
	}
	// Once no interpreter has an end open, the channel closes.
	ch.SendEnd(GoOwner).Release()
	ch.RecvEnd(a).Release()
	if ch.Closed() {
		t.Fatal("closed while b's receive end is open")
	}
	ch.RecvEnd(b).Release()
	if !ch.Closed() {
		t.Fatal("not closed once every end is released")
	}
	if err := ch.RecvEnd(b).Release(); !errors.Is(err, ErrClosed) {
		t.Fatalf("release of a closed channel: %v", err)
	}
	// Releasing an end never used closes a channel nobody uses.
	ch = newTestChannel(t, ChannelOptions{})
	ch.SendEnd(a).Release()
	if !ch.Closed() {
		t.Fatal("unused channel not closed")
	}
}

func TestChannelUnbound(t *testing.T) {
	for _, tt := range []struct {
		op   UnboundOp
		want []string
	}{
		{UnboundReplace, []string{"UNBOUND", "2"}},
		{UnboundRemove, []string{"2"}},
		{UnboundError, []string{"error", "2"}},
	} {
		ch := newTestChannel(t, ChannelOptions{Unbound: tt.op})
		ch.SendEnd(1).SendNowait(Int(1), SendOptions{})
		ch.SendEnd(2).SendNowait(Int(2), SendOptions{})
		ch.RecvEnd(3).RecvNowait() // associate a receiver: the channel stays open
		ch.SendEnd(1).SendNowait(Int(1), SendOptions{})
		ch.SendEnd(2).SendNowait(Int(2), SendOptions{})
		ch.RecvEnd(3).RecvNowait()
		ch.ReleaseInterpreter(1)
		ch.ReleaseInterpreter(42) // never used it: nothing happens
		for _, want := range tt.want {
			x, err := ch.RecvEnd(3).RecvNowait()
			got := x.String()
			if errors.Is(err, ErrInterpreterDestroyed) {
				got = "error"
			}
			if got != want {
				t.Fatalf("op %d: got %s (%v), want %s", tt.op, got, err, want)
			}
		}
		if ch.Closed() {
			t.Fatal("closed while 2 and 3 use it")
		}
	}
	if _, err := NewChannel(ChannelOptions{Unbound: 8}); !errors.Is(err, ErrBadOption) {
		t.Fatal(err)
	}
	ch := newTestChannel(t, ChannelOptions{})
	if _, err := ch.SendEnd(1).SendNowait(unboundItem, SendOptions{}); !errors.Is(err, ErrBadOption) {
		t.Fatal(err)
	}
	if _, err := ch.SendEnd(1).SendNowait(Int(1), SendOptions{Unbound: 5}); !errors.Is(err, ErrBadOption) {
		t.Fatal(err)
	}
}

func TestChannelUnboundRemoveFailsWaitingSend(t *testing.T) {
	ch := newTestChannel(t, ChannelOptions{Unbound: UnboundRemove})
	ch.RecvEnd(3).RecvNowait()
	w, err := ch.SendEnd(1).StartSend(Int(1), SendOptions{})
	if err != nil || w == nil {
		t.Fatal(err)
	}
	ch.ReleaseInterpreter(1)
	<-w.Ready()
	if _, err := w.Result(); !errors.Is(err, ErrClosed) {
		t.Fatalf("removed send: %v", err)
	}
}
