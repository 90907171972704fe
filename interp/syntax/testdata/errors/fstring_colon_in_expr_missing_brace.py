f'{x!r:'
