if x = 1:
    pass
y = 1 € 2
