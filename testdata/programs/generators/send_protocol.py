def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(acc.send(None))
print(acc.send(5), acc.send(10), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print('returned', e.value)
g = accumulator()
try:
    g.send(1)
except TypeError as e:
    print(e)
def echo():
    received = []
    try:
        while True:
            received.append((yield len(received)))
    finally:
        print('echo closing with', received)
e = echo()
next(e); e.send('a'); e.send('b')
e.close()
print(e.gi_frame is None)
