#!/bin/sh
# Regenerate the expected outputs of the subinterpreter corpora:
# testdata/interpreters from CPython 3.13, whose test.support.interpreters
# is the PEP 734 prototype, and testdata/interpchannels from CPython
# 3.12, whose test.support.interpreters is PEP 554's with channels (the
# programs import those when our modules are missing).
set -e
root="$(dirname "$0")/.."
gen() {
	(cd "$root/testdata/$1" && for f in *.py; do
		PYENV_VERSION=$2 python3 "$f" > "${f%.py}.out"
	done)
}
gen interpreters 3.13.0
gen interpchannels 3.12.1
