import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.01)
time.sleep(0)
print(type(t0).__name__, time.time() >= t0, time.monotonic() - m0 >= 0.009, time.perf_counter() > p0)
print(isinstance(time.time_ns(), int), time.monotonic_ns() > 0)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
try:
    time.sleep('1')
except TypeError as e:
    print(e)
print(time.gmtime(0)[:6], time.gmtime(86400 * 365).tm_year)
print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1700000000)))
