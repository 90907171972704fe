class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print('bool called')
        return self.v
print(bool(Flag(True)), not Flag(False))
if Flag(1 == 1):
    print('truthy')
print(Flag(False) or 'fallback')
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print(e)
class LenAndBool:
    def __len__(self):
        return 0
    def __bool__(self):
        return True
print(bool(LenAndBool()))
print([x for x in [0, 1, '', 'a', None, [], [0]] if x])
