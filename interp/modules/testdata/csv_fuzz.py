import csv, io, random, sys
rnd = random.Random(7)
alphabet = ['a', 'b', ',', ';', '"', "'", '\\', ' ', '\n', '\r', '\r\n', '1', '2.5', '-', 'é', '\t', '|']
dialects = []
for delim in [',', ';', '\t', ' ', '|']:
    for qc in ['"', "'", None, '|']:
        for esc in [None, '\\', '"']:
            for dq in [True, False]:
                for q in range(6):
                    for sis in [False, True]:
                        for strict in [False, True]:
                            dialects.append(dict(delimiter=delim, quotechar=qc, escapechar=esc, doublequote=dq, quoting=q, skipinitialspace=sis, strict=strict, lineterminator=rnd.choice(['\r\n', '\n', 'X', '']) ))
rnd.shuffle(dialects)
def show(f):
    try:
        return repr(f())
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
for kw in dialects[:400]:
    text = ''.join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 14)))
    lines = text.splitlines(True) if rnd.random() < 0.7 else [text]
    def rd():
        r = csv.reader(lines, **kw)
        out = []
        try:
            for row in r:
                out.append(row)
        except Exception as e:
            out.append('%s: %s @%d' % (type(e).__name__, e, r.line_num))
        return out, r.line_num
    print(kw, repr(lines), show(rd))
    rows = [[rnd.choice([None, 1, 2.5, -0.0, 1e100, True, '', 'x', 'a"b', 'a,b', 'a\\b', ' s', 'q\nr', 'X', "o'k", 'é|', 3+4j]) for _ in range(rnd.randrange(0, 4))] for _ in range(3)]
    def wr():
        s = io.StringIO()
        w = csv.writer(s, **kw)
        res = []
        for row in rows:
            try:
                res.append(w.writerow(row))
            except Exception as e:
                res.append('%s: %s' % (type(e).__name__, e))
        return s.getvalue(), res
    print(' W', repr(rows), show(wr))
