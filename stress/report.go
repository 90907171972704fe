package stress

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// WriteTable writes the report as a table a person reads.
func (r *Report) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "scenario        %s (seed %d)\n", r.Scenario, r.Seed)
	fmt.Fprintf(w, "elapsed         %v\n", r.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "operations      %d (%.0f/s)\n", r.Ops, r.OpsPerSec)
	if r.Rounds > 1 {
		fmt.Fprintf(w, "rounds          %d\n", r.Rounds)
	}
	if r.Latency.Max > 0 {
		fmt.Fprintf(w, "latency         p50 %v  p90 %v  p99 %v  max %v\n", r.Latency.P50, r.Latency.P90, r.Latency.P99, r.Latency.Max)
	}
	if len(r.Faults) > 0 {
		names := make([]string, 0, len(r.Faults))
		for k := range r.Faults {
			names = append(names, k)
		}
		sort.Strings(names)
		parts := make([]string, len(names))
		for i, k := range names {
			parts[i] = fmt.Sprintf("%s %d", k, r.Faults[k])
		}
		fmt.Fprintf(w, "faults          %s\n", strings.Join(parts, ", "))
	}
	fmt.Fprintln(w, "invariants")
	for _, inv := range r.Invariants {
		mark := "ok  "
		if !inv.OK {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "  %s %s\n", mark, inv.Name)
		if !inv.OK {
			for _, line := range strings.Split(strings.TrimRight(inv.Detail, "\n"), "\n") {
				fmt.Fprintf(w, "       %s\n", line)
			}
		}
	}
	if r.TraceHash != "" {
		fmt.Fprintf(w, "trace hash: %s\n", r.TraceHash)
		if r.OutsideWaits > 0 {
			fmt.Fprintf(w, "note            %d waits on cross-interpreter queues, channels or calls are outside the deterministic schedule: replays may differ\n", r.OutsideWaits)
		}
	}
	if r.Failed() && len(r.Invariants) == 0 {
		fmt.Fprintf(w, "error           %v\n", r.Err)
	}
	if r.Failed() && r.Replay != "" {
		fmt.Fprintf(w, "replay          %s\n", r.Replay)
	}
}

// WriteJSON writes the report as JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
