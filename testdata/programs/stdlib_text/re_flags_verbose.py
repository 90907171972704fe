import re

phone = re.compile(r"""
    ^\(?(\d{3})\)?   # area code
    [\s.-]?          # separator
    (\d{3})          # exchange
    [\s.-]?
    (\d{4})$         # line
""", re.VERBOSE)
for s in ["(555) 123-4567", "555.123.4567", "5551234567", "55-123-4567"]:
    m = phone.match(s)
    print(s, "->", "-".join(m.groups()) if m else None)

print(re.findall(r"^\w+", "one two\nthree four\nfive", re.M))
print(re.findall(r"^\w+", "one two\nthree four\nfive"))
print(re.search(r"a.b", "a\nb"), re.search(r"a.b", "a\nb", re.S).group())
print(re.findall(r"python", "Python PYTHON python", re.I))
print(re.findall(r"(?i)python", "Python PYTHON"))
print(re.findall(r"(?i:py)THON", "pyTHON PYthon PYTHON"))
print(re.I | re.M, re.VERBOSE, repr(re.A))
p = re.compile(r"\d+", re.I | re.M)
print(p.flags & re.I != 0, p.flags & re.M != 0, p.pattern, p.groups)
print(p)
print(re.compile(r"x", re.I | re.S))
print(p.search("abc 123 def", 5), p.search("abc 123 def", 0, 5))
print(p.findall("1 22 333", 2))
print(re.compile(r"(?x) a b c # comment").match("abc").group())
