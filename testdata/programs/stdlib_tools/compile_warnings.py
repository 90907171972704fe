# Compile-time SyntaxWarnings of the tokenizer, the parser and the
# compiler: message, category, file and line, through compile(), exec()
# and eval(); what a warning made an error raises instead; import.
import sys
import warnings


def show_error(e):
    print("  ", type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset,
          e.end_lineno, e.end_offset)


def probe(src, mode="exec", filename="<probe>"):
    print(repr(src))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, filename, mode)
            print("   compiled")
        except SyntaxError as e:
            show_error(e)
    for x in w:
        print("   ", x.category.__name__, repr(str(x.message)), x.filename, x.lineno)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("error")
        try:
            compile(src, filename, mode)
            print("   error filter: compiled")
        except SyntaxError as e:
            print("   error filter:", end="")
            show_error(e)
    print("   left over:", len(w))


cases = [
    # string and bytes literals
    r"x = '\d'",
    r"x = b'\d'",
    r"x = '\777'",
    r"x = b'\400'",
    r"x = 'ab\\c\qz\777'",
    r"x = '\777\q'",
    r"x = b'\N{DASH}' + b'\u1234'",
    r"x = '\8' '\9'",
    r"x = rb'\d' + r'\q'",
    r"x = u'\d'",
    "x = '''\n\n  \\d'''",
    "def f():\n    return '\\d'\n",
    # f-strings
    r"x = f'\d{1}'",
    r"x = f'{1}\d'",
    r"x = f'{1:\d}'",
    r"x = f'{1:\d}\d'",
    r"x = f'\{{'",
    r"x = f'\{{\d'",
    r"x = f'\d\{{'",
    r"x = f'\{{\}}'",
    r"x = f'\{1}'",
    r"x = rf'\{{'",
    "x = f'''abc\n\\d{1}\n\\q'''",
    # numbers followed by a keyword
    "x = 1if y else 2",
    "x = [0x1for x in ()]",
    "x = 0o7and y",
    "x = 0b1or y",
    "x = 1.else_ = 2",
    "x = 1jif y else 2",
    "x = 1e3in y",
    "x = 9not in y",
    "x = 1is y",
    "x = 0xfand y",
    "x = 1abc",
    # the compiler
    'assert(x, "msg")',
    "assert(False,)",
    'assert x, "msg"',
    "assert ()",
    "x is 1",
    'x is not "a"',
    "x is (1, 2)",
    "(1, 2) is not x",
    "x is -1.5",
    "x is 1j",
    "x is b''",
    "x == 3 is y",
    "x is None or x is ... or x is True",
    "if x is 1:\n    pass",
    "while x is 1: pass",
    "try:\n    pass\nfinally:\n    x is 1",
    "x = not 2 is x",
    "[(1, 2) (3, 4)]",
    "[None (3, 4)]",
    "[... (3, 4)]",
    '[f"{x}" (3, 4)]',
    "[(lambda x, y: x) (3, 4)]",
    "[{1, 2} [i, j]]",
    "[True [i, j]]",
    "[(i for i in range(5)) [i, j]]",
    "[(1, 2) [i, j]]",
    '["abc" [i, j]]',
    "[[1, 2] [3, 4]]",
    "[[1, 2] [None]]",
    "[[1, 2] [...]]",
    "[[1, 2] [i]]",
    "[[1, 2] [True]]",
    "[[1, 2] [1:2]]",
    "[{(1, 2): 3} [i, j]]",
    "x[1, 2] += 1",
    # several warnings, and warnings before a syntax error
    "x = '\\d'\ny = 1if 1 else 2\nassert (x, 1)\nz = x is 1",
    "x = '\\d'\ny = (1 2)\n",
    "x = 1\ny = (1 2)\nz = 1if 1 else 2\n",
    "x = 1\ny = (1 2)\nz = f'\\{{'\n",
    "x = '\\d'\nz = 1if 1 else 2\nw = 0x1for\n",
    "'\\e' $",
    "x = '\\d'\ny = 1abc\n",
    "assert (1, 2)\nreturn 3",
    "def f():\n    nonlocal q\nx is 1",
]
for src in cases:
    probe(src)

probe("1if 1 else 2", "eval")
probe("'\\d'", "eval", "f.py")
probe("x is 1", "single")

print("-- exec and eval")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(eval(r"'\d'"), eval(r"b'\%o'" % 0o407), eval(r"'\%o'" % 0o407))
    exec("y = 1 is 1")
    for i in range(3):
        eval(r"'\q'")  # every compilation warns
for x in w:
    print("   ", x.category.__name__, repr(str(x.message)), x.filename, x.lineno)

with warnings.catch_warnings():
    warnings.simplefilter("error", SyntaxWarning)
    for src in [r"'\d'", "'''\n\\z'''", "b'''\n\\407'''", "1 is 1"]:
        try:
            eval(src)
        except SyntaxError as e:
            print("  ", repr(e.msg), e.filename, e.lineno, e.offset)

print("-- the default action shows it once per compile, on stderr")
sys.stderr.flush()
compile("x is 2", "<shown>", "exec")
compile("x is 2", "<shown>", "exec")
sys.stderr.flush()

print("-- filters by message and category")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="invalid escape")
    warnings.filterwarnings("error", message='"is"')
    try:
        compile("x = '\\d'\ny = x is 1\n", "<f>", "exec")
    except SyntaxError as e:
        show_error(e)
    print(len(w))
    warnings.filterwarnings("error", module="mine")
    try:
        compile("x = '\\d'", "mine.py", "exec")
    except SyntaxError as e:
        show_error(e)

print("-- import: warned at each compilation (no .pyc is written)")
sys.stderr.flush()
import _warned_mod
print(_warned_mod.X)
del sys.modules["_warned_mod"]
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    import _warned_mod
for x in w:
    print("   ", x.category.__name__, repr(str(x.message)), x.filename.rsplit("/", 1)[-1], x.lineno)
del sys.modules["_warned_mod"]
for attempt in range(2):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            import _warned_mod
        except SyntaxError as e:
            print("  ", repr(e.msg), e.filename.rsplit("/", 1)[-1], e.lineno, e.offset, repr(e.text))
    print("   in sys.modules:", "_warned_mod" in sys.modules)
