import sys
here = __file__.rsplit('/', 1)[0]
sys.path.insert(0, here + '/lib')
import mathx
from mathx.ops import mul
print(mathx.add(2, 3), mul(4, 5), mathx.mul is mul)
print(mathx.__name__, mathx.ops.__name__, mathx.__file__.endswith('lib/mathx/__init__.py'))
