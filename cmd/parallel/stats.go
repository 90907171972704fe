package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/runtime"
)

// printStats writes run --stats' report: the main interpreter's memory
// and threads, then the runtime's scheduler counters. It runs with the
// main interpreter's GIL held, at exit.
func printStats(w io.Writer, rt *runtime.Runtime, in *interp.Interp) {
	hs := in.Heap().Stats()
	started, live := in.ThreadCounts()
	rs := rt.Stats()
	fmt.Fprintln(w, "parallel stats:")
	limit := "none"
	if hs.Limit > 0 {
		limit = strconv.FormatInt(hs.Limit, 10)
	}
	for _, row := range [][2]string{
		{"live objects", strconv.FormatInt(hs.Live, 10)},
		{"live bytes", strconv.FormatInt(hs.Bytes, 10)},
		{"peak bytes", strconv.FormatInt(hs.Peak, 10)},
		{"memory limit", limit},
		{"objects allocated", strconv.FormatUint(hs.Allocs, 10)},
		{"objects freed", strconv.FormatUint(hs.Frees, 10)},
		{"threads started", strconv.Itoa(started)},
		{"threads alive", strconv.Itoa(live)},
		{"interpreters alive", strconv.Itoa(rs.Interpreters)},
		{"run slots", strconv.Itoa(rs.Slots)},
		{"slot waits", strconv.FormatUint(rs.SlotWaits, 10)},
		{"slot handoffs", strconv.FormatUint(rs.Handoffs, 10)},
		{"drop requests", strconv.FormatUint(rs.DropRequests, 10)},
	} {
		fmt.Fprintf(w, "  %-20s %12s\n", row[0]+":", row[1])
	}
	// The specializer's counts (--stats, PARALLEL_STATS=1 or
	// -X specialize_stats turn them on before the program runs).
	if rows := in.SpecializationStats(); rows != nil {
		fmt.Fprintf(w, "  %-20s %12s %12s %12s %8s %8s %8s\n", "specialization:", "executions", "hits", "misses", "deopts", "spec", "fail")
		for _, r := range rows {
			fmt.Fprintf(w, "  %-20s %12d %12d %12d %8d %8d %8d\n", r.Family, r.Executions, r.Hits, r.Misses, r.Deopts, r.Specialized, r.Failures)
		}
	}
}

// parseSize reads a byte count: a whole number with an optional unit,
// K/M/G (or KiB/MiB/GiB) for powers of 1024 and KB/MB/GB for powers of
// 1000, B for bytes.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, fmt.Errorf("%q is not a size (a number of bytes, e.g. 512MiB)", s)
	}
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is too large", s)
	}
	units := map[string]int64{
		"": 1, "B": 1,
		"K": 1 << 10, "KIB": 1 << 10, "KB": 1000,
		"M": 1 << 20, "MIB": 1 << 20, "MB": 1000 * 1000,
		"G": 1 << 30, "GIB": 1 << 30, "GB": 1000 * 1000 * 1000,
		"T": 1 << 40, "TIB": 1 << 40, "TB": 1000 * 1000 * 1000 * 1000,
	}
	mult, ok := units[strings.ToUpper(strings.TrimSpace(t[i:]))]
	if !ok {
		return 0, fmt.Errorf("%q has an unknown unit (use B, KiB, MiB, GiB, KB, MB, GB)", s)
	}
	if n > (1<<63-1)/mult {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return n * mult, nil
}
