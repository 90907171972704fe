pairs = [([1], 'a', '+'), ('a', 2, '-'), ({}, {}, '+'), ({1}, [1], '|'), (1, 'a', '*' ), ('a', 1.5, '*'),
         ([1], [2], '*'), (None, None, '<'), (1, None, '>='), ('a', [], '%'), (2, 'x', '**'), ({}, 1, '&'),
         (b'a', 'b', '+'), ((1,), [1], '+'), (1.5, 'x', '//'), (3, [], '@')]
for a, b, op in pairs:
    try:
        eval(f'a {op} b')
        print('ok', op)
    except TypeError as e:
        print(e)
for expr in ['-"x"', '~1.5', '+[]', 'not_defined_var']:
    try:
        eval(expr)
    except (TypeError, NameError) as e:
        print(type(e).__name__, e)
