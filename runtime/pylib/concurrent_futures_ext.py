# Runs in the namespace of CPython 3.12's concurrent.futures right after
# it is imported (an import extension, pymodules.go): 3.14 added
# InterpreterPoolExecutor to the package, loaded on first use as the
# other executors are.

__all__ = (*__all__, 'InterpreterPoolExecutor')

def _extend_getattr(previous):
    def __getattr__(name):
        global InterpreterPoolExecutor
        if name == 'InterpreterPoolExecutor':
            from .interpreter import InterpreterPoolExecutor as ie
            InterpreterPoolExecutor = ie
            return ie
        return previous(name)
    return __getattr__

__getattr__ = _extend_getattr(__getattr__)
del _extend_getattr
