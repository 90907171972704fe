"""Write the golden files of the syntax error corpus from CPython 3.12.

Run by `go test ./interp/syntax -run TestSyntaxErrorCorpus -update`, which
calls `python3 ../gen_errors.py` with PYENV_VERSION=3.12.1 and the working
directory set to testdata/errors. For every X.py there it writes X.golden:

    # header comment
    type: SyntaxError
    msg: "json-quoted msg"
    lineno: 1
    offset: 5
    end_lineno: 1
    end_offset: 6
    text: "json-quoted text"
    script_type: ...    (script_ keys: only when the script prints differently)
    -- stderr --
    the block CPython prints for the exception
    -- script stderr --
    the block `python3 X.py` prints, only when it differs from the above

The attributes are those of the exception raised by
compile(src, "X.py", "exec", ast.PyCF_ONLY_AST) on the file's bytes, which is
what ast.parse and compile() give and what syntax.Parse must return. A
missing key means CPython left that attribute None.

"-- stderr --" is that exception printed by sys.__excepthook__, the C code
(PyErr_Display) that also prints an uncaught SyntaxError of a script; it is
what Error.Format must return.

A script is parsed by the file tokenizer rather than the string tokenizer,
which differs at end of input and in encoding errors. To record that
without starting a process per file, the file is also parsed the way
`python3 X.py` does, through PyRun_FileExFlags called with ctypes. When
that exception prints differently, its attributes follow under "script_"
keys and its block under "-- script stderr --". (A real `python3 X.py`
prints the absolute path of the script in the File line; we pass "X.py".)

Every file must be rejected by ast.parse; the script exits with status 1
naming any that are not. Golden files without a program are removed.
"""

import ast
import ctypes
import glob
import io
import json
import os
import sys
import warnings

HEADER = ("# Generated from CPython %d.%d.%d by "
          "`go test ./interp/syntax -run TestSyntaxErrorCorpus -update`. "
          "Do not edit.\n" % sys.version_info[:3])

PY_FILE_INPUT = 257

libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]

run_file = ctypes.pythonapi.PyRun_FileExFlags
run_file.restype = ctypes.py_object
run_file.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                     ctypes.py_object, ctypes.py_object, ctypes.c_int,
                     ctypes.c_void_p]


def printed(exc):
    """Return what sys.__excepthook__ writes to stderr for exc."""
    exc.__traceback__ = None
    buf = io.StringIO()
    saved = sys.stderr
    sys.stderr = buf
    try:
        sys.__excepthook__(type(exc), exc, None)
    finally:
        sys.stderr = saved
    return buf.getvalue()


def quote(s):
    """Quote s as a JSON string, escaping characters that do not print."""
    out = []
    for c in json.dumps(s, ensure_ascii=False):
        if c.isprintable():
            out.append(c)
        elif ord(c) < 0x10000:
            out.append("\\u%04x" % ord(c))
        else:
            n = ord(c) - 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (n >> 10), 0xDC00 + (n & 0x3FF)))
    return "".join(out)


def attributes(exc, prefix=""):
    lines = ["%stype: %s\n" % (prefix, type(exc).__name__),
             "%smsg: %s\n" % (prefix, quote(exc.msg))]
    for key in ("lineno", "offset", "end_lineno", "end_offset"):
        value = getattr(exc, key)
        if value is not None:
            lines.append("%s%s: %d\n" % (prefix, key, value))
    if exc.text is not None:
        lines.append("%stext: %s\n" % (prefix, quote(exc.text)))
    return lines


def parse_as_string(name, src):
    try:
        compile(src, name, "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as exc:
        return exc
    return None


def parse_as_script(name):
    # Parses like `python3 name`. Every corpus file fails to parse, so
    # nothing is executed; should one parse, it would run in a fresh dict.
    fp = libc.fopen(name.encode(), b"rb")
    if not fp:
        raise OSError("cannot open " + name)
    namespace = {"__name__": "__corpus__"}
    try:
        run_file(fp, name.encode(), PY_FILE_INPUT, namespace, namespace, 1, None)
    except SyntaxError as exc:
        return exc
    return None


def main():
    if sys.version_info[:2] != (3, 12):
        sys.exit("gen_errors.py needs CPython 3.12, not %s" % sys.version.split()[0])
    if len(sys.argv) > 1:
        os.chdir(sys.argv[1])
    warnings.simplefilter("ignore")
    failures = []
    names = sorted(glob.glob("*.py"))
    for name in names:
        with open(name, "rb") as f:
            src = f.read()
        exc = parse_as_string(name, src)
        if exc is None:
            failures.append(name + ": ast.parse accepts it")
            continue
        script = parse_as_script(name)
        if script is None:
            failures.append(name + ": parses when run as a script")
            continue
        head = [HEADER] + attributes(exc)
        block = printed(exc)
        blocks = ["-- stderr --\n", block]
        script_block = printed(script)
        if script_block != block:
            head += attributes(script, "script_")
            blocks += ["-- script stderr --\n", script_block]
        with open(name[:-3] + ".golden", "w", encoding="utf-8", newline="") as f:
            f.write("".join(head + blocks))
    for golden in sorted(glob.glob("*.golden")):
        if not os.path.exists(golden[:-7] + ".py"):
            os.remove(golden)
    for failure in failures:
        print(failure, file=sys.stderr)
    print("wrote %d golden files" % (len(names) - len(failures)))
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
