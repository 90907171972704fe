"""JSON round trips: json.dumps and json.loads of nested dicts, lists, strings, floats and unicode."""

import json

RECORDS = 1000
ROUNDS = 72


def make_record(i):
    return {
        "id": i,
        "name": "user-%05d" % i,
        "active": i % 3 != 0,
        "score": i * 1.25 - 17.5,
        "ratio": i / 7,
        "tags": ["t%d" % (i % k) for k in range(2, 7)],
        "nested": {"level": i % 4, "path": ["a", "b", str(i)], "none": None},
        "text": "caf\u00e9 \u2603 \"quoted\" \\ back\tslash\n" * (i % 3 + 1),
        "big": 2 ** (i % 70),
    }


def checksum(text):
    h = 0
    for i in range(0, len(text), 97):
        h = (h * 131 + ord(text[i])) % 1000000007
    return (h + len(text)) % 1000000007


def main():
    data = {"records": [make_record(i) for i in range(RECORDS)], "version": 3, "meta": {"source": "bench"}}
    total = 0
    for r in range(ROUNDS):
        if r % 3 == 0:
            text = json.dumps(data)
        elif r % 3 == 1:
            text = json.dumps(data, sort_keys=True, indent=2)
        else:
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        back = json.loads(text)
        if back != data:
            raise AssertionError("round trip changed the data")
        total = (total + checksum(text)) % 1000000007
    print("round trips:", ROUNDS, "checksum:", total)
    print(json.dumps(make_record(11), sort_keys=True)[:120])


main()
