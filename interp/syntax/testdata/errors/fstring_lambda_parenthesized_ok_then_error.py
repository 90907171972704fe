f'{(lambda x: x)} {}'
