from datetime import datetime, date

moments = [datetime(2000, 1, 1, 0, 0, 0), datetime(2024, 2, 29, 13, 5, 9, 500), datetime(1999, 12, 31, 23, 59, 59), datetime(2021, 1, 3, 7, 8, 9)]
directives = ["%a", "%A", "%w", "%d", "%b", "%B", "%m", "%y", "%Y", "%H", "%I", "%p", "%M", "%S", "%f", "%j", "%U", "%W", "%G", "%V", "%u", "%%", "%e", "%D", "%T", "%R", "%C", "%h", "%n", "%t"]
for d in directives:
    print(f"{d:3}", " | ".join(repr(m.strftime(d)) for m in moments))
print(date(2024, 7, 4).strftime("%A %d"), format(date(2024, 7, 4), ""), f"{date(2024, 7, 4)!s:>14}|")
print(datetime(2024, 1, 1).strftime(""), repr(date(1, 1, 1).strftime("%Y")), date(999, 1, 1).isoformat())
