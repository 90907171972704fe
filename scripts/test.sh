#!/usr/bin/env bash
# test.sh runs every check CI runs: go vet, a gofmt check, the tests under
# the race detector, and — when CI=true or FUZZ=1 — each fuzz target for
# FUZZTIME (300000 inputs by default). It stops at the first failure with a non-zero
# status.
#
# Tests that compare against CPython 3.12 (PYENV_VERSION=3.12.1 python3)
# skip with a message when it is absent; nothing else needs Python.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s (at %ds)\n' "$*" "$SECONDS"; }

step "go vet ./..."
go vet ./...

step "gofmt -l"
unformatted=$(find . -name '*.go' -not -path './.git/*' -not -path '*/testdata/*' -print0 | xargs -0 gofmt -l)
if [[ -n "$unformatted" ]]; then
	echo "these files need gofmt -w:" >&2
	echo "$unformatted" >&2
	exit 1
fi

# -timeout 30m, not go test's 10m: on a loaded 2-core runner the race
# detector's interp package has come near 10 minutes; a hang still ends
# well inside CI's 90.
#
# The race detector slows the CPython comparisons tenfold, so -race runs
# with -short (a sample of the stdlib, no whole-corpus checks) and the
# full comparisons run once without it.
step "go test -race -short ./..."
go test -timeout 30m -race -short ./...

# rcdebug poisons freed objects and reports reference-count misuse. It
# runs without -race: the first step already runs every test under the
# race detector, and a second race run cost CI about ten minutes of its
# twenty for no new kind of check.
step "go vet -tags rcdebug ./... && go test -short -tags rcdebug ./..."
go vet -tags rcdebug ./...
go test -timeout 30m -short -tags rcdebug ./...

step "go test ./... (full comparisons with CPython 3.12)"
go test -timeout 30m ./...

if [[ "${CI:-}" == "true" || "${FUZZ:-}" == "1" ]]; then
	# A count, not a duration: with a duration, Go 1.26's fuzz coordinator
	# can report its own deadline as a failure ("context deadline
	# exceeded", no failing input) when a starved worker is mid-input as
	# time runs out (golang/go#75804, fixed in Go 1.27). A count has no
	# deadline to race; on a loaded runner it only takes longer.
	fuzztime=${FUZZTIME:-300000x}
	for target in FuzzTokenizer FuzzParser; do
		pkg=./interp/syntax
		# Not a pipe into grep -q: with pipefail, grep exiting early could
		# fail go test with SIGPIPE and hide the target.
		listed=$(go test -list "^${target}\$" "$pkg")
		if ! grep -qx "$target" <<<"$listed"; then
			step "$target: not found in $pkg, skipped"
			continue
		fi
		step "go test -fuzz ^${target}\$ -fuzztime $fuzztime $pkg"
		go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg"
	done
fi

step "ok"
