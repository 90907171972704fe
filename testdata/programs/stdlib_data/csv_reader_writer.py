import csv
import io

rows = [
    ["id", "name", "note"],
    [1, "Alice", "likes, commas"],
    [2, "Bob", 'says "hi"'],
    [3, "Carol", "multi\nline"],
    [4, "", None],
]
buf = io.StringIO()
w = csv.writer(buf)
w.writerows(rows)
print(repr(buf.getvalue()))
buf.seek(0)
for row in csv.reader(buf):
    print(row)

buf = io.StringIO()
w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
w.writerow(["x", 1.5, 2, None])
w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="|")
w.writerow(["a", 1])
w = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, escapechar="\\", doublequote=False, lineterminator="\n")
w.writerow(['q"uote', "ok"])
print(buf.getvalue())

text = "name,age,city\nAnn,30,Oslo\nBen,25,\nCid,41,Rome,extra\n"
for rec in csv.DictReader(io.StringIO(text), restkey="more", restval="?"):
    print(dict(rec))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["b", "a"], extrasaction="ignore", lineterminator="\n")
dw.writeheader()
dw.writerow({"a": 1, "b": 2, "c": 3})
dw.writerow({"a": "x"})
print(out.getvalue(), end="")
try:
    csv.DictWriter(io.StringIO(), fieldnames=["a"]).writerow({"z": 1})
except ValueError as e:
    print("ValueError:", e)

csv.register_dialect("pipes", delimiter="|", quotechar="'", skipinitialspace=True)
print(list(csv.reader(["a| 'b|c'| d"], dialect="pipes")))
print(csv.list_dialects().count("pipes"), csv.get_dialect("pipes").delimiter)
print(list(csv.reader(['1,"a""b",3'])), list(csv.reader(["  x , y"], skipinitialspace=True)))
try:
    list(csv.reader(['a,"b'], strict=True))
except csv.Error as e:
    print("csv.Error:", e)
sniff = csv.Sniffer().sniff("a;b;c\n1;2;3\n")
print(sniff.delimiter, csv.Sniffer().has_header("name,age\nAnn,30\nBen,25\n"))
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
