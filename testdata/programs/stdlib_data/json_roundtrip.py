import json

config = {
    "name": "service",
    "version": 3,
    "ratio": 0.75,
    "enabled": True,
    "owner": None,
    "tags": ["a", "b", "ü"],
    "limits": {"cpu": 2, "mem": "512M"},
    "nested": [[1, 2], {"k": [None, False]}],
}
s = json.dumps(config)
print(s)
print(json.dumps(config, indent=2, sort_keys=True))
print(json.dumps(config["tags"], ensure_ascii=False))
print(json.dumps(config["limits"], separators=(",", ":")))
print(json.dumps([1, 2, {"a": 3}], indent="\t"))
back = json.loads(s)
print(back == config, type(back["ratio"]).__name__)
print(json.loads('{"a": [1, 2.5e3, -0.0, "\\u00e9\\n"], "b": {}}'))
print(json.dumps({1: "int key", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps(float("inf")), json.dumps(float("nan")), json.loads("NaN"), json.loads("-Infinity"))
print(json.dumps("tab\tquote\"slash\\ \x00 \u2028"))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps(""))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, indent=0))
print(json.loads("  123  "), json.loads('"x"'), json.loads("true"), json.loads("null"))
print(json.dumps(10**30), json.loads("1" * 25), json.dumps(1e300 * 10), json.dumps(0.1 + 0.2))
