"""Low-level access to subinterpreters (CPython 3.13's _interpreters).

The work is done by the runtime's Go module _xi; this module gives it
CPython's shape: the exception classes, the WHENCE_* numbers, excinfo
objects and the keyword arguments.
"""

import _xi
from types import SimpleNamespace as _NS


class InterpreterError(Exception):
    """A cross-interpreter operation failed."""


class InterpreterNotFoundError(InterpreterError):
    """An interpreter was not found."""


class NotShareableError(ValueError):
    """An object cannot be passed to another interpreter."""


for _cls in (InterpreterError, InterpreterNotFoundError, NotShareableError):
    _cls.__module__ = 'interpreters'
del _cls

_xi._set_error_types(InterpreterError, InterpreterNotFoundError, NotShareableError)

WHENCE_UNKNOWN = 0
WHENCE_RUNTIME = 1
WHENCE_LEGACY_CAPI = 2
WHENCE_CAPI = 3
WHENCE_XI = 4
WHENCE_STDLIB = 5


def _excinfo(info):
    if info is None:
        return None
    name, qualname, module, msg, formatted, errdisplay = info
    return _NS(type=_NS(__name__=name, __qualname__=qualname, __module__=module),
               msg=msg, formatted=formatted, errdisplay=errdisplay)


_CONFIGS = {
    'isolated': dict(use_main_obmalloc=False, allow_fork=False, allow_exec=False,
                     allow_threads=True, allow_daemon_threads=False,
                     check_multi_interp_extensions=True, gil='own'),
}


def new_config(name='isolated', /, **overrides):
    """Return a new interpreter configuration (only 'isolated' exists here)."""
    try:
        base = _CONFIGS[name]
    except KeyError:
        raise ValueError(f'unsupported config name {name!r}') from None
    cfg = _NS(**base)
    for key, value in overrides.items():
        if not hasattr(cfg, key):
            raise ValueError(f'unsupported config field {key!r}')
        setattr(cfg, key, value)
    return cfg


def get_config(id, /, *, restrict=False):
    """Return the configuration of an interpreter: every interpreter here is isolated."""
    _xi.whence(id)
    return new_config()


def create(config=None, /, *, reqrefs=False):
    """Create a new, isolated interpreter and return its ID."""
    if config is not None and config != new_config() and config != 'isolated':
        raise NotImplementedError('interpreters with a configuration other than isolated are not implemented')
    # With reqrefs the caller takes its reference through incref(), as
    # concurrent.interpreters' Interpreter objects do; the last decref()
    # destroys the interpreter.
    return _xi.create()


def destroy(id, /, *, restrict=False):
    """Destroy the identified interpreter."""
    _xi.destroy(id)


def list_all(*, require_ready=False):
    """Return a list of (ID, whence) for all interpreters."""
    return _xi.list_all()


def get_current():
    """Return (ID, whence) of the current interpreter."""
    return _xi.current()


def get_main():
    """Return (ID, whence) of the main interpreter."""
    return (_xi.main(), WHENCE_RUNTIME)


def whence(id, /):
    """Return an identifier for where the interpreter was created."""
    return _xi.whence(id)


def is_running(id, /, *, restrict=False):
    """Return whether the interpreter is running code."""
    return _xi.is_running(id)


def exec(id, code, /, shared=None, *, restrict=False):
    """Run source code, a code object or a function's body in the interpreter's __main__.

    Return None, or an excinfo describing the exception it raised.
    """
    return _excinfo(_xi.exec(id, code, shared))


def run_string(id, script, /, shared=None, *, restrict=False):
    """Run source code in the interpreter's __main__ (see exec)."""
    if not isinstance(script, str):
        raise TypeError(f'run_string() argument 2 must be str, not {type(script).__name__}')
    return exec(id, script, shared)


def run_func(id, func, /, shared=None, *, restrict=False):
    """Run a function's body in the interpreter's __main__ (see exec)."""
    return exec(id, func, shared)


def call(id, callable, /, args=None, kwargs=None, *, preserve_exc=False, restrict=False):
    """Call a function in the interpreter with shareable arguments.

    Return (result, None), or (None, excinfo) when it raised.
    """
    if args is not None and not isinstance(args, tuple):
        raise TypeError(f'args must be a tuple, got {type(args).__name__}')
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError(f'kwargs must be a dict, got {type(kwargs).__name__}')
    result, info = _xi.call(id, callable, args, kwargs)
    return result, _excinfo(info)


def set___main___attrs(id, updates, /, *, restrict=False):
    """Bind the given shareable values in the interpreter's __main__."""
    if not isinstance(updates, dict):
        raise TypeError(f'updates must be a dict, got {type(updates).__name__}')
    _xi.set_main_attrs(id, updates)


def incref(id, /, *, implieslink=False, restrict=False):
    _xi.incref(id)


def decref(id, /, *, restrict=False):
    _xi.decref(id)


def is_shareable(obj):
    """Return whether the object can be passed to another interpreter."""
    return _xi.is_shareable(obj)


def capture_exception(exc=None):
    """Return an excinfo describing the exception (by default the one being handled)."""
    if exc is None:
        import sys
        exc = sys.exception()
        if exc is None:
            return None
    return _excinfo(_xi.capture(exc))


def _unbound_markers(module, itemname):
    """Return UNBOUND, UNBOUND_ERROR, UNBOUND_REMOVE and the op numbers
    (CPython's: remove 1, error 2, replace 3) of a queue or channel module.

    UNBOUND stands for an item whose interpreter was destroyed; the two
    sentinels ask for such items to raise or to go.
    """
    class Unbound:
        __slots__ = ()

        def __new__(cls):
            raise TypeError(f'use {module}.UNBOUND')

        def __repr__(self):
            return f'{module}.UNBOUND'

    class Sentinel:
        __slots__ = ('_name',)

        def __init__(self, name):
            self._name = name

        def __repr__(self):
            return f'{module}.{self._name}'

    Unbound.__name__ = Unbound.__qualname__ = itemname
    Unbound.__module__ = Sentinel.__module__ = module
    unbound = object.__new__(Unbound)
    error, remove = Sentinel('UNBOUND_ERROR'), Sentinel('UNBOUND_REMOVE')
    return unbound, error, remove, {remove: 1, error: 2, unbound: 3}
