def numbers(items):
    for it in items:
        yield 100 // it
def consume():
    total = 0
    for n in numbers([5, 4, 0, 2]):
        total += n
    return total
consume()
