class Abort(BaseException):
    pass
try:
    raise Abort('not caught by Exception')
except Exception:
    print('wrong')
