x = {1:2 for a in b, c}
