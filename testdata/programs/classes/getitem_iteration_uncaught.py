class Weird:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise KeyError(i)
print(list(Weird()))
