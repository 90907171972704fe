f'{x # comment}'
