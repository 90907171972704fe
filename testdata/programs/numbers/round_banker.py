print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(7), round(7.0), type(round(7.0)).__name__, type(round(7.0, 0)).__name__, round(7.4999))
print(round(10 ** 20 + 5, -1), round(2 ** 70, -10))
try:
    round(float('inf'))
except OverflowError as e:
    print(e)
try:
    round(float('nan'))
except ValueError as e:
    print(e)
print(round(float('inf'), 2), round(1e300, 2))
