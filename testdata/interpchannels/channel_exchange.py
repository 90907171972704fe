# Channels between interpreters: the channel ids passed to run(channels=)
# (CPython 3.12 cannot pass the channel objects themselves), work going
# one way and results coming back the other.
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

jobs_r, jobs_s = interpreters.create_channel()
res_r, res_s = interpreters.create_channel()
worker = interpreters.create()
for i in range(5):
    jobs_s.send_nowait("x" * i)
jobs_s.send_nowait(None)
worker.run(IMPORT + """
jobs = interpreters.RecvChannel(jobs_id)
results = interpreters.SendChannel(results_id)
while True:
    job = jobs.recv()
    if job is None:
        break
    results.send_nowait(len(job))
    results.send_nowait(job.upper())
print("worker done", flush=True)
""", channels=dict(jobs_id=int(jobs_r.id), results_id=int(res_s.id)))
for _ in range(5):
    print(res_r.recv(), repr(res_r.recv()), flush=True)
print("left:", res_r.recv_nowait("none"), flush=True)

# Two workers take turns on one channel.
other = interpreters.create()
for n, w in enumerate([worker, other]):
    w.run(IMPORT + "interpreters.SendChannel(cid).send_nowait(b'from worker %d' % n)",
          channels=dict(cid=int(res_s.id), n=n))
print(res_r.recv(), res_r.recv(), flush=True)
print("running:", worker.is_running(), other.is_running(), flush=True)
worker.close()
other.close()
print("closed", flush=True)
