return x:
