results = []
for token in ['1', 'x', '3', '', '5']:
    try:
        n = int(token)
    except ValueError:
        results.append('bad')
        continue
    else:
        results.append(n)
    finally:
        results.append('|')
print(results)
def retry(attempts):
    for i in range(attempts):
        try:
            if i < 2:
                raise ConnectionError(f'attempt {i}')
            return f'ok after {i}'
        except ConnectionError as e:
            print('retry:', e)
    return 'gave up'
print(retry(5), retry(2))
