# Objects still alive when the program ends are finalized at exit, while
# the names their __del__ methods use are still bound. (The order among
# several such objects differs from CPython's; one of each kind here.)
import sys

LOG_PREFIX = "del"


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(LOG_PREFIX, self.name, sys.version_info[0] == 3)


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed at exit")


a = Noisy("a")
g = gen()
next(g)
print("end of program")
