class Bad:
    def __str__(self):
        raise RuntimeError("no str")


a = ValueError("a")
a.add_note("one line")
a.add_note("two\nlines")
a.add_note("")
a.add_note("ends in newline\n")
a.__notes__.append(Bad())
a.__notes__.append("odd\x0bbreaks\rhere\x1cand\u2028there")
b = KeyError("b")
b.__notes__ = "not a list"
c = TypeError("multi\nline\nmessage")
c.add_note("c note")
eg = ExceptionGroup("noted", [a, b, c])
eg.add_note("group note\nsecond line")
raise eg
