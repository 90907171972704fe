f = f'{x
