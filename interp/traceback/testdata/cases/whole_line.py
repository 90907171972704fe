def fail():
    raise ValueError("whole line")


def call():
    fail()


call()
