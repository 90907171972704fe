def cleanup(items):
    return items[10]
def work():
    data = [1, 2, 3]
    try:
        return data['bad']
    except TypeError:
        cleanup(data)
work()
