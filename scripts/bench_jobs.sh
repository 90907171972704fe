#!/usr/bin/env bash
# bench_jobs.sh: wall time of 1,000 tiny jobs, two at a time, through
# `parallel run -j 2` (an interpreter per job, one process) and through
# `xargs -P 2 -n 1 python3` (a CPython process per job), as issue 8's
# acceptance asks. Each is run RUNS times (default 5); the medians and
# their ratio are printed. CPython is Debian's 3.11 (PYENV_VERSION=system),
# the fastest one on this machine, run as its binary (pyenv which
# python3); with SHIM=1 also through pyenv's python3 shim, as a plain
# `python3` on this machine runs it (a shell script that adds ~70 ms to
# every start, so that run takes minutes). Usage:
#
#	scripts/bench_jobs.sh [JOBS]     # JOBS defaults to 1000
set -euo pipefail

jobs=${1:-1000}
runs=${RUNS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/parallel" "$root/cmd/parallel"
cp "$root/cmd/parallel/testdata/jobs/square.py" "$work/tiny.py"
seq "$jobs" > "$work/args"
cd "$work"

# Check that parallel prints the squares before timing it. (xargs's
# output is not compared: its concurrent processes' writes to the shared
# pipe may cut into each other's lines.)
want=$(seq "$jobs" | awk '{print $1 * $1}' | md5sum)
got=$(./parallel run -j 2 tiny.py ::: $(cat args) | sort -n | md5sum)
if [[ "$want" != "$got" ]]; then
	echo "bench_jobs: parallel run does not print the squares" >&2
	exit 1
fi

# seconds runs COMMAND... once and prints its wall time in seconds.
seconds() {
	local start end
	start=$(date +%s.%N)
	"$@" > /dev/null
	end=$(date +%s.%N)
	echo "$end - $start" | bc -l
}

# median reads numbers, one a line, and prints their median.
median() {
	sort -n | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

python=$(PYENV_VERSION=system pyenv which python3 2>/dev/null || command -v python3)

ours=()
theirs=()
shim=()
for _ in $(seq "$runs"); do
	ours+=("$(seconds ./parallel run -j 2 tiny.py ::: $(cat args))")
	theirs+=("$(seconds env PYENV_VERSION=system sh -c "xargs -P 2 -n 1 $python tiny.py < args")")
	if [[ "${SHIM:-}" == 1 ]]; then
		shim+=("$(seconds env PYENV_VERSION=system sh -c 'xargs -P 2 -n 1 python3 tiny.py < args')")
	fi
done
ours_med=$(printf '%s\n' "${ours[@]}" | median)
theirs_med=$(printf '%s\n' "${theirs[@]}" | median)
printf 'jobs: %d, runs: %d each\n' "$jobs" "$runs"
printf 'parallel run -j 2 tiny.py ::: $(seq %d)  median %8.3f s  (runs: %s)\n' "$jobs" "$ours_med" "$(printf '%.3f ' "${ours[@]}")"
printf 'xargs -P 2 -n 1 %s tiny.py  median %8.3f s  (runs: %s)\n' "$python" "$theirs_med" "$(printf '%.3f ' "${theirs[@]}")"
printf 'ratio (xargs / parallel): %.1fx\n' "$(echo "$theirs_med / $ours_med" | bc -l)"
if [[ ${#shim[@]} -gt 0 ]]; then
	shim_med=$(printf '%s\n' "${shim[@]}" | median)
	printf 'xargs -P 2 -n 1 python3 (pyenv shim) tiny.py  median %8.3f s  (runs: %s)\n' "$shim_med" "$(printf '%.3f ' "${shim[@]}")"
	printf 'ratio (shim xargs / parallel): %.1fx\n' "$(echo "$shim_med / $ours_med" | bc -l)"
fi
