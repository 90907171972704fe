package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// reexecWithHashSeed restarts the process with PYTHONHASHSEED=0 for
// `parallel stress --deterministic` when the variable is unset. The str
// hash is keyed once per process, before any flag is parsed (package
// interp reads the variable as it initializes), and a replay runs in
// another process: unless both hash strings alike, sets of strings
// iterate in different orders and the same schedule can give another
// outcome. It returns only when no restart is needed or the restart
// failed.
func reexecWithHashSeed(args []string) error {
	if _, set := os.LookupEnv("PYTHONHASHSEED"); set || !wantsDeterministicStress(args) {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("stress --deterministic: cannot restart with PYTHONHASHSEED=0: %w", err)
	}
	env := append(os.Environ(), "PYTHONHASHSEED=0")
	if err := syscall.Exec(exe, args, env); err != nil {
		return fmt.Errorf("stress --deterministic: cannot restart with PYTHONHASHSEED=0: %w", err)
	}
	return nil
}

// wantsDeterministicStress reports whether args run `parallel stress`
// in deterministic mode (the flag, or its environment variable).
func wantsDeterministicStress(args []string) bool {
	if len(args) < 2 || args[1] != "stress" {
		return false
	}
	if v, err := strconv.ParseBool(os.Getenv("PARALLEL_STRESS_DETERMINISTIC")); err == nil && v {
		return true
	}
	for _, a := range args[2:] {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "deterministic" {
			continue
		}
		if !hasValue {
			return true
		}
		v, err := strconv.ParseBool(value)
		return err == nil && v
	}
	return false
}
