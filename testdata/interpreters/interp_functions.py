# Functions cross to another interpreter as their code; what cannot cross is refused.
try:
    from concurrent import interpreters as I
except ImportError:
    from test.support import interpreters as I
try:
    I.get_current().exec('pass')
except Exception as e: print(type(e).__name__, flush=True)
a = I.create()
try:
    a.call(len)
except Exception as e: print(type(e).__name__, e)
a.call(lambda: 1)
a.exec(lambda: print('lambda body'))
def withargs(x): print(x)
try:
    a.exec(withargs)
except Exception as e: print(type(e).__name__, e)
def outer():
    v = 1
    def inner(): return v
    return inner
try:
    a.call(outer())
except ValueError as e:
    print("closure: ValueError")
GLOBAL = "main's global"
def uses_globals():
    print("sees", globals().get("GLOBAL", "no GLOBAL"), __name__, flush=True)
a.call(uses_globals)
a.prepare_main(GLOBAL="a's global")
a.call(uses_globals)
a.exec(uses_globals)
def body():
    local = 5
    print("body ran", local, flush=True)
a.exec(body)
a.exec("print('local leaked:', 'local' in globals(), flush=True)")
a.close()
