import calendar

print(calendar.calendar(2025, w=2, l=1, c=3, m=4))
html = calendar.HTMLCalendar(calendar.MONDAY).formatmonth(2024, 1)
print(html)
counts = {}
for m in range(1, 13):
    for week in calendar.monthcalendar(2024, m):
        if week[calendar.FRIDAY] == 13:
            counts[calendar.month_name[m]] = 13
print("Friday 13ths in 2024:", list(counts))
print(sum(calendar.monthrange(2024, m)[1] for m in range(1, 13)))
