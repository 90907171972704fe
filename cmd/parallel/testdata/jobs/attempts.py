# attempts.py FILE GOOD: counts its runs in FILE and fails until the
# GOOD-th run.
import os
import sys

path, good = sys.argv[1], int(sys.argv[2])
n = int(open(path).read()) + 1 if os.path.exists(path) else 1
with open(path, "w") as f:
    f.write(str(n))
print("attempt", n)
sys.exit(0 if n >= good else 1)
