people = [('bob', 25), ('alice', 30), ('carol', 25), ('dave', 30), ('eve', 20)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted([3, 1, 2], reverse=True), sorted('bca'), sorted({3: 'x', 1: 'y'}), sorted([1.5, -2, 0, True]))
nums = [5, 2, 8, 1]
nums.sort(key=lambda n: -n)
print(nums)
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print(e)
try:
    sorted([[1], (1,)])
except TypeError as e:
    print(e)
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f'I{self.v}'
print(sorted([Item(3), Item(1), Item(2)]), min(Item(5), Item(4)), max([Item(1), Item(9)]))
