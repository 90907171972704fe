import io
import token
import tokenize

src = '''def add(a, b=2):
    """Sum."""
    return a + b  # plus
x = add(1, b=0x1F) ** 2
s = f"val={x!r:>5}"
'''
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(f"{tok.start[0]}:{tok.start[1]}-{tok.end[0]}:{tok.end[1]}", tokenize.tok_name[tok.type], repr(tok.string), tok.exact_type == tok.type)

print(token.tok_name[token.OP], token.ISTERMINAL(token.NAME), token.ISEOF(token.ENDMARKER))
names = [t.string for t in tokenize.generate_tokens(io.StringIO("a.b(c)[d]\n").readline) if t.type == token.NAME]
print(names)
toks = list(tokenize.tokenize(io.BytesIO(b"# coding: latin-1\nz = 1\n").readline))
print(toks[0].type == tokenize.ENCODING, toks[0].string)
print(tokenize.untokenize((t.type, t.string) for t in tokenize.generate_tokens(io.StringIO("y=[1,2]\n").readline)))
try:
    list(tokenize.generate_tokens(io.StringIO("x = (1,\n").readline))
except tokenize.TokenError as e:
    print("TokenError:", e.args)
