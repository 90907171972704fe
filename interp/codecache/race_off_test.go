//go:build !race

package codecache_test

// raceEnabled says the race detector is on.
const raceEnabled = false
