def f():
    return f()
try:
    f()
except RecursionError as e:
    print('RecursionError:', e)
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(900))
try:
    count(100000)
except RecursionError as e:
    print('again:', e)
print('still alive')
