package channels

import (
	"errors"
	"fmt"
)

// The errors of queue and channel operations. They come back as they are
// from the operations that fail often (ErrEmpty, ErrFull), and wrapped
// with the object's kind and ID otherwise; test them with errors.Is.
var (
	// ErrEmpty: a non-blocking get or receive found nothing.
	ErrEmpty = errors.New("channels: empty")
	// ErrFull: a non-blocking put found the queue at its maxsize.
	ErrFull = errors.New("channels: full")
	// ErrClosed: the queue or channel is closed (for a channel: both
	// ends, or the end used, for every interpreter).
	ErrClosed = errors.New("channels: closed")
	// ErrReleased: the channel end was released by this interpreter
	// (PEP 554's ChannelReleasedError). It is a kind of closed:
	// errors.Is(ErrReleased, ErrClosed) holds.
	ErrReleased = fmt.Errorf("channels: end released here: %w", ErrClosed)
	// ErrNotEmpty: a channel still holding items cannot be closed
	// without force.
	ErrNotEmpty = errors.New("channels: not empty")
	// ErrNotFound: no queue or channel has that ID (any more).
	ErrNotFound = errors.New("channels: not found")
	// ErrInterpreterDestroyed: the item got was put by an interpreter
	// since destroyed, and its unbound op is UnboundError. The item is
	// gone; the next get returns the next one.
	ErrInterpreterDestroyed = errors.New("channels: the item's interpreter was destroyed")
	// ErrBadOption: an invalid argument (an unknown unbound op, a
	// negative ID).
	ErrBadOption = errors.New("channels: invalid argument")
)

// idError wraps err with what it is about.
func idError(what string, id int64, err error) error {
	return fmt.Errorf("%s %d: %w", what, id, err)
}
