"""Binary trees: allocation and traversal of many short- and long-lived tuple trees (allocator and GC pressure)."""

MAX_DEPTH = 15
MIN_DEPTH = 4


def build(depth):
    # A node is a pair of subtrees; leaves are (None, None).
    if depth == 0:
        return (None, None)
    depth -= 1
    return (build(depth), build(depth))


def count(node):
    left, right = node
    if left is None:
        return 1
    return 1 + count(left) + count(right)


class Node:
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right


def build_objects(depth):
    if depth == 0:
        return Node(None, None)
    return Node(build_objects(depth - 1), build_objects(depth - 1))


def count_objects(node):
    if node.left is None:
        return 1
    return 1 + count_objects(node.left) + count_objects(node.right)


def main():
    stretch = MAX_DEPTH + 1
    print("stretch tree of depth %d\t check: %d" % (stretch, count(build(stretch))))
    long_lived = build(MAX_DEPTH)
    for depth in range(MIN_DEPTH, MAX_DEPTH + 1, 2):
        iterations = 2 ** (MAX_DEPTH - depth + MIN_DEPTH)
        check = 0
        for _ in range(iterations):
            check += count(build(depth))
        print("%d\t trees of depth %d\t check: %d" % (iterations, depth, check))
    print("long lived tree of depth %d\t check: %d" % (MAX_DEPTH, count(long_lived)))
    check = 0
    for _ in range(8):
        check += count_objects(build_objects(MAX_DEPTH - 2))
    print("object trees check: %d" % check)


main()
