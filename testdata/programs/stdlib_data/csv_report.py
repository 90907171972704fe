import csv
import io
from collections import defaultdict

SALES = """region,product,units,price
north,apples,10,0.50
south,apples,4,0.55
north,pears,7,0.80
east,plums,12,1.10
south,pears,3,0.75
north,apples,5,0.50
"""

totals = defaultdict(float)
units = defaultdict(int)
for row in csv.DictReader(io.StringIO(SALES)):
    amount = int(row["units"]) * float(row["price"])
    totals[row["region"]] += amount
    units[row["product"]] += int(row["units"])

out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow(["region", "revenue"])
for region in sorted(totals):
    w.writerow([region, f"{totals[region]:.2f}"])
print(out.getvalue(), end="")
print(sorted(units.items(), key=lambda kv: (-kv[1], kv[0])))
reader = csv.reader(io.StringIO(SALES))
header = next(reader)
print(header, reader.line_num)
cols = list(zip(*reader))
print(cols[0], reader.line_num)
print(max(cols[2], key=int), sum(map(int, cols[2])))
