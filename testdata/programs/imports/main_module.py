import sys
print(__name__, __package__, __spec__)
print(__file__.endswith('/imports/main_module.py'), sys.modules['__main__'].__name__)
def main():
    return 'main ran'
if __name__ == '__main__':
    print(main())
import _util
print(_util.__name__ != '__main__', sys.modules['__main__'] is sys.modules[__name__])
