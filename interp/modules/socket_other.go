//go:build !linux

package modules

import "github.com/parallel-py/parallel/interp"

// _socket exists on Linux only for now: elsewhere importing it raises
// NotImplementedError, which the standard library reports cleanly.

func init() {
	interp.RegisterModule("_socket", func(in *interp.Interp, m *interp.Module) error {
		return in.Raise(interp.NotImplementedError, "the _socket module is not implemented yet on this platform")
	})
}
