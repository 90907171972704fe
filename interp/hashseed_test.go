package interp

import "testing"

func TestHashSeedFromEnv(t *testing.T) {
	for _, c := range []struct {
		v      string
		key    uint64
		fixed  bool
		failed bool
	}{
		{"", 0, false, false},
		{"random", 0, false, false},
		{"0", 0, true, false},
		{"4294967295", 4294967295, true, false},
		{"4294967296", 0, false, true},
		{"-1", 0, false, true},
		{"abc", 0, false, true},
	} {
		key, fixed, err := hashSeedFromEnv(c.v)
		if key != c.key || fixed != c.fixed || (err != nil) != c.failed {
			t.Errorf("%q: %d %v %v, want %d %v failed=%v", c.v, key, fixed, err, c.key, c.fixed, c.failed)
		}
	}
}

// The fixed hash spreads short keys over a table's low bits.
func TestFixedStringHashSpreads(t *testing.T) {
	seen := map[uint64]bool{}
	for i := range 1024 {
		seen[fixedStringHash(string(rune('a'+i%26))+string(rune('a'+i/26)))&1023] = true
	}
	if len(seen) < 500 {
		t.Errorf("1024 two-letter keys fill %d of 1024 slots", len(seen))
	}
}
