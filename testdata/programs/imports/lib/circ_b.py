import circ_a
B_NAME = 'b'
def partial_a():
    return getattr(circ_a, 'A_NAME', 'not yet')
SEEN_AT_IMPORT = partial_a()
