"""CPython 3.12 oracle for the interp/syntax tests (dump_test.go,
pyrepr_test.go, stdlib_test.go). Run with PYENV_VERSION=3.12.1 python3.

Subcommands:

  stdlib LIST OUTDIR   For each path in the file LIST (one per line), parse
                       the raw bytes with ast.parse and write OUTDIR/<i>.dump
                       (ast.dump(tree, include_attributes=True)) or, when
                       parsing or dumping fails, OUTDIR/<i>.err: a JSON object
                       {"stage": "parse"|"dump", "type", "msg", "lineno",
                       "offset", "end_lineno", "end_offset"}. <i> is the
                       0-based line number in LIST. Writes OUTDIR/done last.
  trees LIST OUTDIR    Like stdlib, but writes OUTDIR/<i>.json: the tree as
                       JSON (see to_json) on the first line, then
                       ast.dump(tree, include_attributes=True) as a JSON
                       string (or "!ValueError: msg").
  cases                Print testdata/dump_cases.json: the tree and all
                       dump variants of each snippet in CASES.
  nonprintable         Print the code points that str.isprintable rejects,
                       as ranges "lo hi" in hex, one per line.
  floats               Read lines "hex-bits-re hex-bits-im" from stdin and
                       print "repr(float(re))\\trepr(complex(re, im))".
  ints                 Read decimal ints from stdin and print repr(int) or
                       "ValueError: msg".
  strs                 Read hex-encoded WTF-8 strings and bytes, one per
                       line, and print repr(str) and repr(bytes), tab
                       separated.
"""

import ast
import json
import os
import struct
import sys
import threading
import warnings

# (indent, include_attributes) pairs; Go's DumpOptions.Indent -1 is None.
VARIANTS = [(None, False), (None, True), (0, False), (2, False), (4, True), (3, False)]


def error_record(stage, e):
    rec = {"stage": stage, "type": type(e).__name__, "msg": str(e)}
    if isinstance(e, SyntaxError):
        rec["msg"] = e.msg
        for k in ("lineno", "offset", "end_lineno", "end_offset"):
            v = getattr(e, k, None)
            rec[k] = v if v is not None else 0
    return rec


def const_json(v):
    # Tagged so that Go reads back exactly the value CPython holds: strings
    # as WTF-8 hex (JSON cannot carry lone surrogates), ints in hex (no
    # digit limit), floats as float.hex().
    if v is None:
        return ["N"]
    if v is True:
        return ["T"]
    if v is False:
        return ["F"]
    if v is Ellipsis:
        return ["E"]
    if isinstance(v, int):
        return ["i", hex(v)]
    if isinstance(v, float):
        return ["f", v.hex()]
    if isinstance(v, complex):
        return ["c", v.real.hex(), v.imag.hex()]
    if isinstance(v, str):
        return ["s", v.encode("utf-8", "surrogatepass").hex()]
    if isinstance(v, bytes):
        return ["b", v.hex()]
    raise TypeError(type(v))


def to_json(node):
    """A node is {"_": class name, field: value, ..., "@": [lineno,
    col_offset, end_lineno, end_col_offset]}; lists are arrays; None is
    null; the value of Constant and MatchSingleton is const_json's form."""
    if isinstance(node, list):
        return [to_json(x) for x in node]
    if node is None or isinstance(node, (str, int)):
        return node
    if not isinstance(node, ast.AST):
        raise TypeError(type(node))
    out = {"_": type(node).__name__}
    for name in node._fields:
        v = getattr(node, name, None)
        if name == "value" and isinstance(node, (ast.Constant, ast.MatchSingleton)):
            out[name] = const_json(v)
        else:
            out[name] = to_json(v)
    if "lineno" in node._attributes:
        out["@"] = [node.lineno, node.col_offset, node.end_lineno, node.end_col_offset]
    return out


def dump_variants(tree):
    out = []
    for indent, attrs in VARIANTS:
        try:
            out.append(ast.dump(tree, indent=indent, include_attributes=attrs))
        except ValueError as e:
            out.append("!ValueError: %s" % e)
    return out


def each_file(listfile, outdir, write):
    with open(listfile, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    os.makedirs(outdir, exist_ok=True)
    for i, path in enumerate(paths):
        with open(path, "rb") as f:
            src = f.read()
        base = os.path.join(outdir, str(i))
        try:
            tree = ast.parse(src)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as e:
            with open(base + ".err", "w", encoding="utf-8") as f:
                json.dump(error_record("parse", e), f)
            continue
        write(base, tree)
    with open(os.path.join(outdir, "done"), "w") as f:
        f.write("%d\n" % len(paths))


def write_dump(base, tree):
    try:
        text = ast.dump(tree, include_attributes=True)
    except (ValueError, RecursionError) as e:
        with open(base + ".err", "w", encoding="utf-8") as f:
            json.dump(error_record("dump", e), f)
        return
    with open(base + ".dump", "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(text)


def write_tree(base, tree):
    with open(base + ".json", "w", encoding="utf-8") as f:
        json.dump(to_json(tree), f, ensure_ascii=True, separators=(",", ":"))
        f.write("\n")
        try:
            d = ast.dump(tree, include_attributes=True)
        except ValueError as e:
            d = "!ValueError: %s" % e
        f.write(json.dumps(d, ensure_ascii=True))
        f.write("\n")


# Snippets for dump_cases.json: (mode, source[, type_comments]).
CASES = [
    ("exec", ""),
    ("exec", "pass"),
    ("exec", "x = 1"),
    ("exec", "x: int = 1\ny: 'str'\n(z): int"),
    ("exec", "del a, b[1], c.d"),
    ("exec", "a += 1; b @= c; d **= 2; e //= 3; f %= 4"),
    ("exec", "import os, os.path as p\nfrom . import x\nfrom ..a import b as c, d\nfrom x import *"),
    ("exec", "global a, b\nnonlocal c"),
    ("exec", "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:\n    '''doc'''\n    return"),
    ("exec", "@dec\n@dec2(1)\nasync def g[T: int, *Ts, **P](x, *, y=None):\n    await x\n    async for a in b: pass\n    async with c as d, e: pass"),
    ("exec", "class C(B, metaclass=M, **kw):\n    x = 1\n    def m(self): ..."),
    ("exec", "class D[T]: pass\ntype A[U] = list[U]\ntype B = int"),
    ("exec", "for i in range(10):\n    break\nelse:\n    continue\nwhile x:\n    pass\nelse:\n    y"),
    ("exec", "if a:\n    pass\nelif b:\n    x\nelse:\n    y"),
    ("exec", "with open(f) as g, h:\n    pass\nwith (a as b, c as d): pass"),
    ("exec", "try:\n    pass\nexcept E as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass"),
    ("exec", "try:\n    pass\nexcept* (A, B):\n    pass"),
    ("exec", "assert x, 'msg'\nassert y"),
    ("exec", "match p:\n    case 1 | 2.5 | -3 | 1+2j | 'a' | b'b':\n        pass\n    case None | True | False:\n        pass\n    case [a, *rest, _] if a:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(1, y=2) as pt:\n        pass\n    case (x.y | [*_]):\n        pass\n    case _:\n        pass"),
    ("exec", "match m:\n    case {**r}: pass\n    case {}: pass\n    case C(): pass\n    case []: pass"),
    ("exec", "a and b or not c\nx if y else z\n(w := 5)\n-a, +b, ~c"),
    ("exec", "lambda: 0\nlambda x, *y, z=1, **w: x"),
    ("exec", "{1: 2, **d, 3: 4}\n{1, 2}\n{}\n[]\n()\n(1,)\n[*a, *b]"),
    ("exec", "[x for x in y if x if not x]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x async for x in y)\n[a for b in c for d in e]"),
    ("exec", "a < b <= c == d != e > f >= g is h is not i in j not in k"),
    ("exec", "f(a, *b, c=1, **d)\nx.y.z\nx[1:2, ::3, 4:]\nx[...]\nx[:]"),
    ("exec", "yield\nyield x\nyield from y"),
    ("exec", "f'{a!r:>{w}} {b=} {c!s} {d!a:x}'\nf''\nf'lit'\nrf'\\n{x}'"),
    ("exec", "1; 1.5; 1e16; 1e-5; 0.0001; 1e22; 123456789012345678901234567890; 0xff; 1j; 2.5j; 1e16j; 1e400; 1e400j; True; None; ...; 0o17; 0b101; 1_000"),
    ("exec", "'a'; \"it's\"; '\"'; 'both \\' \"'; u'unicode'; b'bytes'; b\"it's\"; '\\x00\\x7f\\x80\\xa0\\xad\\u2028\\U0001F600\\ud800\\udfff'; '\\t\\n\\r\\\\'; b'\\x00\\xff\\t\\\\'; 'é'; '\\u0378'"),
    ("exec", "'con' 'cat'; b'a' b'b'; 'x' f'{y}' 'z'"),
    ("exec", "x = 0x" + "f" * 3600),
    ("exec", "print(*a, sep='')\n*a, b = c\na = b = c\na[b], c.d = e"),
    ("exec", "if x:\n    if y:\n        if z:\n            pass"),
    ("exec", "def f(a, b=1, *, c, d=2, e): pass"),
    ("exec", "def f(*, a=None): pass\ndef g(**kw): pass\ndef h(*a): pass"),
    ("eval", "a + b * c"),
    ("eval", "(x)"),
    ("single", "x = 1"),
    ("single", "if x:\n    pass\n"),
    ("exec", "# type: ignore\nx = 1  # type: int"),
    ("func_type", "(int, *str) -> None"),
    ("func_type", "() -> List[int]"),
    ("exec", "def f(a,  # type: int\n      b):\n    # type: (...) -> None\n    pass\nx = 1  # type: int\nfor a in b:  # type: int\n    pass\nwith c as d:  # type: int\n    pass\nimport x  # type: ignore[attr]\n", True),
    ("exec", "não = 'ü'\nℌ = 1"),
]


def cases():
    out = []
    for mode, src, *tc in CASES:
        tree = ast.parse(src, mode=mode, type_comments=bool(tc and tc[0]))
        out.append({"mode": mode, "src": src, "type_comments": bool(tc and tc[0]),
                    "tree": to_json(tree), "dumps": dump_variants(tree)})
    # One case per line keeps the golden file diffable.
    w = sys.stdout.write
    w('{"variants": %s,\n "cases": [\n' % json.dumps([[-1 if i is None else i, a] for i, a in VARIANTS]))
    for i, c in enumerate(out):
        w("  " + json.dumps(c, ensure_ascii=True, separators=(",", ":")))
        w(",\n" if i + 1 < len(out) else "\n")
    w("]}\n")


def nonprintable():
    start = None
    for cp in range(0x110000):
        np = not chr(cp).isprintable()
        if np and start is None:
            start = cp
        elif not np and start is not None:
            print("%x %x" % (start, cp - 1))
            start = None
    if start is not None:
        print("%x %x" % (start, 0x10FFFF))


def floats():
    out = []
    for line in sys.stdin:
        a, b = line.split()
        re = struct.unpack("<d", struct.pack("<Q", int(a, 16)))[0]
        im = struct.unpack("<d", struct.pack("<Q", int(b, 16)))[0]
        out.append("%s\t%s" % (repr(re), repr(complex(re, im))))
    sys.stdout.write("\n".join(out) + "\n")


def ints():
    sys.set_int_max_str_digits(0)
    vals = [int(line) for line in sys.stdin if line.strip()]
    sys.set_int_max_str_digits(4300)
    for v in vals:
        try:
            print(repr(v))
        except ValueError as e:
            print("ValueError: %s" % e)


def strs():
    out = sys.stdout.buffer
    for line in sys.stdin:
        raw = bytes.fromhex(line.strip())
        s = raw.decode("utf-8", "surrogatepass")
        r = repr(s).encode("utf-8", "surrogatepass") + b"\t" + repr(raw).encode() + b"\n"
        out.write(r)


def main():
    warnings.simplefilter("ignore")
    # ast.dump recurses (partly through C) once per tree level; let it
    # reach the depths ast.parse can produce (about 3000 levels).
    sys.setrecursionlimit(100000)
    threading.stack_size(512 << 20)
    failed = []

    def run():
        try:
            command()
        except BaseException:
            failed.append(True)
            raise

    t = threading.Thread(target=run)
    t.start()
    t.join()
    if failed:
        sys.exit(1)


def command():
    cmd = sys.argv[1]
    if cmd == "stdlib":
        each_file(sys.argv[2], sys.argv[3], write_dump)
    elif cmd == "trees":
        each_file(sys.argv[2], sys.argv[3], write_tree)
    elif cmd == "cases":
        cases()
    elif cmd == "nonprintable":
        nonprintable()
    elif cmd == "floats":
        floats()
    elif cmd == "ints":
        ints()
    elif cmd == "strs":
        strs()
    else:
        sys.exit("unknown subcommand %r" % cmd)


if __name__ == "__main__":
    main()
