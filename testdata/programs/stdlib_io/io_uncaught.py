import io


class Config:
    def __init__(self, text):
        self.values = {}
        for n, line in enumerate(io.StringIO(text), 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            key, sep, value = line.partition("=")
            if not sep:
                raise SyntaxError(f"config line {n}: expected key=value, got {line!r}")
            self.values[key.strip()] = value.strip()


c = Config("a = 1\n# comment\nb=two  # trailing\n")
print(c.values)
Config("x = 1\nbroken line\n")
