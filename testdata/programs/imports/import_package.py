import shapes
import shapes.square
from shapes import circle, square as sq
print(shapes.circle_area(1), circle.area(2), sq.area(3), shapes.VERSION)
print(sq.describe())
print(shapes.__name__, shapes.__package__, circle.__name__, circle.__package__)
print(hasattr(shapes, 'circle'), shapes.square is sq, shapes.__all__)
