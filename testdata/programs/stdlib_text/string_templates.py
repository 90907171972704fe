import string

print(string.ascii_letters)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace))
print(string.punctuation)
print(len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b-c", "-"))

t = string.Template("$who likes ${what}s, costs $$$price")
print(t.substitute(who="Tim", what="apple", price=3))
print(t.safe_substitute(who="Ann"))
try:
    t.substitute(who="Bob")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $").substitute()
except ValueError as e:
    print("ValueError", e)
print(t.get_identifiers(), t.is_valid())

class Percent(string.Template):
    delimiter = "%"
print(Percent("%name is %{age}y").substitute({"name": "Eve", "age": 30}))

class Upper(string.Formatter):
    def format_field(self, value, spec):
        if spec == "u":
            return str(value).upper()
        return super().format_field(value, spec)
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}?>"
        return super().get_value(key, args, kwargs)

f = Upper()
print(f.format("{0:u} {name:u} {missing} {1:>5}|{x:.2f}", "abc", 7, name="zed", x=3.14159))
print(list(string.Formatter().parse("a{0}b{x!r:>3}c{{}}")))
