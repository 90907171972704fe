a = None
b = a and a.x or a.y
