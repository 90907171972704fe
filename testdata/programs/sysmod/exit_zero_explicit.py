import sys
print('exit 0', file=sys.stderr)
sys.exit(0)
