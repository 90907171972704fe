class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c))
print([x for x in Countdown(4) if x % 2 == 0])
class Squares:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i ** 2
s = Squares(4)
print(list(s), list(s))
print(dict(zip(Squares(3), Countdown(3))))
