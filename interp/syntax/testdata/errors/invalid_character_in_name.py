my€var = 1
