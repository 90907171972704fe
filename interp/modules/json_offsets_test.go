package modules_test

import "testing"

// jsonOffsetPrograms cover the scanner working on byte offsets of the
// text (positions in errors, the end it returns and scanstring's end
// counted in code points on non-ASCII text, \uXXXX escapes cut short by
// non-ASCII characters), the encoder's own paths (sort_keys over str
// keys, exact dicts walked in place while default() changes them, keys
// of every type, separators that are not ASCII) and random strings both
// ways, all against CPython 3.12.
var jsonOffsetPrograms = map[string]string{
	"decode_offsets": `import json
from json import decoder
cases = [
    '{"a": 1, "é": [1, 2.5, "x\\u00e9y", null, true, false]}',
    '["caf\u00e9 \u2603", "\\ud83d\\ude00", "\\ud800", "\\udc00x", "\\ud800\\u0041"]',
    '"\u00e9\u00e9\\u12"', '"\u00e9\\u12\u00e9\u00e9"', '"\u00e9\\ud800\\udc0\u00e9"', '"é\\ud800\\udc0é"',
    '"\u00e9\\ud800\\u', '["é", é]', '{"é": 1, é}', '{"é" 1}', '["é" 1]', '["é",', '"é\x01"', '"é\\x"',
    '[1, 2, 3', '{"a":1,"a":2}', '123456789012345678901234567890', '-0', '-', '1e5', '1E+2', '1.5e-3', '-1.0',
    '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
    '  {"k": "v"}  x', '[NaN, Infinity, -Infinity]', '"\u2603' , '{"😀": "😀\\n"}', '[1,]', '{"a":1,}',
    '"\\u00"', '[]', '{}', '[[[]]]', '"abc\\', 'é', '[é]', '\u00e9 1', '{"\u00e9\u00e9": {"x": "\\"é"}}',
]
for c in cases:
    try:
        print(repr(json.loads(c)))
    except json.JSONDecodeError as e:
        print("JDE", e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(type(e).__name__, e)
d = json.JSONDecoder()
for s, i in [('xx é [1,2] é', 5), ('é "a"', 2), ('éé', 2), ('éé', 5), ('é [1, é]', 2)]:
    try:
        print(d.raw_decode(s, i))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(d.scan_once(s, i))
    except StopIteration as e:
        print("Stop", e.value)
    except Exception as e:
        print(type(e).__name__, e)
from _json import scanstring
for s, e in [('é"ab"', 2), ('éé"aé\\n"x', 3), ('é"a', 2), ('é', 5), ('é', -1), ('"é\x01"', 1)]:
    for strict in (True, False):
        try:
            print(scanstring(s, e, strict))
        except Exception as ex:
            print(type(ex).__name__, ex)
print(json.loads('{"a\x01": "b\x02"}', strict=False))
print(json.loads('[{"a": 1}, {"a": 2}, {"a\x01": 3}]', strict=False))
print(json.loads('{"a": 1}', object_pairs_hook=list), json.loads('{"a": 1.5}', parse_float=str, parse_int=str), json.loads('{"a": 15}', object_hook=len))
`,
	"encode_paths": `import json, collections
class F(float):
    def __repr__(self): return "F!"
class I(int):
    def __repr__(self): return "I!"
class D(dict):
    def items(self): return [("z", 1), ("a", 2)]
cases = [
    {"b": 1, "a": [1, 2.5, -0.0, 1e16, 1e-5, 123456789.123, 2**70, -2**63, True, None, "é\u2603\U0001F600\ud800"]},
    {"x": F(1.5), "y": I(7), F(2.5): 1, I(3): 2, True: 3, None: 4, 1.5: 5, 10: 6},
    D(a=1), collections.OrderedDict([("z", 1), ("a", 2)]), (1, (2, [3])), {"k": {}}, {"k": []}, [], {},
    {"é": 1, "e": 2, "\U0001F600": 3, "\uffff": 4, "\ud800": 5, "": 6},
]
for c in cases:
    for kw in [{}, {"sort_keys": True}, {"ensure_ascii": False}, {"separators": (",", ":")}, {"separators": ("\u00e9", "\u2603")}, {"indent": 2, "sort_keys": True}]:
        try:
            print(json.dumps(c, **kw))
        except Exception as e:
            print(type(e).__name__, e)
for bad in [{1: 1, "a": 2}, {(1,): 2}, {"a": float("nan")}, {"a": object()}, [float("inf")]]:
    for kw in [{}, {"sort_keys": True}, {"skipkeys": True}, {"allow_nan": False}, {"default": lambda o: type(o).__name__}]:
        try:
            print(json.dumps(bad, **kw))
        except Exception as e:
            print(type(e).__name__, e)
a = []; a.append(a)
d = {}; d["d"] = d
for x in (a, d):
    try: print(json.dumps(x))
    except Exception as e: print(type(e).__name__, e)
# mutation by default()
m = {"a": 1, "b": object(), "c": 3}
def dflt(o):
    m.clear(); m.update({"zz": 9}); return "gone"
print(json.dumps(m, default=dflt), json.dumps(m, default=dflt, sort_keys=True))
m = {"a": 1, "b": object(), "c": [1]}
print(json.dumps(m, default=dflt, sort_keys=True))
print(type(json.dumps({"a": "é"}, ensure_ascii=False)), len(json.dumps({"a": "é"}, ensure_ascii=False)), len(json.dumps({"a": "é"}, separators=("é", ":"))))
`,
	"random_strings": `import json
alpha = ['a', 'b', '"', '\\', '\n', '\x01', '\x1f', ' ', '~', '\x7f', '\x80', 'é', '\u2603', '\U0001F600', '/', 'u', '0']
x = 12345
def rnd(n):
    global x
    x = (x * 1103515245 + 12345) % 2**31
    return x % n
out = []
for i in range(400):
    s = ''.join(alpha[rnd(len(alpha))] for _ in range(rnd(40)))
    a = json.dumps(s); b = json.dumps(s, ensure_ascii=False)
    out.append(a); out.append(b)
    assert json.loads(a) == s and json.loads(b) == s, (s, a, b)
    # strict off with raw control characters
    raw = '"' + s.replace('\\', '').replace('"', '') + '"'
    try:
        r = json.loads(raw)
    except json.JSONDecodeError as e:
        r = (e.msg, e.pos)
    out.append(repr(r))
    out.append(repr(json.loads(raw, strict=False)))
    doc = '{' + a + ': ' + b + ', "k' + s.replace('\\', '').replace('"', '') + '": [1]}'
    try:
        out.append(repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        out.append(repr((e.msg, e.pos)))
import hashlib
print(hashlib.sha256('\n'.join(out).encode('utf-8', 'surrogatepass')).hexdigest(), len(out))
`,
	"compare_sequences": `pairs = [("b", 2), ("a", 1), ("a", 0), ("\ud800", 1), ("\ue000", 2), ("\uffff", 3), ("\U0001F600", 4), ("", 0), ("a", -1)]
print(sorted(pairs))
print((1, 2) < (1, 3), (1, "a") < (1, "b"), ("a", 1) <= ("a", 1), (2**70, 1) < (2**70, 2), (1, 2.0) == (1, 2), [1, "a"] > [1, "B"])
print((True, 1) < (1, 2), (1,) < (1, 2), ("x",) >= ("x",), [3, 4] != [3, 4], ("a", 1) < ("a", "b") if False else 0)
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(e)
class S(str):
    def __lt__(self, o): return True
print((S("z"),) < ("a",), ("z",) < (S("a"),))
import json
print(json.dumps({"b": 1, "a": 2, "\U0001F600": 3, "\uffff": 4}, sort_keys=True, ensure_ascii=False))
n = float("nan")
print([n] == [n], (n,) == (n,), [1.0, n] < [1.0, 2.0], [n, 1] < [n, 2], (0.0,) == (-0.0,), (1.5, 2) < (1.5, 3), [2.0] > [1.0], (1.0, "a") == (1, "a"))
a = [n]; print(a == a, [a[0]] == a)
`,
}

func TestJSONOffsets(t *testing.T) { checkStdlibModulePrograms(t, jsonOffsetPrograms) }
