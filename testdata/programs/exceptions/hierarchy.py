def chain(t):
    return ' > '.join(c.__name__ for c in t.__mro__)
for t in [ZeroDivisionError, KeyError, IndexError, UnboundLocalError, FileNotFoundError,
          RecursionError, NotImplementedError, StopIteration, GeneratorExit, KeyboardInterrupt,
          SystemExit, ModuleNotFoundError, UnicodeDecodeError, TabError, OverflowError, BaseExceptionGroup]:
    print(chain(t))
print(issubclass(TimeoutError, OSError), IOError is OSError, EnvironmentError is OSError)
print(isinstance(KeyError(), LookupError), isinstance(StopIteration(), Exception), isinstance(SystemExit(), Exception))
print(issubclass(bool, int), issubclass(DeprecationWarning, Warning), issubclass(Warning, Exception))
