a = b = c + = d
