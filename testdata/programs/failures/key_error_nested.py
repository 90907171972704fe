config = {'db': {'host': 'localhost'}}
def get_port(cfg):
    return cfg['db']['port']
def connect():
    port = get_port(config)
    return port
connect()
