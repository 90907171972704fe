builtins = __builtins__
names = ['print', 'len', 'range', 'enumerate', 'zip', 'map', 'filter', 'sorted', 'reversed', 'min',
         'max', 'sum', 'abs', 'round', 'divmod', 'pow', 'int', 'float', 'str', 'bool', 'list', 'tuple',
         'dict', 'set', 'frozenset', 'bytes', 'bytearray', 'repr', 'ascii', 'hash', 'id', 'type',
         'isinstance', 'issubclass', 'hasattr', 'getattr', 'setattr', 'delattr', 'iter', 'next', 'all',
         'any', 'chr', 'ord', 'hex', 'oct', 'bin', 'format', 'callable', 'super', 'object', 'property',
         'staticmethod', 'classmethod', 'vars', 'dir', 'globals', 'locals', 'open', 'input', 'exit', 'quit']
print(all(hasattr(builtins, n) for n in names))
print([n for n in names if isinstance(getattr(builtins, n), type)])
print(builtins.len is len, type(builtins).__name__, builtins.__name__)
len = lambda x: 'shadowed'
print(len([1, 2]), builtins.len([1, 2]))
del len
print(len([1, 2]))
print(type(print).__name__, print.__name__, repr(len))
