"""Inventory helpers.

>>> stock = {"apple": 3}
>>> restock(stock, "apple", 2)
5
"""
import doctest
import sys


def restock(stock, item, n):
    """Add n units.

    >>> s = {}
    >>> restock(s, "pear", 4)
    4
    >>> restock(s, "pear", -1)
    Traceback (most recent call last):
    ValueError: n must be positive, got -1
    """
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    stock[item] = stock.get(item, 0) + n
    return stock[item]


def report(stock):
    """Format the stock.

    >>> report({"b": 2, "a": 10})
    'a=10, b=2'
    >>> report({})
    'empty'
    """
    return ", ".join(f"{k}={v}" for k, v in sorted(stock.items()))


results = doctest.testmod()
print(results)
sys.exit(results.failed)
