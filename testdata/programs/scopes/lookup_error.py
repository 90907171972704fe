# A name lookup whose key comparison raises propagates the error.
class K:
    def __hash__(self):
        return hash("zz")
    def __eq__(self, other):
        raise ValueError("eq raised")
globals()[K()] = 1
try:
    zz
except ValueError as e:
    print("ValueError", e)
