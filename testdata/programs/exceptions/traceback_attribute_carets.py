class Node:
    def __init__(self, nxt=None):
        self.next = nxt
def depth3(n):
    return n.next.next.next.value
print(depth3(Node(Node(Node(Node())))) if False else 'skip')
depth3(Node(Node()))
