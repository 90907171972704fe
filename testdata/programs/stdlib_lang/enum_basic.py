from enum import Enum, IntEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [m.name for m in Color.__members__.values()], list(Color.__members__))
print(Color.RED.name, Color.RED.value, Color.RED in Color, isinstance(Color.RED, Color))
print(Color.RED == 1, Color.RED == Color.RED, hash(Color.RED) == hash(Color.RED))


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


for p in Planet:
    print(p.name, round(p.gravity, 3))


class Priority(IntEnum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()


print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted([Priority.HIGH, 1]), int(Priority.HIGH))
print(f"{Priority.LOW}", str(Priority.LOW), format(Color.RED), f"{Color.BLUE!r}")


class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()

    def describe(self):
        return f"{self.name.lower()} #{self.value}"

    @classmethod
    def default(cls):
        return cls.CIRCLE


print(Shape.default().describe(), Shape._member_names_)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
match Color(2):
    case Color.GREEN:
        print("matched green")
