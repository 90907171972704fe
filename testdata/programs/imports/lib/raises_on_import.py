print('raises_on_import starts')
def helper():
    return {}['missing']
value = helper()
