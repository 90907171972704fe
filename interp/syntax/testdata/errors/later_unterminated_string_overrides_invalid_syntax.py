x = $
y = 'abc
