import heapq
import itertools

tasks = []
counter = itertools.count()


def add(priority, name):
    heapq.heappush(tasks, (priority, next(counter), name))


for pr, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (5, "ship"), (2, "test")]:
    add(pr, name)
print(tasks[0], len(tasks))
order = []
while tasks:
    pr, _, name = heapq.heappop(tasks)
    order.append(f"{pr}:{name}")
print(order)

data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data, data[0])
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), sorted(data))
print(heapq.nlargest(3, [5, 1, 9, 3, 7]), heapq.nsmallest(2, [5, 1, 9, 3, 7]))
people = [("ann", 31), ("bob", 25), ("cy", 40), ("di", 25)]
print(heapq.nsmallest(2, people, key=lambda p: p[1]), heapq.nlargest(1, people, key=lambda p: p[1]))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0])))
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))


def dijkstra(graph, src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist[u]:
            continue
        for v, w in graph.get(u, []):
            if d + w < dist.get(v, float("inf")):
                dist[v] = d + w
                heapq.heappush(pq, (d + w, v))
    return dict(sorted(dist.items()))


g = {"a": [("b", 4), ("c", 1)], "c": [("b", 2), ("d", 7)], "b": [("d", 1)]}
print(dijkstra(g, "a"))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
