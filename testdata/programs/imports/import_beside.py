import _util
import _util as u2
from _util import double, CONSTANT as C, Thing
print(_util.CONSTANT, double(21), C, Thing(), u2 is _util)
print(_util.__name__, _util.__doc__, type(_util).__name__)
print(_util.__file__.endswith('imports/_util.py'))
