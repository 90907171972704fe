"""Implements InterpreterPoolExecutor (CPython 3.14's API).

A ThreadPoolExecutor whose worker threads each own an interpreter made
with concurrent.interpreters: a task runs in its worker's interpreter,
in parallel with the others, under that interpreter's own GIL.

The function crosses as its code, as Interpreter.call sends it, and runs
over the worker interpreter's __main__ globals; arguments and results
that are not shareable are copied. When the program is a script, each
worker first runs it (as CPython 3.14 does to find functions defined in
__main__) under the name __mp_main__, as multiprocessing's spawn does, so
that what the script defines is there: keep the script's top-level work
under `if __name__ == '__main__':`. An exception the task raises comes back
as a copy, whose __cause__ is the ExecutionFailed that carries the
remote traceback (or as the ExecutionFailed itself when it cannot be
copied). The workers'
interpreters are closed by shutdown(wait=True), or at exit otherwise.
Scripts (str) as tasks or initializers are refused, as in 3.14.
"""

import sys as _sys
import threading as _threading
from concurrent import interpreters as _interpreters
from concurrent.futures import thread as _thread

__all__ = ('InterpreterPoolExecutor', 'BrokenInterpreterPool', 'ExecutionFailed')

ExecutionFailed = _interpreters.ExecutionFailed


class BrokenInterpreterPool(_thread.BrokenThreadPool):
    """Raised when a worker interpreter failed to initialize."""


# Set while this interpreter is a worker running the main script: a
# script without the __main__ guard would otherwise start executors
# within executors without end.
_running_main_script = False

# What a worker runs first: the main script, in its __main__, under the
# name __mp_main__ (which both sides alias to their __main__, so that
# classes the script defines cross either way).
_MAIN_SCRIPT = '''
import sys
import concurrent.futures.interpreter as _cfi
sys.modules.setdefault('__mp_main__', sys.modules['__main__'])
__name__ = '__mp_main__'
__file__ = _main_path
if _main_dir not in sys.path:
    sys.path.insert(0, _main_dir)
_cfi._running_main_script = True
try:
    with open(_main_path, 'rb') as _f:
        exec(compile(_f.read(), _main_path, 'exec'))
finally:
    _cfi._running_main_script = False
    del _f, _cfi
'''


def _main_script():
    main = _sys.modules.get('__main__')
    path = getattr(main, '__file__', None)
    if not isinstance(path, str) or getattr(main, '__name__', None) != '__main__':
        return None
    import os
    path = os.path.abspath(path)
    return path if os.path.isfile(path) else None


def _do_call(results, fn, args, kwargs):
    # Runs in the worker interpreter (it crosses as its code, so it uses
    # nothing but its arguments and the builtins): the task's exception
    # goes back through results, copied, before it fails the call.
    try:
        return fn(*args, **kwargs)
    except BaseException as exc:
        try:
            results.put(exc)
        except Exception:
            results.put(None)  # it cannot be copied: ExecutionFailed will do
        raise


class _Workers:
    """The interpreters of one executor's worker threads. It holds no
    reference to the executor, so that the executor can be collected
    while its threads wait, as ThreadPoolExecutor's can."""

    def __init__(self, initializer, initargs):
        self.initializer = initializer
        self.initargs = initargs
        self.main_script = _main_script()
        self.local = _threading.local()
        self.lock = _threading.Lock()
        self.interps = []

    def start(self):
        # Runs first in each worker thread (ThreadPoolExecutor's
        # initializer): the thread's interpreter, then the user's
        # initializer in it.
        interp = _interpreters.create()
        with self.lock:
            self.interps.append(interp)
        self.local.interp = interp
        self.local.results = _interpreters.create_queue()
        if self.main_script is not None:
            import os
            interp.prepare_main(_main_path=self.main_script,
                                _main_dir=os.path.dirname(self.main_script))
            interp.exec(_MAIN_SCRIPT)
        if self.initializer is not None:
            interp.call(self.initializer, *self.initargs)

    def call(self, fn, args, kwargs):
        results = self.local.results
        try:
            return self.local.interp.call(_do_call, results, fn, args, kwargs)
        except ExecutionFailed as failed:
            try:
                exc = results.get_nowait()
            except _interpreters.QueueEmpty:
                exc = None
            if exc is None:
                raise
            raise exc from failed

    def close(self):
        with self.lock:
            interps, self.interps = self.interps, []
        for interp in interps:
            try:
                interp.close()
            except _interpreters.InterpreterError:
                pass


class InterpreterPoolExecutor(_thread.ThreadPoolExecutor):
    """An executor that runs each call in one of a pool of interpreters."""

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """Initializes a new InterpreterPoolExecutor instance.

        Args:
            max_workers: The most interpreters (and threads) to use.
            thread_name_prefix: An optional name prefix for the threads.
            initializer: A callable run in each worker interpreter first.
            initargs: A tuple of arguments for the initializer.
        """
        if _running_main_script:
            raise RuntimeError(
                'an InterpreterPoolExecutor was created while a worker ran '
                "the main script: keep the script's top-level work under "
                "`if __name__ == '__main__':`")
        if isinstance(initializer, str):
            raise TypeError('scripts not supported')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._workers = _Workers(initializer, tuple(initargs))
        if self._workers.main_script is not None:
            _sys.modules.setdefault('__mp_main__', _sys.modules['__main__'])
        super().__init__(max_workers, thread_name_prefix,
                         self._workers.start, ())

    def submit(self, fn, /, *args, **kwargs):
        if isinstance(fn, str):
            raise TypeError('scripts not supported')
        return super().submit(self._workers.call, fn, args, kwargs)
    submit.__doc__ = _thread.ThreadPoolExecutor.submit.__doc__

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except _thread.queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenInterpreterPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        super().shutdown(wait, cancel_futures=cancel_futures)
        if wait:
            self._workers.close()
    shutdown.__doc__ = _thread.ThreadPoolExecutor.shutdown.__doc__
