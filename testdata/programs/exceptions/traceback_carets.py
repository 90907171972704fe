def compute(values, scale):
    return values['total'] * scale + values['count'] / scale
compute({'total': 3, 'count': 2}, 1)
print('ok')
compute({'total': 3, 'count': 2}, 0)
