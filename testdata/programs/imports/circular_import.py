import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/lib')
import circ_a
import circ_b
print(circ_a.from_b(), circ_b.partial_a(), circ_b.SEEN_AT_IMPORT)
