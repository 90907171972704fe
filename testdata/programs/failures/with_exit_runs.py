class Guard:
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, et, ev, tb):
        print('exit sees', et.__name__, ev)
        return False
with Guard():
    print('inside')
    [][0]
