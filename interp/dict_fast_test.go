package interp

import "testing"

// dictFastPrograms exercise the plain-key paths of dict lookups and
// stores (dictFindEntry: ints, strs that know their hash, exact classes)
// and their fall-backs: keys whose hash or equality runs code, str
// subclasses, missing keys, equal keys that are not identical, hash
// collisions, dicts that change under a warm instruction, and the
// release of the operands in place.
var dictFastPrograms = map[string]string{
	"subscr_plain_and_fallback": `class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v or o == self.v
class S(str): pass
calls = []
class Loud(str):
    def __hash__(self):
        calls.append('hash')
        return str.__hash__(self)
    def __eq__(self, o):
        calls.append('eq')
        return str.__eq__(self, o)
d = {1: 'one', 'a': 'A', -1: 'minus', 2**62: 'big', K(5): 'k5', 3.0: 'three', int: 'int', (1, 2): 'tup'}
keys = [1, 'a', -1, 2**62, K(5), 5, 3, 3.0, True, int, (1, 2), S('a'), Loud('a'), 'b' + 'x', 7, 'zz', [1]]
out = []
for i in range(3):
    for k in keys:
        try:
            out.append(d[k])
        except KeyError as e:
            out.append(('KeyError', repr(e.args[0])))
        except TypeError as e:
            out.append(('TypeError', str(e)))
        out.append(k in d)
        out.append(d.get(k, 'dflt') if not isinstance(k, list) else 'x')
print(out)
print(calls)
`,
	"store_plain_and_fallback": `class H:
    n = 0
    def __init__(self, v): self.v = v
    def __hash__(self):
        H.n += 1
        return self.v
    def __eq__(self, o): return isinstance(o, H) and o.v == self.v
class S(str): pass
d = {}
out = []
for i in range(40):
    d[i] = i * 2
    d[str(i)] = i
    d[i % 7] = 'again'
    d[H(i % 5)] = i
    d[S('x')] = i
    d['x'] = -i
    d[float(i % 3)] = 'f'
    d[type] = i
    try:
        d[[i]] = 1
    except TypeError as e:
        out.append(str(e))
print(len(d), [(k.v if isinstance(k, H) else k, v) for k, v in d.items()][:12], H.n, out[:2], len(out))
e = dict.fromkeys(range(8))
for i in range(20):
    e[i] = e.get(i - 1, 0) or i
    if i == 10:
        del e[3]
print(list(e.items()))
`,
	"collisions_and_deletions": `class Same:
    def __init__(self, v): self.v = v
    def __hash__(self): return 16
    def __eq__(self, o): return isinstance(o, Same) and o.v == self.v
d = {}
for i in range(64):
    d[i * 16] = i
    d[Same(i)] = -i
for i in range(0, 64, 3):
    del d[i * 16]
out = []
for i in range(64):
    out.append((d.get(i * 16), i * 16 in d, d.get(Same(i))))
    d[i * 16 + 1] = i
print(out)
print(len(d), sum(v for v in d.values() if isinstance(v, int)))
`,
	"mutating_eq": `class Evil:
    def __init__(self, d): self.d = d
    def __hash__(self): return 1
    def __eq__(self, o):
        self.d.clear()
        return False
d = {}
d[1] = 'one'
out = []
for i in range(6):
    d[1] = i
    try:
        out.append(d[Evil(d)])
    except KeyError:
        out.append('missing')
    out.append(dict(d))
print(out)
`,
	"class_keys": `class A: pass
class Meta(type):
    def __hash__(cls): return 7
    def __eq__(cls, o): return o == 'meta'
class M(metaclass=Meta): pass
table = {int: 'int', str: 'str', A: 'A', list: 'list'}
out = []
for i in range(4):
    for cls in (int, str, A, list, dict, M, bool):
        out.append((table.get(cls), cls in table))
    table[M] = 'M'
    out.append(table.get('meta'))
print(out, hash(M))
`,
}

func TestDictFastPaths(t *testing.T) { checkProgramsAtThresholds(t, dictFastPrograms) }
