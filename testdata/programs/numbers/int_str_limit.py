import sys
n = 10 ** 4000
print(len(str(n)))
try:
    str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__)
    print(e)
try:
    int('1' * 5000)
except ValueError as e:
    print(e)
print(sys.get_int_max_str_digits())
print(hex(10 ** 5000)[:10])
