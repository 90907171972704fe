import fileinput
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    names = []
    for i, body in enumerate(["alpha\nbeta\n", "gamma\n", "", "delta\nepsilon"]):
        p = os.path.join(d, f"part{i}.txt")
        with open(p, "w") as f:
            f.write(body)
        names.append(p)
    with fileinput.input(files=names) as fi:
        for line in fi:
            print(os.path.basename(fi.filename()), fi.lineno(), fi.filelineno(), fi.isfirstline(), line.rstrip())
    with fileinput.input(files=names[:2], inplace=True) as fi:
        for line in fi:
            print(line.rstrip().upper())
    for n in names[:2]:
        with open(n) as f:
            print(os.path.basename(n), repr(f.read()))
    print(sorted(os.listdir(d)))
