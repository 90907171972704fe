package modules_test

import "testing"

// jsonMemoPrograms cover the scanner's paths that skip making strs: keys
// found in the memo by their raw text, and strings without escapes, in
// ASCII and non-ASCII documents, with the errors that follow them.
var jsonMemoPrograms = map[string]string{
	"memo_keys": `import json
long = "k" * 70
doc = '[{"a": 1, "b\\u0041": 2, "%s": 3, "é": 4}, {"a": 5, "bA": 6, "%s": 7, "é": 8, "t\\tab": 9, "t\\tab": 10}]' % (long, long)
for text in (doc, doc.replace("é", "e"), ' ' + doc + ' '):
    r = json.loads(text)
    print(r, [list(d) for d in r])
    print(all(k1 is k2 for k1, k2 in zip(r[0], r[1])))
print(json.loads('{"x": "caf\u00e9", "x": "plain", "y": "é\\n"}'))
print(json.loads('[{"q": 1}, {"q": 2, "r": "☃"}]'))
for bad in ('[{"a": 1}, {"a" 2}]', '[{"a": 1}, {"a', '[{"a": 1}, {"a\\x": 1}]', '[{"a": 1}, {"a\x01": 1}]', '[{"é": 1}, {"é"', '{"s": "abc'):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, e.pos)
print(json.loads('[{"a\x01": 1}, {"a\x01": 2}]', strict=False))
`,
}

func TestJSONMemo(t *testing.T) { checkStdlibModulePrograms(t, jsonMemoPrograms) }
