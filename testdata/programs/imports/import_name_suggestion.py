import _util
print(_util.double(2))
from _util import doubel
