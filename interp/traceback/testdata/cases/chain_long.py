try:
    try:
        try:
            [][0]
        except IndexError as e:
            raise KeyError("k") from e
    except KeyError:
        raise TypeError("t")
except TypeError as e:
    e.add_note("while chaining")
    raise
