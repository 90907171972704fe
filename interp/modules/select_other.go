//go:build !linux

package modules

import "github.com/parallel-py/parallel/interp"

// select exists on Linux only for now: elsewhere importing it raises
// NotImplementedError.

func init() {
	interp.RegisterModule("select", func(in *interp.Interp, m *interp.Module) error {
		return in.Raise(interp.NotImplementedError, "the select module is not implemented yet on this platform")
	})
}
