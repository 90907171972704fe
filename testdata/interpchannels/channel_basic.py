# PEP 554 channels within one interpreter: FIFO order, the kinds CPython
# 3.12 shares (None, int, str, bytes), recv_nowait with and without a
# default, ChannelEmptyError, ids.
try:
    import interpreters
except ImportError:
    from test.support import interpreters

r, s = interpreters.create_channel()
print(type(r).__name__, type(s).__name__, r.id == s.id, int(r.id) >= 0, flush=True)
items = [None, 0, -5, 2**62, "", "héllo", b"\x00\xff", "x" * 1000]
for item in items:
    s.send_nowait(item)
got = [r.recv() for _ in items]
print("same items:", got == items, flush=True)
print("types kept:", [type(x).__name__ for x in got] == [type(x).__name__ for x in items], flush=True)
print("default:", r.recv_nowait("nothing"), flush=True)
try:
    r.recv_nowait()
except interpreters.ChannelEmptyError as e:
    print("empty:", type(e).__name__, flush=True)
print("is ChannelError:", issubclass(interpreters.ChannelEmptyError, interpreters.ChannelError), flush=True)
r2, s2 = interpreters.create_channel()
print("distinct:", r2.id != r.id, r2 == r2, r2 != r, hash(r2) == hash(r2), flush=True)
for i in range(3):
    s2.send_nowait(i * i)
print([r2.recv_nowait() for _ in range(3)], flush=True)
print("same end:", interpreters.RecvChannel(int(r2.id)) == r2, flush=True)
