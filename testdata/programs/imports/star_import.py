import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/lib')
from star_source import *
print(public_one, shared)
try:
    public_two
except NameError as e:
    print(e)
from star_noall import *
print(alpha, beta)
try:
    _gamma
except NameError as e:
    print(e)
