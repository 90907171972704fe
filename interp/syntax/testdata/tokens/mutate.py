"""Make mutated fragments of the stdlib and compile them with CPython.

Usage: python3 mutate.py SEED COUNT

Writes a JSON list of [source, error] pairs to stdout, error being null
when compile() accepts the source, else [type, msg, lineno, offset,
end_lineno, end_offset]. Fragments are picked with a bias towards
f-strings and indented lines, then mutated by inserting brackets, quotes,
backslashes, newlines, indentation, bad characters and number prefixes,
deleting a few characters, or truncating.
"""
import json, os, random, sys, sysconfig, warnings

FRAGS = ["(", ")", "[", "]", "{", "}", "'", '"', "'''", '"""', "f'", 'f"', "\\", "\n", "\t", " ", "#",
         "0x", "0o", "0b", "1_", "1e", "j", ".", "\u20ac", "\u00a0", "\u00e9", "\x0c", "\\\n", "{{", "}}",
         "!", ":", "=", "rf'", "b'", "0", "09", "\n    ", "\n\t", "\x01"]


def main():
    warnings.simplefilter("ignore")
    rng = random.Random(int(sys.argv[1]))
    count = int(sys.argv[2])
    stdlib = sysconfig.get_paths()["stdlib"]
    files = []
    for root, dirs, names in os.walk(stdlib):
        dirs.sort()
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".py")]
    out = []
    while len(out) < count:
        try:
            with open(rng.choice(files), encoding="utf-8") as f:
                lines = f.read().split("\n")
        except (UnicodeDecodeError, OSError):
            continue
        if len(lines) < 3:
            continue
        if rng.random() < 0.7:
            picks = [k for k, l in enumerate(lines) if "f'" in l or 'f"' in l or l.startswith("    ")]
            if not picks:
                continue
            i = rng.choice(picks)
        else:
            i = rng.randrange(len(lines))
        src = "\n".join(lines[i:i + rng.randint(1, 12)]) + "\n"
        for _ in range(rng.randint(1, 3)):
            p = rng.randrange(len(src) + 1)
            op = rng.random()
            if op < 0.5:
                src = src[:p] + rng.choice(FRAGS) + src[p:]
            elif op < 0.8:
                src = src[:p] + src[p + rng.randint(1, 3):]
            else:
                src = src[:p]
        try:
            compile(src, "/nonexistent/mutant.py", "exec")
            err = None
        except SyntaxError as e:
            err = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
        except Exception as e:
            err = [type(e).__name__, str(e), 0, 0, 0, 0]
        out.append([src, err])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
