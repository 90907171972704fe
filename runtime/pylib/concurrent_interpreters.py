"""Subinterpreters: run Python code in isolated interpreters (PEP 734).

The API of CPython 3.14's concurrent.interpreters, on the parallel
runtime: each interpreter has its own GIL and runs in parallel with the
others.
"""

import threading as _threading
import weakref as _weakref
import _interpreters

from _interpreters import (
    InterpreterError, InterpreterNotFoundError, NotShareableError,
    is_shareable,
)

__all__ = [
    'get_current', 'get_main', 'create', 'list_all', 'is_shareable',
    'Interpreter',
    'InterpreterError', 'InterpreterNotFoundError', 'ExecutionFailed',
    'NotShareableError',
    'create_queue', 'Queue', 'QueueEmpty', 'QueueFull',
]


# A package, as in CPython, so that its _queues submodule imports.
__path__ = []


def __getattr__(name):
    # Queues load on first use, as in CPython.
    if name in ('create_queue', 'Queue', 'QueueEmpty', 'QueueFull'):
        from concurrent.interpreters import _queues as queues
        value = queues.create if name == 'create_queue' else getattr(queues, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ExecutionFailed(InterpreterError):
    """An exception escaped code run by Interpreter.exec() or Interpreter.call().

    The exception itself stays behind (objects cannot cross between
    interpreters); excinfo describes it: excinfo.type (with __name__,
    __qualname__ and __module__), excinfo.msg, excinfo.formatted and
    excinfo.errdisplay (the traceback as it would be printed).
    """

    def __init__(self, excinfo):
        msg = excinfo.formatted
        if not msg:
            if excinfo.type and excinfo.msg:
                msg = f'{excinfo.type.__name__}: {excinfo.msg}'
            else:
                msg = excinfo.type.__name__ or excinfo.msg
        super().__init__(msg)
        self.excinfo = excinfo

    def __str__(self):
        try:
            display = self.excinfo.errdisplay
        except Exception:
            return super().__str__()
        return f'{super().__str__()}\n\nUncaught in the interpreter:\n\n{display}'


_known = _weakref.WeakValueDictionary()


class Interpreter:
    """One isolated Python interpreter.

    id is its number, unique in the process; whence says who created it.
    Only interpreters created with create() may be closed, prepared, or
    given code to run.
    """

    _WHENCE_TO_STR = {
        _interpreters.WHENCE_UNKNOWN: 'unknown',
        _interpreters.WHENCE_RUNTIME: 'runtime init',
        _interpreters.WHENCE_LEGACY_CAPI: 'legacy C-API',
        _interpreters.WHENCE_CAPI: 'C-API',
        _interpreters.WHENCE_XI: 'cross-interpreter C-API',
        _interpreters.WHENCE_STDLIB: '_interpreters module',
    }

    def __new__(cls, id, /, _whence=None, _ownsref=None):
        # One object per interpreter ID.
        if not isinstance(id, int):
            raise TypeError(f'id must be an int, got {id!r}')
        id = int(id)
        if _whence is None:
            _whence = _interpreters.WHENCE_STDLIB if _ownsref else _interpreters.whence(id)
        if _ownsref is None:
            _ownsref = _whence == _interpreters.WHENCE_STDLIB
        try:
            self = _known[cls, id]
        except KeyError:
            self = super().__new__(cls)
            self._id = id
            self._whence = _whence
            self._ownsref = _ownsref
            if _ownsref:
                _interpreters.incref(id)
            _known[cls, id] = self
        return self

    def __repr__(self):
        return f'{type(self).__name__}({self._id})'

    def __hash__(self):
        return hash(self._id)

    def __del__(self):
        self._decref()

    def __reduce__(self):
        return (type(self), (self._id,))

    # The exceptions are bound as a default because __del__ may run at
    # the end of the interpreter's life, when the module's names and the
    # builtins are gone (AttributeError or NameError on _interpreters).
    def _decref(self, _ignored=(InterpreterNotFoundError, AttributeError, NameError)):
        if not self.__dict__.get('_ownsref', False):
            return
        self._ownsref = False
        try:
            _interpreters.decref(self._id)
        except _ignored:
            pass

    @property
    def id(self):
        return self._id

    @property
    def whence(self):
        return self._WHENCE_TO_STR[self._whence]

    def is_running(self):
        """Return whether the interpreter is running code now."""
        return _interpreters.is_running(self._id)

    def close(self):
        """Finalize and destroy the interpreter.

        Closing the current interpreter or one that is running code
        raises InterpreterError.
        """
        return _interpreters.destroy(self._id, restrict=True)

    def prepare_main(self, ns=None, /, **kwargs):
        """Bind the given shareable values in the interpreter's __main__."""
        ns = dict(ns, **kwargs) if ns is not None else kwargs
        _interpreters.set___main___attrs(self._id, ns, restrict=True)

    def exec(self, code, /):
        """Run source code (or a function's body) in the interpreter's __main__.

        Blocks this thread until done; other threads of this interpreter
        run meanwhile. An uncaught exception there raises ExecutionFailed
        here.
        """
        excinfo = _interpreters.exec(self._id, code, restrict=True)
        if excinfo is not None:
            raise ExecutionFailed(excinfo)

    def call(self, callable, /, *args, **kwargs):
        """Call a function in the interpreter and return its result.

        The function crosses as its code (a module-level function or a
        lambda without closure), rebuilt over the other interpreter's
        __main__ globals. Arguments and result that are not shareable
        are copied (where CPython 3.14 pickles them); what cannot be
        copied raises NotShareableError. An exception there raises
        ExecutionFailed here.
        """
        result, excinfo = _interpreters.call(self._id, callable, args or None, kwargs or None, restrict=True)
        if excinfo is not None:
            raise ExecutionFailed(excinfo)
        return result

    def call_in_thread(self, callable, /, *args, **kwargs):
        """Start and return a thread that calls the function in the interpreter.

        The result and any exception are discarded.
        """
        def task():
            self.call(callable, *args, **kwargs)
        t = _threading.Thread(target=task)
        t.start()
        return t


def _constructors(cls, module):
    """create, list_all, get_current and get_main making cls objects.

    interpreters (PEP 554) uses them with its own Interpreter class.
    """
    def create():
        """Return a new, idle interpreter."""
        id = _interpreters.create(reqrefs=True)
        return cls(id, _ownsref=True)

    def list_all():
        """Return every live interpreter."""
        return [cls(id, _whence=whence) for id, whence in _interpreters.list_all()]

    def get_current():
        """Return the interpreter running this code."""
        id, whence = _interpreters.get_current()
        return cls(id, _whence=whence)

    def get_main():
        """Return the main interpreter."""
        id, whence = _interpreters.get_main()
        return cls(id, _whence=whence)

    fns = (create, list_all, get_current, get_main)
    for fn in fns:
        fn.__qualname__, fn.__module__ = fn.__name__, module
    return fns


create, list_all, get_current, get_main = _constructors(Interpreter, __name__)
