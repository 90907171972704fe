import re
import sys

bad = ["a(b", "a)b", "[z-a]", "*x", "(?P<1>x)", "a{3,1}", r"\k", "(?<=a+)b", "x(?P=nope)"]
for p in bad:
    try:
        re.compile(p)
    except re.error as e:
        print(f"{p!r:14} error: {e.msg} (pos={e.pos})")
        print(f"{'':14}   str: {e}")

try:
    re.sub(r"(a)", r"\2", "a")
except re.error as e:
    print("sub:", e)
try:
    re.match(r"(a)", "a").group(2)
except IndexError as e:
    print("IndexError:", e)
try:
    re.compile(b"a").match("a")
except TypeError as e:
    print("TypeError:", e)
print(re.purge())
print(isinstance(re.error("x"), Exception), re.error is re.PatternError if hasattr(re, "PatternError") else "no PatternError")

def validate(pattern):
    try:
        return re.compile(pattern)
    except re.error as e:
        raise ValueError(f"invalid pattern {pattern!r}: {e}") from None

print(validate(r"\d+").pattern)
sys.stdout.flush()
validate("(unclosed")
