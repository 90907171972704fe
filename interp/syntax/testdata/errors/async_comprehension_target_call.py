async def f():
    [x async for f() in y]
