from decimal import Decimal, ROUND_HALF_UP

CENT = Decimal("0.01")
TAX = Decimal("0.0825")
items = [
    ("Notebook", 3, "2.49"),
    ("Pen (box)", 2, "7.99"),
    ("Stapler", 1, "12.50"),
    ("Paper ream", 4, "5.375"),
]


def money(d):
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


subtotal = Decimal(0)
print(f"{'item':<12}{'qty':>4}{'unit':>9}{'line':>10}")
for name, qty, unit in items:
    line = money(Decimal(unit) * qty)
    subtotal += line
    print(f"{name:<12}{qty:>4}{Decimal(unit):>9}{line:>10}")
tax = money(subtotal * TAX)
total = subtotal + tax
print(f"{'subtotal':<25}{subtotal:>10}")
print(f"{'tax ' + str(TAX * 100).rstrip('0') + '%':<25}{tax:>10}")
print(f"{'total':<25}{total:>10}")
people = 3
share = money(total / people)
print("each pays", share, "remainder", total - share * people)
parts = [share] * (people - 1) + [total - share * (people - 1)]
print(parts, sum(parts) == total)
