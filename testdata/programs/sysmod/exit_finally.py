import sys
def shutdown():
    try:
        print('shutting down')
        sys.exit(7)
    finally:
        print('finally still runs')
try:
    shutdown()
finally:
    print('outer finally')
