for x in pass:
    pass
