# What happens to the items an interpreter put once it is closed: the
# queue's unbounditems says (UNBOUND, UNBOUND_ERROR or UNBOUND_REMOVE).
try:
    from concurrent import interpreters
    from concurrent.interpreters import _queues as queues
except ImportError:
    from test.support import interpreters
    from test.support.interpreters import queues

IMPORT_QUEUES = """
try:
    from concurrent.interpreters import _queues
except ImportError:
    from test.support.interpreters import queues
"""

for name in ["UNBOUND", "UNBOUND_ERROR", "UNBOUND_REMOVE"]:
    q = interpreters.create_queue(unbounditems=getattr(queues, name))
    q.put("before")
    sub = interpreters.create()
    sub.exec(IMPORT_QUEUES)
    sub.prepare_main(q=q)
    sub.exec("q.put('from sub'); q.put(('also', 'from sub'))")
    q.put("after")
    print(name, "size before close:", q.qsize(), flush=True)
    sub.close()
    print(name, "size after close:", q.qsize(), flush=True)
    while not q.empty():
        try:
            item = q.get_nowait()
        except queues.ItemInterpreterDestroyed as exc:
            print("  ItemInterpreterDestroyed:", exc, flush=True)
            continue
        if item is queues.UNBOUND:
            print("  UNBOUND", flush=True)
        else:
            print("  item:", item, flush=True)
