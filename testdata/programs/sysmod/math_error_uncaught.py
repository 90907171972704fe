import math
def hypotenuse_leg(h, a):
    return math.sqrt(h * h - a * a)
print(hypotenuse_leg(5, 3))
print(hypotenuse_leg(3, 5))
