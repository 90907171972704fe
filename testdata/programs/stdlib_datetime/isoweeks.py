from datetime import date, timedelta

for y in [2019, 2020, 2021, 2024, 2026]:
    dec28 = date(y, 12, 28)
    jan1 = date(y, 1, 1)
    print(y, "weeks:", dec28.isocalendar().week, "jan1:", tuple(jan1.isocalendar()), jan1.strftime("%A"))
ic = date(2024, 12, 30).isocalendar()
print(ic, ic.year, ic.week, ic.weekday, ic[0])


def week_range(year, week):
    monday = date.fromisocalendar(year, week, 1)
    return monday, monday + timedelta(days=6)


for y, w in [(2024, 1), (2024, 52), (2020, 53)]:
    a, b = week_range(y, w)
    print(f"{y}-W{w:02}: {a} .. {b}")
try:
    date.fromisocalendar(2021, 53, 1)
except ValueError as e:
    print("ValueError:", e)
