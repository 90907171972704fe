def compute(values):
    return sum(
        v * 2 for v in values
    ) + len(
        values
    )


compute([1, None])
