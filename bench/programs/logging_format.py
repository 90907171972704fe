"""Logging-style formatting: the logging module with a StreamHandler to io.StringIO, %-style, str.format and f-strings."""

import io
import logging

MESSAGES = 60000


class ContextFilter(logging.Filter):
    # Adds a request number to every record and drops every seventh debug line.
    def __init__(self):
        super().__init__()
        self.count = 0

    def filter(self, record):
        self.count += 1
        record.request = self.count
        return not (record.levelno == logging.DEBUG and self.count % 7 == 0)


def make_logger(stream):
    logger = logging.getLogger("bench.app")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)-8s %(name)s #%(request)05d %(funcName)s: %(message)s"))
    handler.addFilter(ContextFilter())
    logger.addHandler(handler)
    return logger, handler


def log_work(logger, n):
    for i in range(n):
        if i % 10 == 0:
            logger.warning("slow request %d took %.2f ms for %s", i, i * 0.37, "user%d" % (i % 13))
        elif i % 3 == 0:
            logger.debug("cache %s for key %r", "hit" if i % 2 else "miss", ("k", i))
        else:
            logger.info("handled %s %s -> %d", "GET", "/item/%d" % i, 200 + i % 5)
    logger.log(5, "below threshold")  # filtered by level, never formatted


def manual_formats(n):
    # The same kind of work without logging: the three formatting styles.
    out = []
    for i in range(n):
        level = ("DEBUG", "INFO", "WARNING")[i % 3]
        out.append("%-8s %s #%05d: %s" % (level, "bench", i, "value=%d" % i))
        out.append("{:<8} {} #{:05d}: {!r}".format(level, "bench", i, [i, i / 4]))
        out.append(f"{level:<8} bench #{i:05d}: {i * 1.5:.3f} {i:x} {i:,}")
    return out


def main():
    stream = io.StringIO()
    logger, handler = make_logger(stream)
    log_work(logger, MESSAGES)
    text = stream.getvalue()
    lines = text.splitlines()
    print("logged lines:", len(lines), "chars:", len(text))
    print(lines[0])
    print(lines[-1])
    formatted = manual_formats(MESSAGES)
    print("formatted:", len(formatted), sum(len(s) for s in formatted))
    print(formatted[-1])
    logger.removeHandler(handler)


main()
