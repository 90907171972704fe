"""Coroutine-style generators: send()-driven consumers, a round-robin task scheduler and throw()/close()."""

MESSAGES = 3000000
TASKS = 50
STEPS = 25000


def coroutine(func):
    # Primes a generator so the first send() delivers a value.
    def start(*args):
        gen = func(*args)
        next(gen)
        return gen
    return start


@coroutine
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total // count


@coroutine
def router(targets):
    while True:
        value = yield
        targets[value % len(targets)].send(value)


@coroutine
def collector(sink):
    try:
        while True:
            value = yield
            sink.append(value)
    except GeneratorExit:
        sink.append(-1)


@coroutine
def tokenizer(out):
    # A small state machine: digits accumulate, anything else ends a number.
    number = None
    while True:
        ch = yield
        if "0" <= ch <= "9":
            number = (number or 0) * 10 + ord(ch) - 48
        else:
            if number is not None:
                out.send(number)
                number = None


class Reset(Exception):
    pass


@coroutine
def counter():
    count = 0
    while True:
        try:
            count += yield count
        except Reset:
            count = 0


def worker(ident, steps):
    acc = ident
    for i in range(steps):
        acc = (acc * 31 + i) % 65521
        got = yield acc
        if got:
            acc ^= got


def schedule(tasks):
    # Round-robin over generators, feeding each the previous task's output.
    queue = list(tasks)
    last = 0
    total = 0
    while queue:
        nxt = []
        for task in queue:
            try:
                last = task.send(last)
                total = (total + last) % 1000000007
                nxt.append(task)
            except StopIteration:
                pass
        queue = nxt
    return total


def main():
    avg = averager()
    result = None
    for i in range(MESSAGES):
        result = avg.send(i * 7 % 1000)
    print("average:", result)

    sinks = [[] for _ in range(5)]
    collectors = [collector(s) for s in sinks]
    r = router(collectors)
    tok = tokenizer(r)
    text = " ".join(str(i * 37 % 10007) for i in range(MESSAGES // 10)) + " "
    for ch in text:
        tok.send(ch)
    r.close()
    for target in collectors:
        target.close()
    print("routed:", [len(s) for s in sinks], [sum(s) for s in sinks])

    c = counter()
    for i in range(MESSAGES // 5):
        if i % 1000 == 500:
            c.throw(Reset)
        else:
            c.send(i % 7)
    print("counter:", c.send(0))

    tasks = [worker(i, STEPS) for i in range(TASKS)]
    for t in tasks:
        next(t)
    print("scheduler:", schedule(tasks))


main()
