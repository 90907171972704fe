# Prints its arguments, for checking what a job's sys.argv holds.
import sys

print(" ".join(sys.argv[1:]))
