import textwrap

items = [
    ("Widget", 3, 4.5, "A small widget used for testing the layout of long descriptions in reports."),
    ("Gadget", 12, 19.99, "Gadget."),
    ("Doohickey", 1, 100.0, "An expensive doohickey with a remarkably verbose description that wraps several times."),
]
W = 30
print(f"{'Item':<10}{'Qty':>4}{'Price':>9}  Description")
print("-" * (10 + 4 + 9 + 2 + W))
total = 0
for name, qty, price, desc in items:
    lines = textwrap.wrap(desc, W)
    print(f"{name:<10}{qty:>4}{price:>9.2f}  {lines[0]}")
    for more in lines[1:]:
        print(" " * 25 + more)
    total += qty * price
print("-" * (10 + 4 + 9 + 2 + W))
print(f"{'Total':<14}{total:>9.2f}")
print(f"{'centred':^20}|{'x':*>5}|{'y':_<5}|{42:+08.2f}|{1234567:,}|{0.256:.1%}|{255:#x}|{5:b}")
para = textwrap.dedent("""\
    First paragraph line one
    line two.

    Second paragraph.""")
for i, p in enumerate(para.split("\n\n"), 1):
    print(textwrap.fill(" ".join(p.split()), 20, initial_indent=f"{i}. ", subsequent_indent="   "))
