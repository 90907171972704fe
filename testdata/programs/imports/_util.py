"""Utility module beside the scripts."""
print('loading _util as', __name__)
CONSTANT = 42
def double(x):
    return x * 2
class Thing:
    def __repr__(self):
        return 'Thing()'
_private = 'hidden'
