import random

rng = random.Random(2024)
print(round(rng.gauss(0, 1), 12), round(rng.normalvariate(10, 2), 12))
print(round(rng.expovariate(1.5), 12), round(rng.triangular(0, 10, 3), 12))
print(round(rng.betavariate(2, 5), 12), round(rng.gammavariate(2.0, 1.0), 12))
print(round(rng.lognormvariate(0, 0.5), 12), round(rng.vonmisesvariate(1, 4), 12))
print(round(rng.paretovariate(3), 12), round(rng.weibullvariate(1, 1.5), 12))
print(rng.binomialvariate(20, 0.3) if hasattr(rng, "binomialvariate") else None)
print(rng.choices(["red", "green", "blue"], weights=[10, 1, 1], k=12))
print(rng.choices("xyz", cum_weights=[1, 2, 10], k=8))
counts = {k: 0 for k in "HT"}
for _ in range(1000):
    counts[rng.choice("HT")] += 1
print(counts)
walk = [0]
for _ in range(20):
    walk.append(walk[-1] + rng.choice((-1, 1)))
print(walk)
dice = [rng.randint(1, 6) + rng.randint(1, 6) for _ in range(500)]
hist = {s: dice.count(s) for s in range(2, 13)}
for s, n in hist.items():
    print(f"{s:2} {'*' * (n // 5)}")
try:
    rng.choices("ab", weights=[1], k=2)
except ValueError as e:
    print("ValueError:", e)
