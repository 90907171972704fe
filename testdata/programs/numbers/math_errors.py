import math
tests = [
    lambda: math.sqrt(-1),
    lambda: math.log(0),
    lambda: math.log(-5),
    lambda: math.acos(2),
    lambda: math.exp(1000),
    lambda: math.factorial(-1),
    lambda: math.factorial(2.5),
    lambda: math.pow(0, -1),
    lambda: math.fmod(1, 0),
    lambda: math.sqrt('x'),
    lambda: math.isqrt(-4),
    lambda: math.comb(3, -1),
    lambda: math.floor(float('inf')),
    lambda: math.ceil(float('nan')),
    lambda: math.log(10 ** 400),
    lambda: math.gcd(1.5, 2),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ':', e)
