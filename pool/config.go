package pool

import (
	"errors"
	"fmt"
	"io"
	goruntime "runtime"
	"time"
)

// Config configures a Pool. The zero Config is a pool of GOMAXPROCS
// workers with no setup code, no limits and an unbounded queue.
type Config struct {
	// Name names the pool in its workers' interpreter names
	// ("name/worker-3") and in Stats (default "pool").
	Name string
	// Workers is how many interpreters run tasks at once (default
	// GOMAXPROCS).
	Workers int

	// Setup is Python source run once in each worker's __main__ when
	// the worker starts (and again when it is replaced): it defines the
	// functions tasks call, and whatever it leaves in module state stays
	// there from one task to the next on that worker. SetupFile names a
	// file to run the same way, before Setup if both are set.
	Setup     string
	SetupFile string

	// TaskTimeout bounds each task's run time (0: none). A task that
	// runs longer gets KeyboardInterrupt inside its interpreter and
	// fails with a *TimeoutError; the worker stays.
	TaskTimeout time.Duration
	// MemoryLimit bounds the bytes of Python objects each worker may
	// hold (0: none). Passing it raises MemoryError in the task, which
	// fails with it, and the worker is replaced by a fresh one.
	MemoryLimit int64
	// RecycleAfter replaces a worker by a fresh one after it has run
	// that many tasks (0: never), for code that leaks.
	RecycleAfter int

	// QueueSize bounds how many tasks may wait for a worker (0:
	// unbounded). When the queue is full, Call and Submit wait for room
	// (until their context ends), or with FailFast fail at once with
	// ErrQueueFull.
	QueueSize int
	FailFast  bool

	// OnError, if set, is called with each task error other than a
	// cancellation or a full queue (Python exceptions, timeouts, worker
	// deaths), on the goroutine that ran the task, and with fn "" for a
	// worker that could not be restarted. It must be safe for
	// concurrent use, and must not wait for the pool (Close, Shutdown,
	// Call): it runs while its task's worker is still held. A panic in
	// it is recovered and ignored.
	OnError func(fn string, err error)

	// Stdout and Stderr receive what the workers' sys.stdout and
	// sys.stderr write (nil discards it); they must be safe for
	// concurrent use, since workers run in parallel.
	Stdout, Stderr io.Writer
	// Path is put in front of the standard library in each worker's
	// sys.path, for the modules the setup code imports.
	Path []string
}

// withDefaults validates c and fills in its defaults.
func (c Config) withDefaults() (Config, error) {
	var errs []error
	if c.Workers < 0 {
		errs = append(errs, fmt.Errorf("negative Workers (%d)", c.Workers))
	}
	if c.TaskTimeout < 0 {
		errs = append(errs, fmt.Errorf("negative TaskTimeout (%v)", c.TaskTimeout))
	}
	if c.MemoryLimit < 0 {
		errs = append(errs, fmt.Errorf("negative MemoryLimit (%d)", c.MemoryLimit))
	}
	if c.RecycleAfter < 0 {
		errs = append(errs, fmt.Errorf("negative RecycleAfter (%d)", c.RecycleAfter))
	}
	if c.QueueSize < 0 {
		errs = append(errs, fmt.Errorf("negative QueueSize (%d)", c.QueueSize))
	}
	if c.FailFast && c.QueueSize == 0 {
		errs = append(errs, errors.New("FailFast needs a QueueSize (an unbounded queue is never full)"))
	}
	if err := errors.Join(errs...); err != nil {
		return c, fmt.Errorf("pool: bad config: %w", err)
	}
	if c.Workers == 0 {
		c.Workers = goruntime.GOMAXPROCS(0)
	}
	if c.Name == "" {
		c.Name = "pool"
	}
	return c, nil
}
