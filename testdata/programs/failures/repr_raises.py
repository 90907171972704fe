class Bad:
    def __repr__(self):
        raise RuntimeError('repr failed')
items = [1, Bad()]
print(len(items))
print(items)
