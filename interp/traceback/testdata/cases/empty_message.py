class Custom(Exception):
    pass


try:
    raise Custom()
except Custom:
    raise Custom("")
