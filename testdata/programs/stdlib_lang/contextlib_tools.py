import contextlib
import io


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        print(f"  {name} handled KeyError {e}")
    finally:
        print(f"</{name}>")


with tag("a") as t:
    print("  inside", t)
with tag("b"):
    {}["missing"]
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
    print("not reached")
print("after suppress")
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in "xyz"]
    stack.callback(print, "callback ran", names)
    print("  body", names)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)


with contextlib.closing(Resource("db")) as r:
    print("using", r.name)
with contextlib.nullcontext(42) as v:
    print("null", v)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))


class Managed(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return False


@Managed()
def work(x):
    print("working", x)


work(1)
with contextlib.ExitStack() as st:
    st.push(lambda *e: print("pushed exit", e[0].__name__) or True)
    raise ValueError("swallowed")
print("stack swallowed it")
try:
    with tag("c"):
        raise RuntimeError("escapes")
except RuntimeError as e:
    print("caught", e)


@contextlib.contextmanager
def bad():
    yield
    yield


try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
