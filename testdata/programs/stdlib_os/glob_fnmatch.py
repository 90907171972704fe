import fnmatch
import glob
import os
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    for name in ["a.py", "b.py", "c.txt", ".hidden.py", "data1.csv", "data2.csv", "data10.csv", "sub/x.py", "sub/deep/y.py", "sub/deep/z.txt", "[weird].py"]:
        os.makedirs(os.path.dirname(name) or ".", exist_ok=True)
        open(name, "w").close()
    print(sorted(glob.glob("*.py")))
    print(sorted(glob.glob("data?.csv")), sorted(glob.glob("data[0-9]*.csv")))
    print(sorted(glob.glob("**/*.py", recursive=True)))
    print(sorted(glob.glob("**", recursive=True)))
    print(sorted(glob.glob("sub/*")), sorted(glob.glob("*/")), glob.glob("nomatch*"))
    print(sorted(glob.glob("*.py", include_hidden=True)), sorted(glob.glob("sub/**/*.txt", recursive=True)))
    print(glob.escape("[weird].py"), glob.glob(glob.escape("[weird].py")), glob.has_magic("a*"), glob.has_magic("plain"))
    print(sorted(glob.glob("*.py", root_dir="sub/deep")), sorted(glob.iglob("sub/**/", recursive=True)))
    os.chdir("/")
names = ["main.py", "test_main.py", "README", "setup.cfg", "Main.PY", "x.pyc"]
print(fnmatch.filter(names, "*.py"), fnmatch.filter(names, "test_*"), fnmatch.filter(names, "[A-Z]*"))
print(fnmatch.fnmatch("Main.PY", "*.py"), fnmatch.fnmatchcase("Main.PY", "*.py"), fnmatch.fnmatch("x.pyc", "*.py?"))
print(fnmatch.fnmatch("a/b.py", "*.py"), fnmatch.fnmatch("file[1]", "file[[]1]"), fnmatch.fnmatch("ab", "[!a]b"))
print(fnmatch.translate("*.py"), fnmatch.translate("[!a-c]?x"), fnmatch.translate("[]]"))
