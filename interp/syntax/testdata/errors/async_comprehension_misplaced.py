[x for x async in y]
