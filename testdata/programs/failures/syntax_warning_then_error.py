# Warnings issued before the syntax error are shown first.
x = "\d"
y = 1if x else 2
z = (1 2)
