//go:build !linux

package interp

import "os"

// isTerminal reports whether f is a terminal; without a terminal ioctl
// at hand, a character device that is not /dev/null counts as one.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(st, null)
}
