class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return self.k == other.k
cache = {}
cache[Key(1)] = 'one'
