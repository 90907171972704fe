import sys
print('normal output 1')
print('diagnostic 1', file=sys.stderr)
print('normal output 2')
raise ConnectionError('lost connection to server')
