#!/bin/sh
# Runs CPython 3.12's regression tests for the standard-library issue's
# modules on parallel and on CPython, and writes docs/compat.md.
# Arguments are passed to the command (see its doc comment); with module
# names it prints their report instead of writing the file.
set -e
cd "$(dirname "$0")/.."
exec go run ./internal/compat/cmd/compat "$@"
