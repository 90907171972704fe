def f(x):
    log = []
    try:
        log.append('try')
        if x == 1:
            raise ValueError('one')
        if x == 2:
            return log + ['returned']
    except ValueError as e:
        log.append('except ' + str(e))
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
for i in range(3):
    print(f(i))
def g():
    try:
        return 'try'
    finally:
        return 'finally wins'
print(g())
def h():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
        finally:
            print('finally', i)
    return i
print(h())
