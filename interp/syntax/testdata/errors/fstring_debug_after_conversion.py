print(f'{x!r=}')
