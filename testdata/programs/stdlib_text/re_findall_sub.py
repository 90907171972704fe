import re

text = "Prices: apple $1.20, pear $0.95, melon $3.00; total $5.15"
print(re.findall(r"\$(\d+)\.(\d+)", text))
print(re.findall(r"\$\d+\.\d+", text))
print([m.group() for m in re.finditer(r"\b[a-z]+\b", text)])
print([(m.start(), m.end()) for m in re.finditer(r"\$", text)])

def cents(m):
    return str(int(m.group(1)) * 100 + int(m.group(2))) + "c"

print(re.sub(r"\$(\d+)\.(\d+)", cents, text))
print(re.subn(r"\s+", " ", "a   b \t c\n\nd"))
print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "mail bob@example.com or ann@test.com"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
print(re.sub("x*", "-", "abxd"))
print(re.split(r"[,;]\s*", "a, b;c,  d"))
print(re.split(r"([,;])", "a,b;c"))
print(re.split(r",", "a,b,c,d", maxsplit=2))
print(re.split(r"\b", "hi there"))
print(re.sub(r"a", "b", "aaaa", count=2))
print(re.escape("1+1=2? [yes] (a.b)*"))
print(re.findall(r"(a)|(b)", "abba"))
print(re.findall("", "abc"))
