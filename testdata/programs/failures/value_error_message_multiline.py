def validate(rows):
    bad = [r for r in rows if r < 0]
    if bad:
        raise ValueError('invalid rows:\n' + '\n'.join(f'  row {r}' for r in bad))
validate([1, -2, 3, -4])
