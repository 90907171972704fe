import random
import statistics


class Die(random.Random):
    def roll(self, sides=6):
        return self.randint(1, sides)


def estimate_pi(rng, n):
    inside = sum(1 for _ in range(n) if rng.random() ** 2 + rng.random() ** 2 <= 1.0)
    return 4 * inside / n


rng = random.Random(99)
print(estimate_pi(rng, 20000))
die = Die(5)
rolls = [die.roll() for _ in range(600)]
print({face: rolls.count(face) for face in range(1, 7)})
print(statistics.mean(rolls), statistics.mode(rolls))


def birthday_trial(rng, people):
    days = [rng.randrange(365) for _ in range(people)]
    return len(set(days)) < people


rng.seed(1)
for people in (10, 23, 40):
    hits = sum(birthday_trial(rng, people) for _ in range(2000))
    print(people, hits / 2000)
queue = random.Random(3)
t = 0.0
waits = []
for _ in range(10):
    t += queue.expovariate(2.0)
    waits.append(round(t, 6))
print(waits)
print(queue.sample(sorted({"red", "green", "blue", "cyan"}), 2), queue.choice(range(1000, 2000)))
