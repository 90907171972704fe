def read_config(cfg):
    try:
        return cfg['port']
    except KeyError as e:
        raise RuntimeError('config incomplete') from e
read_config({'host': 'h'})
