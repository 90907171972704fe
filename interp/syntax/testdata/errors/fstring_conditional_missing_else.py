f'{"a" if b}'
