import re

LOG = [
    "2024-01-15 ERROR disk /dev/sda1 at 97%",
    "2024-01-15 INFO backup finished in 42s",
    "2024-01-16 WARN memory at 81%",
    "garbage line",
]
pat = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2}) (?P<level>[A-Z]+) (?P<msg>.*)")
for line in LOG:
    m = pat.match(line)
    if m is None:
        print("no match:", repr(line))
        continue
    print(m.group("level"), m["date"], m.span("msg"), m.groupdict()["msg"])
    print("  groups:", m.groups(), "lastgroup:", m.lastgroup, "lastindex:", m.lastindex)

m = re.search(r"(\d+)%", LOG[0])
print(m.group(0), m.group(1), m.start(1), m.end(1), m.pos, m.endpos)
print(re.fullmatch(r"[a-z ]+", "garbage line") is not None)
print(re.fullmatch(r"[a-z]+", "garbage line"))
m = re.match(r"(a)(b)?(c)", "ac")
print(m.groups(), m.groups("-"), m.group(1, 3), m.span(2))
print(m.re.pattern, m.string, m.re.groups, sorted(pat.groupindex.items()))
print(m.expand(r"<\3\1>"))
