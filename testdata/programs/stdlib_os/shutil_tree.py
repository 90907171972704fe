import os
import shutil
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    src = Path(tmp, "src")
    (src / "a" / "b").mkdir(parents=True)
    (src / "top.txt").write_text("top")
    (src / "a" / "mid.log").write_text("middle" * 10)
    (src / "a" / "b" / "deep.txt").write_text("deep")
    (src / "a" / "b" / "skip.pyc").write_bytes(b"\0")

    def listing(d):
        return sorted(p.relative_to(d).as_posix() for p in Path(d).rglob("*"))

    dst = shutil.copytree(src, Path(tmp, "copy"), ignore=shutil.ignore_patterns("*.pyc", "*.log"))
    print(Path(dst).name, listing(dst))
    shutil.copy(src / "top.txt", Path(tmp, "copy", "top2.txt"))
    shutil.copy2(src / "a" / "mid.log", Path(tmp, "copy"))
    shutil.copyfile(src / "top.txt", Path(tmp, "plain.txt"))
    print(listing(Path(tmp, "copy")), Path(tmp, "plain.txt").read_text())
    moved = shutil.move(str(Path(tmp, "copy", "a")), str(Path(tmp, "moved_a")))
    print(Path(moved).name, listing(Path(tmp, "moved_a")), listing(Path(tmp, "copy")))
    shutil.rmtree(Path(tmp, "copy"))
    print(sorted(os.listdir(tmp)))
    with open(src / "top.txt", "rb") as fsrc, open(Path(tmp, "stream.txt"), "wb") as fdst:
        shutil.copyfileobj(fsrc, fdst, length=2)
    print(Path(tmp, "stream.txt").read_text())
    errors = []
    shutil.rmtree(Path(tmp, "does-not-exist"), onerror=lambda fn, p, exc: errors.append(exc[0].__name__))
    print(errors)
    shutil.rmtree(Path(tmp, "does-not-exist"), ignore_errors=True)
    try:
        shutil.copytree(src, Path(tmp, "moved_a"))
    except FileExistsError as e:
        print("FileExistsError:", e.strerror)
    shutil.copytree(src, Path(tmp, "moved_a"), dirs_exist_ok=True)
    print(listing(Path(tmp, "moved_a")))
    try:
        shutil.copy(Path(tmp, "nope"), tmp)
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.strerror)
    print(shutil.which("definitely-not-a-command-xyz"), type(shutil.disk_usage(tmp)).__name__)
    archive = shutil.make_archive(str(Path(tmp, "bundle")), "zip", root_dir=src)
    import zipfile
    print(Path(archive).name, sorted(zipfile.ZipFile(archive).namelist()))
    print(shutil.get_terminal_size((77, 11)))
