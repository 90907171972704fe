package pool

import (
	"errors"
	"expvar"
	"math/bits"
	"sync/atomic"
	"time"
)

// Stats is a snapshot of a pool's counters since New. Its JSON form is
// what Var exports.
type Stats struct {
	// Name is Config.Name.
	Name string `json:"name"`
	// Workers is Config.Workers; DeadWorkers counts those that died and
	// could not be restarted.
	Workers     int `json:"workers"`
	DeadWorkers int `json:"dead_workers"`
	// Submitted counts the tasks given to Call, Submit, Map and
	// Group.Go; each ends up in exactly one of Completed (succeeded),
	// Failed (an error), Cancelled (its context ended, or Shutdown
	// stopped it) and Rejected (a full queue under FailFast, or a
	// closed pool), unless it is still Queued or Running.
	Submitted uint64 `json:"submitted"`
	Completed uint64 `json:"completed"`
	Failed    uint64 `json:"failed"`
	Cancelled uint64 `json:"cancelled"`
	Rejected  uint64 `json:"rejected"`
	Queued    int    `json:"queued"`
	Running   int64  `json:"running"`
	// Recycles counts worker interpreters replaced by fresh ones (after
	// RecycleAfter tasks, a MemoryError or a death).
	Recycles uint64 `json:"recycles"`
	// PerWorker has one entry per worker slot.
	PerWorker []WorkerStats `json:"per_worker"`
	// Latency is the time from submission to the end of a task, over
	// the first 1,024 tasks and one in 8 after them.
	Latency Latency `json:"latency"`
}

// WorkerStats are one worker slot's counters.
type WorkerStats struct {
	// ID is the slot's number, 0 to Workers-1.
	ID int `json:"id"`
	// Interpreter is the runtime ID of its current interpreter.
	Interpreter int64 `json:"interpreter"`
	// Tasks counts the tasks it ran, over all its interpreters.
	Tasks uint64 `json:"tasks"`
	// Recycles counts its interpreter replacements.
	Recycles uint64 `json:"recycles"`
	// Dead says it died and could not be restarted.
	Dead bool `json:"dead,omitempty"`
}

// Latency holds latency percentiles, from a histogram whose buckets
// are within 1/16 (about 6%) of each other; JSON has them in
// nanoseconds. Count is how many tasks were timed.
type Latency struct {
	Count uint64        `json:"count"`
	P50   time.Duration `json:"p50_ns"`
	P90   time.Duration `json:"p90_ns"`
	P99   time.Duration `json:"p99_ns"`
	Max   time.Duration `json:"max_ns"`
}

// counters are a pool's statistics, updated without locks.
type counters struct {
	submitted, completed, failed, cancelled, rejected, recycles atomic.Uint64
	running                                                     atomic.Int64
	perWorker                                                   []atomic.Uint64
	latency                                                     histogram
	max                                                         atomic.Int64
}

// epoch is the origin of now.
var epoch = time.Now()

// now is the monotonic time since epoch: time.Since reads only the
// monotonic clock, where time.Now reads the wall clock too, and a task
// reads the clock twice.
func now() time.Duration { return time.Since(epoch) }

// untimed marks a task whose latency is not measured.
const untimed = time.Duration(-1)

// submit counts a new task and returns its start time for the latency
// figures, or untimed. Reading the clock twice was 6% of a tiny task's
// time through Call (the clock is slow on this virtual machine), so
// only the first 1,024 tasks are timed, and one in 8 after them.
func (c *counters) submit() time.Duration {
	n := c.submitted.Add(1)
	if n > 1024 && n%8 != 0 {
		return untimed
	}
	return now()
}

// end counts a task that ended with err, submitted at start.
func (c *counters) end(start time.Duration, err error) {
	if start != untimed {
		d := now() - start
		c.latency.record(uint64(d))
		for {
			m := c.max.Load()
			if int64(d) <= m || c.max.CompareAndSwap(m, int64(d)) {
				break
			}
		}
	}
	switch {
	case err == nil:
		c.completed.Add(1)
	case isCancel(err):
		c.cancelled.Add(1)
	default:
		c.failed.Add(1)
	}
}

// refuse counts a task that failed with err as it was submitted:
// rejected when the pool would not take it, or as end counts it.
func (c *counters) refuse(start time.Duration, err error) {
	if errors.Is(err, ErrQueueFull) || errors.Is(err, ErrClosed) {
		c.rejected.Add(1)
		return
	}
	c.end(start, err)
}

// Stats returns a snapshot of the pool's counters. The counters are
// read one by one while tasks run, so they may disagree by a task or
// two.
func (p *Pool) Stats() Stats {
	p.mu.Lock()
	queued, dead := p.qlen, p.dead
	p.mu.Unlock()
	c := &p.stats
	s := Stats{
		Name:        p.cfg.Name,
		Workers:     len(p.workers),
		DeadWorkers: dead,
		Submitted:   c.submitted.Load(),
		Completed:   c.completed.Load(),
		Failed:      c.failed.Load(),
		Cancelled:   c.cancelled.Load(),
		Rejected:    c.rejected.Load(),
		Queued:      queued,
		Running:     c.running.Load(),
		Recycles:    c.recycles.Load(),
		PerWorker:   make([]WorkerStats, len(p.workers)),
	}
	for i, w := range p.workers {
		s.PerWorker[i] = WorkerStats{
			ID:          i,
			Interpreter: w.interp.Load(),
			Tasks:       c.perWorker[i].Load(),
			Recycles:    w.recycles.Load(),
			Dead:        w.isDead.Load(),
		}
	}
	s.Latency = c.latency.summary()
	s.Latency.Max = time.Duration(c.max.Load())
	return s
}

// Var returns the pool's Stats as an expvar.Var whose String is their
// JSON: publish it with expvar.Publish(name, p.Var()) to serve it on
// /debug/vars. The pool publishes nothing itself.
func (p *Pool) Var() expvar.Var {
	return expvar.Func(func() any { return p.Stats() })
}

// histogram counts durations (in nanoseconds) in log-linear buckets:
// values below 32 have a bucket each, and each power of two above is
// split into 16 equal buckets. 976 buckets cover all of uint64.
type histogram struct {
	buckets [976]atomic.Uint64
}

// bucketOf returns the bucket that counts v.
func bucketOf(v uint64) int {
	if v < 32 {
		return int(v)
	}
	shift := bits.Len64(v) - 5
	return (shift+1)*16 + int(v>>shift) - 16
}

// bucketMid returns the middle of bucket b's range.
func bucketMid(b int) uint64 {
	if b < 32 {
		return uint64(b)
	}
	shift := b/16 - 1
	low := uint64(16+b%16) << shift
	return low + (uint64(1)<<shift)/2
}

func (h *histogram) record(v uint64) { h.buckets[bucketOf(v)].Add(1) }

// summary computes the percentiles.
func (h *histogram) summary() Latency {
	var counts [len(h.buckets)]uint64
	var total uint64
	for i := range h.buckets {
		counts[i] = h.buckets[i].Load()
		total += counts[i]
	}
	l := Latency{Count: total}
	if total == 0 {
		return l
	}
	targets := []struct {
		q   float64
		out *time.Duration
	}{{0.50, &l.P50}, {0.90, &l.P90}, {0.99, &l.P99}}
	var seen uint64
	next := 0
	for b, n := range counts {
		seen += n
		for next < len(targets) && float64(seen) >= targets[next].q*float64(total) && seen > 0 {
			*targets[next].out = time.Duration(bucketMid(b))
			next++
		}
		if next == len(targets) {
			break
		}
	}
	return l
}
