import math
print(math.factorial(25), math.factorial(50))
print(pow(2, 200), pow(3, 100, 1000), pow(7, -1, 13), pow(-2, 63), pow(-2, 64))
print(pow(10, 20) - 1, pow(2, 0.5))
def fact(n):
    r = 1
    while n > 1:
        r *= n
        n -= 1
    return r
print(fact(40) // fact(38), fact(20) == math.factorial(20))
print(math.comb(60, 30), math.perm(20, 10), math.gcd(2 ** 80, 6 ** 40), math.isqrt(10 ** 40 + 1))
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
