"""Subinterpreters as PEP 554 describes them (its final text).

create, list_all, get_current, get_main, is_shareable; Interpreter with
run (RunFailedError), exec, is_running, close, bind/set_main_attrs.
Channels come with the channels module (create_channel,
list_all_channels).
"""

import _interpreters
from concurrent import interpreters as _pep734

from _interpreters import (
    InterpreterError, InterpreterNotFoundError, NotShareableError,
    is_shareable,
)
from interpchannels import (
    RecvChannel, SendChannel,
    ChannelError, ChannelNotFoundError, ChannelClosedError,
    ChannelReleasedError, ChannelEmptyError, ChannelNotEmptyError,
)

__all__ = [
    'create', 'list_all', 'get_current', 'get_main', 'is_shareable',
    'Interpreter', 'RunFailedError', 'ExecFailure',
    'InterpreterError', 'InterpreterNotFoundError', 'NotShareableError',
    'create_channel', 'list_all_channels', 'RecvChannel', 'SendChannel',
    'ChannelError', 'ChannelNotFoundError', 'ChannelClosedError',
    'ChannelReleasedError', 'ChannelEmptyError', 'ChannelNotEmptyError',
]


class RunFailedError(_pep734.ExecutionFailed):
    """Interpreter.run() failed: an exception escaped the code.

    str() gives the remote exception as "Type: message"; excinfo
    describes it and __cause__ is None (the exception stays behind).
    """

    def __str__(self):
        return self.excinfo.formatted


ExecFailure = RunFailedError


class Interpreter(_pep734.Interpreter):
    """A single PEP 554 interpreter."""

    def run(self, src, /, *, channels=None):
        """Run source code in the interpreter's __main__, binding channels first.

        An uncaught exception raises RunFailedError.
        """
        if channels:
            self.bind(channels)
        excinfo = _interpreters.exec(self._id, src, restrict=True)
        if excinfo is not None:
            raise RunFailedError(excinfo)

    def exec(self, code, /):
        """Run code in the interpreter's __main__ (RunFailedError on failure)."""
        self.run(code)

    def bind(self, ns=None, /, **kwargs):
        """Bind shareable values (and channel ends) in the interpreter's __main__."""
        self.prepare_main(ns, **kwargs)

    set_main_attrs = bind


create, list_all, get_current, get_main = _pep734._constructors(Interpreter, __name__)


def create_channel():
    """Create a channel and return its (RecvChannel, SendChannel) ends."""
    import interpchannels
    return interpchannels.create()


def list_all_channels():
    """Return (RecvChannel, SendChannel) for every open channel."""
    import interpchannels
    return interpchannels.list_all()
