f = f"abc
