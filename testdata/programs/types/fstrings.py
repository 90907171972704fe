name, n, pi = 'World', 7, 3.14159265
print(f'Hello {name}!', f'{n * 6}', f'{pi:.3f}', f'{n:>4}|{n:<4}|{n:^5}|')
print(f'{name!r} {name!s} {"é"!a} {n=} {pi=:.2f} {n + 1 = }')
print(f'{{braces}} {n:{"0"}{4}d} {[1, 2][1]} {dict(a=1)["a"]}')
width = 10
print(f'{"centered":^{width}}|', f'{3:0{width}.2f}')
print(f'{"nested " + f"{n}"}', f'{"a" if n > 5 else "b"}', f'{(lambda x: x * 2)(4)}')
print(f'''multi
{name}''')
values = {'k': 'v'}
print(f"{values['k']}", f'{name.upper()=}', f'{n:#x}', f'{12345678:,}')
