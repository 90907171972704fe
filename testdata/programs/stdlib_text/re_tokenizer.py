import re
from collections import namedtuple

Token = namedtuple("Token", "kind value line col")

SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?"),
    ("ASSIGN", r":="),
    ("END", r";"),
    ("ID", r"[A-Za-z_]\w*"),
    ("OP", r"[+\-*/()]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join(f"(?P<{n}>{p})" for n, p in SPEC))
KEYWORDS = {"if", "then", "endif", "print"}

def tokenize(code):
    line, start = 1, 0
    for m in MASTER.finditer(code):
        kind, value = m.lastgroup, m.group()
        col = m.start() - start
        if kind == "NUMBER":
            value = float(value) if "." in value else int(value)
        elif kind == "ID" and value in KEYWORDS:
            kind = value.upper()
        elif kind == "NEWLINE":
            line, start = line + 1, m.end()
            continue
        elif kind == "SKIP":
            continue
        elif kind == "MISMATCH":
            raise RuntimeError(f"{value!r} unexpected on line {line}")
        yield Token(kind, value, line, col)

prog = """total := 3.5 * (x + 12);
if total then print total endif;
"""
for t in tokenize(prog):
    print(t)

print(re.findall(r"\w+(?=,)", "a, bb, ccc and d"))
print(re.findall(r"(?<=\$)\d+", "cost $30 or $45 not 60"))
print(re.findall(r"\b\w+(?<!s)\b", "cats dog birds fish"))
print(re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567890"))
list(tokenize("x := 1 ? 2"))
