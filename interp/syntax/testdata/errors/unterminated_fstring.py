f = f'abc {x}
