package main

import (
	"errors"
	"fmt"
	"os"
	goruntime "runtime"
	"runtime/pprof"
)

// profiled runs f, writing a Go CPU profile of it to cpuFile and a heap
// profile at its end to memFile (each only when named), so that the
// interpreter's hot spots on a real program can be read with go tool
// pprof. A profile that cannot be written is an error of its own; f's
// error comes first.
func profiled(cpuFile, memFile string, f func() error) error {
	if cpuFile != "" {
		out, err := os.Create(cpuFile)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(out); err != nil {
			out.Close()
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		defer func() {
			pprof.StopCPUProfile()
			out.Close()
		}()
	}
	err := f()
	if memFile != "" {
		goruntime.GC() // the heap as the run left it, not as the last GC saw it
		out, merr := os.Create(memFile)
		if merr == nil {
			merr = pprof.Lookup("allocs").WriteTo(out, 0)
			if cerr := out.Close(); merr == nil {
				merr = cerr
			}
		}
		if merr != nil {
			err = errors.Join(err, fmt.Errorf("--memprofile: %w", merr))
		}
	}
	return err
}
