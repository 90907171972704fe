package modules_test

import "testing"

var jsonPrograms = map[string]string{
	"_json": tryAll + `import _json, json, json.decoder as D, json.encoder as E
print(sorted(n for n in dir(_json) if not n.startswith('__')), _json.make_scanner, _json.make_encoder, type(_json.make_scanner))
print(D.scanstring is _json.scanstring, E.c_make_encoder is _json.make_encoder, json.scanner.make_scanner is _json.make_scanner, E.encode_basestring_ascii is _json.encode_basestring_ascii)
enc = _json.make_encoder(None, None, E.encode_basestring, None, ':', ',', False, False, True)
print(type(enc), enc({'a': [1, 2.5, None, True, False, 'x', (2,)]}, 0), enc.markers, enc.default, enc.encoder, enc.indent, enc.key_separator, enc.item_separator, enc.sort_keys, enc.skipkeys)
enc2 = _json.make_encoder({}, str, E.encode_basestring_ascii, '  ', ': ', ', ', True, True, False)
print(enc2({'b': [1, {'c': 2}], 'a': ()}, 0), enc2({'b': [1, {'c': 2}], 'a': ()}, 3), sorted(set(dir(enc)) - set(dir(object))))
sc = _json.make_scanner(json.JSONDecoder())
print(sorted(set(dir(sc)) - set(dir(object))), sc.strict, sc.parse_float, sc.parse_int, sc.object_hook, sc.object_pairs_hook)
print(sc('[1, 2]', 0), sc(' [1]', 1), sc('"abc" x', 0), sc(string='1', idx=0), sc('{"a": {"a": 1}}', 0), sc('NaN', 0), sc('-Infinity', 0), sc('-12.5e3x', 0))
def stop(e):
    try: return eval(e)
    except StopIteration as s: return 'StopIteration(%r)' % (s.value,)
print([stop(e) for e in ['sc("[1, x]", 0)', 'sc("x", 0)', 'sc("", 0)', 'sc("1", 5)', 'sc("-", 0)', 'sc("{\\"a\\": }", 0)', 'sc("nul", 0)', 'sc("-Inf", 0)']])
tryall('sc("1", -1)', 'sc(b"1", 0)', 'sc("1")', 'sc("1", 0, 1)', 'sc("1", 1.0)', 'sc.strict', 'sc.x', '_json.make_scanner()', '_json.make_scanner(1)', '_json.make_scanner(json.JSONDecoder(), 1)',
       '_json.scanstring("abc\\"", 0)', '_json.scanstring("abc\\"", 10)', '_json.scanstring("abc\\"", -1)', '_json.scanstring(b"abc", 0)', '_json.scanstring("a\\x01b\\"", 0, False)',
       '_json.scanstring("a\\x01b\\"", 0)', '_json.scanstring("\\\\u1234", 0)', '_json.scanstring("\\\\u1234\\"", 0)', '_json.scanstring("\\\\ud83d\\\\ude00\\"", 0)', '_json.scanstring("\\\\ud83d\\\\ude00", 0)',
       '_json.scanstring("\\\\ud83d\\\\u0041\\"", 0)', '_json.scanstring("\\\\ud83dx\\"", 0)', '_json.scanstring("\\\\ud83d\\\\ude0g\\"", 0)', '_json.scanstring("\\\\u12g4\\"", 0)', '_json.scanstring("\\\\x\\"", 0)',
       '_json.scanstring("\\\\", 0)', '_json.scanstring("ab", 0)', '_json.scanstring("x", 0, 1, 2)', '_json.scanstring("x")', '_json.scanstring("x", 0, strict=1)', '_json.scanstring("\\\\uDC00\\"", 0)',
       '_json.scanstring("\\\\ud83d\\\\ude0\\"", 0)', '_json.scanstring("\\\\ud83d\\\\\\"", 0)', '_json.scanstring("\\\\U00e9\\"", 0)', '_json.scanstring("\\\\u0x12\\"", 0)', '_json.scanstring("\\\\u\u0661\u0662\u0663\u0664\\"", 0)',
       '_json.scanstring("\\x7f\u00e9\\"", 0)', '_json.scanstring("x\u00e9\\\\n\\"rest", 1)', '_json.scanstring("ab", 2)',
       'ascii(_json.encode_basestring_ascii("a\\u00e9\\U0001f600\\x00\\x1f\\x7f\\"\\\\\\n\\ud800"))', 'ascii(_json.encode_basestring("a\\u00e9\\U0001f600\\x00\\x1f\\x7f\\"\\\\\\n\\ud800"))',
       '_json.encode_basestring_ascii(1)', '_json.encode_basestring(b"x")', '_json.encode_basestring()', '_json.encode_basestring("a", "b")', '_json.encode_basestring_ascii(x="a")',
       'enc(float("nan"), 0)', '_json.make_encoder(None, None, E.encode_basestring, None, ":", ",", False, False, False)([float("inf")], 0)',
       'enc({1: 2, 1.5: 3, True: 4, None: 5, "x": 6, 2**70: 7, float("-inf"): 8}, 0)', 'enc({(1,): 2}, 0)', 'enc(object(), 0)', 'enc([1], "a")', 'enc(obj=[1], _current_indent_level=0)', 'enc([1])',
       '_json.make_encoder()', '_json.make_encoder(1, None, E.encode_basestring, None, ":", ",", False, False, True)', '_json.make_encoder(None, None, E.encode_basestring, None, 1, ",", False, False, True)',
       '_json.make_encoder(None, None, E.encode_basestring, None, ":", 2, False, False, True)', '_json.make_encoder(None, None, len, None, ":", ",", False, False, True)("x", 0)',
       '_json.make_encoder(None, None, lambda s: s.upper(), None, ":", ",", False, False, True)(["x", {"k": "v"}], 0)', '_json.make_encoder(None, None, lambda s: b"s", None, ":", ",", False, False, True)(["x"], 0)',
       '_json.make_encoder(None, None, E.encode_basestring, None, ":", ",", True, False, True)({2: 1, "a": 2}, 0)', '_json.make_encoder(None, None, E.encode_basestring, None, ":", ",", True, True, True)({2: 1, (1,): 2, "a": 2}, 0)',
       '_json.make_encoder(None, None, E.encode_basestring, None, ":", ",", False, True, True)({2: 1, (1,): 2, "a": 2}, 0)', '_json.make_encoder(None, None, E.encode_basestring, 5, ":", ",", False, False, True)([1, [2]], 0)',
       '_json.make_encoder(None, None, E.encode_basestring, None, ":", ",", False, False, True)(2**100, 0)', 'enc.markers = 1', '_json.make_encoder({}, None, None, None, ":", ",", 0, 0, 0).markers')
for st in ['sc.strict = 1', 'enc.sort_keys = 0', 'del enc.markers', 'sc.parse_int = 1', 'enc.x = 1', 'sc.x = 1']:
    try: exec(st)
    except Exception as ex: print(st, type(ex).__name__, ex)
`,
	"encoder cases": tryAll + `import json, enum
class I(int):
    def __repr__(self): return 'I!'
class S(str):
    def __repr__(self): return 'S!'
class D(dict):
    def items(self): print('items called'); return [('z', 1), ('a', 2)]
class D2(dict):
    def items(self): return [('z', 1, 3)]
class D3(dict):
    def items(self): return 5
class L(list):
    def __iter__(self): print('iter called'); return iter([9])
class T(tuple): pass
class E(enum.IntEnum):
    A = 1
print(json.dumps([I(3), S('s'), D(a=1), L([1, 2]), T((1,)), E.A, {E.A: 1, I(7): 3}]))
print(json.dumps({}), json.dumps(D()), json.dumps([]), json.dumps(L()), json.dumps(D(), sort_keys=True), json.dumps(()))
tryall('json.dumps(D2(x=1))', 'json.dumps(D3(x=1))', 'json.dumps(float("nan"), allow_nan=False)', 'json.dumps({float("nan"): 1})', 'json.dumps({float("inf"): 1}, allow_nan=False)',
       'json.dumps([1, {2: 3}], sort_keys=True, separators=(";", "="))', 'json.dumps({"b": 1, "a": [1, 2]}, indent=2)', 'json.dumps(set())', 'json.dumps([1, set()], default=list)',
       'json.dumps([1, set()], default=lambda o: o)', 'json.dumps({"a": 1}, default=1)', 'json.dumps(1j)', 'json.dumps(b"x")', 'ascii(json.dumps("\\u00e9\\ud800", ensure_ascii=False))',
       'json.dumps("\\u00e9\\ud800")', 'json.dumps({"x": 1}, check_circular=False)', 'json.dumps(-0.0)', 'json.dumps([1e16, 1e-7, 123456789.123, 0.1, -1e300, 5e-324, 1.7976931348623157e308])',
       'json.dumps(10**5000)', 'json.dumps({"a": [1, {"b": None}]}, indent="\\t", sort_keys=True)', 'json.dumps([[]], indent=0)', 'json.dumps({3: 1, "2": 2, 1.5: 3}, sort_keys=True)',
       'json.dumps({"k": 1}, separators=(1, 2))', 'json.dumps(None)', 'json.dumps("x\\ny")', 'json.dumps(True), json.dumps(False)', 'json.dumps({True: 1, None: 2})')
a = []; a.append(a)
d = {}; d['x'] = d
for o in [a, d, [a], {'k': [d]}]:
    try: json.dumps(o)
    except Exception as ex: print(type(ex).__name__, ex)
class Cyc: pass
c = Cyc()
for f in [lambda o: [o], lambda o: o, lambda o: {'x': o}]:
    try: json.dumps(c, default=f)
    except Exception as ex: print(type(ex).__name__, ex)
x = [1]
print(json.dumps([x, x, {'a': x}]))
grow = [1, Cyc()]
def dflt(o):
    grow.append(5); return 'obj'
print(json.dumps(grow, default=dflt), len(grow))
deep = []
cur = deep
for i in range(100000): cur.append([]); cur = cur[0]
for kw in [{}, {'check_circular': False}, {'indent': None}]:
    try: json.dumps(deep, **kw)
    except Exception as ex: print(type(ex).__name__, ex)
for doc in ['[' * 100000 + ']' * 100000, '{"a":' * 100000 + '1' + '}' * 100000]:
    try: json.loads(doc)
    except Exception as ex: print(type(ex).__name__, ex)
for n in [10, 500, 900]:
    print(n, len(json.dumps(json.loads('[' * n + ']' * n))))
marks = {}
enc = json.encoder.c_make_encoder(marks, lambda o: [marks.copy() == {}, len(marks)], json.encoder.encode_basestring, None, ':', ',', False, False, True)
print(enc([[Cyc()]], 0), marks)
`,
	"decoder cases": tryAll + `import json, collections
print(json.loads('{"a": [1, 2.5, -3e5, true, false, null], "b": {"c": "d\\n\\u00e9"}}'), json.loads('  [ 1 , 2 ]  '), json.loads('"x"'), json.loads('123'))
print(json.loads('{"a": 1, "a": 2, "b": 3}', object_pairs_hook=list), json.loads('{"b": 1, "a": 2}', object_pairs_hook=collections.OrderedDict), json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1, 2.5, 1e3]', parse_int=float, parse_float=str), json.loads('[NaN, -Infinity, Infinity]', parse_constant=lambda s: s.lower()), json.loads('[NaN]'))
print(json.loads('{"a": 1}', object_hook=lambda d: 'hooked', object_pairs_hook=lambda p: 'pairs'), json.loads('{}', object_pairs_hook=lambda p: p), json.loads('[]'), json.loads('{}'))
print(json.loads(b'[1, "\\u00e9"]'), json.loads('[1]'.encode('utf-16')), json.loads('[2]'.encode('utf-32-be')), json.loads(bytearray(b'{"k": true}')), json.loads('[1.5e999, -1e400, 1e-400, -0]'))
print(ascii(json.loads('["\\ud800", "\\udc00\\ud800", "\\ud83d\\ude00"]')), json.loads('"\\\\\\"\\/\\b\\f\\n\\r\\t"'), json.loads('["\\t"]', strict=False))
r = json.loads('[{"key": 1}, {"key": 2}]'); print(r[0].keys() == r[1].keys(), [k for k in r[0]][0] is [k for k in r[1]][0])
print(json.loads('1' * 4300) % 1000, json.loads('-' + '9' * 30), json.loads('[' + '1' * 19 + ', ' + '1' * 18 + ', -' + '9' * 18 + ']'))
for s in ['1' * 4301, '', '[1] x', '\\ufeff[1]', '[0123]', '[1.]', '[.5]', '[-]', '{"a" 1}', '{"a": 1,}', '[1,]', '{1: 2}', '["a\\x01"]', '"\\u00"', '[1 2]', '{"a": 1 "b": 2}',
          '\\n\\n  [1,\\n  x]', '{"a":', '[', '{', '"', 'tru', 'nul', '-Infinit', 'NaNa', '[1]]', '   ']:
    try: print(ascii(s[:20]), '->', ascii(json.loads(s)))
    except json.JSONDecodeError as e: print(ascii(s[:20]), 'JSONDecodeError', e.msg, e.pos, e.lineno, e.colno, e)
    except Exception as e: print(ascii(s[:20]), type(e).__name__, e)
tryall('json.loads(1)', 'json.loads(None)', 'json.JSONDecoder().raw_decode("[1] 2")', 'json.JSONDecoder().raw_decode("  [1]")', 'json.JSONDecoder().decode("[1]", 0)',
       'json.loads("[1]", parse_float=1)', 'json.loads("[1.5]", parse_float=1)', 'json.loads("[1.5]", parse_float=lambda s: 1/0)', 'json.loads("{}", object_hook=len)')
`,
	"fuzz decode": `import json, _random
r = _random.Random(2024)
def rn(n): return r.getrandbits(32) % n
seeds = ['{"a": [1, 2.5, -3e5, true, false, null], "b": {"c": "d\\n\\u00e9\\ud83d\\ude00"}}', '[1,2,3]', '"abc"', '{"x":{"y":[{"z":1}]}}', '[-0, 0.0, 1E+2, 1e-2, -1.5e10]',
         '[NaN, Infinity, -Infinity]', '{"k": "v", "k": "w"}', '  [ ]  ', '{}', '"\\ud800\\udc00\\u0041\\/\\b\\f\\r\\t"', '123', '-', '[1, "a\\"b"]', '{"\u00e9": "\u00fc\u20ac"}', '"\x01"']
alpha = list('{}[]",:\\ -+.eE0123456789tfnulrsaINinfyu\t\n\x00\x1f\u00e9x')
for i in range(700):
    s = seeds[rn(len(seeds))]
    for _ in range(1 + rn(3)):
        op = rn(3); pos = rn(len(s) + 1)
        if op == 0: s = s[:pos] + alpha[rn(len(alpha))] + s[pos:]
        elif op == 1: s = s[:pos] + s[pos + 1:]
        else: s = s[:pos] + alpha[rn(len(alpha))] + s[pos + 1:]
    out = []
    for strict in (True, False):
        try: out.append(ascii(json.loads(s, strict=strict)))
        except json.JSONDecodeError as e: out.append('JDE %s|%s|%s|%s' % (e.msg, e.pos, e.lineno, e.colno))
        except Exception as e: out.append('%s %s' % (type(e).__name__, e))
    try: out.append(ascii(json.decoder.JSONDecoder().scan_once(s, rn(len(s) + 1))))
    except StopIteration as e: out.append('Stop %r' % (e.value,))
    except Exception as e: out.append('%s %s' % (type(e).__name__, e))
    try: out.append(ascii(json.decoder.scanstring(s, rn(len(s) + 2), bool(rn(2)))))
    except Exception as e: out.append('%s %s %s' % (type(e).__name__, e, getattr(e, 'pos', '')))
    print(ascii(s), out)
`,
	"fuzz encode": `import json, _random
r = _random.Random(77)
def rn(n): return r.getrandbits(32) % n
strs = ['', 'a', '\u00e9', '\u20ac', '\U0001f600', '\ud800', '"', '\\', '\n\t\x00\x1f\x7f', 'ab"c\\d', 'x' * 5]
def gen(d):
    k = rn(12 if d < 4 else 7)
    if k == 0: return None
    if k == 1: return bool(rn(2))
    if k == 2: return rn(2000) - 1000
    if k == 3: return [2**70, -2**64, 0.1, -0.0, 1e300, 1e-310, float('inf'), float('nan'), -float('inf'), 1.5][rn(10)]
    if k in (4, 5, 6): return strs[rn(len(strs))]
    if k in (7, 8): return [gen(d + 1) for _ in range(rn(4))]
    if k == 9: return tuple(gen(d + 1) for _ in range(rn(3)))
    if k == 10:
        dd = {}
        for _ in range(rn(4)):
            kk = [None, True, False, 3, -7, 2.5, float('nan'), 'k', '\u00e9', '\ud83d', 2**65, (1,), 'z'][rn(13)]
            dd[kk] = gen(d + 1)
        return dd
    return [lambda: {1}, lambda: 1j, lambda: b'x', object][rn(4)]() if rn(5) == 0 else {'a': gen(d + 1)}
for i in range(600):
    o = gen(0)
    kw = {}
    if rn(2): kw['sort_keys'] = True
    if rn(2): kw['ensure_ascii'] = False
    if rn(3) == 0: kw['skipkeys'] = True
    if rn(3) == 0: kw['allow_nan'] = False
    if rn(3) == 0: kw['separators'] = (',', ':')
    if rn(3) == 0: kw['default'] = lambda o: type(o).__name__
    if rn(3) == 0: kw['check_circular'] = False
    if rn(6) == 0: kw['indent'] = rn(3)
    try: res = json.dumps(o, **kw)
    except Exception as e: res = '%s: %s' % (type(e).__name__, e)
    try: back = json.loads(json.dumps(o, skipkeys=True, default=lambda o: type(o).__name__))
    except Exception as e: back = '%s: %s' % (type(e).__name__, e)
    print(ascii(sorted(kw)), ascii(res), ascii(back))
`,
}

func TestJSON(t *testing.T) { checkStdlibModulePrograms(t, jsonPrograms) }
