def ping(n):
    return pong(n)


def pong(n):
    if n > 5:
        return 1 / 0
    return ping(n + 1)


ping(0)
