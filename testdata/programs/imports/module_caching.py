import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/lib')
import counted
import counted
from counted import value
print(value, counted.loads, 'counted' in sys.modules, sys.modules['counted'] is counted)
del sys.modules['counted']
import counted as again
print(again.loads, again is counted)
sys.modules['fake_module'] = 'I am a string'
import fake_module
print(fake_module)
