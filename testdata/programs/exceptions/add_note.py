try:
    e = ValueError('bad value')
    e.add_note('while parsing line 3')
    e.add_note('in file config.txt')
    raise e
except ValueError as err:
    print(err.__notes__)
    print(str(err))
try:
    ValueError().add_note(42)
except TypeError as te:
    print(te)
def handler():
    try:
        int('x')
    except ValueError as e:
        e.add_note('note added in handler')
        raise
try:
    handler()
except ValueError as e:
    print(e, e.__notes__)
