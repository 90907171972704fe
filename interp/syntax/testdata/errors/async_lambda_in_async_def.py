async def f():
    async lambda: 1
