#!/bin/sh
# Regenerate the expected outputs of testdata/interpreters from CPython
# 3.13, whose test.support.interpreters is the PEP 734 prototype (the
# programs import it when concurrent.interpreters is missing).
set -e
cd "$(dirname "$0")/../testdata/interpreters"
for f in *.py; do
	PYENV_VERSION=3.13.0 python3 "$f" > "${f%.py}.out"
done
