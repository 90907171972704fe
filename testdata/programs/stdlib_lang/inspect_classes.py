import inspect
from abc import ABC, abstractmethod


class Base(ABC):
    kind = "base"

    @abstractmethod
    def run(self): ...

    def helper(self):
        return 1


class Impl(Base):
    def run(self):
        return "ran"

    async def fetch(self):
        return None


print([c.__name__ for c in inspect.getmro(Impl)])
print(inspect.isabstract(Base), inspect.isabstract(Impl), inspect.iscoroutinefunction(Impl.fetch))
attrs = {a.name: (a.kind, a.defining_class.__name__) for a in inspect.classify_class_attrs(Impl) if not a.name.startswith("_")}
print(sorted(attrs.items()))
members = inspect.getmembers(Impl(), inspect.ismethod)
print([name for name, _ in members if not name.startswith("_")])


def make_counter(start):
    count = start
    step = 2

    def inc():
        nonlocal count
        count += step
        return count
    return inc


c = make_counter(10)
cv = inspect.getclosurevars(c)
print(sorted(cv.nonlocals.items()), dict(cv.globals), sorted(cv.builtins), cv.unbound)
print(c(), c.__closure__[0].cell_contents, c.__code__.co_freevars)


def annotated(a: int, b: "str" = "x") -> list:
    pass


print(inspect.get_annotations(annotated), inspect.get_annotations(annotated, eval_str=True))
print(inspect.formatannotation(list[int]), inspect.ismodule(inspect), inspect.isroutine(len))
print(inspect.getmodulename("pkg/mod.py"), inspect.isdatadescriptor(property()), inspect.ismethoddescriptor(str.upper))
