# A counter shared by the worker threads, under a lock: check() holds.
import threading

lock = threading.Lock()
count = 0
calls = 0

def setup():
    global count, calls
    count = calls = 0

def worker(i):
    global count, calls
    with lock:
        count += 1
        calls += 1

def check():
    assert count == calls, (count, calls)
