# Event and Barrier: set/clear/wait, timeouts, barrier rounds with an
# action, abort and reset, BrokenBarrierError.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0.01))
results = []


def waits():
    results.append(e.wait(timeout=30))


ts = [threading.Thread(target=waits) for _ in range(4)]
for t in ts:
    t.start()
e.set()
for t in ts:
    t.join()
print(results, e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set(), e.wait(timeout=0.001))

# Barrier: three rounds of five threads; each round's indices are 0..4
N = 5
rounds = []
rounds_lock = threading.Lock()
actions = []
barrier = threading.Barrier(N, action=lambda: actions.append("action"))


def party(i):
    for r in range(3):
        idx = barrier.wait()
        with rounds_lock:
            rounds.append((r, idx))


ts = [threading.Thread(target=party, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(rounds) == sorted((r, i) for r in range(3) for i in range(N)), len(actions))
print(barrier.parties, barrier.n_waiting, barrier.broken)

# a timeout breaks the barrier for everyone waiting
b = threading.Barrier(3, timeout=0.05)
errors = []


def short(i):
    try:
        b.wait()
    except threading.BrokenBarrierError:
        errors.append(i)


ts = [threading.Thread(target=short, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(errors), b.broken)
b.reset()
print("after reset", b.broken)

# abort wakes the waiters with BrokenBarrierError
b = threading.Barrier(4)
errors = []
ts = [threading.Thread(target=lambda i=i: errors.append(short2(i))) for i in range(3)]


def short2(i):
    try:
        b.wait()
        return "passed"
    except threading.BrokenBarrierError:
        return "broken"


for t in ts:
    t.start()
while b.n_waiting < 3:
    threading.Event().wait(0.001)
b.abort()
for t in ts:
    t.join()
print(errors, b.broken)
try:
    b.wait()
except threading.BrokenBarrierError as ex:
    print("BrokenBarrierError", type(ex).__mro__[1].__name__)
try:
    threading.Barrier(0)
except ValueError as ex:
    print("ValueError:", ex)
