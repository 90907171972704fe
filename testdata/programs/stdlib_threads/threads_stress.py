# Stress: many short threads, shared structures under locks with a tiny
# switch interval, nested thread creation, recursion inside threads.
import sys
import threading

sys.setswitchinterval(1e-6)

total = 0
lock = threading.Lock()


def add(n):
    global total
    for i in range(n):
        with lock:
            total += i


ts = [threading.Thread(target=add, args=(300,)) for _ in range(20)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total, 20 * sum(range(300)))

# list.append and dict updates from many threads without a lock
shared = []
d = {}


def appender(k):
    for i in range(500):
        shared.append((k, i))
        d[(k, i)] = i


ts = [threading.Thread(target=appender, args=(k,)) for k in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared), len(set(shared)), len(d))

# threads that start threads
tree = []
tree_lock = threading.Lock()


def node(depth, label):
    with tree_lock:
        tree.append(label)
    if depth == 0:
        return
    kids = [threading.Thread(target=node, args=(depth - 1, label + str(i))) for i in range(2)]
    for k in kids:
        k.start()
    for k in kids:
        k.join()


node(4, "r")
print(len(tree), sorted(tree)[:5])


# deep recursion in several threads at once
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


res = []
ts = [threading.Thread(target=lambda: res.append(depth(400))) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(res)

# generators resumed from different threads
def gen():
    for i in range(10):
        yield i


g = gen()
outs = []
glock = threading.Lock()


def pull():
    while True:
        with glock:
            try:
                outs.append(next(g))
            except StopIteration:
                return


ts = [threading.Thread(target=pull) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(outs))

# exceptions handled inside threads keep their own sys.exception()
seen = []


def handler(i):
    try:
        raise KeyError(i)
    except KeyError:
        threading.Event().wait(0.001)
        seen.append(sys.exception().args[0] == i)


ts = [threading.Thread(target=handler, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(seen, sys.exception())
