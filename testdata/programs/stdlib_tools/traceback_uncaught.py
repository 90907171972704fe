class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field


def parse_age(s):
    try:
        return int(s)
    except ValueError as e:
        raise ValidationError("age", f"not a number ({s!r})") from e


def load(record):
    try:
        return {"name": record["name"], "age": parse_age(record["age"])}
    except ValidationError as e:
        e.add_note(f"while loading record {record.get('id')}")
        raise


print(load({"id": 1, "name": "ann", "age": "41"}))
records = [{"id": 2, "name": "bob", "age": "x"}]
for r in records:
    try:
        load(r)
    finally:
        print("cleanup for", r["id"])
