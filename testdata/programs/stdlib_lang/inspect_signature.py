import inspect


def connect(host, port=80, *args, timeout: float = 1.5, retries=3, **opts) -> bool:
    """Connect to a host.

    Returns True on success.
    """
    return True


sig = inspect.signature(connect)
print(sig)
for name, p in sig.parameters.items():
    print(f"  {name:8} {p.kind.name:22} default={p.default!r} annotation={p.annotation!r}")
print(sig.return_annotation, sig.parameters["timeout"].kind is inspect.Parameter.KEYWORD_ONLY)
ba = sig.bind("example.com", 8080, "x", timeout=3, verbose=True)
print(ba.arguments)
ba.apply_defaults()
print(ba.args, ba.kwargs)
try:
    sig.bind()
except TypeError as e:
    print("TypeError:", e)
print(inspect.getdoc(connect))
print(inspect.cleandoc("   first\n     indented\n   back"))
new = sig.replace(parameters=[p for p in sig.parameters.values() if p.name != "retries"], return_annotation=inspect.Signature.empty)
print(new)


class Widget:
    """A widget."""
    size = 3

    def __init__(self, name):
        self.name = name

    def grow(self, by=1):
        return self.size + by

    @staticmethod
    def make():
        return Widget("made")

    @classmethod
    def build(cls, n):
        return cls(str(n))

    @property
    def label(self):
        return self.name.upper()


print(inspect.signature(Widget), inspect.signature(Widget("w").grow), inspect.signature(Widget.grow))
print([n for n, _ in inspect.getmembers(Widget, inspect.isfunction)])
print(inspect.isclass(Widget), inspect.ismethod(Widget("a").grow), inspect.isfunction(Widget.grow), inspect.isbuiltin(len))
print(inspect.getsource(Widget.grow), end="")
print(inspect.getsourcelines(connect)[1], inspect.getmodule(connect).__name__, inspect.getfile(connect).rsplit("/", 1)[-1])
print(inspect.signature(lambda a, /, b, *, c: 0), inspect.signature(divmod))
print(inspect.getattr_static(Widget, "label").__class__.__name__, inspect.unwrap(connect) is connect)


def gen():
    yield 1


g = gen()
print(inspect.isgeneratorfunction(gen), inspect.getgeneratorstate(g), next(g), inspect.getgeneratorstate(g))
print(inspect.getfullargspec(connect).args, inspect.getfullargspec(connect).kwonlydefaults)
frame = inspect.currentframe()
print(frame.f_code.co_name, frame.f_lineno, inspect.stack()[0].function)
