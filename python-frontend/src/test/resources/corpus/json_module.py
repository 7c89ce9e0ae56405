# json: dumps with CPython's separators, escapes, key conversions, indent, sort_keys, default and errors;
# loads with its values and JSONDecodeError messages (3.13 names a trailing comma).
import json, io
data = {"name": "x\u00e9\n\"q\"", "n": [1, 2.5, -0.0, 1e100, True, None], "nested": {"a": [], "b": {}}, 3: "int key", 1.5: "f", None: 0, False: 1}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False, sort_keys=False))
print(json.dumps({"b": 1, "a": [1, {"c": 2}]}, indent=2, sort_keys=True))
print(json.dumps([1, 2], indent="\t"), json.dumps([1, [2, []]], separators=(",", ":")))
print(json.dumps((1, 2)), json.dumps("😀"), json.dumps(float("nan")), json.dumps(12345678901234567890))
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
try:
    json.dumps(object())
except TypeError as e:
    print(e)
print(json.dumps({(1, 2): 3, "k": 1}, skipkeys=True), json.dumps(set([1]), default=list))
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print(e)
try:
    json.dumps(float("inf"), allow_nan=False)
except ValueError as e:
    print(e)
text = '{"a": [1, 2.5, -3e2, true, false, null, "s\\u00e9\\n\\ud83d\\ude00"], "b": {"c": {}}, "d": NaN}'
v = json.loads(text)
print(v, type(v["a"][1]).__name__)
for bad in ['', '[1,]', '{"a" 1}', '{"a": 1,}', '[1 2]', '"abc', '{1: 2}', '[1] x', '"\\q"', '\n\n  [', 'tru']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, e.pos, e.lineno, e.colno)
buf = io.StringIO()
json.dump({"k": [1, 2]}, buf)
print(buf.getvalue(), json.load(io.StringIO(buf.getvalue())))
print(json.loads('{"x": 1}', object_hook=lambda d: sorted(d)), json.loads('[1.5]', parse_float=str))
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError))
