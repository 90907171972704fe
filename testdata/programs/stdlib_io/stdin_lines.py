import sys

header = sys.stdin.readline().rstrip("\n")
print("header:", header.split(","))
totals = {}
count = 0
for line in sys.stdin:
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    name, qty, price = line.split(",")
    totals[name] = totals.get(name, 0) + int(qty) * float(price)
    count += 1
print(count, "records")
for name in sorted(totals):
    print(f"{name:8} {totals[name]:8.2f}")
print(repr(sys.stdin.read()), sys.stdin.readline() == "")
if "bad" in totals:
    print("found bad record", file=sys.stderr)
    sys.exit(4)
