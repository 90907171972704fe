def sub():
    try:
        yield 'a'
        yield 'b'
    except KeyError as e:
        yield 'sub caught ' + repr(e)
    return 'sub done'
def main():
    r = yield from sub()
    yield 'main got ' + r
g = main()
print(next(g))
print(g.throw(KeyError('x')))
print(next(g))
def closer():
    try:
        yield 1
    finally:
        print('sub finally')
def wrapper():
    yield from closer()
w = wrapper()
next(w)
w.close()
print('closed')
