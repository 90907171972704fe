import unicodedata as ud

for ch in ["A", "é", "ß", "Ω", "€", "٣", "\u00a0", "😀", "\t"]:
    print(f"U+{ord(ch):04X}", ud.name(ch, "<no name>"), ud.category(ch), ud.bidirectional(ch), ud.east_asian_width(ch))
print(ud.lookup("LATIN SMALL LETTER E WITH ACUTE"), ud.lookup("SNOWMAN"))
print(ud.decimal("٣"), ud.digit("²"), ud.numeric("½"), ud.decimal("x", -1))
s = "Ame\u0301lie"
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    n = ud.normalize(form, s)
    print(form, len(n), [hex(ord(c)) for c in n], ud.is_normalized(form, s))
print(ud.normalize("NFKC", "ﬁ ① ｆｕｌｌ"))
print(ud.decomposition("é"), ud.decomposition("ﬁ"), repr(ud.decomposition("a")))
print(ud.combining("\u0301"), ud.mirrored("("), ud.unidata_version)

def strip_accents(t):
    return "".join(c for c in ud.normalize("NFD", t) if not ud.combining(c))
print(strip_accents("Crème Brûlée à la française"))
try:
    ud.lookup("NO SUCH CHARACTER NAME")
except KeyError as e:
    print("KeyError", e)
try:
    ud.name("\x00")
except ValueError as e:
    print("ValueError", e)
