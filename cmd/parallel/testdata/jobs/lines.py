# lines.py NAME:PAUSE:PAUSE...: prints NAME-1, NAME-2, ... flushing each
# line, sleeping PAUSE seconds before each.
import sys
import time

name, *pauses = sys.argv[1].split(":")
for i, pause in enumerate(pauses, 1):
    time.sleep(float(pause))
    print(f"{name}-{i}", flush=True)
