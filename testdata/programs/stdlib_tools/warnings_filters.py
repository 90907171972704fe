import warnings


def old_api(x):
    warnings.warn("old_api is deprecated; use new_api", DeprecationWarning, stacklevel=2)
    return x * 2


def risky():
    warnings.warn("something looks risky")


print(old_api(1))
risky()
risky()
warnings.warn("a runtime warning", RuntimeWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_api(2)
    risky()
    warnings.warn("bytes", BytesWarning)
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try:
        risky()
    except UserWarning as e:
        print("raised:", e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="something")
    risky()
    print("ignored")
warnings.simplefilter("once")
for _ in range(3):
    warnings.warn("printed once", FutureWarning)


class MyWarning(UserWarning):
    pass


warnings.warn(MyWarning("custom category"))
warnings.showwarning("shown manually", UserWarning, "fake.py", 12)
print(warnings.formatwarning("fmt", UserWarning, "file.py", 3, line="code()"), end="")
warnings.warn_explicit("explicit", SyntaxWarning, "virtual.py", 99)
print("done")
