import calendar

print(calendar.month(2024, 2))
print(calendar.month(2023, 10, w=3, l=1))
cal = calendar.TextCalendar(firstweekday=calendar.SUNDAY)
print(cal.formatmonth(2021, 8))
print(calendar.isleap(1900), calendar.isleap(2000), calendar.isleap(2024), calendar.leapdays(1900, 2025))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 4), calendar.weekday(2024, 7, 4))
print(calendar.monthcalendar(2024, 9))
print(calendar.day_name[0], calendar.day_abbr[6], calendar.month_name[12], calendar.month_abbr[1], list(calendar.month_abbr)[:3])
print(calendar.timegm((2000, 1, 1, 0, 0, 0)), calendar.firstweekday())
c = calendar.Calendar(firstweekday=6)
print(list(c.iterweekdays()), [d for d in c.itermonthdays(2024, 2)][:10])
print([str(d) for d in c.itermonthdates(2024, 3)][:3], list(c.itermonthdays2(2024, 3))[:3])
print(calendar.MONDAY, calendar.Month.MARCH, calendar.Day.FRIDAY, int(calendar.Month.MARCH))
print(cal.formatweekheader(3), cal.formatmonthname(2024, 5, 20))
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print("IllegalMonthError:", e)
