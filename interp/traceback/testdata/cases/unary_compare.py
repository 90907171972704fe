x = "s"
y = -x < 3
