# asyncio on our _socket, select and generators: tasks, queues, wait_for, async generators, futures, a TCP echo.
import asyncio
async def worker(name, q, out):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            return
        await asyncio.sleep(0)
        out.append((name, item * 2))
        q.task_done()
async def main():
    q = asyncio.Queue()
    out = []
    ws = [asyncio.create_task(worker(f"w{i}", q, out)) for i in range(3)]
    for i in range(10):
        await q.put(i)
    for _ in ws:
        await q.put(None)
    await q.join()
    await asyncio.gather(*ws)
    print(sorted(x for _, x in out))
    r = await asyncio.wait_for(asyncio.sleep(0.01, "slept"), timeout=1)
    print(r)
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
    except TimeoutError:
        print("timeout")
    async def agen():
        for i in range(3):
            yield i
    print([x async for x in agen()])
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 42)
    print(await fut)
    r, w = await asyncio.open_connection(*(await start()))
    w.write(b"ping\n"); await w.drain()
    print(await r.readline())
    w.close(); await w.wait_closed()
async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line.upper()); await writer.drain()
    writer.close()
async def start():
    srv = await asyncio.start_server(handle, "127.0.0.1", 0)
    return srv.sockets[0].getsockname()[:2]
asyncio.run(main())
