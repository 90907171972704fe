# Loaded by CPython at startup (PYTHONPATH points here) while the golden
# files are regenerated: go test ./interp/traceback -run TestCPython -update
#
# It wraps sys.excepthook so that, for the uncaught exception, it first
# writes everything the Go renderer needs (the chain of exceptions and the
# position of every traceback entry) as JSON to the file named by
# $TB_DUMP, then lets CPython's own printer (sys.__excepthook__, the C
# implementation that `python3 script.py` uses) write stderr as usual.
import json
import os
import sys


def _frames(tb):
    out = []
    while tb is not None:
        code = tb.tb_frame.f_code
        pos = (None, None, None, None)
        if tb.tb_lasti >= 0:
            positions = list(code.co_positions())
            if tb.tb_lasti // 2 < len(positions):
                pos = positions[tb.tb_lasti // 2]
        line, end_line, col, end_col = pos
        out.append({
            "filename": code.co_filename,
            "name": code.co_name,
            "line": tb.tb_lineno if tb.tb_lineno is not None else -1,
            "pos_line": line if line is not None else -1,
            "end_line": end_line if end_line is not None else -1,
            "col": col if col is not None else -1,
            "end_col": end_col if end_col is not None else -1,
        })
        tb = tb.tb_next
    return out


def _suggestion(e):
    if not isinstance(e, (NameError, AttributeError, ImportError)):
        return ""
    try:
        import traceback
        te = traceback.TracebackException(type(e), e, e.__traceback__)
        base = str(e)
        if te._str.startswith(base):
            return te._str[len(base):]
    except Exception:
        pass
    return ""


def _notes(e):
    """Returns the notes as printed, whether they are __notes__'s repr,
    and which notes' str() failed."""
    try:
        notes = e.__notes__
    except AttributeError:
        return None, False, None
    if not isinstance(notes, (list, tuple)) or isinstance(notes, (str, bytes)):
        try:
            return [repr(notes)], True, None
        except Exception:
            return ["<__notes__ repr() failed>"], True, None
    out, failed = [], []
    for n in notes:
        try:
            out.append(str(n))
            failed.append(False)
        except Exception:
            out.append("<note str() failed>")
            failed.append(True)
    return out, False, (failed if any(failed) else None)


def _dump(root):
    index = {}
    order = []

    def visit(e):
        if id(e) in index:
            return index[id(e)]
        index[id(e)] = len(order)
        rec = {}
        order.append(rec)
        t = type(e)
        rec["type"] = t.__qualname__
        mod = t.__module__
        rec["module"] = mod if isinstance(mod, str) else "<unknown>"
        try:
            rec["message"] = str(e)
        except Exception:
            rec["message"] = "<exception str() failed>"
        rec["suggestion"] = _suggestion(e)
        rec["notes"], notes_repr, failed = _notes(e)
        if notes_repr:
            rec["notes_repr"] = True
        if failed:
            rec["note_failed"] = failed
        rec["frames"] = _frames(e.__traceback__)
        rec["suppress_context"] = bool(e.__suppress_context__)
        if hasattr(e, "print_file_and_line"):
            rec["syntax"] = {
                "type": t.__name__,
                "msg": e.msg if isinstance(e.msg, str) else str(e.msg),
                "filename": e.filename,
                "lineno": e.lineno,
                "offset": e.offset,
                "end_lineno": e.end_lineno,
                "end_offset": e.end_offset,
                "text": e.text,
            }
        rec["cause"] = visit(e.__cause__) if e.__cause__ is not None else None
        rec["context"] = visit(e.__context__) if e.__context__ is not None else None
        if isinstance(e, BaseExceptionGroup):
            rec["group"] = True
            rec["exceptions"] = [visit(x) for x in e.exceptions]
        return index[id(e)]

    visit(root)
    return order


def _hook(t, v, tb):
    path = os.environ.get("TB_DUMP")
    if path:
        with open(path, "w", encoding="utf-8") as f:
            limit = getattr(sys, "tracebacklimit", None)
            data = {"exceptions": _dump(v)}
            if isinstance(limit, int):
                data["limit"] = limit
            json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
    sys.__excepthook__(t, v, tb)


sys.excepthook = _hook
