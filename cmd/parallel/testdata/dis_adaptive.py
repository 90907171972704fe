class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x

def total(n):
    s = 0
    for i in range(n):
        s += P(i).get()
    return s

print(total(1000))
