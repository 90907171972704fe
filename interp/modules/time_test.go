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
	"strftime_flags": `import time
t = (2020, 2, 29, 13, 5, 9, 5, 60, 0)
for f in ['%-10a|', '%-10Y|', '%_10a|', '%010a|', '%8', '%-8', '%08', '%_8', '%4-', '%+6Y|', '%+Y|', '%+3C|', '%10E', '%5Ez|', '%5Q|', '%05Q|',
          '%-5Q|', '%^5q|', '%#5b|', '%+5d|', '%+10G|', '%010z|', '%-10z|', '%10%|', '%-5%|', '%5n|', '%5t|', '%05e|', '%-e|',
          '%10c|', '%-10c|', '%10D|', '%^P', '%#P', '%^#P', '%8P', '%08P', '%^8p', '%#8p', '%#a', '%#A', '%^#b', '%#^b', '%#B', '%#c',
          '%#x', '%#Ey', '%_#4Eb', '%-#Eh', '%#Ea', '%#9Oa']:
    print(repr(f), repr(time.strftime(f, t)))
for off in (0, -18000, 19800, 3600*14):
    z = time.struct_time((2020, 2, 29, 13, 5, 9, 5, 60, 0, 'ZZ', off))
    print(off, [time.strftime(f, z) for f in ['%z', '%_10z', '%_5z', '%3z', '%-3z', '%_z', '%-z', '%0z', '%10z', '%^10z', '%#6z', '%010z',
                                             '%-10z', '%5Ez', '%6Oz', '%06z', '%_06z', '%#10Z', '%^#Z']])
for y in (-1539, -1500, -5, -1, 0, 1, 5, 99, 100, 368, 999, 1899, 1900, 2020, 12345):
    d = (y, 4, 12, 18, 24, 2, 1, 122, 0)
    print(y, [time.strftime(f, d) for f in ('%C', '%EC', '%0EC', '%0C', '%_C', '%-C', '%3C', '%02C', '%y', '%Ey', '%G', '%0G', '%6G', '%g', '%Y',
                                            '%0Y', '%_5Y', '%05Y', '%EY', '%OC', '%F', '%10F', '%c', '%x')])
print(repr(time.strftime('%j%%%98001234%Y%5', t)), repr(time.strftime('%1000a', t))[:20], repr(time.strftime('%2000a', t)))
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
