# Writes interp/modules/unicodedata_tables.go: the Unicode 15.0.0 and
# 3.2.0 character properties that CPython 3.12's unicodedata module
# answers, read from CPython itself (facts about Unicode, not code), and
# the name aliases and named sequences of Unicode 15.0.0 from the UCD
# text files (Debian's unicode-data package), checked against CPython's
# lookup. Run from interp/modules:
#
#   PYENV_VERSION=3.12.1 python3 internal/ucdgen/gen.py > unicodedata_tables.go && gofmt -w unicodedata_tables.go
import sys
import unicodedata as u15

U32 = u15.ucd_3_2_0
UCD_DIR = "/usr/share/unicode"
assert u15.unidata_version == "15.0.0", u15.unidata_version

CATS = ["Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
        "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So",
        "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co"]
BIDIS = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES",
         "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI",
         "FSI", "PDI"]
EAWS = ["N", "Na", "A", "W", "H", "F"]
YES, MAYBE, NO = 0, 1, 2

chars = [chr(c) for c in range(0x110000)]

# Quick-check values, derived from what normalization does to each
# character: NO when a form changes it, MAYBE when it can be the second
# character of a primary composite (or a Hangul medial or final jamo).
second = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
for ch in chars:
    d = u15.decomposition(ch)
    if d and not d.startswith("<"):
        parts = d.split()
        if len(parts) == 2 and u15.normalize("NFC", ch) == ch:
            second.add(int(parts[1], 16))


def quick_check(c, ch):
    qc = 0
    for i, form in enumerate(["NFD", "NFKD", "NFC", "NFKC"]):
        if u15.normalize(form, ch) != ch:
            v = NO
        elif form in ("NFC", "NFKC") and c in second:
            v = MAYBE
        else:
            v = YES
        qc |= v << (2 * i)
    return qc


def check_quick_checks(qcs):
    """Cross-checks the derived values with DerivedNormalizationProps.txt."""
    want = {}
    try:
        f = open(UCD_DIR + "/DerivedNormalizationProps.txt")
    except OSError:
        return
    shift = {"NFD_QC": 0, "NFKD_QC": 2, "NFC_QC": 4, "NFKC_QC": 6}
    with f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            if fields[1] not in shift:
                continue
            v = {"N": NO, "M": MAYBE}[fields[2]]
            lo, _, hi = fields[0].partition("..")
            for c in range(int(lo, 16), int(hi or lo, 16) + 1):
                want[c] = want.get(c, 0) | v << shift[fields[1]]
    for c in range(0x110000):
        assert qcs[c] == want.get(c, 0), (hex(c), qcs[c], want.get(c, 0))


def record(U, ch, qc):
    cat = CATS.index(U.category(ch))
    bidi = BIDIS.index(U.bidirectional(ch))
    eaw = EAWS.index(U.east_asian_width(ch))
    return cat | bidi << 5 | eaw << 10 | U.mirrored(ch) << 13 | U.combining(ch) << 14 | qc << 22


records = []
record_index = {}


def runs(U, with_qc):
    out = []
    prev = None
    qcs = []
    for c, ch in enumerate(chars):
        qc = quick_check(c, ch) if with_qc else 0
        qcs.append(qc)
        r = record(U, ch, qc)
        if r not in record_index:
            record_index[r] = len(records)
            records.append(r)
        i = record_index[r]
        if i != prev:
            out.append(c << 11 | i)
            prev = i
    if with_qc:
        check_quick_checks(qcs)
    return out


runs15 = runs(u15, True)
runs32 = runs(U32, False)
assert len(records) < 1 << 11


def unassigned32(ch):
    return U32.category(ch) == "Cn"


# Decompositions: those of 3.2.0 are 15.0.0's, except for the characters
# unassigned in 3.2.0, which have none.
decomps = []
for c, ch in enumerate(chars):
    d = u15.decomposition(ch)
    if d:
        decomps.append("%04X;%s" % (c, d))
    d32 = U32.decomposition(ch)
    assert d32 == ("" if unassigned32(ch) else d), hex(c)


def numeric_fields(U, ch):
    dec, dig, num = U.decimal(ch, None), U.digit(ch, None), U.numeric(ch, None)
    if dec is None and dig is None and num is None:
        return None
    return "%s;%s;%s" % ("-" if dec is None else dec, "-" if dig is None else dig, "-" if num is None else repr(num))


numerics, numerics32 = [], []
for c, ch in enumerate(chars):
    f15, f32 = numeric_fields(u15, ch), numeric_fields(U32, ch)
    if f15:
        numerics.append("%04X;%s" % (c, f15))
    if f32 != (None if unassigned32(ch) else f15):
        numerics32.append("%04X;%s" % (c, f32 or "-;-;-"))

# The decompositions 3.2.0's normalization used that later versions
# corrected (NormalizationCorrections.txt): the characters whose NFD
# differs between the versions, though both have them.
corrections = []
for c, ch in enumerate(chars):
    if unassigned32(ch):
        continue
    a, b = U32.normalize("NFD", ch), u15.normalize("NFD", ch)
    if a != b:
        assert len(a) == 1, hex(c)
        corrections.append("%04X;%04X" % (c, ord(a)))


def ucd_lines(name):
    with open(UCD_DIR + "/" + name) as f:
        head = f.readline()
        assert "15.0.0" in head, head
        for line in f:
            line = line.split("#")[0].strip()
            if line:
                yield [x.strip() for x in line.split(";")]


seqs = []
for name, codes in ucd_lines("NamedSequences.txt"):
    assert u15.lookup(name) == "".join(chr(int(x, 16)) for x in codes.split()), name
    seqs.append("%s;%s" % (name, codes))

out = sys.stdout
w = out.write
w("// Code generated by internal/ucdgen/gen.py from CPython %s's unicodedata\n" % sys.version.split()[0])
w("// (Unicode %s and 3.2.0) and the UCD's NameAliases.txt and\n" % u15.unidata_version)
w("// NamedSequences.txt. DO NOT EDIT.\n\npackage modules\n\n")


def strings(name, doc, values):
    w("// %s\nvar %s = [...]string{" % (doc, name))
    w(", ".join('"%s"' % v for v in values))
    w("}\n\n")


def words(name, doc, values):
    w("// %s\nvar %s = [...]uint32{\n" % (doc, name))
    for i in range(0, len(values), 8):
        w("\t" + " ".join("0x%x," % v for v in values[i:i + 8]) + "\n")
    w("}\n\n")


def text(name, doc, lines):
    w("// %s\nconst %s = `" % (doc, name))
    w("\n".join(lines))
    w("`\n\n")


strings("ucdCategories", "ucdCategories names the general categories by record field value.", CATS)
strings("ucdBidiClasses", "ucdBidiClasses names the bidirectional classes by record field value.", BIDIS)
strings("ucdWidths", "ucdWidths names the East Asian widths by record field value.", EAWS)
words("ucdRecords", "ucdRecords packs the distinct property records: category (5 bits),\n"
      "// bidirectional class (5), East Asian width (3), mirrored (1), combining\n"
      "// class (8), then the NFD, NFKD, NFC and NFKC quick checks (2 bits each:\n"
      "// yes, maybe, no).", records)
words("ucdRuns15", "ucdRuns15 lists the runs of code points sharing a Unicode 15.0.0\n"
      "// record, in order: first code point << 11 | record index.", runs15)
words("ucdRuns32", "ucdRuns32 is ucdRuns15 for Unicode 3.2.0 (without quick checks).", runs32)
text("ucdDecompositions", "ucdDecompositions holds \"code;decomposition\" lines, as\n"
     "// unicodedata.decomposition shows them.", decomps)
text("ucdNumerics", "ucdNumerics holds \"code;decimal;digit;numeric\" lines (\"-\": none).", numerics)
text("ucdNumerics32", "ucdNumerics32 holds the lines of ucdNumerics that differ in Unicode\n"
     "// 3.2.0 for characters it has.", numerics32)
text("ucdCorrections32", "ucdCorrections32 holds \"code;code\" lines: the decompositions that\n"
     "// Unicode 3.2.0's normalization used and later versions corrected.", corrections)
# The aliases (NameAliases.txt) are syntax.UnicodeNameAliases, shared
# with the parser's \N{...} escapes.
text("ucdNamedSequences", "ucdNamedSequences holds \"name;code code...\" lines (NamedSequences.txt).", seqs)
