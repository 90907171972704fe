import time
import calendar

t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_wday, t.tm_yday, t.tm_isdst, tuple(t))
t2 = time.gmtime(1700000000)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j", t2), time.asctime(t2))
print(calendar.timegm(t2), time.strftime("%d.%m.%y", (2001, 2, 3, 4, 5, 6, 0, 34, 0)))
st = time.strptime("30 Nov 2000 13:45", "%d %b %Y %H:%M")
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_min, st.tm_wday, st.tm_yday)
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.perf_counter()).__name__, type(time.monotonic_ns()).__name__)
a = time.monotonic()
b = time.monotonic()
print(b >= a, time.sleep(0) is None)
print(time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0)).tm_hour, len(t), t.n_fields, t.n_sequence_fields)
print(time.gmtime(86400 * 365.25 * 30)[:3], time.gmtime(-86400)[:3])
try:
    time.strptime("bad", "%Y")
except ValueError as e:
    print("ValueError:", e)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print("TypeError:", e)
print(time.get_clock_info("monotonic").monotonic)
