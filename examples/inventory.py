"""A small inventory report: classes, properties, generators,
comprehensions, exceptions and formatting, run by parallel as by
CPython 3.12.

    go run ./cmd/parallel run examples/inventory.py [LOW_STOCK_LIMIT]
"""
import sys


class Item:
    def __init__(self, name, price, count):
        if price < 0:
            raise ValueError(f"negative price for {name!r}")
        self.name, self.price, self.count = name, price, count

    @property
    def value(self):
        return self.price * self.count

    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, {self.count})"


class Inventory:
    def __init__(self, items):
        self.items = {item.name: item for item in items}

    def __iter__(self):
        return iter(sorted(self.items.values(), key=lambda i: -i.value))

    def low_stock(self, limit):
        yield from (i for i in self if i.count < limit)


def main(argv):
    limit = int(argv[1]) if len(argv) > 1 else 5
    stock = Inventory([
        Item("bolts", 0.25, 1200), Item("gears", 4.5, 40),
        Item("springs", 0.8, 3), Item("pulleys", 12.0, 2),
    ])
    for item in stock:
        print(f"{item.name:<10}{item.count:>6} x {item.price:>6.2f} = {item.value:>9,.2f}")
    total = sum(i.value for i in stock)
    print(f"{'total':<10}{total:>27,.2f}")
    print("low stock:", [i.name for i in stock.low_stock(limit)])
    try:
        Item("broken", -1, 1)
    except ValueError as e:
        print("rejected:", e)


main(sys.argv)
