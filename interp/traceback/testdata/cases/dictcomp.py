keys = ["a", "b"]
lookup = {"a": 1}
out = {k: lookup[k] for k in keys}
