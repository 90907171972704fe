class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
    def __str__(self):
        return f'{self.field}: {self.args[1]}'
def validate(rec):
    if rec.get('age', 0) < 0:
        raise ValidationError('age', 'must be non-negative')
validate({'age': 3})
print('first ok')
validate({'age': -1})
