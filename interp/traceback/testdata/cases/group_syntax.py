excs = []
for src in ["x = (", "def f(:\n  pass", "  y = 1"]:
    try:
        compile(src, "fake.py", "exec")
    except SyntaxError as e:
        excs.append(e)
raise ExceptionGroup("bad sources", excs)
