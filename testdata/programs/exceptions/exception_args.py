e = Exception()
print(repr(e), str(e), e.args)
e = Exception('one')
print(repr(e), str(e), e.args)
e = Exception('a', 2, None)
print(repr(e), str(e), e.args)
print(repr(KeyError('k')), str(KeyError('k')), str(KeyError()), str(KeyError('a', 'b')))
print(repr(ValueError(42)), str(ValueError(42)), str(IndexError('')))
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f'[{self.code}] {self.args[0]}'
m = MyErr(404, 'not found')
print(repr(m), str(m), m.args, m.code)
print(repr(StopIteration(5)), StopIteration(5).value, repr(SystemExit(3)), SystemExit(3).code)
print(repr(OSError(2, 'No such file')), OSError(2, 'No such file').errno, str(OSError(2, 'x')))
print(repr(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')))
print(str(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')))
