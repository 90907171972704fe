counter = 0
def bump():
    global counter
    counter += 1
    return counter
def read():
    return counter
bump(); bump()
print(counter, read())
def make_global():
    global created_later
    created_later = 'hello'
make_global()
print(created_later)
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def nested():
    def inner():
        global counter
        counter = -1
    inner()
nested()
print(counter)
