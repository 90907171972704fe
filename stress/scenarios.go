package stress

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/parallel-py/parallel/channels"
	"github.com/parallel-py/parallel/runtime"
)

// The built-in scenarios. Each sizes itself from Env (Size, Budget),
// draws every choice from a seeded stream (Env.Rand), and checks exact
// outcomes: what went in came out once, counts are exact, finally blocks
// ran, limits hit only where they were set.

func init() {
	register(channelStorm{})
	register(interpreterChurn{})
	register(gilContention{})
	register(cancelStorm{})
	register(memoryPressure{})
	register(mixed{})
}

// group runs functions in goroutines and joins their errors.
type group struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs []error
}

// Go runs f in a goroutine of the group.
func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := safeRun(f); err != nil {
			g.mu.Lock()
			g.errs = append(g.errs, err)
			g.mu.Unlock()
		}
	}()
}

// Wait waits for every function and returns their errors joined.
func (g *group) Wait() error {
	g.wg.Wait()
	g.mu.Lock()
	defer g.mu.Unlock()
	return errors.Join(g.errs...)
}

// call runs fn in it and returns its result.
func call(ctx context.Context, it *runtime.Interpreter, fn string, args ...any) (any, error) {
	return it.Call(ctx, fn, args...)
}

// newInterp makes an interpreter and runs src in it.
func newInterp(ctx context.Context, env *Env, seq uint64, opts runtime.InterpreterOptions, src string) (*runtime.Interpreter, error) {
	it, err := env.NewInterpreter(env.Rand(seq), opts)
	if err != nil {
		return nil, err
	}
	if err := it.Exec(ctx, src); err != nil {
		it.Close()
		return nil, err
	}
	return it, nil
}

// producersAndConsumers makes nprod interpreters running prodSrc and
// ncons running consSrc (what was made comes back with an error too, for
// the caller to close).
func producersAndConsumers(ctx context.Context, env *Env, nprod, ncons int, prodSrc, consSrc string) (prods, cons []*runtime.Interpreter, err error) {
	for p := range nprod {
		it, err := newInterp(ctx, env, uint64(100+p), runtime.InterpreterOptions{}, prodSrc)
		if err != nil {
			return prods, cons, err
		}
		prods = append(prods, it)
	}
	for c := range ncons {
		it, err := newInterp(ctx, env, uint64(200+c), runtime.InterpreterOptions{}, consSrc)
		if err != nil {
			return prods, cons, err
		}
		cons = append(cons, it)
	}
	return prods, cons, nil
}

// closeInterps closes every interpreter, joining the errors.
func closeInterps(its []*runtime.Interpreter) error {
	var errs []error
	for _, it := range its {
		if it != nil {
			errs = append(errs, it.Close())
		}
	}
	return errors.Join(errs...)
}

// channelStorm: producer interpreters put ints into one bounded queue,
// consumer interpreters take them; every int must come out exactly once.
// With the cancel fault, producers are cancelled mid-stream and resume:
// the one int in flight at a cancellation may or may not have gone in.
type channelStorm struct{}

func (channelStorm) Name() string { return "channel-storm" }
func (channelStorm) Describe() string {
	return "M producer and N consumer interpreters move ints through a bounded queue; none lost or duplicated"
}

const producerSrc = `
last = None
def produce(q, lo, hi):
    global last
    put = q.put
    for i in range(lo, hi):
        put(i)
        last = i
def last_sent():
    return last
`

const consumerSrc = `
got = []
def consume(q):
    get = q.get
    append = got.append
    while True:
        x = get()
        if x is None:
            return len(got)
        append(x)
def received():
    return got
`

func (channelStorm) Run(ctx context.Context, env *Env) error {
	if env.cfg.Faults.CloseEnd > 0 {
		return channelStormClosing(ctx, env)
	}
	interps := env.Size(4, false)
	nprod := max(1, interps/2)
	ncons := max(1, interps-nprod)
	total := env.Budget(100_000)
	q, err := env.rt.Channels().NewQueue(channels.GoOwner, channels.QueueOptions{MaxSize: 64})
	if err != nil {
		return err
	}
	defer env.rt.Channels().Release(q.Handle(), channels.GoOwner)

	var mu sync.Mutex
	uncertain := map[int64]bool{} // ints a cancellation left in doubt
	sentUpTo := make([]int, nprod)
	prods, cons, err := producersAndConsumers(ctx, env, nprod, ncons, producerSrc, consumerSrc)
	defer func() { closeInterps(append(prods, cons...)) }()
	if err != nil {
		return err
	}

	var consumers group
	for _, it := range cons {
		consumers.Go(func() error {
			_, err := call(ctx, it, "consume", q.Handle())
			return err
		})
	}
	var producers group
	per := (total + nprod - 1) / nprod
	for p, it := range prods {
		producers.Go(func() error {
			r := env.Rand(uint64(300 + p))
			lo, hi := p*per, min((p+1)*per, total)
			const chunk = 1000
			for lo < hi && !env.Spent() {
				end := min(lo+chunk, hi)
				cctx, cancel := context.WithCancel(ctx)
				if env.Fault(r, "cancel", env.cfg.Faults.Cancel) {
					time.AfterFunc(time.Duration(r.IntN(2000))*time.Microsecond, cancel)
				}
				start := time.Now()
				_, err := call(cctx, it, "produce", q.Handle(), lo, end)
				cancel()
				if err != nil && !errors.Is(err, context.Canceled) {
					return fmt.Errorf("producer %d: %w", p, err)
				}
				next := end
				if err != nil {
					// Cancelled: resume after the last int known to be in,
					// leaving the one after it in doubt.
					last, lerr := call(ctx, it, "last_sent")
					if lerr != nil {
						return lerr
					}
					next = lo
					if l, ok := last.(int64); ok && int(l) >= lo {
						next = int(l) + 1
					}
					if next < end {
						mu.Lock()
						uncertain[int64(next)] = true
						mu.Unlock()
						next++
					}
				}
				if n := next - lo; n > 0 {
					env.Op(time.Since(start) / time.Duration(n))
					env.Ops(int64(n - 1))
				}
				lo = next
			}
			sentUpTo[p] = lo
			return nil
		})
	}
	perr := producers.Wait()
	for range cons {
		if err := q.Put(ctx, channels.None()); err != nil {
			return err
		}
	}
	if err := errors.Join(perr, consumers.Wait()); err != nil {
		return err
	}

	// The ledger: every int sent must have come out once, and nothing
	// else may have.
	seen := make([]uint8, total)
	dropped := env.cfg.breakWith == breakDropItem
	for c, it := range cons {
		got, err := call(ctx, it, "received")
		if err != nil {
			return err
		}
		for i, x := range got.([]any) {
			if dropped && c == 0 && i == 0 {
				continue // the broken variant loses one item here
			}
			n, ok := x.(int64)
			if !ok || n < 0 || n >= int64(total) {
				return fmt.Errorf("consumer %d received %v, which no producer sent", c, x)
			}
			seen[n]++
		}
	}
	for p := range nprod {
		lo, hi := p*per, sentUpTo[p]
		for i := lo; i < hi; i++ {
			switch {
			case seen[i] > 1:
				return fmt.Errorf("item %d came out %d times", i, seen[i])
			case seen[i] == 0 && !uncertain[int64(i)]:
				return fmt.Errorf("item %d went in and never came out", i)
			}
		}
		for i := hi; i < min((p+1)*per, total); i++ {
			if seen[i] != 0 {
				return fmt.Errorf("item %d came out though it was never sent", i)
			}
		}
	}
	if q.Len() != 0 {
		return fmt.Errorf("%d items left in the queue", q.Len())
	}
	return nil
}

// interpreterChurn: goroutines create, use and close interpreters while a
// long-lived one computes; every result is right and every interpreter
// is gone at the end (when the runtime is its alone: not in mixed).
type interpreterChurn struct{ shared bool }

func (interpreterChurn) Name() string { return "interpreter-churn" }
func (interpreterChurn) Describe() string {
	return "create, run and close interpreters by the thousand while others work; results exact, none left open"
}

func (s interpreterChurn) Run(ctx context.Context, env *Env) error {
	churners := env.Size(2, false)
	rounds := env.Budget(2000)
	worker, err := newInterp(ctx, env, 1, runtime.InterpreterOptions{}, "def work(n):\n    return sum(i * i for i in range(n))\n")
	if err != nil {
		return err
	}
	defer worker.Close()
	stop := make(chan struct{})
	var g group
	g.Go(func() error {
		for {
			select {
			case <-stop:
				return nil
			default:
			}
			start := time.Now()
			r, err := call(ctx, worker, "work", 1000)
			if err != nil {
				return err
			}
			if r != int64(332833500) {
				return fmt.Errorf("the long-lived interpreter computed %v", r)
			}
			env.Op(time.Since(start))
		}
	})
	var churn group
	for c := range churners {
		churn.Go(func() error {
			r := env.Rand(uint64(10 + c))
			for i := c; i < rounds && !env.Spent(); i += churners {
				start := time.Now()
				it, err := env.NewInterpreter(r, runtime.InterpreterOptions{})
				if err != nil {
					return err
				}
				err = it.Exec(ctx, fmt.Sprintf("x = [str(i) for i in range(%d)]\ny = len(''.join(x))\ndef f(s):\n    return len(s) + y - y", 10+i%50))
				var got any
				if err == nil {
					got, err = call(ctx, it, "f", "abc")
				}
				if cerr := it.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					return fmt.Errorf("round %d: %w", i, err)
				}
				if got != int64(3) {
					return fmt.Errorf("round %d: len('abc') = %v", i, got)
				}
				env.Op(time.Since(start))
			}
			return nil
		})
	}
	cerr := churn.Wait()
	close(stop)
	if err := errors.Join(cerr, g.Wait()); err != nil {
		return err
	}
	if n := env.rt.Stats().Interpreters; n != 1 && !s.shared {
		return fmt.Errorf("%d interpreters live after the churn, want 1", n)
	}
	return nil
}

// gilContention: threads of one interpreter take a lock, hand items over
// a queue and take turns on a condition, at a tiny switch interval; the
// counts must be exact.
type gilContention struct{}

func (gilContention) Name() string { return "gil-contention" }
func (gilContention) Describe() string {
	return "threads in one interpreter contend for a lock, a queue and a condition; exact final counts"
}

const gilSrc = `
import threading, queue, sys
def contend(nthreads, n, interval, deadlock):
    sys.setswitchinterval(interval)
    count = 0
    lock = threading.Lock()
    q = queue.Queue()
    def worker(k):
        nonlocal count
        for i in range(n):
            with lock:
                count += 1
            q.put(k)
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(nthreads)]
    for t in threads:
        t.start()
    # Two threads take turns through a condition, strictly alternating.
    cond = threading.Condition()
    turns = []
    def taker(me, other, rounds):
        for _ in range(rounds):
            with cond:
                while turns and turns[-1] == me:
                    cond.wait()
                turns.append(me)
                cond.notify_all()
    pair = [threading.Thread(target=taker, args=(0, 1, n // 10)), threading.Thread(target=taker, args=(1, 0, n // 10))]
    for t in pair:
        t.start()
    if deadlock:
        a, b = threading.Lock(), threading.Lock()
        def one(x, y):
            with x:
                threading.Event().wait(0.05)
                with y:
                    pass
        for x, y in ((a, b), (b, a)):
            threading.Thread(target=one, args=(x, y), daemon=True).start()
        threading.Event().wait(0.2)
        with a:
            pass
    for t in threads + pair:
        t.join()
    per = [0] * nthreads
    while not q.empty():
        per[q.get_nowait()] += 1
    alternating = all(turns[i] != turns[i + 1] for i in range(len(turns) - 1))
    return count, per, len(turns), alternating
`

func (gilContention) Run(ctx context.Context, env *Env) error {
	threads := env.Size(4, true)
	n := env.Budget(20_000) / threads
	r := env.Rand(1)
	interval := 0.0001
	if env.cfg.SwitchInterval > 0 {
		interval = env.cfg.SwitchInterval.Seconds()
	}
	if env.Fault(r, "random switch interval", env.cfg.Faults.SwitchInterval) {
		interval = float64(1+r.IntN(5000)) * 1e-6
	}
	it, err := newInterp(ctx, env, 2, runtime.InterpreterOptions{}, gilSrc)
	if err != nil {
		return err
	}
	defer it.Close()
	start := time.Now()
	got, err := call(ctx, it, "contend", threads, n, interval, env.cfg.breakWith == breakDeadlock)
	if err != nil {
		return err
	}
	t, ok := got.(runtime.Tuple)
	if !ok || len(t) != 4 {
		return fmt.Errorf("contend returned %v", got)
	}
	env.Ops(int64(threads * n))
	env.Op(time.Since(start) / time.Duration(max(1, threads*n)))
	if t[0] != int64(threads*n) {
		return fmt.Errorf("the counter ended at %v, want %d", t[0], threads*n)
	}
	for k, c := range t[1].([]any) {
		if c != int64(n) {
			return fmt.Errorf("thread %d put %v items, want %d", k, c, n)
		}
	}
	if t[2] != int64(2*(n/10)) || t[3] != true {
		return fmt.Errorf("the condition's turns: %v taken, alternating %v; want %d, true", t[2], t[3], 2*(n/10))
	}
	return nil
}

// cancelStorm: interpreters spinning in `while True` are cancelled at
// random moments; each cancellation must end the call with the context's
// error, run the finally block, and leave the interpreter usable.
type cancelStorm struct{ rounds int } // rounds: fixed by mixed, else the budget

func (cancelStorm) Name() string { return "cancel-storm" }
func (cancelStorm) Describe() string {
	return "interpreters cancelled mid-bytecode; finally blocks run, calls end with the context's error, interpreters stay usable"
}

const spinSrc = `
started = finished = 0
def spin():
    global started, finished
    try:
        started += 1
        while True:
            pass
    finally:
        finished += 1
def counts():
    return started, finished
`

func (s cancelStorm) Run(ctx context.Context, env *Env) error {
	interps := env.Size(4, false)
	rounds := env.Budget(200)
	if s.rounds > 0 {
		rounds = s.rounds
	}
	var g group
	for k := range interps {
		g.Go(func() error {
			r := env.Rand(uint64(20 + k))
			it, err := newInterp(ctx, env, uint64(30+k), runtime.InterpreterOptions{}, spinSrc)
			if err != nil {
				return err
			}
			defer it.Close()
			done := 0
			for i := k; i < rounds && !env.Spent(); i += interps {
				cctx, cancel := context.WithTimeout(ctx, time.Duration(100+r.IntN(5000))*time.Microsecond)
				start := time.Now()
				_, err := call(cctx, it, "spin")
				cancel()
				if !errors.Is(err, context.DeadlineExceeded) {
					if ctx.Err() != nil {
						return nil // the run itself ended
					}
					return fmt.Errorf("interpreter %d, round %d: got %v, want the deadline's error", k, i, err)
				}
				env.Op(time.Since(start))
				done++
				if err := env.MaybeCollect(ctx, r, it); err != nil {
					return err
				}
			}
			got, err := call(ctx, it, "counts")
			if err != nil {
				return err
			}
			// A cancellation that lands before the try block starts runs
			// no finally block; one that lands inside it always does.
			c := got.(runtime.Tuple)
			started, finished := c[0].(int64), c[1].(int64)
			if finished < started || finished > int64(done) {
				return fmt.Errorf("interpreter %d: %d try blocks entered, %d finally blocks ran, %d cancellations", k, started, finished, done)
			}
			return nil
		})
	}
	return g.Wait()
}

// memoryPressure: interpreters with a memory limit grow lists until
// MemoryError while neighbours without one compute; the limit hits only
// where it was set, and the limited interpreters stay usable.
type memoryPressure struct{ rounds int } // rounds: fixed by mixed, else the budget

func (memoryPressure) Name() string { return "memory-pressure" }
func (memoryPressure) Describe() string {
	return "interpreters hit their memory limits beside healthy ones; MemoryError only where the limit is"
}

const growSrc = `
def grow():
    hoard = []
    try:
        while True:
            hoard.append([0] * 10000)
    except MemoryError:
        n = len(hoard)
        hoard = None
        return n
def healthy(n):
    return sum(len(str(i)) for i in range(n))
`

func (s memoryPressure) Run(ctx context.Context, env *Env) error {
	pairs := max(1, env.Size(4, false)/2)
	rounds := env.Budget(40)
	if s.rounds > 0 {
		rounds = s.rounds
	}
	var g group
	for k := range pairs {
		g.Go(func() error {
			limited, err := newInterp(ctx, env, uint64(40+k), runtime.InterpreterOptions{MemoryLimit: 16 << 20}, growSrc)
			if err != nil {
				return err
			}
			defer limited.Close()
			for i := k; i < rounds && !env.Spent(); i += pairs {
				start := time.Now()
				n, err := call(ctx, limited, "grow")
				if err != nil {
					return fmt.Errorf("limited interpreter %d: %w", k, err)
				}
				if n.(int64) < 10 {
					return fmt.Errorf("limited interpreter %d hit its limit after %v lists", k, n)
				}
				// Usable after the hit.
				if got, err := call(ctx, limited, "healthy", 1000); err != nil || got != int64(2890) {
					return fmt.Errorf("limited interpreter %d after MemoryError: %v, %v", k, got, err)
				}
				env.Op(time.Since(start))
			}
			return nil
		})
		g.Go(func() error {
			healthy, err := newInterp(ctx, env, uint64(50+k), runtime.InterpreterOptions{}, growSrc)
			if err != nil {
				return err
			}
			defer healthy.Close()
			for i := k; i < rounds*5 && !env.Spent(); i += pairs {
				start := time.Now()
				got, err := call(ctx, healthy, "healthy", 20000)
				if err != nil {
					return fmt.Errorf("healthy interpreter %d: %w", k, err)
				}
				if got != int64(88890) {
					return fmt.Errorf("healthy interpreter %d computed %v", k, got)
				}
				env.Op(time.Since(start))
			}
			return nil
		})
	}
	return g.Wait()
}

// mixed runs the other scenarios at once, each with a share of the
// budget.
type mixed struct{}

func (mixed) Name() string { return "mixed" }
func (mixed) Describe() string {
	return "channel-storm, interpreter-churn, gil-contention, cancel-storm, memory-pressure and pool-saturation at once"
}

func (mixed) Run(ctx context.Context, env *Env) error {
	var g group
	for _, s := range []Scenario{channelStorm{}, interpreterChurn{shared: true}, gilContention{}, cancelStorm{rounds: 40}, memoryPressure{rounds: 8}, poolSaturation{}} {
		g.Go(func() error {
			if err := s.Run(ctx, env); err != nil {
				return fmt.Errorf("%s: %w", s.Name(), err)
			}
			return nil
		})
	}
	return g.Wait()
}

const chanProducerSrc = `
import interpchannels as C
def produce(s, lo, hi):
    for i in range(lo, hi):
        try:
            s.send_nowait(i)
        except C.ChannelClosedError:
            return i
    return hi
`

const chanConsumerSrc = `
import interpchannels as C
got = []
def consume(r):
    append = got.append
    while True:
        try:
            append(r.recv())
        except C.ChannelClosedError:
            return len(got)
def received():
    return got
`

// channelStormClosing is channel-storm with the close-end fault: the ints
// go through a PEP 554 channel, and once the fault fires Go closes the
// channel mid-stream (a close without force lands between items, as
// PEP 554 wants). Every int a send accepted must come out exactly once,
// and nothing else.
func channelStormClosing(ctx context.Context, env *Env) error {
	interps := env.Size(4, false)
	nprod := max(1, interps/2)
	ncons := max(1, interps-nprod)
	total := env.Budget(100_000)
	reg := env.rt.Channels()
	ch, err := reg.NewChannel(channels.GoOwner, channels.ChannelOptions{})
	if err != nil {
		return err
	}
	defer reg.Release(channels.Handle{Kind: channels.HandleRecv, ID: ch.ID()}, channels.GoOwner)
	prods, cons, err := producersAndConsumers(ctx, env, nprod, ncons, chanProducerSrc, chanConsumerSrc)
	defer func() { closeInterps(append(prods, cons...)) }()
	if err != nil {
		return err
	}
	consumers := &group{}
	for _, it := range cons {
		consumers.Go(func() error {
			_, err := call(ctx, it, "consume", ch.RecvEnd(0).Handle())
			return err
		})
	}
	per := (total + nprod - 1) / nprod
	sentUpTo := make([]int, nprod)
	producers := &group{}
	var closeOnce sync.Once
	closeNow := func() error {
		var err error
		closeOnce.Do(func() {
			for {
				err = ch.Close(false)
				if !errors.Is(err, channels.ErrNotEmpty) {
					return
				}
				time.Sleep(50 * time.Microsecond)
			}
		})
		if errors.Is(err, channels.ErrClosed) {
			err = nil
		}
		return err
	}
	for p, it := range prods {
		producers.Go(func() error {
			r := env.Rand(uint64(300 + p))
			lo, hi := p*per, min((p+1)*per, total)
			const chunk = 1000
			for lo < hi && !env.Spent() {
				end := min(lo+chunk, hi)
				start := time.Now()
				got, err := call(ctx, it, "produce", ch.SendEnd(0).Handle(), lo, end)
				if err != nil {
					return fmt.Errorf("producer %d: %w", p, err)
				}
				next := int(got.(int64))
				if n := next - lo; n > 0 {
					env.Op(time.Since(start) / time.Duration(n))
					env.Ops(int64(n - 1))
				}
				lo = next
				if next < end {
					break // the channel closed
				}
				if env.Fault(r, "close end", env.cfg.Faults.CloseEnd) {
					if err := closeNow(); err != nil {
						return err
					}
				}
			}
			sentUpTo[p] = lo
			return nil
		})
	}
	perr := producers.Wait()
	if err := errors.Join(perr, closeNow(), consumers.Wait()); err != nil {
		return err
	}
	seen := make([]uint8, total)
	for c, it := range cons {
		got, err := call(ctx, it, "received")
		if err != nil {
			return err
		}
		for _, x := range got.([]any) {
			n, ok := x.(int64)
			if !ok || n < 0 || n >= int64(total) {
				return fmt.Errorf("consumer %d received %v, which no producer sent", c, x)
			}
			seen[n]++
		}
	}
	for p := range nprod {
		for i := p * per; i < min((p+1)*per, total); i++ {
			sent := i < sentUpTo[p]
			switch {
			case seen[i] > 1:
				return fmt.Errorf("item %d came out %d times", i, seen[i])
			case sent && seen[i] == 0:
				return fmt.Errorf("item %d was accepted and never came out", i)
			case !sent && seen[i] != 0:
				return fmt.Errorf("item %d came out though its send was refused", i)
			}
		}
	}
	return nil
}
