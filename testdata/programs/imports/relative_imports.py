from shapes.sub import deep
from shapes.sub.deep import both
print(deep.both(2), both is deep.both)
print(deep.__name__, deep.__package__)
import shapes.sub
print(shapes.sub.deep is deep, 'shapes.sub.deep' in __import__('sys').modules)
