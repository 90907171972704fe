class Positive:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, cls):
        return obj.__dict__[self.name]
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f'{self.name} must be positive, got {value}')
        obj.__dict__[self.name] = value
class Order:
    qty = Positive()
    def __init__(self, qty):
        self.qty = qty
print(Order(3).qty)
Order(-2)
