import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/lib')
try:
    import raises_on_import
except KeyError as e:
    print('caught', repr(e), 'raises_on_import' in sys.modules)
import raises_on_import
