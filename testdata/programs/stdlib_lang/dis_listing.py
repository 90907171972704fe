# CPython's dis module reading our code objects: listings, code_info,
# instructions, line starts and stack effects.
import dis
import io
import opcode
import re


def add(a, b):
    return a + b


def count_evens(xs):
    n = 0
    for x in xs:
        if x % 2 == 0:
            n += 1
    return n


def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None
    finally:
        print("done")


def greet(name, *, punct="!"):
    return f"hello {name!r}{punct}"


def squares(n):
    return [i * i for i in range(n)]


for f in (add, count_evens, safe_div, greet):
    print("==", f.__name__)
    dis.dis(f)

# A nested code object shows its address; take it out.
out = io.StringIO()
dis.dis(squares, file=out)
print(re.sub(r"0x[0-9a-f]+", "0x...", out.getvalue()))

print(dis.code_info(count_evens))
print([i.opname for i in dis.get_instructions(add)])
print([(i.opname, i.argrepr) for i in dis.get_instructions(greet) if i.arg is not None])
print(list(dis.findlinestarts(count_evens.__code__)))
print(dis.findlabels(count_evens.__code__.co_code))
print(len(safe_div.__code__.co_code), safe_div.__code__.co_exceptiontable.hex())
print(dis.stack_effect(opcode.opmap["BINARY_OP"], 0), dis.stack_effect(opcode.opmap["FOR_ITER"], 4, jump=True))
for instr in dis.Bytecode(add):
    print(instr.offset, instr.opname, instr.positions.lineno, instr.positions.col_offset)
