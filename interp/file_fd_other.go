//go:build !unix

package interp

import (
	"errors"
	"os"
)

// fileFromFD would make an *os.File for a descriptor; open() of a
// descriptor is Unix-only here so far.
func fileFromFD(fd int, closefd bool) (*os.File, error) {
	return nil, errors.ErrUnsupported
}
