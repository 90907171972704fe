"""Cross-interpreter queues (PEP 734): concurrent.interpreters._queues.

The API of CPython 3.14's module, on the parallel runtime's Go queues
(the _interpqueues module): put() and get() wait without polling, with
this interpreter's GIL released, and a signal or the runtime's
cancellation interrupts them.

Differences from CPython: objects that are not shareable as they are
(lists, dicts, sets, instances of importable classes, ...) are copied
structurally, object by object, where CPython pickles them; the result is
the same for every object pickle accepts whose reduction has no state
setter. put(syncobj=True), 3.13's keyword, refuses them with
NotShareableError as 3.13 does; create(syncobj=...) changes nothing.
Timeouts are seconds as floats, where CPython truncates them to whole
seconds. An unbounded queue (maxsize <= 0) is never full(), where 3.13
says a maxsize=0 queue is. put, put_nowait, get and get_nowait are Go
methods; _thread.interrupt_main() does not end their wait (SIGINT and
the runtime's cancellation do).
"""

import queue as _queue
import weakref as _weakref

import _interpqueues as _q
import _interpreters  # registers NotShareableError, which put() raises

__all__ = [
    'UNBOUND', 'UNBOUND_ERROR', 'UNBOUND_REMOVE',
    'create', 'list_all',
    'Queue',
    'QueueError', 'QueueNotFoundError', 'QueueEmpty', 'QueueFull',
    'ItemInterpreterDestroyed',
]


class QueueError(RuntimeError):
    """Indicates that a queue-related error happened."""


class QueueNotFoundError(QueueError):
    """No queue has the given ID (any more)."""


class QueueEmpty(QueueError, _queue.Empty):
    """Raised from get_nowait() when the queue is empty.

    It is also raised from get() if it times out.
    """


class QueueFull(QueueError, _queue.Full):
    """Raised from put_nowait() when the queue is full.

    It is also raised from put() if it times out.
    """


class ItemInterpreterDestroyed(QueueError):
    """Raised from get() and get_nowait() for an item whose interpreter was
    destroyed when the item was put with unbounditems=UNBOUND_ERROR."""


UNBOUND, UNBOUND_ERROR, UNBOUND_REMOVE, _OPS = _interpreters._unbound_markers(__name__, 'UnboundQueueItem')
_OBJS = {op: obj for obj, op in _OPS.items()}


def _serialize_unbound(unbounditems):
    try:
        return _OPS[unbounditems]
    except (KeyError, TypeError):
        raise NotImplementedError(f'unsupported unbound replacement op {unbounditems!r}') from None


def create(maxsize=0, *, unbounditems=UNBOUND, syncobj=None):
    """Return a new cross-interpreter queue.

    The queue may be used to pass data safely between interpreters.
    "unbounditems" sets the default for Queue.put(); see that method for
    supported values. The default value is UNBOUND, which replaces the
    unbound item.
    """
    op = _serialize_unbound(unbounditems)
    qid = _q.create(maxsize, op)
    try:
        return Queue(qid)
    finally:
        _q.release(qid)  # the Queue object holds its own reference


def list_all():
    """Return a list of all open queues."""
    return [Queue(qid) for qid, _ in _q.list_all()]


_known_queues = _weakref.WeakValueDictionary()


class Queue:
    """A cross-interpreter queue.

    There is one Queue object per queue ID in each interpreter; passing a
    queue to another interpreter (prepare_main, call arguments, another
    queue) gives that interpreter its own object for the same queue.
    """

    def __new__(cls, id, /):
        if not isinstance(id, int):
            raise TypeError(f'id must be an int, got {id!r}')
        id = int(id)
        try:
            self = _known_queues[id]
        except KeyError:
            _q.bind(id)  # QueueNotFoundError for an unknown ID
            self = super().__new__(cls)
            self._id = id
            _known_queues[id] = self
        return self

    def __del__(self):
        try:
            _q.release(self._id)
        except Exception:
            pass  # freed already, or the interpreter is shutting down

    def __repr__(self):
        return f'{type(self).__name__}({self._id})'

    def __hash__(self):
        return hash(self._id)

    def __reduce__(self):
        return (type(self), (self._id,))

    @property
    def id(self):
        return self._id

    @property
    def unbounditems(self):
        return _OBJS[_q.get_queue_defaults(self._id)]

    @property
    def maxsize(self):
        try:
            return self._maxsize
        except AttributeError:
            self._maxsize = _q.get_maxsize(self._id)
            return self._maxsize

    def empty(self):
        return _q.get_count(self._id) == 0

    def full(self):
        return _q.is_full(self._id)

    def qsize(self):
        return _q.get_count(self._id)

    # put, put_nowait, get and get_nowait are Go (the _interpqueues
    # module), so that moving an item costs no Python frame:
    #
    # put(obj, block=True, timeout=None, *, unbounditems=None)
    #     Add the object to the queue. If "block" is true, wait while the
    #     queue is full, until "timeout" seconds pass (None: no limit),
    #     then raise QueueFull. The object must be shareable (see
    #     interpreters.is_shareable()); get() returns a new, equal object
    #     of the receiving interpreter, except for queues and channel
    #     ends, which stay the same queue or channel. "unbounditems" says
    #     what get() does with the item if this interpreter is destroyed
    #     first: UNBOUND (return UNBOUND in its place), UNBOUND_ERROR
    #     (raise ItemInterpreterDestroyed) or UNBOUND_REMOVE (drop it);
    #     None means the queue's default.
    # put_nowait(obj, *, unbounditems=None)
    #     put() without waiting: a full queue raises QueueFull at once.
    # get(block=True, timeout=None)
    #     Return the next object. If "block" is true, wait while the
    #     queue is empty, until "timeout" seconds pass, then raise
    #     QueueEmpty.
    # get_nowait()
    #     get() without waiting: an empty queue raises QueueEmpty.
    put = _q._method_put
    put_nowait = _q._method_put_nowait
    get = _q._method_get
    get_nowait = _q._method_get_nowait


_q._register_heap_types(Queue, QueueEmpty, QueueFull, QueueNotFoundError,
                        ItemInterpreterDestroyed, UNBOUND, UNBOUND_ERROR, UNBOUND_REMOVE)
