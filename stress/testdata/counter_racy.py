# A read-modify-write of a shared counter with a sleep(0) between the
# read and the write, where another thread runs: check() fails once two
# threads interleave there.
import time

count = 0
calls = []

def pause():
    time.sleep(0)

def setup():
    global count
    count = 0

def worker(i):
    global count
    seen = count
    pause()
    count = seen + 1
    calls.append(i)

def check():
    assert count == len(calls), f"lost updates: count {count}, calls {len(calls)}"
