import sys
print('about to exit with 5')
sys.exit(5)
print('unreachable')
