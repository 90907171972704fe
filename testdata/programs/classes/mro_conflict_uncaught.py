class Base: pass
class Left(Base): pass
class Right(Base): pass
class Both(Left, Right): pass
print([c.__name__ for c in Both.__mro__])
class Broken(Base, Left): pass
