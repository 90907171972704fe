"""Symbol-table oracle for interp/compile's tests; runs under CPython 3.12.

    python3 oracle.py tables LIST OUT   dump the symbol tables of the files named in LIST
    python3 oracle.py errors IN OUT     compile each JSON snippet of IN, record the SyntaxError

The table dump walks every table the symtable module shows and prints, per
table, what its public API answers (type, name, lineno, is_optimized,
is_nested, has_children; for functions get_parameters, get_locals,
get_globals, get_nonlocals, get_frees), the raw varnames, and per symbol
its raw flag word and the Symbol predicates. Runs of symbols that carry a
scope but no flag (names passed through for nested scopes, which CPython
adds in set order) are sorted by name. symtable_test.go renders our tables
the same way.
"""

import json
import symtable
import sys

SCOPE_OFF = 12
LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL = 1, 2, 3, 4, 5


def normalized_symbols(table):
    syms = [(name, table._table.symbols[name]) for name in table.get_identifiers()]
    out, run = [], []
    for name, raw in syms:
        if raw & ((1 << SCOPE_OFF) - 1) == 0:
            run.append((name, raw))
            continue
        out.extend(sorted(run))
        run = []
        out.append((name, raw))
    out.extend(sorted(run))
    return out


def flag(b, letter):
    return letter if b else "-"


def render(table, depth, out):
    ind = "  " * depth
    out.append("%s%s %s line=%d optimized=%d nested=%d children=%d varnames=%s" % (
        ind, table.get_type(), table.get_name(), table.get_lineno(),
        table.is_optimized(), table.is_nested(), table.has_children(),
        ",".join(table._table.varnames)))
    syms = normalized_symbols(table)
    if table.get_type() == "function":
        def pick(test):
            return ",".join(n for n, raw in syms if test(raw))
        out.append("%s  params=%s locals=%s globals=%s nonlocals=%s frees=%s" % (
            ind,
            pick(lambda r: r & 4),
            pick(lambda r: (r >> SCOPE_OFF) & 15 in (LOCAL, CELL)),
            pick(lambda r: (r >> SCOPE_OFF) & 15 in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT)),
            pick(lambda r: r & 8),
            pick(lambda r: (r >> SCOPE_OFF) & 15 == FREE)))
    for name, raw in syms:
        s = table.lookup(name)
        assert s._Symbol__flags == raw
        out.append("%s  %s %d %s" % (ind, name, raw, "".join([
            flag(s.is_referenced(), "r"), flag(s.is_imported(), "i"),
            flag(s.is_parameter(), "p"), flag(s.is_global(), "g"),
            flag(s.is_declared_global(), "G"), flag(s.is_local(), "l"),
            flag(s.is_annotated(), "a"), flag(s.is_free(), "f"),
            flag(s.is_assigned(), "s"), flag(s.is_namespace(), "n"),
            flag(s.is_nonlocal(), "N")])))
    for child in table.get_children():
        render(child, depth + 1, out)


def error_record(e):
    return "%s: %s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno, e.offset,
                                    e.end_lineno, e.end_offset)


def tables(list_file, out_file):
    with open(list_file) as f:
        paths = f.read().split("\n")
    with open(out_file, "w", encoding="utf-8") as out:
        for path in paths:
            if not path:
                continue
            out.write("=== %s\n" % path)
            with open(path, "rb") as f:
                src = f.read()
            try:
                compile(src, path, "exec", flags=0x400)  # PyCF_ONLY_AST
            except (SyntaxError, ValueError, MemoryError, RecursionError) as e:
                out.write("! parse %s\n" % type(e).__name__)
                continue
            try:
                top = symtable.symtable(src, path, "exec")
            except SyntaxError as e:
                out.write("! %s\n" % error_record(e))
                continue
            lines = []
            render(top, 0, lines)
            out.write("\n".join(lines))
            out.write("\n")


def errors(in_file, out_file):
    with open(in_file) as f:
        cases = json.load(f)
    results = []
    for src in cases:
        try:
            symtable.symtable(src, "<snippet>", "exec")
            results.append("ok")
        except SyntaxError as e:
            results.append(error_record(e))
    with open(out_file, "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    {"tables": tables, "errors": errors}[sys.argv[1]](sys.argv[2], sys.argv[3])
