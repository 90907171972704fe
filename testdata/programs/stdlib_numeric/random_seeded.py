import random

random.seed(12345)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(0, 100, 7), random.randrange(50), random.getrandbits(40))
print(random.choice("abcdefg"), random.choices(range(10), k=5))
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 6), random.sample("population", k=3))
state = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)])
r1 = random.Random(7)
r2 = random.Random(7)
print([r1.randint(0, 1000) for _ in range(5)] == [r2.randint(0, 1000) for _ in range(5)])
print(r1.uniform(1, 2), r1.randbytes(6).hex())
random.seed("a string seed")
print(random.random())
random.seed(b"bytes seed")
print(random.randint(0, 10**20))
random.seed(2**100 + 17)
print(random.random())
for bad in [lambda: random.choice([]), lambda: random.randrange(5, 5), lambda: random.sample([1, 2], 3)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
