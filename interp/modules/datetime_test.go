package modules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallel-py/parallel/interp/stdlib"
)

// The _datetime module through CPython's Lib/datetime.py, against
// CPython 3.12 (whose datetime is the C module).

// evalLoop prints each expression of a program's table with its repr,
// or the exception it raises.
const evalLoop = `
for t in tests.strip().split('\n'):
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
`

var datetimePrograms = map[string]string{
	"delta": `from datetime import *
tests = '''timedelta(1,2,3,4,5,6,7,8)
timedelta(foo=1)
timedelta(1, days=2)
timedelta("1")
timedelta(days=1j)
timedelta(days=float("inf"))
timedelta(days=float("nan"))
timedelta(days=10**10)
timedelta(microseconds=10**30)
timedelta(days=-999999999, seconds=-1)
timedelta(days=999999999, hours=24)
timedelta(seconds=1.5, microseconds=0.5)
timedelta(microseconds=0.5)
timedelta(microseconds=1.5)
timedelta(microseconds=2.5)
timedelta(microseconds=-0.5)
timedelta(microseconds=-1.5)
timedelta(days=0.1, seconds=0.3, microseconds=0.2, milliseconds=0.4, minutes=0.5, hours=0.6, weeks=0.7)
timedelta(days=1e-10)
timedelta(weeks=1/3, days=1/3)
timedelta(True, False)
timedelta(milliseconds=-1.0000005)
timedelta(hours=-1.25, minutes=30.5, seconds=-0.0000015)
timedelta(seconds=86399.9999995)
timedelta(days=-1e-6)
timedelta(weeks=-2.5, microseconds=1)
timedelta(1) * 0.5
timedelta(1) * 1.1
timedelta(1, 1, 1) / 3
timedelta(0, 0, 3) / 2
timedelta(0, 0, 5) / 2
timedelta(0, 0, 5) / 2.0
timedelta(0, 0, 7) * 0.5
timedelta(0, 0, 1) * 0.5
timedelta(0, 0, 3) * 0.5
timedelta(0, 0, -3) / 2
timedelta(0, 0, -5) / -2
timedelta(seconds=1) / timedelta(seconds=3)
timedelta(seconds=-7) // timedelta(seconds=2)
timedelta(seconds=-7) % timedelta(seconds=2)
timedelta(seconds=-7) // 2
timedelta(1).total_seconds()
timedelta.max.total_seconds()
timedelta(microseconds=-1).total_seconds()
timedelta(days=1234, microseconds=567).total_seconds()
2 * timedelta(1)
1.5 * timedelta(1)
timedelta(1) * True
divmod(timedelta(seconds=-7), timedelta(seconds=2))
divmod(timedelta.max, timedelta.resolution)
timedelta.max // timedelta.resolution
timedelta(1) // timedelta(seconds=7)
timedelta(1) / 0
timedelta(1) / timedelta(0)
timedelta(1) // 0
timedelta(1) // timedelta(0)
timedelta(1) % timedelta(0)
divmod(timedelta(1), timedelta(0))
divmod(timedelta(1), 2)
timedelta(1) * 1e300
timedelta(1) * float("nan")
timedelta(1) / float("nan")
timedelta(1) * float("inf")
timedelta(1) / 0.0
timedelta(1) // 1.5
timedelta(1) % 2
timedelta(1) ** 2
2 / timedelta(1)
timedelta(1) + 1
1 - timedelta(1)
-timedelta.max
timedelta.min - timedelta(1)
timedelta(1) * (10**9)
timedelta(1) * 10**20
abs(timedelta(-1))
+timedelta(-1, 5)
-timedelta(0, 0, 1)
abs(timedelta(0, -5))
repr(timedelta(days=-1, microseconds=5))
repr(timedelta(seconds=5))
repr(timedelta())
str(timedelta(days=-2, seconds=5))
str(timedelta(days=1))
str(timedelta(days=-1))
str(timedelta(days=2, microseconds=1))
str(timedelta(hours=10, minutes=5))
str(timedelta(microseconds=-1))
timedelta(1) == timedelta(hours=24)
timedelta(1) != 1
timedelta(1) == 1
timedelta(1) < timedelta(1, 1)
timedelta(0, 0, 1) > timedelta(0)
timedelta() < 1
hash(timedelta(1)) == hash(timedelta(hours=24))
hash(timedelta(0, 1)) == hash(timedelta(0, 2))
bool(timedelta(0)), bool(timedelta(microseconds=1)), bool(timedelta(-1))
timedelta(1).days, timedelta(1).seconds, timedelta(-1, 1, 1).microseconds
timedelta(1).__reduce__()
timedelta.min, timedelta.max, timedelta.resolution
type(timedelta.max), timedelta.max is timedelta.max
format(timedelta(1), "")
format(timedelta(1), "x")
setattr(timedelta(1), "days", 5)
timedelta(1).total_seconds(1)
timedelta.__new__(timedelta, 5)
sorted([timedelta(3), timedelta(-1), timedelta(0, 5)])
sum([timedelta(minutes=m) for m in (15, 30, 45)], timedelta())
'''` + evalLoop,

	"date": `from datetime import *
import datetime as D
tests = '''date()
date(1)
date(1,2,3,4)
date(2020, 1, 1.5)
date("2020", 1, 1)
date(2**31, 1, 1)
date(2**63, 1, 1)
date(-2**31-1, 1, 1)
date(year=2020, month=1)
date(2020, 1, 1, year=3)
date(2020, 1, foo=3)
date(2020, 1, day=3, foo=4)
date(2020, 1, 1, **{"day": 2})
date(2020, 13, 1)
date(10000, 1, 1)
date(0, 1, 1)
date(2020, 2, 30)
date(2020, 1, 0)
date(2000, 2, 29), date(1900, 2, 28)
date(1900, 2, 29)
date(year=2020, day=5, month=4)
date.fromordinal(0)
date.fromordinal(3652060)
date.fromordinal(3652059)
date.fromordinal(1.5)
date.fromordinal()
date.fromordinal(ordinal=5)
[date.fromordinal(n) for n in (1, 59, 60, 365, 366, 730119, 730120, 730485, 738944)]
date.fromisocalendar(2020, 54, 1)
date.fromisocalendar(2020, 53, 8)
date.fromisocalendar(0, 1, 1)
date.fromisocalendar(10000, 1, 1)
date.fromisocalendar(9999, 52, 7)
date.fromisocalendar(2020, 0, 1)
date.fromisocalendar(2020, 1, 0)
date.fromisocalendar(2020, 1)
date.fromisocalendar(year=2020, week=1, day=1)
[date.fromisocalendar(y, 53, 1) for y in (2004, 2009, 2015, 2020, 2026)]
date.fromisocalendar(2021, 53, 1)
date.fromtimestamp("x")
date.fromtimestamp(float("nan"))
date.fromtimestamp(1e20)
date.fromtimestamp(1e12)
date.fromtimestamp(-1e12)
date.fromtimestamp(1e17)
date.fromtimestamp(0), date.fromtimestamp(86399.9), date.fromtimestamp(-0.5)
date.fromtimestamp()
date.fromtimestamp(timestamp=1)
date.today(1)
date.today(x=1)
type(date.today())
date(2020,1,1).replace(month=13)
date(2020,1,1).replace(1,2,3,4)
date(2020,1,1).replace(foo=1)
date(2020,1,31).replace(month=2)
date(2020,5,6).replace(day=1), date(2020,5,6).replace(2021, 7)
date(2020,1,1).strftime(5)
date(2020,1,1).strftime()
date(2020,1,1).strftime(format="%Y|%m|%d|%j|%a|%A|%b|%B|%U|%W|%w|%y|%G|%V|%u|%H|%M|%S|%f|%z|%Z|%%|%C|%e|%D|%F")
date(2020,1,1).strftime("a\\0b%Y")
date(2020,1,1).strftime("%")
date(2020,1,1).strftime("%z%Z%f%:z|%%z|%:x|%")
date(2020,1,1).strftime("\\ud800")
date(5,1,1).strftime("%Y %y %G %C %x %c")
date(2020,1,1).__format__(5)
date(2020,1,1).__format__()
date(2020,1,1).__format__(fmt="")
format(date(2020,1,1), ""), format(date(2020,1,1), "%d/%m"), f"{date(2020,1,1):%Y}"
"{:%b %d}".format(date(2021, 3, 4))
date(2020,1,1).isoformat(1)
date(2020,1,1).ctime(1)
date(2020,1,1).ctime(), date(1,1,1).ctime(), date(9999,12,31).ctime()
date(2020,1,1) + 1
1 + date(2020,1,1)
date(2020,1,1) - 1
date(2020,1,1) - datetime(2020,1,1)
date(2020,1,1) < 1
date(2020,1,1) == 5
date(2020,1,1) < datetime(2020,1,1)
date(2020,1,1) == datetime(2020,1,1)
datetime(2020,1,1) == date(2020,1,1)
date(2020,1,1) != datetime(2020,1,1)
date(1,1,1) - timedelta(1)
date(9999,12,31) + timedelta(1)
date(2020,1,31) + timedelta(days=1, hours=23, seconds=5)
date(2020,3,1) - timedelta(hours=1)
timedelta(days=-40) + date(2020, 3, 1)
date(2020, 3, 1) - date(2019, 3, 1)
date(2019, 3, 1) - date(2020, 3, 1)
date.max - date.min
date(2020,1,1) + timedelta(999999)
date.resolution, date.min, date.max
date(2020,5,6).__reduce__()
date(b'\\x07\\xe4\\x05\\x06')
date('\\x07\\xe4\\x05\\x06')
date('\\u07ff\\xe4\\x05\\x06')
date(b'\\x07\\xe4\\x0d\\x06')
date(b'\\x07\\xe4\\x05\\x40')
date(bytearray(b'\\x07\\xe4\\x05\\x06'))
date(2020,5,6).timetuple()
date(2020,12,31).timetuple().tm_yday
[date(y, 1, 1).isocalendar() for y in (2004, 2005, 2008, 2010, 2021, 9999)]
date(2020, 12, 31).isocalendar(), date(2019, 12, 30).isocalendar(), date(2027, 1, 1).isocalendar()
date.max.isocalendar(), date.min.isocalendar()
(ic := date(2024, 12, 30).isocalendar()).year, ic.week, ic.weekday, ic[1:], len(ic), tuple(ic), ic == (2025, 1, 1)
type(date(2020,1,1).isocalendar())
type(date(2020,1,1).isocalendar()).__mro__
date(2020,1,1).isocalendar().__reduce__()
type(date(2020,1,1).isocalendar())(2020, 1, 2)
type(date(2020,1,1).isocalendar())(year=1, week=2, weekday=3)
type(date(2020,1,1).isocalendar())(1, 2)
date(2020,5,6).weekday(), date(2020,5,6).isoweekday(), date(2020,5,6).toordinal()
date(2020,1,1).year, date(2020,1,1).month, date(2020,1,1).day
setattr(date(2020,1,1), "year", 5)
setattr(date(2020,1,1), "x", 5)
hash(date(2020,1,1)) == hash(date(2020,1,1)), hash(date(2020,1,1)) == hash(date(2020,1,2))
len({date(2020,1,1), date(2020,1,1), date(2020,1,2)})
sorted([date(2020,5,1), date(2019,12,31), date(2020,1,15)])
max(date(2020,5,1), date(2020,5,2)), min(date(2020,5,1), date(2020,5,2))
D.MINYEAR, D.MAXYEAR, D.UTC, D.UTC is timezone.utc
D.datetime_CAPI.__class__.__name__
sorted(n for n in dir(D) if not n.startswith('__'))
D.__doc__ if False else D.date.__doc__
date.__module__, date.__name__, date.__qualname__, repr(date)
str(date(2020, 5, 6)), repr(date(33, 5, 6)), str(date(33, 5, 6))
'''` + evalLoop,

	"time": `from datetime import *
class TZ(tzinfo):
    def __init__(self, h, name=None):
        self.h, self.name = h, name
    def utcoffset(self, dt):
        return None if self.h is None else timedelta(hours=self.h)
    def tzname(self, dt):
        return self.name
    def dst(self, dt):
        return timedelta(0)
    def __repr__(self):
        return 'TZ(%r)' % self.h
tests = '''time(24)
time(fold=-1)
time(1,2,3,4,5)
time(1,2,3,4,None,5)
time(tzinfo="x")
time(1, 2, hour=3)
time(), time(1), time(1, 2), time(1, 2, 3), time(1, 2, 3, 4), time(0, 0, 0, 5)
time(1, 2, tzinfo=timezone.utc), time(1, fold=1), time(23, 59, 59, 999999, timezone.min, fold=1)
str(time(1, 2, 3, 4, timezone(timedelta(hours=-5))))
time(1,2,3,4).isoformat(), time(1,2,3).isoformat("hours"), time(1,2,3,4567).isoformat(timespec="milliseconds")
time(1,2,3).isoformat(timespec="minutes"), time(1,2,3).isoformat(timespec="microseconds"), time(1,2,3,4).isoformat(timespec="auto")
time().isoformat("foo")
time().isoformat(timespec="x\\0y")
time().isoformat(timespec="\\ud800")
time().isoformat(timespec=5)
time().isoformat(1, 2)
time.max.isoformat("milliseconds")
time(12, tzinfo=TZ(2)).isoformat(), time(12, tzinfo=TZ(None)).isoformat()
time(12, tzinfo=TZ(2, 'two')).tzname(), time(12, tzinfo=TZ(2)).utcoffset(), time(12, tzinfo=TZ(2)).dst(), time(12).utcoffset()
time(12, tzinfo=TZ(25)).utcoffset()
time(12, tzinfo=TZ(-24)).isoformat()
time(1,2,3,4,timezone.utc).strftime("%Y %m %d %H %M %S %f %z %Z %j %a %w")
time(1,2,3,4,timezone.utc).strftime("%:z|%c|%x|%X")
time(13, 5).strftime(format="%I %p")
format(time(1, 2), ""), format(time(1, 2), "%H.%M"), f"{time(3):%H}"
time(1, 2) < time(1, 3), time(1, 2) == time(1, 2, 0), time(1) == 1, time(1) != "x"
time(1) < 1
time(12, tzinfo=TZ(2)) == time(10, tzinfo=timezone.utc)
time(12, tzinfo=TZ(2)) < time(10, 0, 1, tzinfo=timezone.utc)
time(12, tzinfo=TZ(2)) == time(12)
time(12, tzinfo=TZ(2)) != time(12)
time(12, tzinfo=TZ(2)) < time(12)
time(12, tzinfo=TZ(None)) < time(12)
time(12, tzinfo=TZ(None)) == time(12, tzinfo=timezone.utc)
hash(time(12, tzinfo=TZ(2))) == hash(time(10, tzinfo=timezone.utc))
hash(time(12, tzinfo=TZ(None))) == hash(time(12))
hash(time(1, fold=1)) == hash(time(1))
time(1, 2, 3, 4, fold=1) == time(1, 2, 3, 4)
bool(time()), bool(time(0, tzinfo=TZ(5)))
time().replace(hour=25)
time(1, 2).replace(minute=5, tzinfo=timezone.utc, fold=1)
time(1, 2, tzinfo=timezone.utc).replace(tzinfo=None)
time(1).replace(fold=2)
time(1).replace(1, 2, 3, 4, None, 1)
time(1,2,3,4,fold=1).__reduce_ex__(4)
time(1,2,3,4,fold=1).__reduce_ex__(2)
time(1,2,3,4,timezone.utc,fold=1).__reduce__()
time(b'\\x81\\x02\\x03\\x00\\x00\\x04')
time(b'\\x81\\x02\\x03\\x00\\x00\\x04', 1)
time(b'\\x01\\x02\\x03\\x00\\x00\\x04', timezone.utc)
time(b'\\x18\\x02\\x03\\x00\\x00\\x04')
time.min, time.max, time.resolution
time(1).hour, time(1, 2).minute, time(0, 0, 3).second, time(0, 0, 0, 4).microsecond, time(fold=1).fold, time().tzinfo
setattr(time(), "hour", 1)
time.fromisoformat(5)
time.fromisoformat("")
time.fromisoformat()
'''` + evalLoop,

	"datetime": `from datetime import *
tests = '''datetime(2020)
datetime(2020, 1, 1, 24)
datetime(2020, 1, 1, 1, 60)
datetime(2020, 1, 1, 1, 1, 60)
datetime(2020, 1, 1, 1, 1, 1, 1000000)
datetime(2020, 1, 1, tzinfo=1)
datetime(2020, 1, 1, fold=2)
datetime(2020, 1, 1, 0, 0, 0, 0, None, 1)
datetime(1,2,3,4,5,6,7,None,8,9)
datetime(2020, 1, 1, year=5)
datetime(2020, 1, 1, fold=1, foo=2)
datetime(2020, 13, 1, 25)
datetime(2020, 1, 1, 25, foo=1)
datetime(2020, 1, 1), datetime(2020, 1, 1, 1), datetime(2020, 1, 1, 0, 0, 1), datetime(2020, 1, 1, 0, 0, 0, 1)
datetime(2020, 1, 1, tzinfo=timezone.utc, fold=1)
str(datetime(2020, 1, 1, 5, 6, 7, 8, timezone(timedelta(hours=5, minutes=30))))
datetime(2020,1,1).isoformat("ab")
datetime(2020,1,1).isoformat(5)
datetime(2020,1,1).isoformat(timespec="foo")
datetime(2020,1,1).isoformat(timespec=5)
datetime(2020,1,1).isoformat(sep="\\ud800")
datetime(2020,1,1).isoformat(sep="\\U0001f600")
datetime(2020,1,1,1,2,3,4560).isoformat(" ", "milliseconds"), datetime(2020,1,1,1,2).isoformat(timespec="hours")
datetime(2020,1,1,tzinfo=timezone(timedelta(hours=5, seconds=1, microseconds=5))).isoformat()
datetime(2020,1,1,tzinfo=timezone(-timedelta(minutes=90))).isoformat(timespec="minutes")
datetime.max.isoformat(), datetime.min.isoformat()
datetime(2020,1,1).__reduce_ex__("a")
datetime(2020,1,1).__reduce_ex__()
datetime(2020,1,1).__reduce_ex__(proto=2)
datetime(2020,5,6,1,2,3,4,fold=1).__reduce_ex__(4)
datetime(2020,5,6,1,2,3,4,fold=1).__reduce_ex__(3)
datetime(2020,5,6,1,2,3,4,timezone.utc).__reduce__()
datetime(b'\\x07\\xe4\\x85\\x06\\x01\\x02\\x03\\x00\\x00\\x04')
datetime(b'\\x07\\xe4\\x85\\x06\\x01\\x02\\x03\\x00\\x00\\x04', 5)
datetime(b'\\x07\\xe4\\x85\\x06\\x01\\x02\\x03\\x00\\x00\\x04', timezone.utc)
datetime('\\x07\\xe4\\x05\\x06\\x01\\x02\\x03\\x00\\x00\\x04')
datetime(b'\\x07\\xe4\\x0d\\x06\\x01\\x02\\x03\\x00\\x00\\x04')
datetime(2020,1,1) - date(2020,1,1)
datetime(2020,1,1) < 1
datetime(2020,1,1) + timedelta(days=1, seconds=-1, microseconds=-1)
timedelta(hours=36) + datetime(2020,2,28,18)
datetime(2020,3,1) - timedelta(microseconds=1)
datetime(9999,12,31) + timedelta(1)
datetime(1,1,1) - timedelta(microseconds=1)
datetime(2021,1,1,12) - datetime(2020,1,1,6,30,0,1)
datetime(2020,1,1) - datetime(2021,1,1,0,0,0,1)
datetime.max - datetime.min
datetime(2020,1,1,tzinfo=timezone.utc) - datetime(2020,1,1,tzinfo=timezone(timedelta(hours=3)))
datetime(2020,1,1,tzinfo=timezone.utc) - datetime(2020,1,1)
datetime(2020,1,1) - datetime(2020,1,1,tzinfo=timezone.utc)
datetime(2020,1,1,fold=1) + timedelta(0)
datetime(2020,1,1,tzinfo=timezone.utc) + timedelta(hours=5)
datetime(2020,1,1) == datetime(2020,1,1,tzinfo=timezone.utc)
datetime(2020,1,1) != datetime(2020,1,1,tzinfo=timezone.utc)
datetime(2020,1,1) < datetime(2020,1,1,tzinfo=timezone.utc)
datetime(2020,1,1,5,tzinfo=timezone(timedelta(hours=5))) == datetime(2020,1,1,tzinfo=timezone.utc)
datetime(2020,1,1,5,tzinfo=timezone(timedelta(hours=5))) < datetime(2020,1,1,0,0,0,1,tzinfo=timezone.utc)
datetime(2020,1,1) < datetime(2020,1,1,0,0,0,1), datetime(2020,1,1,fold=1) == datetime(2020,1,1)
date(2020,1,1) < datetime(2020,1,2)
datetime(2020,1,2) >= date(2020,1,1)
hash(datetime(2020,1,1,5,tzinfo=timezone(timedelta(hours=5)))) == hash(datetime(2020,1,1,tzinfo=timezone.utc))
hash(datetime(2020,1,1,fold=1)) == hash(datetime(2020,1,1))
len({datetime(2020,1,1), datetime(2020,1,1,0), datetime(2020,1,1,0,0,0,1)})
datetime.combine(1, 2)
datetime.combine(date(2020,1,1), time(), 5)
datetime.combine(date(2020,1,1), 1)
datetime.combine(date(2020,1,1), time(), tzinfo=None)
datetime.combine(date(2020,1,1), time(1, 2, tzinfo=timezone.utc, fold=1))
datetime.combine(datetime(2020,1,1,5,6), time(7, 8), timezone.utc)
datetime.combine()
datetime.combine(date=date(2020,1,1), time=time())
datetime.combine(date(2020,1,1), time(), None, 1)
datetime(2020,1,2,3,4,5,6,timezone.utc,fold=1).date(), datetime(2020,1,2,3,4,5,6,timezone.utc,fold=1).time(), datetime(2020,1,2,3,4,5,6,timezone.utc,fold=1).timetz()
datetime(2020,1,1).ctime(), datetime(2020,1,11,23,5,9).ctime()
datetime(2020,1,1, 5, 6, 7).timetuple()
datetime(2020,3,1, 5, 6, 7, tzinfo=timezone.utc).timetuple()
datetime(2020,3,1, 5, 6, 7, tzinfo=timezone.utc).utctimetuple()
datetime(2020,3,1, 5, 6, 7, tzinfo=timezone(timedelta(hours=6))).utctimetuple()
datetime(1,1,1, tzinfo=timezone(timedelta(hours=6))).utctimetuple()
datetime(9999,12,31,23, tzinfo=timezone(timedelta(hours=-6))).utctimetuple()
datetime(2020,1,1,tzinfo=timezone.utc).timestamp(), datetime(1,1,1,tzinfo=timezone.utc).timestamp(), datetime(2020,1,1,0,0,0,1,tzinfo=timezone(timedelta(hours=1))).timestamp()
datetime(2020,1,1).replace(fold=2)
datetime(2020,1,1).replace(tzinfo=5)
datetime(2020,1,1,5,tzinfo=timezone.utc).replace(tzinfo=None), datetime(2020,1,1).replace(2021, 2, 3, 4, 5, 6, 7, timezone.utc, fold=1)
datetime(2020,2,29).replace(year=2021)
datetime(2020,1,1).replace(1,2,3,4,5,6,7,None,1)
datetime(2020,1,1).utcoffset(), datetime(2020,1,1).dst(), datetime(2020,1,1).tzname()
datetime(2020,1,1,tzinfo=timezone.utc).utcoffset(), datetime(2020,1,1,tzinfo=timezone.utc).dst(), datetime(2020,1,1,tzinfo=timezone(timedelta(hours=-3))).tzname()
datetime(2020,1,1).astimezone(5)
datetime(2020,1,1,12,tzinfo=timezone.utc).astimezone(timezone(timedelta(hours=-5), "EST"))
datetime(2020,1,1,12,tzinfo=timezone.utc).astimezone(timezone.utc)
datetime.min.replace(tzinfo=timezone(timedelta(hours=1))).astimezone(timezone.utc)
datetime.strptime(1, "%Y")
datetime.strptime("2020")
datetime.strptime(a=1)
datetime.strptime("2020-02-03 04:05:06.789", "%Y-%m-%d %H:%M:%S.%f")
datetime.strptime("2020 +0530 UTC", "%Y %z %Z")
datetime.strptime("2020 -01:30", "%Y %z")
datetime.strptime("bad", "%Y")
datetime.utcfromtimestamp(x=1)
datetime.fromtimestamp()
datetime.fromtimestamp(1, 2, 3)
datetime.fromtimestamp(0, 1)
datetime.fromtimestamp(0, tz=timezone.utc)
datetime.fromtimestamp(1.5e-7, timezone.utc)
datetime.fromtimestamp(2.5e-6, timezone.utc)
datetime.fromtimestamp(-1.5e-7, timezone.utc)
datetime.fromtimestamp(1e-7, timezone.utc)
datetime.fromtimestamp(-1.4999999, timezone.utc)
datetime.fromtimestamp(1234567890.1234565, timezone.utc)
datetime.fromtimestamp(True, timezone(timedelta(hours=-1)))
datetime.fromtimestamp(1e12, timezone.utc)
datetime.fromtimestamp(1e17, timezone.utc)
datetime.fromtimestamp(1e20, timezone.utc)
datetime.fromtimestamp(float("nan"), timezone.utc)
datetime.fromtimestamp("1", timezone.utc)
datetime.fromtimestamp(253402300799, timezone.utc), datetime.fromtimestamp(-62135596800, timezone.utc)
datetime.fromtimestamp(253402300800, timezone.utc)
datetime.now(1, 2)
datetime.now(foo=1)
datetime.now(tz=1)
type(datetime.now()), datetime.now(timezone.utc).tzinfo, type(datetime.today())
datetime.now(timezone.utc) - datetime.now(timezone.utc) < timedelta(seconds=5)
datetime.fromisoformat(5)
datetime.min, datetime.max, datetime.resolution
datetime(2020,1,1).hour, datetime(2020,1,1,5,6,7,8).minute, datetime(2020,1,1,5,6,7,8).second, datetime(2020,1,1,5,6,7,8).microsecond, datetime(2020,1,1,fold=1).fold, datetime(2020,1,1).tzinfo
setattr(datetime(2020,1,1), "hour", 5)
datetime(2020,1,1).toordinal(), datetime(2020,1,5).weekday(), datetime(2020,1,5).isocalendar(), datetime.fromordinal(737425), datetime.fromisocalendar(2020, 1, 1)
datetime(2020,1,1,5).strftime("%Y-%m-%d %H:%M:%S.%f %z %Z %j")
datetime(2020,1,1,5,tzinfo=timezone(timedelta(hours=-3, seconds=-5), "A%B")).strftime("%z|%:z|%Z|%f")
datetime(2020,1,1,5,tzinfo=timezone(timedelta(hours=3), "x\\0y")).strftime("a%Zb")
f"{datetime(2020,1,1,5,6):%H:%M} {datetime(2020,1,1):}"
datetime.__base__, issubclass(datetime, date), isinstance(datetime(2020,1,1), date)
datetime.__doc__.splitlines()[0]
datetime.date(datetime(2020,1,1,5))
date.isoformat(datetime(2020,1,1,5))
date.__str__(datetime(2020,1,1,5))
date.__new__(datetime, 2020, 1, 2)
'''` + evalLoop,

	"timezone": `from datetime import *
class Off(tzinfo):
    def __init__(self, *a):
        self.a = a
    def utcoffset(self, dt):
        return self.a[0]
    def dst(self, dt):
        return self.a[1] if len(self.a) > 1 else None
    def tzname(self, dt):
        return self.a[2] if len(self.a) > 2 else None
    def __repr__(self):
        return 'Off%r' % (self.a,)
tests = '''timezone(1)
timezone(timedelta(0), 1)
timezone(timedelta(0), "a", 1)
timezone()
timezone(timedelta(hours=24))
timezone(timedelta(hours=-24))
timezone(timedelta(hours=-24, microseconds=1))
timezone(timedelta(microseconds=1))
timezone(timedelta(0), name="a")
timezone(offset=timedelta(hours=1))
timezone(timedelta(0)) is timezone.utc, timezone(timedelta(0), "UTC") is timezone.utc
timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), "x"), timezone.utc == timezone(timedelta(0), "z"), timezone.utc != 1
timezone.utc < timezone.utc
hash(timezone(timedelta(hours=1))) == hash(timezone(timedelta(hours=1), "x"))
str(timezone(timedelta(hours=5, seconds=1, microseconds=5)))
str(timezone(-timedelta(hours=5, seconds=1)))
str(timezone(timedelta(hours=-5))), str(timezone(timedelta(0), "")), str(timezone.utc), str(timezone.max)
repr(timezone(-timedelta(hours=5, seconds=1))), repr(timezone(timedelta(hours=1), "x"))
repr(timezone.utc), repr(timezone.min), repr(timezone.max)
timezone.utc.tzname(1)
timezone.utc.utcoffset(1)
timezone.utc.dst(date(2020,1,1))
timezone.utc.tzname()
timezone.utc.tzname(None), timezone(timedelta(hours=1)).utcoffset(None), timezone(timedelta(hours=1)).dst(datetime(2020,1,1))
timezone.utc.fromutc(1)
timezone.utc.fromutc(datetime(2020,1,1))
timezone(timedelta(hours=2)).fromutc(datetime(2020,1,1,tzinfo=timezone(timedelta(hours=2))))
timezone.utc.fromutc(datetime(2020,1,1,tzinfo=timezone.utc))
timezone(timedelta(hours=2)).__getinitargs__()
timezone(timedelta(hours=2), "X").__getinitargs__()
timezone(timedelta(hours=2), "X").__reduce__()
timezone.utc.__reduce__()
timezone.utc.__getinitargs__(1)
tzinfo().tzname(None)
tzinfo().utcoffset(None)
tzinfo().dst(None)
tzinfo().tzname()
tzinfo().tzname(dt=1)
tzinfo().fromutc(datetime(2020,1,1))
tzinfo().fromutc(1)
type(tzinfo(1, 2, x=3))
tzinfo().__reduce__()
Off(timedelta(hours=1)).__reduce__()
tzinfo.fromutc(timezone.utc, datetime(2020,1,1,tzinfo=timezone.utc))
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), timedelta(0))).astimezone(timezone.utc)
datetime(2020,1,1,tzinfo=Off(5)).utcoffset()
datetime(2020,1,1,tzinfo=Off(timedelta(days=1))).utcoffset()
datetime(2020,1,1,tzinfo=Off(timedelta(days=-1))).utcoffset()
datetime(2020,1,1,tzinfo=Off(timedelta(days=-1, microseconds=1))).utcoffset()
datetime(2020,1,1,tzinfo=Off(None, 5)).dst()
datetime(2020,1,1,tzinfo=Off(None, None, 5)).tzname()
datetime(2020,1,1,tzinfo=Off(None, None, "name")).tzname()
datetime(2020,1,1,tzinfo=Off(None)).isoformat(), datetime(2020,1,1,tzinfo=Off(None)).utcoffset()
datetime(2020,1,1,tzinfo=Off(None)) == datetime(2020,1,1)
datetime(2020,1,1,tzinfo=Off(None)) < datetime(2020,1,2,tzinfo=timezone.utc)
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), timedelta(0))) == datetime(2019,12,31,23,tzinfo=timezone.utc)
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), timedelta(hours=1), "S")).timetuple()
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), timedelta(0), "S")).timetuple()
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), None, "S")).timetuple()
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), timedelta(hours=1))).astimezone(Off(timedelta(hours=-1), timedelta(0)))
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), timedelta(0))).astimezone(Off(timedelta(hours=-1)))
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), timedelta(0))).astimezone(Off(timedelta(hours=-1), timedelta(minutes=30)))
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), timedelta(0), "%Q")).strftime("[%Z]")
time(1, tzinfo=Off(timedelta(hours=1), timedelta(0), "%Q")).strftime("[%Z|%z]")
datetime(2020,1,1,tzinfo=Off("x")).isoformat()
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), None, 5)).strftime("%Z")
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), None, 5)).strftime("%z")
datetime(2020,1,1,tzinfo=Off(timedelta(hours=1), None, 5)).strftime("%Y")
'''` + evalLoop + `
class DstTZ(tzinfo):
    # US Eastern with 2020 rules only, from the datetime documentation.
    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)
    def dst(self, dt):
        if dt is None:
            return timedelta(0)
        start = datetime(2020, 3, 8, 2)
        end = datetime(2020, 11, 1, 2)
        naive = dt.replace(tzinfo=None)
        if start + timedelta(hours=1) <= naive < end - timedelta(hours=1):
            return timedelta(hours=1)
        if end - timedelta(hours=1) <= naive < end:
            return timedelta(hours=0) if dt.fold else timedelta(hours=1)
        if start <= naive < start + timedelta(hours=1):
            return timedelta(hours=0) if dt.fold else timedelta(hours=1)
        return timedelta(0)
    def tzname(self, dt):
        return "EDT" if self.dst(dt) else "EST"
    def __repr__(self):
        return "DstTZ()"
east = DstTZ()
for h in range(3, 8):
    u = datetime(2020, 11, 1, h, 30, tzinfo=timezone.utc)
    l = u.astimezone(east)
    print(u, l, l.fold, l.tzname(), l.utcoffset(), l.astimezone(timezone.utc))
a = datetime(2020, 11, 1, 1, 30, tzinfo=east)
b = a.replace(fold=1)
print(a == b, a.utcoffset(), b.utcoffset(), a - b, b - a, hash(a) == hash(b), a < b)
print(a == b.astimezone(timezone.utc), b == b.astimezone(timezone.utc), a.timestamp(), b.timestamp())
g = datetime(2020, 3, 8, 2, 30, tzinfo=east)
print(g.utcoffset(), g.replace(fold=1).utcoffset(), g == g.astimezone(timezone.utc), g.timestamp(), repr(g.replace(fold=1)))
print(datetime.fromtimestamp(1604209500, east), datetime.fromtimestamp(1604213100, east), datetime.now(east).tzinfo)
`,

	"isoformat": `from datetime import *
tests = '''date.fromisoformat("2020-13-01")
date.fromisoformat("2020-02-30")
date.fromisoformat("2021W011xx")
date.fromisoformat("2021-W01-1")
date.fromisoformat("2020W53")
date.fromisoformat("2021-W53")
date.fromisoformat("2020-W53-7")
date.fromisoformat("2020W537")
date.fromisoformat("2020-W01-8")
date.fromisoformat("2020-W00")
date.fromisoformat("20200101")
date.fromisoformat("2020-0101")
date.fromisoformat("2020-01-01T00")
date.fromisoformat("2020-1-01")
date.fromisoformat("\\ud8002020-01")
date.fromisoformat("2020-01-0\\u0661")
date.fromisoformat("０２０２０１０１")
date.fromisoformat("0000-01-01")
date.fromisoformat(b"2020-01-01")
date.fromisoformat()
'''` + evalLoop + `
strs = ["2011-11-04T00:05:23.283+04:00", "2011-11-04 00:05", "20111104T000523", "2011-11-04", "2011-11-04T00:05:23Z",
 "2011-11-04T00:05:23-08:00", "2011-11-04T00:05:23.283+04:00:30.5", "2011-11-04T00:05:23+0400", "2011-W44-5T12", "2011W445T12",
 "2011W44T12", "2011-W44T1230", "2011-W44-5T12:30", "2011-W44-512:30", "2011W4451230", "2011-11-04T24:00", "2011-11-04T23:59:60",
 "2011-11-04T1", "2011-11-04T", "2011-11-04 ", "2011-11-04T12:30:45.1234567", "2011-11-04T12:30:45,5", "2011-11-04T12:30:45.",
 "2011-11-04T12:30:45.+01:00", "2011-11-04T12:30:45:5", "2011-11-04T123045123", "2011-11-04T12:3045", "2011-11-04T1230:45",
 "2011-11-04T12:30Z ", "2011-11-04T12:30+24:00", "2011-11-04T12:30-23:59:59.999999", "2011-11-04T12:30+00:00:00.5",
 "2011-11-04T12:30+00:00", "2011-11-04T12:30-00:00", "2011-11-04\ud80012:30", "2011-11-04\u00e912:30", "2011-11-04T12:30\x00",
 "2011-11-04X12:30", "2011-11-0412:30", "201111-04", "2011", "2011-11", "2011-11-04T12:30:45.123456789012+01:00", "2011-11-04t12:30",
 "2011-11-04T12:30+01", "2011-11-04T12:30+1", "2011-11-04T12:30:45.5Z", "2011-11-04T12:30:45Z+01:00", "2011-W01", "2011W01",
 "2011-W01-2", "2011W012", "2011-W01T", "2011W01T12", "2011-W01-", "2011-W01-2T12", "2011W0121230", "2011W01212", "2011-W01-212",
 "2011-11-04T12.5", "2011-11-04T12,5", "2011-11-04T12:30.5", "2011-11-04T 12:30", "+2011-11-04", "2011-11-04T12:30:45.000001-05:30"]
for s in strs:
    for f in (datetime.fromisoformat, time.fromisoformat, date.fromisoformat):
        try:
            r = repr(f(s))
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(f.__qualname__, repr(s), r)
for s in ["12:30", "T12:30", "12", "1230", "123045", "12:30:45.5+01:00", "12:30Z", "T", "", "12:30:45,123", "24:00", "12:60",
          "T12:30:45.123456+05:30", "12:30:45-05", "TT12:30", "12:30+01:00:00", "\ud80012"]:
    try:
        r = repr(time.fromisoformat(s))
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(s), r)
for d in [datetime(2011, 11, 4, 0, 5, 23, 283000, timezone(timedelta(hours=4))), datetime(1, 2, 3, tzinfo=timezone(-timedelta(seconds=1)))]:
    for spec in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"):
        s = d.isoformat(timespec=spec)
        print(s, datetime.fromisoformat(s) == d)
`,

	"subclass": `from datetime import *
import pickle, copy
class D(date):
    def __new__(cls, *a, **k):
        print("D.__new__", a, k)
        return super().__new__(cls, *a, **k)
class DT(datetime):
    def __init__(self, *a, **k):
        print("DT.__init__", len(a), a[7:], k)
class T(time):
    pass
class TD(timedelta):
    def __repr__(self):
        return "TD<" + super().__repr__() + ">"
class Plain(datetime):
    pass
d = D(2020, 1, 31)
print(type(d).__name__, repr(d), d)
r = d + timedelta(1)
print(type(r).__name__, r)
print(type(d - timedelta(40)).__name__, type(d - date(2020, 1, 1)).__name__, d - D(2020, 1, 1))
print(type(d.replace(day=5)).__name__, d.replace(day=5))
print(type(D.fromordinal(5)).__name__, type(D.fromisoformat("2020-01-01")).__name__, type(D.fromisocalendar(2020, 1, 1)).__name__)
print(type(D.fromtimestamp(0)).__name__, type(D.today()).__name__)
dt = DT(2020, 1, 1, 12, tzinfo=timezone.utc)
print(repr(dt), type(dt + timedelta(hours=1)).__name__, type(dt - timedelta(1)).__name__, type(dt - dt).__name__)
print(type(dt.replace(hour=3)).__name__, type(dt.astimezone(timezone(timedelta(hours=1)))).__name__)
print(type(DT.combine(date(2020, 1, 1), time(1, fold=1))).__name__)
print(type(DT.fromtimestamp(0, timezone.utc)).__name__, type(DT.fromisoformat("2020-01-01T01:02")).__name__, type(DT.now()).__name__)
print(type(DT.strptime("2020", "%Y")).__name__, type(DT.fromordinal(1)).__name__, type(DT.fromisocalendar(2020, 1, 1)).__name__)
print(repr(T(1, 2)), type(T(1).replace(hour=2)).__name__, type(T.fromisoformat("12:30")).__name__, str(T(1, 2, 3)))
td = TD(1, 2)
print(repr(td), td, type(td + td).__name__, type(-td).__name__, type(td * 2).__name__, type(abs(td)).__name__, type(+td).__name__)
print(repr(Plain(2020, 1, 1)), str(Plain(2020, 1, 1, 5)), Plain(2020, 1, 1) == datetime(2020, 1, 1), Plain(2020, 1, 1) < datetime(2020, 1, 2))
p = Plain(2020, 1, 1, 5, 6)
p.attr = 5
print(p.attr, p.__dict__, type(copy.copy(p)).__name__, copy.deepcopy(p), pickle.loads(pickle.dumps(p)) == p)
class Str(datetime):
    def isoformat(self, sep="T", timespec="auto"):
        return "custom " + sep
    def strftime(self, fmt):
        return "strftime " + fmt
    def timetuple(self):
        return (1999, 1, 2, 3, 4, 5, 6, 7, -1)
print(str(Str(2020, 1, 1)), format(Str(2020, 1, 1), "%Y"), f"{Str(2020, 1, 1)}", date.strftime(Str(2020, 1, 1), "%Y %H"))
class Weird(date):
    @classmethod
    def fromtimestamp(cls, t):
        return "fromtimestamp called"
print(Weird.today())
class MyTZ(tzinfo):
    def __init__(self, h=0):
        self.h = h
    def utcoffset(self, dt):
        return timedelta(hours=self.h)
    def dst(self, dt):
        return timedelta(0)
    def tzname(self, dt):
        return "my"
tz = MyTZ(3)
print(pickle.loads(pickle.dumps(tz)).h, tz.__reduce__()[0].__name__, copy.deepcopy(datetime(2020, 1, 1, tzinfo=tz)).tzinfo.h)
print(datetime(2020, 1, 1, 5, tzinfo=tz).astimezone(timezone.utc), datetime(2020, 1, 1, 5, tzinfo=timezone.utc).astimezone(tz))
class Bad(datetime):
    def __new__(cls, *a, **k):
        return 5
try:
    print(Bad.fromisoformat("2020-01-01"), Bad(2020, 1, 1) if False else "")
except Exception as e:
    print(type(e).__name__, e)
class DT2(datetime):
    def __new__(cls, *a, **k):
        print("DT2.__new__", a, k)
        return datetime.__new__(cls, *a, **k)
x = DT2(2020, 11, 1, 1, 30)
print(type(x + timedelta(1)).__name__, type(DT2.fromtimestamp(0, timezone.utc)).__name__)
print(type(x.replace(fold=1)).__name__, x.replace(fold=1).fold)
print(DT2.combine(date(2020, 1, 1), time(1, fold=1)).fold)
`,

	"pickle": `from datetime import *
import pickle, copy
objs = [date(2020, 5, 6), datetime(2020, 5, 6, 7, 8, 9, 10), datetime(2020, 5, 6, 7, 8, 9, 10, timezone.utc, fold=1),
        time(1, 2, 3, 4), time(1, 2, 3, 4, timezone(timedelta(hours=-5), "EST"), fold=1), timedelta(1, 2, 3), timedelta(-5),
        timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-1), "X"), timezone.min, date.max, datetime.min]
for o in objs:
    # Protocols 0 to 2 pickle bytes through codecs.encode.
    for proto in range(0 if isinstance(o, (timedelta, timezone)) else 3, 6):
        data = pickle.dumps(o, proto)
        back = pickle.loads(data)
        # From protocol 4, the bytes depend on whether type.__module__
        # gives the same str object each time.
        print(proto, repr(o), data if proto < 4 else len(data) > 0, back == o, type(back) is type(o), getattr(back, 'fold', None))
    print(copy.copy(o) == o, copy.deepcopy(o) == o)
print(pickle.loads(pickle.dumps(timezone.utc)) is timezone.utc)
print(pickle.dumps(date(2020, 1, 1).isocalendar()), pickle.loads(pickle.dumps(date(2020, 1, 1).isocalendar())))
py2 = b"cdatetime\ndatetime\nq\x00(U\n\x07\xe4\x05\x06\x07\x08\t\x00\x00\nq\x01tq\x02Rq\x03."
print(pickle.loads(py2, encoding='latin1'), pickle.loads(b"cdatetime\ndate\nq\x00(U\x04\x07\xe4\x05\x06q\x01tq\x02Rq\x03.", encoding='latin1'))
try:
    pickle.loads(py2)
except Exception as e:
    print(type(e).__name__, e)
`,
	// Random operations, strings and formats with a fixed seed.
	"fuzz_ops": `import random
from datetime import *
R = random.Random(12345)
def rf():
    k = R.randrange(6)
    if k == 0: return R.randrange(-10**6, 10**6)
    if k == 1: return R.uniform(-1e6, 1e6)
    if k == 2: return R.randrange(-3, 4) + R.choice([0.5, 0.25, 1e-7, 5e-7, 1.5e-6, 0.4999999, 0.0000005])
    if k == 3: return R.uniform(-10, 10)
    if k == 4: return R.randrange(-10**12, 10**12) / 10**R.randrange(0, 13)
    return R.choice([0, 1, -1, 0.5, -0.5, 1e-6, 86399.9999995])
names = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"]
out = []
for i in range(400):
    kw = {n: rf() for n in R.sample(names, R.randrange(1, 4))}
    try:
        td = timedelta(**kw)
        r = repr(td)
        x = R.choice([2, -3, 0.3, 1.7, -0.25, 7, 1e-3, 12345.678])
        r += " " + repr(td * x) + " " + repr(td / x) + " " + repr(td // R.choice([3, -7, 1000])) + " " + str(td.total_seconds())
        r += " " + repr(td % timedelta(seconds=R.randrange(1, 100000))) + " " + str(td / timedelta(microseconds=R.randrange(1, 10**9)))
    except Exception as e:
        r = type(e).__name__ + " " + str(e)
    out.append(r)
for i in range(400):
    try:
        d = datetime(R.randrange(1, 10000), R.randrange(1, 13), R.randrange(1, 29), R.randrange(24), R.randrange(60), R.randrange(60), R.randrange(10**6),
                     tzinfo=R.choice([None, timezone.utc, timezone(timedelta(minutes=R.randrange(-1439, 1440)))]), fold=R.randrange(2))
        td = timedelta(days=R.randrange(-10**6, 10**6), seconds=R.randrange(-10**5, 10**5), microseconds=R.randrange(-10**7, 10**7))
        r = repr(d) + " " + d.isoformat(R.choice("T x"), R.choice(["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]))
        r += " " + d.strftime("%Y-%m-%d %H:%M:%S.%f %z %:z %Z %j %U %W %a %b %G %V %u")
        r += " " + str(d.isocalendar()) + " " + str(d.toordinal()) + " " + d.ctime() + " " + str(d.timetuple())
        r += " " + str(datetime.fromisoformat(d.isoformat()) == d)
        try: r += " " + repr(d + td)
        except OverflowError as e: r += " OV " + str(e)
        try: r += " " + repr(d - td)
        except OverflowError as e: r += " OV " + str(e)
        e = d.replace(year=R.randrange(1, 10000), day=R.randrange(1, 29))
        try:
            r += " " + repr(d - e) + " " + str(d < e) + " " + str(d == e)
        except TypeError as ex: r += " TE " + str(ex)
        if d.tzinfo is not None:
            r += " " + str(d.timestamp()) + " " + repr(d.astimezone(timezone(timedelta(hours=R.randrange(-23, 24)))))
            r += " " + str(d.utctimetuple())
    except Exception as e:
        r = type(e).__name__ + " " + str(e)
    out.append(r)
for i in range(300):
    y = R.randrange(1, 10000); w = R.randrange(0, 55); dd = R.randrange(0, 9)
    try: r = repr(date.fromisocalendar(y, w, dd))
    except Exception as e: r = type(e).__name__ + " " + str(e)
    o = R.randrange(1, 3652060)
    d = date.fromordinal(o)
    r += " " + repr(d) + " " + str(d.isocalendar()) + " " + str(d.weekday()) + str(date.fromisoformat(d.isoformat()) == d)
    out.append(r)
print("\n".join(out))
`,
	"fuzz_iso": `import random
from datetime import *
R = random.Random(7)
bases = ["2011-11-04T00:05:23.283+04:00", "2011-11-04 00:05", "20111104T000523", "2011-W44-5T12:30:45,5Z", "2011W445T123045.123456-0530",
         "2011-11-04T12:30:45.1234567+01:00:30.25", "12:30:45.5+01:00", "T12:30", "2020-01-01", "2020W011", "1234"]
alphabet = "0123456789-:T.,+Z W\u00e9\x00"
out = []
for i in range(1500):
    s = list(R.choice(bases))
    for _ in range(R.randrange(0, 4)):
        op = R.randrange(3)
        if op == 0 and s: del s[R.randrange(len(s))]
        elif op == 1: s.insert(R.randrange(len(s) + 1), R.choice(alphabet))
        elif s: s[R.randrange(len(s))] = R.choice(alphabet)
    s = "".join(s)
    rs = []
    for f in (datetime.fromisoformat, date.fromisoformat, time.fromisoformat):
        try: rs.append(repr(f(s)))
        except Exception as e: rs.append(type(e).__name__ + ":" + str(e))
    out.append(repr(s) + " " + " | ".join(rs))
print("\n".join(out))
`,
	"fuzz_strftime": `import random
from datetime import *
R = random.Random(3)
codes = "aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZf%:+-_0^#E O1234567890 "
objs = [datetime(2020, 2, 29, 13, 5, 9, 1234, timezone(timedelta(hours=-3, minutes=-30), "N%T")), datetime(5, 1, 1), date(1999, 12, 31),
        time(23, 59, 1, 999, timezone.utc), time(0), datetime(2021, 1, 3, tzinfo=timezone(timedelta(seconds=5, microseconds=7)))]
out = []
for i in range(800):
    f = "".join(R.choice(codes) if R.random() < 0.6 else "%" + R.choice(codes) for _ in range(R.randrange(1, 8)))
    o = R.choice(objs)
    try: r = repr(o.strftime(f))
    except Exception as e: r = type(e).__name__ + ":" + str(e)
    out.append(repr(f) + " " + r)
print("\n".join(out))
`,
}

// TestDatetime runs the programs with CPython's standard library on
// the path.
func TestDatetime(t *testing.T) { checkDatetimePrograms(t, datetimePrograms) }

// checkDatetimePrograms is checkStdlibPrograms with environment
// variables for CPython (the local zone, which the caller also gives
// Go's time.Local).
func checkDatetimePrograms(t *testing.T, programs map[string]string, env ...string) {
	t.Helper()
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src, env...)
			got, gotExc := runWithStdlib(t, lib.Dir, src)
			if got != want || gotExc != wantExc {
				t.Errorf("differences (here | CPython 3.12):\n%s\nexception: %q | %q", lineDiff(got, want), gotExc, wantExc)
			}
		})
	}
}

// lineDiff lists the lines that differ between two outputs.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for i := 0; i < max(len(g), len(w)); i++ {
		var x, y string
		if i < len(g) {
			x = g[i]
		}
		if i < len(w) {
			y = w[i]
		}
		if x != y {
			b.WriteString("- " + x + "\n+ " + y + "\n")
		}
	}
	return b.String()
}

// localPrograms depend on the local time zone; they run under several.
var localPrograms = map[string]string{
	"local": `from datetime import *
import time
ts = [0, 1e9, 1583650800, 1583654399, 1583654400, 1604206800, 1604210399, 1604210400, 1604213999, 1604214000, 1616893200, 1635645600,
      1635649200, -1e9, 253402300799, -62135596800 + 86400 * 2, 1700000000.5, 1234567890.1234565]
for t in ts:
    try:
        d = datetime.fromtimestamp(t)
        print(t, repr(d), d.timestamp(), d.replace(fold=1 - d.fold).timestamp(), d.astimezone(), d.astimezone(timezone.utc), date.fromtimestamp(t))
    except Exception as e:
        print(t, type(e).__name__, e)
for args in [(2020, 3, 8, 2, 30), (2020, 11, 1, 1, 30), (2020, 3, 29, 2, 30), (2020, 10, 25, 2, 30), (2021, 6, 1), (1, 1, 1), (1, 1, 2), (9999, 12, 31, 23),
             (1970, 1, 1), (2038, 1, 19, 3, 14, 8), (2100, 7, 1)]:
    for fold in (0, 1):
        d = datetime(*args, fold=fold)
        try:
            print(repr(d), d.timestamp(), d.astimezone(), d.astimezone(timezone.utc).astimezone())
        except Exception as e:
            print(repr(d), type(e).__name__, e)
print(time.timezone, time.altzone, time.daylight, time.tzname)
for t in [0, 1e9, 1604210400, 1616893200, -1e10, 1e11]:
    lt = time.localtime(t)
    print(lt, lt.tm_zone, lt.tm_gmtoff, time.mktime(lt), time.strftime("%Y-%m-%d %H:%M:%S %Z %z %c", lt), time.ctime(t))
for tup in [(2020, 3, 8, 2, 30, 0, 0, 0, -1), (2020, 11, 1, 1, 30, 0, 0, 0, -1), (2020, 11, 1, 1, 30, 0, 0, 0, 0), (2020, 11, 1, 1, 30, 0, 0, 0, 1),
            (2020, 3, 29, 2, 30, 0, 0, 0, -1), (2020, 10, 25, 2, 30, 0, 0, 0, -1), (2020, 7, 1, 0, 0, 0, 0, 0, -1)]:
    print(tup, time.mktime(tup), time.strftime("%Z %z", tup))
print(time.localtime(1e17) if False else "", datetime(2020, 6, 1, tzinfo=timezone.utc).astimezone().tzname())
try:
    time.localtime(1e17)
except Exception as e:
    print(type(e).__name__, e)
print(time.strptime("30 Nov 2000 13:45", "%d %b %Y %H:%M"), time.strptime("2000 " + time.tzname[0], "%Y %Z").tm_isdst)
`,
	"tzset": `import os, time
from datetime import datetime, timezone
for tz in ['UTC', '', 'Foo/Bar', 'EST5EDT', 'EST+5EDT,M3.2.0,M11.1.0', 'JST-9', 'CET-1CEST,M3.5.0,M10.5.0/3', ':Europe/Paris',
           '/usr/share/zoneinfo/Asia/Tokyo', 'XYZ', 'America/New_York', 'GMT0', '<+03>-3', 'Europe/Nowhere', 'AB', 'Australia/Sydney',
           'NZST-12NZDT,M9.5.0,M4.1.0/3', '<-0330>3:30', 'IST-5:30', None]:
    if tz is None:
        os.environ.pop('TZ', None)
    else:
        os.environ['TZ'] = tz
    time.tzset()
    lt = time.localtime(1700000000)
    lt2 = time.localtime(1690000000)
    print(repr(tz), time.tzname, time.timezone, time.altzone, time.daylight, lt.tm_zone, lt.tm_gmtoff, lt.tm_isdst, lt2.tm_zone, lt2.tm_isdst,
          time.mktime((2023, 7, 1, 12, 0, 0, 0, 0, -1)), time.strftime('%Z %z', lt), datetime.fromtimestamp(1690000000),
          datetime(2023, 1, 1).astimezone(), datetime(2023, 7, 1).timestamp())
try:
    time.tzset(1)
except Exception as e:
    print(type(e).__name__, e)
`,
}

// TestDatetimeLocal runs the local-time programs under several zones,
// given to CPython through TZ and to this interpreter through
// time.Local, which an interpreter's zone starts from.
func TestDatetimeLocal(t *testing.T) {
	for _, zone := range []string{"UTC", "America/New_York", "Europe/Paris", "Australia/Sydney"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Skipf("no time zone database: %v", err)
		}
		saved := time.Local
		time.Local = loc
		savedTZ, hadTZ := os.LookupEnv("TZ")
		t.Run(zone, func(t *testing.T) { checkDatetimePrograms(t, localPrograms, "TZ="+zone) })
		time.Local = saved
		if hadTZ {
			os.Setenv("TZ", savedTZ)
		} else {
			os.Unsetenv("TZ")
		}
	}
}

// TestDatetimeCorpus runs the corpus programs of stdlib_datetime and
// compares them with their goldens.
func TestDatetimeCorpus(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	dir := "../../testdata/programs/stdlib_datetime"
	for _, name := range []string{"date_arith", "isoweeks", "date_uncaught", "datetime_compare", "timedelta_ops", "timezone_fixed", "time_struct", "datetime_format"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, name+".py"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, name+".out"))
			if err != nil {
				t.Fatal(err)
			}
			wantErr, _ := os.ReadFile(filepath.Join(dir, name+".err"))
			got, gotExc := runWithStdlib(t, lib.Dir, string(src))
			wantExc := ""
			if lines := strings.Split(strings.TrimRight(string(wantErr), "\n"), "\n"); len(wantErr) > 0 {
				wantExc = lines[len(lines)-1]
			}
			if got != string(want) || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nwant:\n%s%s", got, gotExc, want, wantExc)
			}
		})
	}
}
