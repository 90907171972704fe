# The main program's compile-time warnings go to stderr (the warnings
# module's default action) before it runs; it then runs normally.
x = "\d"
y = [0x1for x in ()]
assert (x, "never fails")
if x is "\d":
    print("same object")
print(x, y, b'\777', f'\{{')
