class ConfigError(Exception):
    pass


def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise ConfigError("missing key") from e


load()
