# Prints its argument squared: the benchmark's tiny job.
import sys

n = int(sys.argv[1])
print(n * n)
