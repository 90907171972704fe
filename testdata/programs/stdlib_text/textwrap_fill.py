import textwrap

text = ("The quick brown fox jumps over the lazy dog. " * 3).strip()
print(textwrap.fill(text, width=30))
print("--")
for line in textwrap.wrap(text, width=25, initial_indent="* ", subsequent_indent="  "):
    print(repr(line))
print("--")
print(textwrap.shorten(text, width=40))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten(text, 30, placeholder=" [more]"))
code = """
    def f():
        return 1
      # odd
"""
print(textwrap.dedent(code))
print(textwrap.indent("a\nb\n\nc\n", "> "))
print(textwrap.indent("a\nb\n\nc\n", "+ ", lambda line: True))
w = textwrap.TextWrapper(width=12, break_long_words=True, max_lines=3, placeholder="...")
print(w.wrap("supercalifragilisticexpialidocious is a long word indeed"))
w2 = textwrap.TextWrapper(width=10, break_on_hyphens=True)
print(w2.wrap("a well-known state-of-the-art method"))
print(textwrap.wrap("tab\there", width=20, expand_tabs=True, tabsize=4))
print(textwrap.wrap("   leading and trailing   ", width=40, drop_whitespace=False))
print(textwrap.wrap("", 10), textwrap.fill("x " * 5, 4))
