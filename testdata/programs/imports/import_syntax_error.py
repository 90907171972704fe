import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/lib')
print('before import')
import broken_syntax
