# Uncaught exception raised from another one.
class ConfigError(Exception):
    pass
try:
    int("forty")
except ValueError as e:
    raise ConfigError("port must be an integer") from e
