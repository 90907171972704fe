f'{x € y}'
