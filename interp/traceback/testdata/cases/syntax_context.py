try:
    eval("1 +* 2")
except SyntaxError:
    raise ValueError("after syntax error")
