import sys
try:
    sys.exit(9)
except SystemExit as e:
    print('caught SystemExit', e.code, repr(e), isinstance(e, Exception), isinstance(e, BaseException))
try:
    sys.exit('msg')
except SystemExit as e:
    print(repr(e.code))
try:
    exit()
except SystemExit as e:
    print(e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code)
print('continuing')
raise SystemExit(4)
