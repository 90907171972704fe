e = ValueError("bad value")
e.add_note("first note")
e.add_note("multi\nline note")
e.add_note("")
e.add_note("ends with newline\n")
raise e
