eg = ExceptionGroup('many', [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg))
print(str(eg), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)))
try:
    ExceptionGroup('x', [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup('x', [KeyboardInterrupt()])
except TypeError as e:
    print(e)
print(type(BaseExceptionGroup('y', [KeyboardInterrupt()])).__name__)
try:
    raise eg
except ExceptionGroup as caught:
    print('caught group', [repr(x) for x in caught.exceptions])
