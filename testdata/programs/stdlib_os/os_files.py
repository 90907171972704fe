import os
import stat
import tempfile

with tempfile.TemporaryDirectory() as root:
    os.chdir(root)
    os.makedirs("src/pkg/sub")
    os.makedirs("src/pkg/sub", exist_ok=True)
    os.mkdir("docs")
    for name, body in [("src/main.py", "print('hi')\n"), ("src/pkg/__init__.py", ""), ("src/pkg/sub/util.py", "x = 1\n" * 10), ("docs/readme.md", "# Title\n")]:
        with open(name, "w") as f:
            f.write(body)
    print(sorted(os.listdir(".")), sorted(os.listdir("src")))
    for dirpath, dirnames, filenames in sorted(os.walk(".")):
        dirnames.sort()
        print(dirpath, dirnames, sorted(filenames))
    st = os.stat("src/pkg/sub/util.py")
    print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat("docs").st_mode))
    entries = sorted((e.name, e.is_dir(), e.is_file()) for e in os.scandir("src"))
    print(entries)
    os.rename("docs/readme.md", "docs/README.md")
    os.replace("src/main.py", "src/app.py")
    print(sorted(os.listdir("docs")), os.path.exists("src/main.py"), os.path.isfile("src/app.py"))
    os.chmod("src/app.py", 0o640)
    print(oct(stat.S_IMODE(os.stat("src/app.py").st_mode)), os.access("src/app.py", os.R_OK))
    os.remove("src/app.py")
    os.remove("src/pkg/sub/util.py")
    os.removedirs("src/pkg/sub")
    print(sorted(os.listdir("src")), os.path.isdir("src/pkg"))
    fd = os.open("raw.bin", os.O_WRONLY | os.O_CREAT, 0o600)
    print(os.write(fd, b"hello raw"))
    os.close(fd)
    fd = os.open("raw.bin", os.O_RDONLY)
    print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_END), os.fstat(fd).st_size)
    os.close(fd)
    os.symlink("raw.bin", "link")
    print(os.path.islink("link"), os.readlink("link"), os.path.realpath("link") == os.path.join(os.path.realpath(root), "raw.bin"))
    os.chdir("/")
print(os.path.exists(root))
