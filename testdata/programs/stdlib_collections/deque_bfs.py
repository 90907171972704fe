from collections import deque

MAZE = """\
#########
#S..#...#
#.#.#.#.#
#.#...#.#
#.#####.#
#...#..E#
#########"""
grid = MAZE.splitlines()
start = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "S")
goal = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "E")
prev = {start: None}
q = deque([start])
while q:
    cur = q.popleft()
    if cur == goal:
        break
    r, c = cur
    for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
        if grid[nr][nc] != "#" and (nr, nc) not in prev:
            prev[(nr, nc)] = cur
            q.append((nr, nc))
path = []
node = goal
while node:
    path.append(node)
    node = prev[node]
path.reverse()
print(len(path) - 1, "steps")
rows = [list(row) for row in grid]
for r, c in path[1:-1]:
    rows[r][c] = "*"
print("\n".join("".join(r) for r in rows))
print(len(prev), "cells visited")
