from ..circle import area
from .. import square
from .. import VERSION
def both(n):
    return area(n), square.area(n), VERSION
