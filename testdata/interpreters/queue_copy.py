# Objects that are not shareable as they are (lists, dicts, sets,
# instances of importable classes) cross a queue as copies: the receiver
# gets equal, new objects; shared references and cycles inside one item
# are kept. CPython pickles them; parallel copies them structurally.
try:
    from concurrent import interpreters
except ImportError:
    from test.support import interpreters

IMPORT_QUEUES = """
try:
    from concurrent.interpreters import _queues
except ImportError:
    from test.support.interpreters import queues
"""

import collections, datetime, decimal, fractions, ipaddress, pathlib, types, uuid

q = interpreters.create_queue()
back = interpreters.create_queue()
shared = [1, 2]
record = {"name": "job", "tags": {"a", "b"}, "args": shared, "again": shared,
          "nested": [(1, [2, {3: "three"}]), frozenset({4})]}
cycle = ["head"]
cycle.append(cycle)
items = [
    [1, 2, 3],
    record,
    cycle,
    collections.OrderedDict(b=2, a=1),
    collections.defaultdict(list, x=[1]),
    collections.deque([1, 2, 3], maxlen=5),
    collections.Counter("mississippi"),
    fractions.Fraction(3, 4),
    decimal.Decimal("1.25"),
    datetime.datetime(2024, 5, 6, 7, 8, 9),
    datetime.timedelta(days=2, seconds=5),
    ipaddress.ip_address("10.0.0.1"),
    pathlib.PurePosixPath("/tmp/x.txt"),
    uuid.UUID(int=12345),
    types.SimpleNamespace(a=1, b=[2]),
    bytearray(b"abc"),
    {1, 2, 3},
    [],
    {},
]
for item in items:
    q.put(item)

sub = interpreters.create()
sub.exec(IMPORT_QUEUES)
sub.prepare_main(q=q, back=back, n=len(items))
sub.exec("""
for i in range(n):
    x = q.get()
    if isinstance(x, list) and len(x) == 2 and x[1] is x:
        print("cycle kept:", x[0], flush=True)
    elif isinstance(x, dict) and "again" in x:
        print("record:", x["name"], sorted(x["tags"]), x["args"] is x["again"], x["nested"], flush=True)
    else:
        print(type(x).__name__, x, flush=True)
    back.put(x)
""")
for item in items:
    got = back.get()
    same = (got[1] is got) if item is cycle else (got == item)
    print(type(got).__name__, "equal" if same else "DIFFERENT", "new object" if got is not item else "same object", flush=True)
