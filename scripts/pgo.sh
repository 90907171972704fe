#!/usr/bin/env bash
# pgo.sh regenerates cmd/parallel/default.pgo, the CPU profile that Go's
# profile-guided optimization reads when it builds cmd/parallel (go build
# and go run pick it up by themselves; see docs/design/pgo.md).
#
# It builds parallel without a profile, runs every program in
# bench/programs/ once with --cpuprofile, and merges the profiles. Run it
# on a quiet machine after a change that moves the interpreter's hot
# paths (new fast paths, renamed or split hot functions). A stale profile
# is still safe: it only inlines less of what is hot now.
#
# Usage: scripts/pgo.sh [PATTERN]   (PATTERN picks programs by name; all by default)
set -euo pipefail
cd "$(dirname "$0")/.."

pattern=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -pgo=off -o "$work/parallel" ./cmd/parallel

# The first run of a new binary compiles the stdlib into its code cache;
# a warm-up keeps that out of the profiles.
"$work/parallel" run bench/programs/pystone.py >/dev/null

profiles=()
for prog in bench/programs/*.py; do
	name=$(basename "$prog" .py)
	if [[ -n "$pattern" && "$name" != *$pattern* ]]; then
		continue
	fi
	echo "profiling $name" >&2
	"$work/parallel" run --cpuprofile "$work/$name.prof" "$prog" >/dev/null
	profiles+=("$work/$name.prof")
done
if [[ ${#profiles[@]} -eq 0 ]]; then
	echo "pgo.sh: no program in bench/programs matches '$pattern'" >&2
	exit 1
fi

# pprof -proto merges the profiles into one, the format go build reads.
go tool pprof -proto "${profiles[@]}" >"$work/merged.pgo" 2>/dev/null
mv "$work/merged.pgo" cmd/parallel/default.pgo
echo "wrote cmd/parallel/default.pgo from ${#profiles[@]} profiles" >&2
