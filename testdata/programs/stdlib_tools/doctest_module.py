import doctest


def average(values):
    """Return the arithmetic mean.

    >>> average([1, 2, 3, 4])
    2.5
    >>> average([])
    Traceback (most recent call last):
        ...
    ZeroDivisionError: division by zero
    >>> [average([x, x + 2]) for x in range(3)]
    [1.0, 2.0, 3.0]
    """
    return sum(values) / len(values)


def greet(name):
    """
    >>> greet("world")
    'Hello, world!'
    >>> print(greet("x"))  # doctest: +NORMALIZE_WHITESPACE
    Hello,   x!
    >>> greet("long name").split()   # doctest: +ELLIPSIS
    ['Hello,', ...]
    """
    return f"Hello, {name}!"


def broken():
    """
    >>> 1 + 1
    3
    """


finder = doctest.DocTestFinder()
tests = sorted(finder.find(average, "average") + finder.find(greet, "greet"), key=lambda t: t.name)
runner = doctest.DocTestRunner(verbose=False)
for t in tests:
    print(t.name, len(t.examples), runner.run(t))
print(runner.summarize(verbose=False))
parser = doctest.DocTestParser()
ex = parser.get_examples(">>> x = 5\n>>> x * 2\n10\n")
print([(e.source, e.want) for e in ex])
out = []
t = finder.find(broken, "broken")[0]
r2 = doctest.DocTestRunner(verbose=False)
r2.run(t, out=out.append)
report = "".join(out).splitlines()
print([line for line in report if not line.startswith("File")])
