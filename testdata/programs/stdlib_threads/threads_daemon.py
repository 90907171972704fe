# Daemon threads still running when the program ends are abandoned;
# non-daemon threads are waited for before exit (and before atexit).
import atexit
import threading

forever = threading.Event()
started = threading.Event()


def block_forever():
    started.set()
    forever.wait()
    print("never printed")


def spin():
    n = 0
    while True:
        n += 1


d1 = threading.Thread(target=block_forever, daemon=True, name="blocked")
d2 = threading.Thread(target=spin, daemon=True, name="spinner")
print(d1.daemon, d2.daemon, threading.current_thread().daemon)
d1.start()
d2.start()
started.wait()
print("daemons running:", d1.is_alive(), d2.is_alive())

# a daemon's children are daemons too
child_daemon = []


def parent():
    c = threading.Thread(target=lambda: None)
    child_daemon.append(c.daemon)


p = threading.Thread(target=parent, daemon=True)
p.start()
p.join()
print("child daemon:", child_daemon)
try:
    d1.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)

# a non-daemon thread that finishes only after the main program does
release = threading.Event()


def late():
    release.wait()
    print("late thread done")


atexit.register(lambda: print("atexit runs after the late thread"))
threading.Thread(target=late).start()
threading.Timer(0.05, release.set).start()
print("main program done")
