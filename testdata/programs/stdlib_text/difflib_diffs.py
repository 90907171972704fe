import difflib

a = """one
two
three
four
five
""".splitlines(keepends=True)
b = """zero
one
tree
four
five
six
""".splitlines(keepends=True)
print("".join(difflib.unified_diff(a, b, fromfile="a.txt", tofile="b.txt")), end="")
print("".join(difflib.context_diff(a, b, fromfile="a.txt", tofile="b.txt", n=1)), end="")
print("".join(difflib.ndiff(a, b)), end="")

sm = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(sm.ratio(), 4), round(sm.quick_ratio(), 4), round(sm.real_quick_ratio(), 4))
for op in sm.get_opcodes():
    print(op)
print(sm.get_matching_blocks())
print(sm.find_longest_match(0, 29, 0, 38))
words = ["ape", "apple", "peach", "puppy", "applet"]
print(difflib.get_close_matches("appel", words))
print(difflib.get_close_matches("appel", words, n=1, cutoff=0.8))
print(list(difflib.restore(difflib.ndiff(a, b), 2)) == b)
sm2 = difflib.SequenceMatcher(lambda c: c == " ", "a b c d", "a x c d")
print([tuple(g) for group in sm2.get_grouped_opcodes(1) for g in group])
