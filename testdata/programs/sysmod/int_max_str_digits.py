# sys.set_int_max_str_digits and get_int_max_str_digits: the limit on decimal int/str conversions, and its checks.
import sys
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits, sys.int_info.default_max_str_digits)
sys.set_int_max_str_digits(5000); print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
sys.set_int_max_str_digits(0); print(len(str(10**6000)), len(str(int("7" * 6000))))
for bad in [100, -1, 640, "x"]:
    try: sys.set_int_max_str_digits(bad)
    except Exception as e: print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=700)
try: int("1"*701)
except ValueError as e: print(e)
try: str(10**701)
except ValueError as e: print(e)
print(int("1"*700) > 0, int("1" * 5000, 16) > 0)
try: sys.set_int_max_str_digits()
except TypeError as e: print(e)
