from pathlib import PurePath, PurePosixPath, PureWindowsPath

p = PurePosixPath("/home/user/projects/app/src/main.tar.gz")
print(p, repr(p))
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, p.anchor, p.root, p.drive)
print(list(p.parents)[:3], p.parts)
print(p.with_name("other.py"), p.with_suffix(".bz2"), p.with_stem("lib"))
print(p.relative_to("/home/user"), p.is_relative_to("/home"), p.is_relative_to("/etc"))
print(PurePosixPath("a") / "b" / "c", "x" / PurePosixPath("y"), PurePosixPath("a", "/b", "c"))
print(PurePosixPath("a/b").joinpath("c", "d"), PurePosixPath("//x"), PurePosixPath("a//b/./c/.."))
print(PurePosixPath("/a/b").match("*/b"), PurePosixPath("a/b.py").match("*.py"), PurePosixPath("x.PY").match("*.py"))
print(PurePosixPath("b") < PurePosixPath("a/z"), sorted([PurePosixPath("b"), PurePosixPath("a"), PurePosixPath("a/b")]))
print(PurePosixPath("a") == PurePosixPath("a/"), PurePosixPath("A") == PurePosixPath("a"), hash(PurePosixPath("x")) == hash(PurePosixPath("x")))
w = PureWindowsPath("C:/Users/Me/Documents/report.DOCX")
print(w, w.drive, w.root, w.anchor, w.parts, w.suffix, w.parent.name)
print(PureWindowsPath("C:\\A") == PureWindowsPath("c:/a"), w.as_posix(), PureWindowsPath("//server/share/f.txt").drive)
print(PureWindowsPath("x") / "y", w.is_absolute(), PurePosixPath("rel").is_absolute(), PurePosixPath("/").name == "")
print(p.as_uri(), w.as_uri(), str(PurePath("a/b")), type(PurePath("a")).__name__)
print(PurePosixPath("/a/b/c").is_reserved(), PureWindowsPath("nul").is_reserved())
for bad in [lambda: p.relative_to("/etc"), lambda: PurePosixPath("a").with_suffix("bad"), lambda: PurePosixPath("").with_name("x"), lambda: PurePosixPath("rel").as_uri()]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
