"""Go-board player: Monte Carlo move choice from random playouts (seeded random.Random) with flood-fill captures."""

import random

SIZE = 9
MOVES = 12
PLAYOUTS_PER_MOVE = 13

EMPTY, BLACK, WHITE, EDGE = 0, 1, 2, 3
W = SIZE + 2


def opponent(color):
    return BLACK + WHITE - color


class Board:
    def __init__(self):
        self.cells = [EDGE] * (W * W)
        for row in range(1, SIZE + 1):
            for col in range(1, SIZE + 1):
                self.cells[row * W + col] = EMPTY
        self.points = [p for p in range(W * W) if self.cells[p] == EMPTY]
        self.neighbors = {p: (p - 1, p + 1, p - W, p + W) for p in self.points}
        self.ko = None
        self.to_move = BLACK
        self.passes = 0
        self.captured = {BLACK: 0, WHITE: 0}

    def copy(self):
        b = Board.__new__(Board)
        b.cells = self.cells[:]
        b.points = self.points
        b.neighbors = self.neighbors
        b.ko = self.ko
        b.to_move = self.to_move
        b.passes = self.passes
        b.captured = dict(self.captured)
        return b

    def group(self, start):
        # Flood fill from start: returns (stones, liberty count).
        color = self.cells[start]
        cells = self.cells
        stones = {start}
        liberties = set()
        stack = [start]
        while stack:
            p = stack.pop()
            for q in self.neighbors[p]:
                c = cells[q]
                if c == color and q not in stones:
                    stones.add(q)
                    stack.append(q)
                elif c == EMPTY:
                    liberties.add(q)
        return stones, len(liberties)

    def is_eye(self, p, color):
        for q in self.neighbors[p]:
            c = self.cells[q]
            if c != color and c != EDGE:
                return False
        return True

    def play(self, p):
        # Plays p for the side to move; returns False (board unchanged) when
        # the move is illegal: occupied, ko, or suicide.
        if p is None:
            self.passes += 1
            self.ko = None
            self.to_move = opponent(self.to_move)
            return True
        cells = self.cells
        if cells[p] != EMPTY or p == self.ko:
            return False
        color = self.to_move
        other = opponent(color)
        cells[p] = color
        removed = []
        for q in self.neighbors[p]:
            if cells[q] == other:
                stones, libs = self.group(q)
                if libs == 0:
                    for s in stones:
                        cells[s] = EMPTY
                    removed.extend(stones)
        stones, libs = self.group(p)
        if libs == 0:
            cells[p] = EMPTY
            return False
        self.ko = removed[0] if len(removed) == 1 and len(stones) == 1 else None
        self.captured[color] += len(removed)
        self.passes = 0
        self.to_move = other
        return True

    def random_move(self, rng):
        candidates = [p for p in self.points if self.cells[p] == EMPTY]
        color = self.to_move
        while candidates:
            i = rng.randrange(len(candidates))
            p = candidates[i]
            candidates[i] = candidates[-1]
            candidates.pop()
            if self.is_eye(p, color):
                continue
            if self.play(p):
                return p
        self.play(None)
        return None

    def score(self):
        # Area scoring: stones plus empty points bordered by one colour only.
        counts = {BLACK: 0, WHITE: 0}
        for p in self.points:
            c = self.cells[p]
            if c != EMPTY:
                counts[c] += 1
                continue
            seen = set()
            for q in self.neighbors[p]:
                if self.cells[q] in (BLACK, WHITE):
                    seen.add(self.cells[q])
            if len(seen) == 1:
                counts[seen.pop()] += 1
        return counts[BLACK] - counts[WHITE] - 7

    def render(self):
        marks = {EMPTY: ".", BLACK: "X", WHITE: "O"}
        return "\n".join(
            "".join(marks[self.cells[row * W + col]] for col in range(1, SIZE + 1))
            for row in range(1, SIZE + 1)
        )


def playout(board, rng):
    b = board.copy()
    moves = 0
    while b.passes < 2 and moves < SIZE * SIZE * 3:
        b.random_move(rng)
        moves += 1
    return b.score()


def choose_move(board, rng, playouts):
    # Flat Monte Carlo: the first move of each random game gets the result.
    me = board.to_move
    wins = {}
    visits = {}
    for _ in range(playouts):
        b = board.copy()
        first = b.random_move(rng)
        result = playout(b, rng)
        won = (result > 0) == (me == BLACK)
        visits[first] = visits.get(first, 0) + 1
        wins[first] = wins.get(first, 0) + (1 if won else 0)
    best = None
    best_rate = -1.0
    for move in sorted(visits, key=lambda m: -1 if m is None else m):
        rate = wins[move] / visits[move]
        if rate > best_rate:
            best, best_rate = move, rate
    return best


def main():
    rng = random.Random(42)
    board = Board()
    history = []
    for _ in range(MOVES):
        move = choose_move(board, rng, PLAYOUTS_PER_MOVE)
        board.play(move)
        history.append("pass" if move is None else "%d,%d" % divmod(move, W))
    print(" ".join(history))
    print(board.render())
    print("captures:", board.captured[BLACK], board.captured[WHITE])


main()
