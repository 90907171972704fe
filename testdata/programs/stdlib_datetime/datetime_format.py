from datetime import datetime, date, time

dt = datetime(2023, 11, 5, 14, 7, 9, 123456)
print(dt, repr(dt))
print(dt.isoformat(), dt.isoformat(sep=" ", timespec="milliseconds"), dt.isoformat(timespec="minutes"))
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f | %a %A %b %B | %j %U %W | %I%p | %y %%"))
print(dt.strftime("%d/%m/%Y"), dt.strftime("%c"), dt.strftime("%x %X"))
print(f"{dt:%H:%M} {dt:%A, %d %B %Y}", format(dt.date(), "%G-W%V-%u"))
p = datetime.strptime("2024-03-09 08:05:01", "%Y-%m-%d %H:%M:%S")
print(p, p.weekday())
print(datetime.strptime("9 Mar 2024 7:15 PM", "%d %b %Y %I:%M %p"))
print(datetime.strptime("2024-070", "%Y-%j").date())
print(datetime.fromisoformat("2011-11-04T00:05:23.283+04:00"))
print(datetime.fromisoformat("2011-11-04 00:05"), datetime.fromisoformat("20111104T000523"))
print(time(9, 30), time(23, 59, 59, 999999).isoformat(), time.fromisoformat("04:23:01.000384"))
print(datetime.combine(date(2020, 1, 1), time(12, 0)), dt.date(), dt.time(), dt.timetz())
print(dt.replace(microsecond=0, hour=0), datetime(2020, 1, 1).toordinal())
for s, fmt in [("2024-02-30", "%Y-%m-%d"), ("12:61", "%H:%M"), ("2024-01-01 extra", "%Y-%m-%d")]:
    try:
        datetime.strptime(s, fmt)
    except ValueError as e:
        print("ValueError:", e)
