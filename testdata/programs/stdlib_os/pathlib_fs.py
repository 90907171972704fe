import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp)
    (root / "data" / "raw").mkdir(parents=True)
    (root / "data" / "raw").mkdir(parents=True, exist_ok=True)
    for i, ext in enumerate(["csv", "csv", "json", "txt"]):
        (root / "data" / "raw" / f"file{i}.{ext}").write_text(f"row {i}\n" * (i + 1))
    (root / "data" / "notes.md").write_text("# notes\nmore\n", encoding="utf-8")
    (root / "bin.dat").write_bytes(bytes(range(5)))

    def rel(p):
        return p.relative_to(root).as_posix()

    print(sorted(rel(p) for p in root.iterdir()))
    print(sorted(rel(p) for p in root.glob("data/raw/*.csv")))
    print(sorted(rel(p) for p in root.rglob("*.md")), sorted(rel(p) for p in root.glob("**/file[12].*")))
    f = root / "data" / "raw" / "file2.json"
    print(f.exists(), f.is_file(), f.is_dir(), f.parent.is_dir(), f.stat().st_size, f.read_text().splitlines())
    print((root / "bin.dat").read_bytes(), (root / "missing").exists())
    with f.open("a") as fh:
        fh.write("appended\n")
    print(f.read_text().count("\n"))
    target = f.rename(f.with_suffix(".bak"))
    print(rel(target), f.exists(), target.exists())
    target.replace(root / "moved.bak")
    (root / "moved.bak").unlink()
    (root / "gone").unlink(missing_ok=True)
    link = root / "link.md"
    link.symlink_to(root / "data" / "notes.md")
    print(link.is_symlink(), link.read_text().split("\n")[0], link.resolve() == (root / "data" / "notes.md").resolve())
    empty = root / "empty"
    empty.mkdir()
    empty.rmdir()
    print(sorted(p.name for p in root.iterdir()), Path("a/b").with_name("c").as_posix())
    print((root / "data").samefile(root / "data" / ".."/ "data"), Path(".").resolve() == Path.cwd())
    try:
        (root / "data").mkdir()
    except FileExistsError as e:
        print("FileExistsError:", e.strerror)
    try:
        (root / "nope.txt").read_text()
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.strerror, Path(e.filename).name)
    touch = root / "touched"
    touch.touch()
    print(touch.stat().st_size, touch.suffix == "")
