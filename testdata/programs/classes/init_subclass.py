class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class Alpha(Plugin):
    pass
class Beta(Plugin, name='b-plugin'):
    pass
class Gamma(Beta):
    pass
print(Plugin.registry, Gamma.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(e)
