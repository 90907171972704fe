import json
import sys

docs = [
    '{"a": 1,}',
    "[1, 2",
    '{"a" 1}',
    "",
    "[1] x",
    '"unterminated',
    "{'single': 1}",
    "[01]",
    '"bad \\q escape"',
    "tru",
]
bad = 0
for d in docs:
    try:
        json.loads(d)
    except json.JSONDecodeError as e:
        bad += 1
        print(f"{d!r}: {e.msg} at line {e.lineno} col {e.colno} (pos {e.pos})")
        print("   ", e)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads(b"\xff\xfe")
except (UnicodeDecodeError, json.JSONDecodeError) as e:
    print(type(e).__name__)
print(json.loads(b'{"bytes": true}'), json.loads('{"a":\n 1}'))
print(f"{bad} of {len(docs)} documents invalid", file=sys.stderr)
sys.exit(3 if bad else 0)
