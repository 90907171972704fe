from datetime import datetime, timedelta, date, time

WORK_START = time(9, 0)
WORK_END = time(17, 0)
HOLIDAYS = {date(2024, 12, 25), date(2024, 12, 26), date(2025, 1, 1)}


def is_workday(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def add_business_hours(start, hours):
    cur = start
    remaining = timedelta(hours=hours)
    while remaining > timedelta(0):
        day_end = datetime.combine(cur.date(), WORK_END)
        if not is_workday(cur.date()) or cur >= day_end:
            nxt = cur.date() + timedelta(days=1)
            cur = datetime.combine(nxt, WORK_START)
            continue
        if cur.time() < WORK_START:
            cur = datetime.combine(cur.date(), WORK_START)
        chunk = min(remaining, day_end - cur)
        cur += chunk
        remaining -= chunk
    return cur


start = datetime(2024, 12, 23, 15, 30)
for h in [1, 2, 8, 16, 40]:
    done = add_business_hours(start, h)
    print(f"{h:3}h -> {done:%a %Y-%m-%d %H:%M}")
d = date(2024, 12, 1)
workdays = [d + timedelta(n) for n in range(31) if is_workday(d + timedelta(n))]
print(len(workdays), workdays[0], workdays[-1])
slots = []
t = datetime.combine(date(2024, 5, 6), WORK_START)
while t.time() < WORK_END:
    slots.append(t.strftime("%H:%M"))
    t += timedelta(minutes=45)
print(slots)
