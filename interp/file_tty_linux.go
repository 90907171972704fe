//go:build linux

package interp

import (
	"os"
	"syscall"
	"unsafe"
)

// isTerminal reports whether f is a terminal, as isatty(3) does: whether
// the terminal attributes can be read.
func isTerminal(f *os.File) bool {
	var t syscall.Termios
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return errno == 0
}
