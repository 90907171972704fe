# Create interpreters, run code in them, prepare their __main__, close them.
try:
    from concurrent import interpreters
except ImportError:
    from test.support import interpreters

main = interpreters.get_main()
print("main:", main, main.id, main.whence, flush=True)
print("current is main:", interpreters.get_current() == main, flush=True)

a = interpreters.create()
b = interpreters.create()
print("created:", a, b, a.whence, flush=True)
print("ids:", [i.id for i in interpreters.list_all()], flush=True)
print("same object:", interpreters.Interpreter(a.id) is a, flush=True)

a.exec("x = 40")
a.exec("x += 2\nprint('a says', x, flush=True)")
b.exec("print('b has x:', 'x' in globals(), flush=True)")

a.prepare_main(n=7, s="seven", t=(1, 2.5, None, True, b"bytes", ("nested",)))
a.exec("print('prepared:', n, s, t, flush=True)")
a.prepare_main({"k": 1}, j=2)
a.exec("print('dict and kwargs:', k, j, flush=True)")

a.exec("""
try:
    from concurrent import interpreters as I
except ImportError:
    from test.support import interpreters as I
me = I.get_current()
print('inside:', me.id == __import__('sys').modules['__main__'].__dict__.get('MYID', me.id), me.whence, flush=True)
print('inside main:', I.get_main().id, flush=True)
""")

print("running:", a.is_running(), flush=True)
b.close()
print("after close:", [i.id for i in interpreters.list_all()], flush=True)
try:
    b.exec("pass")
except interpreters.InterpreterNotFoundError as e:
    print("closed:", type(e).__name__, flush=True)
a.close()
print("left:", [i.id for i in interpreters.list_all()], flush=True)
