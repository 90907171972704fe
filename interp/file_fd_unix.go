//go:build unix

package interp

import (
	"os"
	"syscall"
)

// fileFromFD makes an *os.File for descriptor fd, after checking that it
// is open as CPython's fstat does. An *os.File closes its descriptor when
// it is garbage, so when the file must not close fd (closefd=False) it
// gets a duplicate of fd instead, which shares fd's position.
func fileFromFD(fd int, closefd bool) (*os.File, error) {
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, err
	}
	if !closefd {
		dup, err := syscall.Dup(fd)
		if err != nil {
			return nil, err
		}
		syscall.CloseOnExec(dup)
		fd = dup
	}
	return os.NewFile(uintptr(fd), ""), nil
}
