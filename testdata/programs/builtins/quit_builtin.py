import sys
print('quitting', file=sys.stderr)
quit('quit message')
