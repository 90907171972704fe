import circ_b
A_NAME = 'a'
def from_b():
    return circ_b.B_NAME
