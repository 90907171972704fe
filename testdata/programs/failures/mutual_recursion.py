def ping(n):
    if n == 0:
        return {}['done']
    return pong(n - 1)
def pong(n):
    return ping(n)
ping(3)
