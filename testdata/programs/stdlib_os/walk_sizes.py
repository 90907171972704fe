import os
import tempfile

LAYOUT = {
    "project/README.md": 120,
    "project/src/app.py": 2048,
    "project/src/util.py": 512,
    "project/src/lib/core.py": 4096,
    "project/src/lib/extra.py": 300,
    "project/tests/test_app.py": 700,
    "project/assets/logo.png": 10000,
    "project/assets/icons/a.svg": 250,
    "project/assets/icons/b.svg": 260,
}
with tempfile.TemporaryDirectory() as tmp:
    for rel, size in LAYOUT.items():
        path = os.path.join(tmp, *rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(b"x" * size)
    root = os.path.join(tmp, "project")
    totals = {}
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        size = sum(os.path.getsize(os.path.join(dirpath, f)) for f in filenames)
        size += sum(totals[os.path.join(dirpath, d)] for d in dirnames)
        totals[dirpath] = size
    for path in sorted(totals):
        rel = os.path.relpath(path, tmp)
        depth = rel.count(os.sep)
        print(f"{'  ' * depth}{os.path.basename(path)}/ {totals[path]:>6}")
    by_ext = {}
    for dirpath, _, filenames in os.walk(root):
        for f in filenames:
            ext = os.path.splitext(f)[1] or "<none>"
            by_ext[ext] = by_ext.get(ext, 0) + 1
    print(sorted(by_ext.items()))
    biggest = max((os.path.getsize(os.path.join(d, f)), f) for d, _, fs in os.walk(root) for f in fs)
    print("biggest:", biggest)
