package modules_test

import (
	"testing"
	"time"
)

var timePrograms = map[string]string{
	"conversions": `import time
print(time.gmtime(0))
print(time.gmtime(1.9), time.gmtime(-1.5))
print(time.localtime(1700000000))
print(time.localtime(1690000000))
lt = time.localtime(1690000000)
print(lt.tm_zone, lt.tm_gmtoff, len(lt), lt[0], lt[-1], lt.tm_year, lt[1:3], lt == tuple(lt))
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(time.mktime(time.localtime(1700000000)), time.mktime((2023, 11, 14, 23, 13, 20, 1, 318, -1)))
for isdst in (-1, 0, 1):
    print(time.mktime((2023, 3, 26, 2, 30, 0, 0, 0, isdst)), time.mktime((2023, 10, 29, 2, 30, 0, 0, 0, isdst)), time.mktime((2023, 7, 1, 12, 0, 0, 0, 0, isdst)))
print(time.mktime((2023, 14, 40, 30, 70, 80, 0, 0, -1)))
print(time.asctime(time.gmtime(0)), time.asctime((2023, 1, 5, 3, 4, 5, 3, 5, 0)), time.ctime(0), time.ctime(1e9))
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9)), time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9, 'Z', 3600)).tm_zone)
`,
	"strftime": `import time
lt = time.localtime(1690000000)
print(repr(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %c %x %X %j %U %W %w %y %Z %z %p %I %e %% %f %Q %-d %_m %G %V %u %C %D %T %R %r %s %n%t|', lt)))
print(repr(time.strftime('%Y-%m-%d %j', (2023, 0, 0, 0, 0, 0, 0, 0, 0))))
print(repr(time.strftime('%Y %G %C %y %F', (999, 1, 1, 0, 0, 0, 0, 1, 0))))
print(repr(time.strftime('%-H|%_H|%05d|%^a|%#b|%10Y|%-j|%#p|%^B|%8a|%-8a|%Ey|%OH|%Ez', (2023, 1, 5, 13, 4, 5, 3, 5, 0))))
print(repr(time.strftime('%Z|%z', (2023, 1, 5, 3, 4, 5, 3, 5, 0))), repr(time.strftime('%Z|%z', (2023, 7, 5, 3, 4, 5, 3, 5, 1))), repr(time.strftime('%Z|%z', (2023, 7, 5, 3, 4, 5, 3, 5, -1))))
print(time.gmtime(0).tm_zone, time.strftime('%Z %z', time.gmtime(0)), time.strftime('', lt), time.strftime('%', lt), time.strftime('x%', lt))
for y in range(2018, 2026):
    for m, d in [(1, 1), (1, 3), (12, 29), (12, 31)]:
        t = time.gmtime(time.mktime((y, m, d, 12, 0, 0, 0, 0, 0)))
        print(y, m, d, time.strftime('%G-%V-%u %g %U %W %j', t))
`,
	"errors": `import time
for expr in ['time.sleep(-1)', 'time.sleep("a")', 'time.sleep(None)', 'time.sleep(1, 2)', 'time.sleep(secs=1)', 'time.sleep(float("nan"))',
             'time.sleep(float("inf"))', 'time.gmtime(float("nan"))', 'time.gmtime(1e20)', 'time.gmtime("a")', 'time.gmtime(1, 2)',
             'time.mktime((2023, 11, 14))', 'time.mktime("a")', 'time.mktime((2023.5, 11, 14, 23, 13, 20, 1, 318, -1))',
             'time.strftime("%Y", (2023, 13, 1, 0, 0, 0, 0, 1, 0))', 'time.strftime(5)', 'time.strftime("%Y", (2023, 1, 1, 0, 0, 0, 0, 1, 0, 5))',
             'time.strftime("a\\0b")', 'time.struct_time((1, 2, 3))', 'time.asctime((2023, 13, 1, 0, 0, 0, 0, 1, 0))',
             'time.asctime((2023, 1, 1, 25, 0, 0, 0, 1, 0))', 'time.asctime((2023, 1, 32, 0, 0, 0, 0, 1, 0))', 'time.asctime((2023, 1, 1, 0, 60, 0, 0, 1, 0))',
             'time.asctime((2023, 1, 1, 0, 0, 62, 0, 1, 0))', 'time.asctime((2023, 1, 1, 0, 0, 0, -2, 1, 0))', 'time.asctime((2023, 1, 1, 0, 0, 0, 0, 367, 0))',
             'time.time(1)', 'time.monotonic(x=1)', 'time.sleep(0)', 'time.sleep(0.001)', 'type(time.time())', 'type(time.time_ns())',
             'type(time.monotonic())', 'type(time.perf_counter_ns())', 'time.process_time() >= 0', 'time.monotonic_ns() > 0']:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
`,
}

func TestTimePrograms(t *testing.T) {
	for _, zone := range []string{"Europe/Paris", "America/New_York", "Australia/Sydney", "UTC"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Skipf("no time zone database: %v", err)
		}
		saved := time.Local
		time.Local = loc
		t.Run(zone, func(t *testing.T) { checkModulePrograms(t, timePrograms, "TZ="+zone) })
		time.Local = saved
	}
}
