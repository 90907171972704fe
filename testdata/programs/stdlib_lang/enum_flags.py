from enum import Flag, IntFlag, StrEnum, auto, Enum, EnumCheck, verify, CONFORM, STRICT


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm(0)), rw & Perm.W, ~Perm.R)
print(list(rw), list(Perm), Perm.RWX.value, Perm(6), len(Perm.RWX))


class Mode(IntFlag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()


m = Mode.READ | Mode.EXEC
print(m, repr(m), int(m), m | 8, Mode(3), m == 5, Mode.WRITE + 1)


class Http(StrEnum):
    GET = auto()
    POST = auto()
    CUSTOM = "x-custom"


print(Http.GET, repr(Http.POST), Http.CUSTOM.upper(), Http.GET == "get", "/".join(Http))


class Weekday(Flag):
    MON = auto()
    TUE = auto()
    WED = auto()
    THU = auto()
    FRI = auto()
    SAT = auto()
    SUN = auto()
    WEEKEND = SAT | SUN
    WORKDAYS = MON | TUE | WED | THU | FRI


meet = Weekday.MON | Weekday.WED | Weekday.SAT
print(meet, meet & Weekday.WORKDAYS, [d.name for d in meet], Weekday.WEEKEND.value)


class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Status("ACTIVE"), Status("Inactive"))
try:
    Status("gone")
except ValueError as e:
    print("ValueError:", e)
try:
    @verify(EnumCheck.CONTINUOUS)
    class Gaps(Enum):
        A = 1
        C = 3
except ValueError as e:
    print("ValueError:", e)
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Enum("E", [("A", 10), ("B", 20)]).B)
