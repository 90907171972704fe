class Config:
    defaults = {'a': 1}
    level = 0
    def bump(self):
        self.level += 1
        return self.level
c1, c2 = Config(), Config()
c1.bump(); c1.bump()
print(c1.level, c2.level, Config.level)
c1.defaults['b'] = 2
print(c2.defaults)
Config.level = 10
print(c1.level, c2.level)
del c1.level
print(c1.level)
print(sorted(vars(c1)), 'bump' in Config.__dict__, Config.__name__, Config.__module__)
c2.bump = lambda: 'instance override'
print(c2.bump(), c1.bump())
print(Config.__dict__['level'], type(Config.__dict__).__name__)
