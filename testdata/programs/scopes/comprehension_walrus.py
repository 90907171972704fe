data = [3, 8, 1, 9, 4]
if any((big := v) > 7 for v in data):
    print('first big', big)
total = 0
sums = [total := total + v for v in data]
print(sums, total)
def f():
    [last := i for i in range(5)]
    return last
print(f())
print([y for x in data if (y := x * x) > 10])
