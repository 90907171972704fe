def deco(fn):
    return fn.missing_attribute


@deco
def target():
    pass
