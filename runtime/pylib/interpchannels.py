"""Cross-interpreter channels as PEP 554 describes them.

create() returns the two ends of a new channel, (RecvChannel,
SendChannel). send() waits until the object has been received;
send_nowait() does not; recv() waits for an object. An interpreter that
uses an end is associated with it until it calls release() (or is
destroyed); once no interpreter has an end open the channel closes.
close() closes it for every interpreter. The work is done by the
runtime's Go module _interpchannels: waits release the GIL, poll
nothing, and a signal or the runtime's cancellation interrupts them.

Objects sent must be shareable (see interpreters.is_shareable()), as in
CPython's _interpchannels. send_buffer() sends the contents of a
bytes-like object, which the receiver gets as a read-only memoryview of
a copy (CPython shares the sender's memory).
"""

import weakref as _weakref

import _interpchannels as _c
import _interpreters  # registers NotShareableError, which send() raises

__all__ = [
    'create', 'list_all',
    'RecvChannel', 'SendChannel',
    'ChannelError', 'ChannelNotFoundError', 'ChannelClosedError',
    'ChannelReleasedError', 'ChannelEmptyError', 'ChannelNotEmptyError',
    'ItemInterpreterDestroyed',
    'UNBOUND', 'UNBOUND_ERROR', 'UNBOUND_REMOVE',
]


class ChannelError(RuntimeError):
    """The base class of channel errors."""


class ChannelNotFoundError(ChannelError):
    """No channel has the given ID (any more)."""


class ChannelClosedError(ChannelError):
    """The channel is closed."""


class ChannelReleasedError(ChannelClosedError):
    """The channel end was released by this interpreter."""


class ChannelEmptyError(ChannelError):
    """Nothing to receive (recv_nowait() without a default)."""


class ChannelNotEmptyError(ChannelError):
    """A channel with items may not be closed without force=True."""


class ItemInterpreterDestroyed(ChannelError):
    """The item's interpreter was destroyed (sent with UNBOUND_ERROR)."""


UNBOUND, UNBOUND_ERROR, UNBOUND_REMOVE, _OPS = _interpreters._unbound_markers(__name__, 'UnboundChannelItem')


def _op(unbounditems):
    if unbounditems is None:
        return -1
    try:
        return _OPS[unbounditems]
    except (KeyError, TypeError):
        raise NotImplementedError(f'unsupported unbound replacement op {unbounditems!r}') from None


def create(*, unbounditems=UNBOUND):
    """Return (RecvChannel, SendChannel), the ends of a new channel."""
    cid = _c.create(_op(unbounditems))
    try:
        return RecvChannel(cid), SendChannel(cid)
    finally:
        _c.unbind(cid)  # the end objects hold their own references


def list_all():
    """Return (RecvChannel, SendChannel) for every open channel."""
    return [(RecvChannel(cid), SendChannel(cid)) for cid, _ in _c.list_all()]


_known_ends = _weakref.WeakValueDictionary()
_NOT_SET = object()


class _ChannelEnd:
    """The base class of RecvChannel and SendChannel: one object per
    channel ID and end in each interpreter."""

    __slots__ = ('_id', '__weakref__')

    def __new__(cls, cid, /):
        if not isinstance(cid, int):
            raise TypeError(f'id must be an int, got {cid!r}')
        cid = int(cid)
        try:
            return _known_ends[cls, cid]
        except KeyError:
            pass
        _c.bind(cid)  # ChannelNotFoundError for an unknown ID
        self = super().__new__(cls)
        self._id = cid
        _known_ends[cls, cid] = self
        return self

    def __del__(self):
        try:
            _c.unbind(self._id)
        except Exception:
            pass  # freed already, or the interpreter is shutting down

    def __repr__(self):
        return f'{type(self).__name__}(id={self._id})'

    def __hash__(self):
        return hash((type(self), self._id))

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return other._id == self._id

    def __reduce__(self):
        return (type(self), (self._id,))

    @property
    def id(self):
        return self._id

    @property
    def is_closed(self):
        closed, closing, _ = _c.get_info(self._id)
        return closed


class RecvChannel(_ChannelEnd):
    """The receiving end of a channel."""

    __slots__ = ()

    def recv(self, timeout=None):
        """Return the next object sent, waiting for one.

        With a timeout (seconds), raise TimeoutError once it passes.
        """
        return _c.recv(self._id, True, timeout)

    def recv_nowait(self, default=_NOT_SET):
        """Return the next object sent, or default if there is none
        (ChannelEmptyError without a default)."""
        try:
            return _c.recv(self._id, False, None)
        except ChannelEmptyError:
            if default is _NOT_SET:
                raise
            return default

    def release(self):
        """Stop using this end in this interpreter."""
        _c.release(self._id, False, True)

    def close(self, force=False):
        """Close the channel for every interpreter.

        A channel with items raises ChannelNotEmptyError, unless force is
        true: then the items are dropped.
        """
        _c.close(self._id, False, True, force)


class SendChannel(_ChannelEnd):
    """The sending end of a channel."""

    __slots__ = ()

    @property
    def is_closed(self):
        closed, closing, _ = _c.get_info(self._id)
        return closed or closing

    def send(self, obj, timeout=None, *, unbounditems=None, unbound=None):
        """Send the object and wait until it has been received.

        With a timeout (seconds), take the object back and raise
        TimeoutError once it passes.
        """
        _c.send(self._id, obj, _op(unbounditems if unbounditems is not None else unbound), True, timeout, False)

    def send_nowait(self, obj, *, unbounditems=None, unbound=None):
        """Send the object without waiting; return whether a waiting
        receiver took it at once."""
        return _c.send(self._id, obj, _op(unbounditems if unbounditems is not None else unbound), False, None, False)

    def send_buffer(self, obj, timeout=None, *, unbounditems=None, unbound=None):
        """Send the contents of a bytes-like object (received as a
        memoryview) and wait until received."""
        _c.send(self._id, obj, _op(unbounditems if unbounditems is not None else unbound), True, timeout, True)

    def send_buffer_nowait(self, obj, *, unbounditems=None, unbound=None):
        """send_buffer() without waiting; return whether a waiting
        receiver took it at once."""
        return _c.send(self._id, obj, _op(unbounditems if unbounditems is not None else unbound), False, None, True)

    def release(self):
        """Stop using this end in this interpreter."""
        _c.release(self._id, True, False)

    def close(self, force=False):
        """Close the channel's send end for every interpreter.

        Items already sent can still be received, then the channel is
        closed; with force, they are dropped and it closes at once.
        """
        _c.close(self._id, True, False, force)


# The Go half raises these, returns UNBOUND for items whose interpreter
# was destroyed, and makes end objects for ends that cross.
_c._register_types(RecvChannel, SendChannel, ChannelError, ChannelNotFoundError,
                   ChannelClosedError, ChannelReleasedError, ChannelEmptyError,
                   ChannelNotEmptyError, ItemInterpreterDestroyed, UNBOUND)
