x = """abc

def
ghi
