# status.py DELAY STATUS [MESSAGE]: sleeps DELAY seconds, prints what it
# is, writes a line to stderr and exits with STATUS.
import sys
import time

delay, status = float(sys.argv[1]), int(sys.argv[2])
time.sleep(delay)
print("out", *sys.argv[1:])
print("err", *sys.argv[1:], file=sys.stderr)
sys.exit(status)
