from datetime import date, timedelta

d = date(2024, 2, 28)
print(d, d + timedelta(days=1), d + timedelta(days=2), d - date(2023, 12, 25))
print(d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal())
print(date.fromordinal(738000), date.fromisoformat("2021-07-04"), date.fromisocalendar(2020, 53, 5))
print(d.replace(year=2023, day=1), d.ctime(), d.timetuple()[:7])
print(repr(d), date.min, date.max, date.resolution)
print(sorted([date(2020, 5, 1), date(2019, 12, 31), date(2020, 1, 15)]))
print(date(2024, 1, 1) < date(2024, 1, 2), date(2024, 3, 1) - timedelta(days=1))


def add_months(dt, n):
    y, m = divmod(dt.month - 1 + n, 12)
    y += dt.year
    m += 1
    import calendar
    return dt.replace(year=y, month=m, day=min(dt.day, calendar.monthrange(y, m)[1]))


print([str(add_months(date(2023, 1, 31), k)) for k in range(0, 14, 1)])
birthday = date(1990, 7, 15)
today = date(2024, 6, 1)
age = today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))
print("age", age, "days alive", (today - birthday).days)
for args in [(2023, 2, 29), (2023, 13, 1), (0, 1, 1)]:
    try:
        date(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    date.fromisoformat("2023/01/01")
except ValueError as e:
    print("ValueError:", e)
