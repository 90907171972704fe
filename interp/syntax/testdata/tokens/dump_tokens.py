"""Dump CPython's tokens for Go's tokenizer tests.

Usage: python3 dump_tokens.py [FILE_OR_DIR ...]   (default: the stdlib)

Writes one JSON object per .py file to stdout:
  {"file": path, "tokens": [[type, string, sline, scol, eline, ecol], ...],
   "compile": null | [exc_type, msg, lineno, offset, end_lineno, end_offset]}
or {"file": path, "error": "..."} when tokenize fails. Columns are the
tokenize module's (characters). NL, COMMENT and ENCODING are left out.
"""
import io, json, os, sys, sysconfig, tokenize, warnings

SKIP = {tokenize.NL, tokenize.COMMENT, tokenize.ENCODING}


def files(args):
    if not args:
        args = [sysconfig.get_paths()["stdlib"]]
    for a in args:
        if os.path.isdir(a):
            for root, dirs, names in os.walk(a):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".py"):
                        yield os.path.join(root, n)
        else:
            yield a


def main():
    warnings.simplefilter("ignore")
    out = sys.stdout
    for path in files(sys.argv[1:]):
        with open(path, "rb") as f:
            data = f.read()
        rec = {"file": path}
        try:
            toks = []
            for t in tokenize.tokenize(io.BytesIO(data).readline):
                if t.type in SKIP:
                    continue
                toks.append([tokenize.tok_name[t.type], t.string, t.start[0], t.start[1], t.end[0], t.end[1]])
            rec["tokens"] = toks
        except Exception as e:
            rec["error"] = "%s: %s" % (type(e).__name__, e)
        try:
            compile(data, path, "exec", dont_inherit=True)
            rec["compile"] = None
        except SyntaxError as e:
            rec["compile"] = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
        except Exception as e:
            rec["compile"] = [type(e).__name__, str(e), 0, 0, 0, 0]
        out.write(json.dumps(rec))
        out.write("\n")


if __name__ == "__main__":
    main()
