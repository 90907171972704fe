[
x
for str(x)
in
y
]
