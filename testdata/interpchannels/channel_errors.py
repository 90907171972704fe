# Failures around channels: a failing run raises RunFailedError in the
# caller, an unshareable object is refused where it is sent and nothing
# arrives, an unknown channel is ChannelNotFoundError.
try:
    import interpreters
except ImportError:
    from test.support import interpreters

IMPORT = """
try:
    import interpreters
except ImportError:
    from test.support import interpreters
"""

r, s = interpreters.create_channel()
sub = interpreters.create()
try:
    sub.run("raise ValueError('bad value')")
except interpreters.RunFailedError as e:
    print("RunFailedError raised", flush=True)
sub.run(IMPORT + """
try:
    interpreters.SendChannel(cid).send_nowait((x for x in ()))
except Exception:
    print("refused in the sender", flush=True)
""", channels=dict(cid=int(s.id)))
print("nothing sent:", r.recv_nowait("none"), flush=True)
sub.run(IMPORT + "interpreters.SendChannel(cid).send_nowait('ok')", channels=dict(cid=int(s.id)))
print(r.recv(), flush=True)
try:
    interpreters.RecvChannel(10**6).recv_nowait()
except interpreters.ChannelNotFoundError as e:
    print("not found:", type(e).__name__, flush=True)
