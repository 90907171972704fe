#!/usr/bin/env python3
"""Regenerate the goldens of the differential corpus (testdata/programs).

The one implementation lives in Go (internal/corpus); this script only runs
it, so `python3 scripts/gen_program_goldens.py [-check]` and
`go run ./internal/corpus/cmd/regen [-check]` are the same command.
See testdata/programs/README.md for the layout and running convention.
"""
import os
import subprocess
import sys

# Started through a pyenv shim, this process has the selected version's bin
# directory first on PATH; drop it so that `python3` reaches the shim again
# and PYENV_VERSION=3.12.1 picks CPython 3.12.
env = dict(os.environ)
env['PATH'] = os.pathsep.join(p for p in env.get('PATH', '').split(os.pathsep)
                              if '/.pyenv/versions/' not in p)
env['PYENV_VERSION'] = '3.12.1'  # pyenv exec set it to this script's own version
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.exit(subprocess.call(['go', 'run', './internal/corpus/cmd/regen', *sys.argv[1:]], cwd=root, env=env))
