from datetime import datetime, timedelta, timezone, tzinfo

utc = timezone.utc
ist = timezone(timedelta(hours=5, minutes=30), "IST")
pst = timezone(timedelta(hours=-8))
meeting = datetime(2024, 1, 10, 15, 0, tzinfo=utc)
for tz in [utc, ist, pst]:
    local = meeting.astimezone(tz)
    print(local, local.tzname(), local.utcoffset(), local.isoformat())
print(repr(ist), repr(pst), str(pst), utc, timezone(timedelta(0)))
print(meeting == meeting.astimezone(ist), meeting.astimezone(pst) - meeting)
naive = datetime(2024, 1, 10, 15, 0)
try:
    naive < meeting
except TypeError as e:
    print("TypeError:", e)
print(naive == meeting, naive.replace(tzinfo=utc) == meeting)
print(datetime.fromtimestamp(0, tz=utc), datetime.fromtimestamp(1700000000, tz=ist))
print(meeting.timestamp(), datetime(1970, 1, 2, tzinfo=pst).timestamp())
print(meeting.strftime("%Y-%m-%d %H:%M %Z %z"), meeting.astimezone(ist).strftime("%z %Z"))


class Fixed(tzinfo):
    def __init__(self, hours, name):
        self.off = timedelta(hours=hours)
        self.name = name

    def utcoffset(self, dt):
        return self.off

    def tzname(self, dt):
        return self.name

    def dst(self, dt):
        return timedelta(0)


cet = Fixed(1, "CET")
d = datetime(2024, 6, 1, 12, tzinfo=cet)
print(d, d.tzname(), d.astimezone(utc), d.utctimetuple()[:6], d.dst())
try:
    timezone(timedelta(hours=25))
except ValueError as e:
    print("ValueError:", e)
