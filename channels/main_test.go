package channels

import (
	"testing"

	"go.uber.org/goleak"
)

// Every wait parks a goroutine: none may be left behind by any test.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
