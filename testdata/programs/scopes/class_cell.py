class Base:
    def hello(self):
        return 'Base.hello'
class Child(Base):
    def hello(self):
        return 'Child+' + super().hello()
    def cls(self):
        return __class__.__name__
print(Child().hello(), Child().cls())
print(Child.hello.__code__.co_freevars)
class Grand(Child):
    pass
print(Grand().cls())
