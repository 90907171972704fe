# asyncio with threads: run_in_executor, to_thread, call_soon_threadsafe,
# run_coroutine_threadsafe into a loop running in another thread.
import asyncio, threading, time, concurrent.futures as cf
def blocking(x):
    time.sleep(0.05)
    return x * 2
async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.gather(*(loop.run_in_executor(None, blocking, i) for i in range(5)))
    print(r)
    print(await asyncio.to_thread(blocking, 21))
    fut = loop.create_future()
    threading.Timer(0.05, lambda: loop.call_soon_threadsafe(fut.set_result, "from thread")).start()
    print(await fut)
    with cf.ThreadPoolExecutor(2) as ex:
        print(await loop.run_in_executor(ex, sum, [1, 2, 3]))
    cf_fut = asyncio.run_coroutine_threadsafe(asyncio.sleep(0, "x"), loop)
    print(await asyncio.wrap_future(cf_fut))
asyncio.run(main())
# an event loop in another thread
def run_loop(loop):
    asyncio.set_event_loop(loop)
    loop.run_forever()
loop = asyncio.new_event_loop()
t = threading.Thread(target=run_loop, args=(loop,))
t.start()
async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b
print(asyncio.run_coroutine_threadsafe(add(2, 3), loop).result(10))
loop.call_soon_threadsafe(loop.stop)
t.join()
loop.close()
print("done")
