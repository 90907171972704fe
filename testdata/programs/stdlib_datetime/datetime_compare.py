from datetime import datetime, date, timedelta

events = [
    ("deploy", datetime(2024, 3, 10, 2, 30)),
    ("standup", datetime(2024, 3, 9, 9, 15)),
    ("review", datetime(2024, 3, 9, 16, 0)),
    ("retro", datetime(2024, 3, 11, 11, 0)),
    ("lunch", datetime(2024, 3, 9, 12, 30)),
]
for name, when in sorted(events, key=lambda e: e[1]):
    print(f"{when:%a %d %H:%M} {name}")
by_day = {}
for name, when in events:
    by_day.setdefault(when.date(), []).append(name)
for day in sorted(by_day):
    print(day.isoformat(), sorted(by_day[day]))
first = min(e[1] for e in events)
last = max(e[1] for e in events)
print(last - first, (last - first).total_seconds() / 3600)
print(datetime(2024, 1, 1) == datetime(2024, 1, 1, 0, 0, 0, 0), datetime(2024, 1, 1) > datetime(2023, 12, 31, 23, 59))
print(date(2024, 1, 1) == datetime(2024, 1, 1), isinstance(datetime(2024, 1, 1), date))
try:
    date(2024, 1, 1) < datetime(2024, 1, 2)
except TypeError as e:
    print("TypeError:", e)
print(hash(datetime(2024, 1, 1)) == hash(datetime(2024, 1, 1)), len({datetime(2024, 1, 1), datetime(2024, 1, 1, 0)}))
print(datetime.min, datetime.max, datetime(2024, 5, 5).weekday(), datetime(2024, 5, 5) + timedelta(days=-365))
