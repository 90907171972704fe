package interp

import (
	"fmt"
	"os"
	"strconv"
)

// PYTHONHASHSEED, as CPython reads it: unset or "random" keeps the str
// and bytes hash randomized per process (maphash's random seed); an
// integer in [0, 4294967295] makes it a fixed function of that integer,
// so that sets of strings iterate in the same order in every run: what
// a replay of a deterministic stress run needs (and what a program's
// output may depend on). Read once, before any string is hashed: hashes
// are cached in shared immortal strings, so the choice holds for the
// whole process.
var hashKey, hashFixed, hashSeedErr = hashSeedFromEnv(os.Getenv("PYTHONHASHSEED"))

// hashSeedFromEnv parses a PYTHONHASHSEED value.
func hashSeedFromEnv(v string) (key uint64, fixed bool, err error) {
	if v == "" || v == "random" {
		return 0, false, nil
	}
	n, err := strconv.ParseUint(v, 10, 32)
	if err != nil {
		return 0, false, fmt.Errorf(`PYTHONHASHSEED must be "random" or an integer in range [0; 4294967295]`)
	}
	return n, true, nil
}

// hashRandomization is sys.flags.hash_randomization: 0 only for
// PYTHONHASHSEED=0, as in CPython.
func hashRandomization() int64 {
	if hashFixed && hashKey == 0 {
		return 0
	}
	return 1
}

// HashSeedError reports an unusable PYTHONHASHSEED (the hash then stays
// randomized); the command line refuses to start with it, as CPython
// does.
func HashSeedError() error { return hashSeedErr }

// fixedStringHash is the str hash under a fixed PYTHONHASHSEED: FNV-1a
// over the bytes, keyed by the seed, with a final avalanche so that the
// low bits a table indexes by depend on every byte.
func fixedStringHash(s string) uint64 {
	h := uint64(14695981039346656037) ^ (hashKey * 0x9e3779b97f4a7c15)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}
