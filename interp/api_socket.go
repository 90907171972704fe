package interp

// The part of the exported API that the _socket and select modules
// need: running the handlers of pending signals when a system call was
// interrupted (PEP 475), before retrying it.

// CheckSignals runs the Python handlers of the signals that arrived and
// have not been handled yet, as CPython's PyErr_CheckSignals does; it
// returns the exception a handler raised (KeyboardInterrupt for SIGINT
// by default), or nil.
func (in *Interp) CheckSignals() error {
	if in.pendingSignals.Load() == 0 {
		return nil
	}
	return in.handleSignals()
}
