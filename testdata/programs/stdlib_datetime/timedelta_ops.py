from datetime import timedelta

td = timedelta(days=1, hours=3, minutes=25, seconds=7, milliseconds=250)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta(hours=-1), repr(timedelta(hours=-1)), -td, abs(-td))
print(timedelta(weeks=2) + timedelta(days=3), timedelta(days=1) - timedelta(seconds=1))
print(td * 2, td / 2, td // 3, td * 1.5, timedelta(days=7) / timedelta(hours=1), timedelta(days=7) // timedelta(hours=5))
print(timedelta(days=7) % timedelta(hours=5), divmod(timedelta(hours=25), timedelta(days=1)))
print(timedelta(microseconds=1), timedelta(0), timedelta.max, timedelta.min, timedelta.resolution)
print(bool(timedelta(0)), timedelta(seconds=60) == timedelta(minutes=1), timedelta(1) > timedelta(hours=23))
print(sum([timedelta(minutes=m) for m in (15, 30, 45, 50)], timedelta()))
laps = ["1:02.5", "0:59.25", "1:00.125"]


def parse(s):
    m, rest = s.split(":")
    return timedelta(minutes=int(m), seconds=float(rest))


total = sum(map(parse, laps), timedelta())
print(total, total / len(laps), min(map(parse, laps)))
secs = 987654
print(str(timedelta(seconds=secs)), "{}d {}h".format(*divmod(secs // 3600, 24)))
try:
    timedelta(days=10**9)
except OverflowError as e:
    print("OverflowError:", e)
try:
    timedelta(1) * "x"
except TypeError as e:
    print("TypeError:", e)
