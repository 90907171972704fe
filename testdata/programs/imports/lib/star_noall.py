alpha = 'a'
beta = 'b'
_gamma = 'g'
