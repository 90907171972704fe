a.b: int, c: str
