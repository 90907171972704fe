print 'x'
y = '''abc
