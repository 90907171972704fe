import io
import logging
import sys


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.n % 2 == 1 if hasattr(record, "n") else True


class Upper(logging.Formatter):
    def format(self, record):
        return f"{record.levelname}|{record.getMessage().upper()}"


log = logging.getLogger("svc")
log.setLevel(logging.DEBUG)
log.propagate = False
err = logging.StreamHandler(sys.stderr)
err.setLevel(logging.WARNING)
err.setFormatter(logging.Formatter("[%(levelname)s] %(name)s:%(funcName)s:%(lineno)d %(message)s"))
out = logging.StreamHandler(sys.stdout)
out.setFormatter(Upper("%(levelname)s|%(message)s"))
out.addFilter(OnlyOdd())
mem = io.StringIO()
memh = logging.StreamHandler(mem)
memh.setFormatter(logging.Formatter("{levelname}:{message}", style="{"))
for h in (err, out, memh):
    log.addHandler(h)


def work():
    for n in range(4):
        log.info("step %d", n, extra={"n": n})
    log.warning("almost done")


work()
adapter = logging.LoggerAdapter(log, {"n": 1})
adapter.info("from adapter")
try:
    {}["k"]
except KeyError:
    log.error("lookup failed", exc_info=True)
print("memory:", mem.getvalue().splitlines())
log.removeHandler(out)
log.info("no stdout now", extra={"n": 1})
print(len(log.handlers), [type(h).__name__ for h in log.handlers])
rec = logging.makeLogRecord({"msg": "hello %s", "args": ("x",), "levelno": 20, "levelname": "INFO"})
print(rec.getMessage(), logging.Formatter("%(message)s!").format(rec))
nul = logging.getLogger("quiet")
nul.addHandler(logging.NullHandler())
nul.propagate = False
nul.error("nowhere")
logging.warning("root warning with last resort")
