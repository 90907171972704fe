import os.path as op
import posixpath
import ntpath

paths = ["/usr/local/lib/python3.12/os.py", "relative/dir/", "file.tar.gz", ".bashrc", "/", "", "a//b/../c/./d"]
for p in paths:
    print(repr(p), op.split(p), op.splitext(p), op.basename(p), op.dirname(p), op.isabs(p), op.normpath(p) if p else "")
print(op.join("a", "b", "c.txt"), op.join("a", "/abs", "x"), op.join("a/", "b"), op.join("", "x"))
print(op.normpath("/../x/../../y"), op.normpath("./"), op.normpath("a/b/../../.."))
print(op.relpath("/a/b/c", "/a/x"), op.relpath("/a/b", "/a/b"), op.relpath("/x", "/a/b/c"))
print(op.commonpath(["/usr/lib/x", "/usr/lib/y/z", "/usr/local"]), op.commonprefix(["interspecies", "interstellar", "interstate"]))
print(op.splitdrive("/x/y"), op.sep, op.extsep, op.pardir, op.curdir)
print(posixpath.join("x", "y"), ntpath.join("C:\\", "Users", "me"), ntpath.splitdrive("C:\\dir\\f.txt"), ntpath.normpath("a/b\\..\\c"))
print(ntpath.isabs("C:\\x"), ntpath.basename("C:\\x\\y.txt"), ntpath.splitext("archive.tar.GZ"))
print(op.expanduser("no-tilde"), op.expandvars("$NOT_SET_VAR_XYZ/x"), op.splitext(".hidden.txt"))
try:
    op.commonpath(["/abs", "rel"])
except ValueError as e:
    print("ValueError:", e)
try:
    op.join("a", 5)
except TypeError as e:
    print("TypeError:", e)
