__all__ = ['public_one', 'shared']
public_one = 1
public_two = 2
shared = 'shared'
_private = 3
