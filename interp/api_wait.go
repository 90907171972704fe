package interp

import "time"

// Waiting on conditions outside the interpreter: an item arriving in a
// cross-interpreter queue, room in it, a send being received. The wait
// releases the GIL (and the run slot), so the interpreter's other
// threads and every other interpreter run meanwhile, and it stays
// interruptible the way Park is: a signal for the main thread, an
// asynchronous exception (the runtime's cancellation), the interpreter
// closing.

// WaitOn waits, with the GIL released, until ready can be received from
// (the condition holds), d passes (d < 0: no limit), or the running
// thread is interrupted. Call it under the GIL; ready belongs to the
// operation waited for (whoever satisfies it sends on it or closes it).
//
// On a timeout or an interruption WaitOn calls cancel, without the GIL,
// to withdraw the operation. cancel reports false when the operation
// completed after all (the item was handed over as the wait ended); then
// WaitOn reports done as if ready had fired, and an interruption stays
// pending for the next eval-breaker check, so that nothing the operation
// took is lost. Otherwise done is false, and err is the exception an
// interruption raises (a signal handler's, the asynchronous exception),
// or nil on a timeout or after a signal whose handler did not raise: the
// caller waits again for the time it has left, if any.
//
// A thread other than the main one that waits while the interpreter
// closes stops there, as daemon threads do; the main thread gets
// RuntimeError instead of waiting for what nobody will do.
func (in *Interp) WaitOn(ready <-chan struct{}, d time.Duration, cancel func() bool) (done bool, err error) {
	t := in.thread
	if in.det != nil {
		return in.detWaitOn(ready, d, cancel)
	}
	var timeout <-chan time.Time
	if d >= 0 {
		timer := time.NewTimer(d)
		defer timer.Stop()
		timeout = timer.C
	}
	t.Release()
	interrupted, closing := false, false
	select {
	case <-ready:
		done = true
	case <-timeout:
	case <-t.interrupt:
		interrupted = true
	case <-in.closing:
		closing = true
	}
	if !done && !cancel() {
		done = true
	}
	t.Acquire()
	in.exitIfFinalizing()
	return in.waitOutcome(done, interrupted, closing)
}

// waitOutcome is what WaitOn returns once the wait has ended and the
// running thread holds the GIL again.
func (in *Interp) waitOutcome(done, interrupted, closing bool) (bool, error) {
	switch {
	case done:
		return true, nil
	case interrupted:
		return false, in.handleBreaker()
	case closing:
		// Nobody is left to complete the wait.
		return false, in.raise(runtimeErrorType, "cannot wait: the interpreter is shutting down")
	}
	return false, nil
}

// detWaitOn is WaitOn under the deterministic scheduler: the condition
// is looked at whenever the schedule decides, and cancel runs holding
// the token.
func (in *Interp) detWaitOn(ready <-chan struct{}, d time.Duration, cancel func() bool) (done bool, err error) {
	in.det.noteOutside()
	interrupted := in.detBlock(d, ready)
	select {
	case <-ready:
		done = true
	default:
	}
	closing := false
	select {
	case <-in.closing:
		closing = true
	default:
	}
	if !done && !cancel() {
		done = true
	}
	return in.waitOutcome(done, interrupted, closing)
}
