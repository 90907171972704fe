def area(s):
    return s * s
def describe():
    return f'square module in package {__package__!r}, name {__name__!r}'
