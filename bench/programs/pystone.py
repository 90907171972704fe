"""Pystone-like mix: records, global state, small procedures, integer and character work, 1-D and 2-D arrays."""

LOOPS = 400000

IDENT_1, IDENT_2, IDENT_3, IDENT_4, IDENT_5 = range(1, 6)


class Record:
    __slots__ = ("next", "kind", "enum", "value", "text")

    def __init__(self, next=None, kind=0, enum=0, value=0, text=""):
        self.next = next
        self.kind = kind
        self.enum = enum
        self.value = value
        self.text = text

    def assign(self, other):
        self.next = other.next
        self.kind = other.kind
        self.enum = other.enum
        self.value = other.value
        self.text = other.text


# Global state touched by the procedures, as in the original synthetic mix.
int_glob = 0
bool_glob = False
char_glob_1 = "\0"
char_glob_2 = "\0"
array_1 = [0] * 51
array_2 = [[0] * 51 for _ in range(51)]
record_glob = None
next_record_glob = None


def func_3(enum):
    return enum == IDENT_3


def func_1(c1, c2):
    if c1 != c2:
        return IDENT_1
    return IDENT_2


def func_2(s1, s2):
    i = 1
    c = "\0"
    while i <= 1:
        if func_1(s1[i], s2[i + 1]) == IDENT_1:
            c = "A"
            i += 1
    if "W" <= c <= "Z":
        i = 7
    if c == "X":
        return True
    if s1 > s2:
        i += 7
        return True
    return False


def proc_6(enum):
    result = enum
    if not func_3(enum):
        result = IDENT_4
    if enum == IDENT_1:
        result = IDENT_1
    elif enum == IDENT_2:
        result = IDENT_1 if int_glob > 100 else IDENT_4
    elif enum == IDENT_3:
        result = IDENT_2
    elif enum == IDENT_5:
        result = IDENT_3
    return result


def proc_7(a, b):
    return b + a + 2


def proc_8(arr1, arr2, a, b):
    global int_glob
    loc = a + 5
    arr1[loc] = b
    arr1[loc + 1] = arr1[loc]
    arr1[loc + 30] = loc
    for i in range(loc, loc + 2):
        arr2[loc][i] = loc
    arr2[loc][loc - 1] += 1
    arr2[loc + 20][loc] = arr1[loc]
    int_glob = 5


def proc_3(ptr):
    global int_glob
    if record_glob is not None:
        ptr = record_glob.next
    else:
        int_glob = 100
    record_glob.value = proc_7(10, int_glob)
    return ptr


def proc_1(ptr):
    nxt = ptr.next
    nxt.assign(record_glob)
    ptr.value = 5
    nxt.value = ptr.value
    nxt.next = ptr.next
    nxt.next = proc_3(nxt.next)
    if nxt.kind == IDENT_1:
        nxt.value = 6
        nxt.enum = proc_6(ptr.enum)
        nxt.next = record_glob.next
        nxt.value = proc_7(nxt.value, 10)
    else:
        ptr.assign(nxt)
    return ptr


def proc_2(value):
    loc = value + 10
    enum = 0
    while True:
        if char_glob_1 == "A":
            loc -= 1
            value = loc - int_glob
            enum = IDENT_1
        if enum == IDENT_1:
            return value


def proc_4():
    global char_glob_2
    ok = char_glob_1 == "A"
    ok = ok or bool_glob
    char_glob_2 = "B"
    return ok


def proc_5():
    global char_glob_1, bool_glob
    char_glob_1 = "A"
    bool_glob = False


def run(loops):
    global int_glob, bool_glob, char_glob_2, record_glob, next_record_glob
    next_record_glob = Record()
    record_glob = Record(next_record_glob, IDENT_1, IDENT_3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    text_1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    array_2[8][7] = 10
    checksum = 0
    for i in range(loops):
        proc_5()
        proc_4()
        a = 2
        b = 3
        text_2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        enum = IDENT_2
        bool_glob = not func_2(text_1, text_2)
        while a < b:
            c = 5 * a - b
            c = proc_7(a, b)
            a += 1
        proc_8(array_1, array_2, a, c)
        record_glob = proc_1(record_glob)
        ch = "A"
        while ch <= char_glob_2:
            if enum == func_1(ch, "C"):
                enum = proc_6(IDENT_1)
            ch = chr(ord(ch) + 1)
        c = b * a
        b = c // a
        c = 7 * (c - b) - a
        a = proc_2(a)
        checksum = (checksum + a + b + c + record_glob.value + int_glob) % 1000003
    return checksum


def main():
    print("checksum:", run(LOOPS))
    print("globals:", int_glob, bool_glob, char_glob_1, char_glob_2, array_1[8], array_2[8][7])


main()
