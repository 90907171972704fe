package runtime

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parallel-py/parallel/channels"
)

const channelsPrelude = `
import interpreters as I
import interpchannels as C
def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)
`

// PEP 554 channels from Python. CPython 3.12's _xxinterpchannels is the
// oracle for the messages and the release rules.
func TestChannelsPython(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"basics", `
r, s = I.create_channel()
print(r, s, r.id, s.id, C.RecvChannel(r.id) is r, r == C.RecvChannel(0), r != s)
print(s.send_nowait(1), s.send_nowait(('a', b'b', None)), r.recv(), r.recv())
show(r.recv_nowait)
print(r.recv_nowait(None), r.recv_nowait(default=7))
show(r.recv, timeout=0.01)
show(s.send, 'x', timeout=0.01)
print(r.recv_nowait('gone: a timed-out send takes its item back'))
s.send_buffer_nowait(bytearray(b'xyz'))
m = r.recv()
print(type(m).__name__, bytes(m), m.readonly)
print(I.list_all_channels())
`, "RecvChannel(id=0) SendChannel(id=0) 0 0 True True True\n" +
			"False False 1 ('a', b'b', None)\n" +
			"ChannelEmptyError: channel 0 is empty\nNone 7\n" +
			"TimeoutError: timed out\nTimeoutError: timed out\n" +
			"gone: a timed-out send takes its item back\n" +
			"memoryview b'xyz' True\n[(RecvChannel(id=0), SendChannel(id=0))]\n"},
		{"send waits until received", `
import threading
r, s = I.create_channel()
sub = I.create()
sub.prepare_main(r=r, s=s)
events = []
t = threading.Thread(target=sub.exec, args=('x = r.recv()\ns.send_nowait(x + 1)',))
t.start()
s.send(41)
events.append('sent')
events.append(r.recv())
t.join()
print(events)
`, "['sent', 42]\n"},
		{"close", `
r, s = I.create_channel()
s.send_nowait(1)
show(r.close)
show(s.close)
show(s.send_nowait, 2)
print(s.is_closed, r.is_closed, r.recv())
print(r.is_closed)
show(r.recv_nowait)
show(r.close)
r2, s2 = I.create_channel()
s2.send_nowait(1)
r2.close(force=True)
show(r2.recv_nowait)
print(I.list_all_channels())
`, "ChannelNotEmptyError: channel 0 may not be closed if not empty (try force=True)\nNone\n" +
			"ChannelClosedError: channel 0 is closed\nTrue False 1\nTrue\n" +
			"ChannelClosedError: channel 0 is closed\nChannelClosedError: channel 0 is closed\n" +
			"ChannelClosedError: channel 1 is closed\n[]\n"},
		{"release", `
r, s = I.create_channel()
sub = I.create()
sub.prepare_main(r=r)
s.send_nowait(1)
sub.exec('print(r.recv())')
s.send_nowait(2)
s.release()
show(s.send_nowait, 3)
print(issubclass(C.ChannelReleasedError, C.ChannelClosedError))
sub.exec('print(r.recv()); r.release()')
show(r.recv_nowait)
r2, s2 = I.create_channel()
s2.send_nowait('lost')
s2.release()
show(r2.recv_nowait)
`, "1\nChannelReleasedError: channel 0 is already closed (released in this interpreter)\nTrue\n2\n" +
			"ChannelClosedError: channel 0 is closed\nChannelClosedError: channel 1 is closed\n"},
		{"unbound", `
r, s = I.create_channel()
r.recv_nowait(None)
sub = I.create()
sub.prepare_main(s=s)
sub.exec('''
import interpchannels as C
s.send_nowait(1)
s.send_nowait(2, unbounditems=C.UNBOUND_REMOVE)
s.send_nowait(3, unbounditems=C.UNBOUND_ERROR)
''')
s.send_nowait('mine')
sub.close()
print(r.recv() is C.UNBOUND, repr(C.UNBOUND))
show(r.recv)
print(r.recv())
`, "True interpchannels.UNBOUND\nItemInterpreterDestroyed: item's original interpreter destroyed\nmine\n"},
		{"bad input", `
r, s = I.create_channel()
show(s.send_nowait, [1, {'a': iter}, (x for x in ())])
show(s.send_buffer_nowait, 'text')
show(s.send, 1, timeout=-1)
show(r.recv, timeout=-1)
show(C.RecvChannel, 'x')
show(C.SendChannel, 99)
show(C.create, unbounditems='no')
import _interpchannels as L
show(L.send, 0, 1, 9, True, None, False)
show(L.recv, -3, True, None)
show(L.close, 42, False, False, False)
show(L._register_types, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
print(L.get_info(0), L.get_channel_defaults(0))
`, "NotShareableError: 'generator' object does not support cross-interpreter data: cannot pickle 'generator' object (at [2])\n" +
			"TypeError: a bytes-like object is required, not 'str'\n" +
			"ValueError: timeout value must be non-negative\nValueError: timeout value must be non-negative\n" +
			"TypeError: id must be an int, got 'x'\nChannelNotFoundError: channel 99 not found\n" +
			"NotImplementedError: unsupported unbound replacement op 'no'\n" +
			"ValueError: unsupported unbound op 9\n" +
			"ValueError: channel ID must be a non-negative int, got -3\n" +
			"ChannelNotFoundError: channel 42 not found\n" +
			"TypeError: _register_types() expects classes, got int\n(False, False, 0) 3\n"},
		{"ends cross in queues and channels", `
from concurrent import interpreters as P
r, s = I.create_channel()
q = P.create_queue()
q.put((r, s))
r2, s2 = q.get()
print(r2 is r, s2 is s)
s.send_nowait(r)
print(r.recv() is r, I.is_shareable(s))
`, "True True\nTrue True\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := runPython(t, channelsPrelude+c.src); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// Go and Python on the two ends of a channel; a blocked recv is
// cancelled by the runtime, a blocked send takes its item back.
func TestChannelsGoAndPython(t *testing.T) {
	rt := newRuntime(t, Options{})
	reg := rt.Channels()
	ch, err := reg.NewChannel(channels.GoOwner, channels.ChannelOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer reg.Release(channels.Handle{Kind: channels.HandleRecv, ID: ch.ID()}, channels.GoOwner)
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, "def echo(r, s):\n    x = r.recv()\n    s.send(('echo', x))\n    return 'done'\n")
	back, _ := reg.NewChannel(channels.GoOwner, channels.ChannelOptions{})
	done := make(chan error)
	go func() {
		r, err := it.Call(context.Background(), "echo", ch.RecvEnd(0).Handle(), back.SendEnd(0).Handle())
		if err == nil && r != "done" {
			err = errors.New("echo returned " + r.(string))
		}
		done <- err
	}()
	ctx := context.Background()
	if err := ch.SendEnd(channels.GoOwner).Send(ctx, channels.Str("hi")); err != nil {
		t.Fatal(err)
	}
	x, err := back.RecvEnd(channels.GoOwner).Recv(ctx)
	if err != nil || x.String() != `("echo", "hi")` {
		t.Fatalf("got %v, %v", x, err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	mustExec(t, it, "import interpchannels as C\nr, s = C.create()\nfinished = []")
	for _, src := range []string{
		"try:\n    r.recv()\nfinally:\n    finished.append('recv')",
		"try:\n    s.send(1)\nfinally:\n    finished.append('send')",
	} {
		ctx, cancel := context.WithCancel(context.Background())
		whenRunning(it, 20*time.Millisecond, cancel)
		err := it.Exec(ctx, src)
		var pe *PythonError
		if !errors.Is(err, context.Canceled) || !errors.As(err, &pe) || pe.Type != "KeyboardInterrupt" {
			t.Fatalf("Exec = %v, want a cancelled KeyboardInterrupt", err)
		}
	}
	got := eval(t, it, "(finished, r.recv_nowait('empty: the cancelled send took its item back'))")
	if s, _ := got.(Tuple)[1].(string); !strings.HasPrefix(s, "empty") {
		t.Fatalf("after cancellation: %v", got)
	}
}

// Producer interpreters send ints through one channel while consumer
// interpreters receive them, and Go closes the channel mid-stream: every
// int a send accepted is received exactly once, and nothing else is.
func TestChannelsConservationClosedMidStream(t *testing.T) {
	producers, consumers, per := 2, 3, 150_000
	if testing.Short() {
		per = 3000
	}
	rt := newRuntime(t, Options{})
	reg := rt.Channels()
	ch, err := reg.NewChannel(channels.GoOwner, channels.ChannelOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer reg.Release(channels.Handle{Kind: channels.HandleRecv, ID: ch.ID()}, channels.GoOwner)
	type result struct {
		got []any
		err error
	}
	sentc, gotc := make(chan result, producers), make(chan result, consumers)
	call := func(it *Interpreter, out chan<- result, fn string, args ...any) {
		r, err := it.Call(context.Background(), fn, args...)
		l, _ := r.([]any)
		out <- result{l, err}
	}
	for p := range producers {
		it := newInterpreter(t, rt, InterpreterOptions{})
		mustExec(t, it, `
import interpchannels as C
def produce(s, lo, hi):
    for i in range(lo, hi):
        try:
            s.send_nowait(i)
        except C.ChannelClosedError:
            return [lo, i]
    return [lo, hi]
`)
		go call(it, sentc, "produce", ch.SendEnd(0).Handle(), p*per, (p+1)*per)
	}
	for range consumers {
		it := newInterpreter(t, rt, InterpreterOptions{})
		mustExec(t, it, `
import interpchannels as C
def consume(r):
    got = []
    while True:
        try:
            got.append(r.recv())
        except C.ChannelClosedError:
            return got
`)
		go call(it, gotc, "consume", ch.RecvEnd(0).Handle())
	}
	// A close without force is refused while items wait (PEP 554): try
	// until it lands between items, as a program would.
	time.Sleep(30 * time.Millisecond)
	for {
		err := ch.Close(false)
		if err == nil {
			break
		}
		if !errors.Is(err, channels.ErrNotEmpty) {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Microsecond)
	}
	want := map[int64]bool{}
	for range producers {
		r := <-sentc
		if r.err != nil {
			t.Fatal(r.err)
		}
		for i := r.got[0].(int64); i < r.got[1].(int64); i++ {
			want[i] = true
		}
	}
	seen := map[int64]bool{}
	for range consumers {
		r := <-gotc
		if r.err != nil {
			t.Fatal(r.err)
		}
		for _, x := range r.got {
			i := x.(int64)
			if seen[i] || !want[i] {
				t.Fatalf("%d received twice, or never accepted", i)
			}
			seen[i] = true
		}
	}
	if len(seen) != len(want) {
		t.Fatalf("%d ints accepted, %d received", len(want), len(seen))
	}
	t.Logf("%d of %d ints went through before the close", len(seen), producers*per)
}
