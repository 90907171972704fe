def read_lines(text):
    for line in text.splitlines():
        yield line
def non_empty(lines):
    return (l for l in lines if l.strip())
def parse(lines):
    for l in lines:
        name, _, val = l.partition('=')
        yield name.strip(), int(val)
text = '''a = 1

b = 22
  c= 333
'''
print(dict(parse(non_empty(read_lines(text)))))
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals() if x % 2))))
