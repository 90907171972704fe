from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    @property
    def name(self):
        return "square"


class Half(Shape):
    def area(self):
        return 0


print(Square(3).describe(), sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)


class Plugin(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Plugin:
            return any("run" in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented


class Runner:
    def run(self):
        return "running"


class Walker:
    pass


print(issubclass(Runner, Plugin), isinstance(Walker(), Plugin), issubclass(bool, Plugin))


class Serializer(ABC):
    pass


Serializer.register(dict)
print(isinstance({}, Serializer), issubclass(dict, Serializer), Serializer in dict.__mro__)
print(type(Shape).__name__, isinstance(Shape, ABCMeta))


class Sized2(ABC):
    @classmethod
    @abstractmethod
    def make(cls): ...

    @staticmethod
    @abstractmethod
    def helper(): ...


print(sorted(Sized2.__abstractmethods__), getattr(Square.area, "__isabstractmethod__", False), Shape.area.__isabstractmethod__)
Half()
