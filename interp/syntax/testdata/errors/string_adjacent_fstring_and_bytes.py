x = f'abc' b'def'
