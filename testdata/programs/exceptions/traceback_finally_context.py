def process():
    try:
        raise ValueError('while processing')
    finally:
        print('in finally')
        {}['cleanup-key']
process()
