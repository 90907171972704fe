# job.py DELAY:STATUS: sleeps DELAY seconds, prints "out DELAY:STATUS"
# and exits with STATUS.
import sys
import time

delay, status = sys.argv[1].split(":")
time.sleep(float(delay))
print("out", sys.argv[1])
sys.exit(int(status))
